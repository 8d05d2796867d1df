"""Layer → New Custom Layer… (objectName ``customLayerDialog``): a layer of your own, written in a form.

The learner names the layer, lists its hyperparameters (the arguments of
``__init__``) with defaults, declares the tensors it owns (name, shape written
with the hyperparameters, initial values, and whether it is registered as an
``nn.Parameter``) and writes what ``forward(x)`` returns. Everything is checked
as it is typed, by the model's own rules
(:class:`~editor.model.custom.definitions.LayerDefinition`): an error names its
part, a bad expression is underlined at its character and its column is a link
that puts the cursor there, and OK stays disabled until the layer is valid.
The preview shows the output shape for a sample input (run on the meta device:
nothing is allocated) and the PyTorch class the exported code will hold.

The dialog only makes a definition. OK emits :attr:`CustomLayerDialog.submitted`;
whoever opened it runs the command and then closes it, or shows the refusal
with :meth:`CustomLayerDialog.show_failure`. Opened with a definition, it edits
that one (the name stays; every instance follows the edit).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.io.pycode.export.classes import classes_code
from editor.model import catalog
from editor.model.catalog.custom_kinds import CustomKind, check_name, make_kind
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.shape_rules import Spec, fmt, output_spec
from editor.model.custom.definitions import (
    DefinitionError,
    LayerDefinition,
    ParameterSpec,
    check_size_expression,
)
from editor.model.custom.expr import ExpressionError
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.dialogs.definition_form import WARNING, DefinitionDialog, FormError, sample_shape
from editor.ui.dialogs.definition_widgets import (
    CodePreview,
    ExpressionEdit,
    HyperparameterTable,
    ParameterTable,
    ValueTextError,
    error_offset,
    located_words,
    parse_value,
    split_shape,
)
from editor.ui.i18n import keep_translated, model_text, on_language_change


def _quoted_row(message: str, rows: list[tuple[int, str]]) -> int | None:
    """The row whose name the model's ``message`` quotes (how it says which entry is wrong)."""
    for row, name in rows:
        if name and (f"'{name}'" in message or f" {name} " in f" {message} "):
            return row
    return None


class CustomLayerDialog(DefinitionDialog):
    """Write a :class:`LayerDefinition` (a new one, or an edit of ``definition``), checked as it is typed."""

    submitted = Signal(object, bool, bool)
    """OK with a valid layer: (the LayerDefinition, save it to the library, add one after the selection)."""

    def __init__(self, project: Project, parent: QWidget | None = None, *, definition: LayerDefinition | None = None,
                 input_shape: tuple[int, ...] | None = None, in_library: bool = False,
                 offer_insert: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("customLayerDialog")
        self.project = project
        self.editing = definition
        self.definition: LayerDefinition | None = None
        """The valid definition the form holds now (None while something is wrong)."""
        self.kind: CustomKind | None = None
        self.problem: FormError | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.check_now)
        if definition is None:
            keep_translated(self, self.setWindowTitle, lambda: self.tr("New custom layer"))
        else:
            keep_translated(self, self.setWindowTitle, lambda: self.tr("Edit {name}").format(name=definition.name))

        self.name = QLineEdit(objectName="customLayerName", placeholderText="CenteredLayer")
        self.name.setFont(theme.font(0, mono=True))
        self.description = QLineEdit(objectName="customLayerDescription")
        keep_translated(self, self.description.setPlaceholderText, lambda: self.tr("optional: what it does, in a "
                                                                                   "few words"))
        self.hyperparameters = HyperparameterTable()
        self.parameters = ParameterTable()
        self.forward = ExpressionEdit()
        self.forward.setObjectName("customLayerForward")
        self.forward.setPlaceholderText("x - x.mean()")
        self.errors = {place: self._error_label(f"customLayerError_{place}") for place in
                       ("name", "hyper", "param", "forward")}
        self.errors["forward"].linkActivated.connect(lambda link: self.forward.go_to_error())
        self.plain_note = QLabel(objectName="customLayerPlainNote", wordWrap=True)
        self.plain_note.setStyleSheet(f"color: {WARNING};")
        self.plain_note.setVisible(False)
        self.sample = QLineEdit(objectName="customLayerInput")
        self.sample.setFont(theme.font(0, mono=True))
        self.sample.setMaximumWidth(160)
        self.output = QLabel(objectName="customLayerOutput", wordWrap=True)
        self.output.setTextFormat(Qt.TextFormat.PlainText)
        self.code = CodePreview("customLayerCode")
        keep_translated(self, self.code.setPlaceholderText, lambda: self.tr(
            "The class appears here once the layer is valid."))
        self.save = QCheckBox(objectName="customLayerSaveToLibrary")
        self.insert = QCheckBox(objectName="customLayerInsert", checked=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)  # a standard Ok would take
        self.ok.setDefault(True)  # back its own text ("OK") at each change of language
        self.ok.setObjectName("customLayerOk")
        self.offer_insert = offer_insert and definition is None
        self._texts(in_library)
        self._layout(self.offer_insert)
        self._fill(definition, input_shape, in_library)
        for signal in (self.name.textChanged, self.description.textChanged, self.hyperparameters.changed,
                       self.parameters.changed, self.forward.textChanged, self.sample.textChanged):
            signal.connect(self.schedule)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        on_language_change(self, self.check_now)
        self.check_now()

    # ------------------------------------------------------------ layout
    def _texts(self, in_library: bool) -> None:
        keep_translated(self, self.save.setText, lambda: self.tr("Update it in my library too") if in_library
                        else self.tr("Save to my library (for every project)"))
        keep_translated(self, self.save.setToolTip, lambda: self.tr(
            "Your library keeps your own layers for every project; they are listed under My blocks."))
        keep_translated(self, self.insert.setText, lambda: self.tr("Add one after the selection"))
        keep_translated(self, self.ok.setText, lambda: self.tr("Define") if self.editing is None
                        else self.tr("Save changes"))
        keep_translated(self, self.ok.setToolTip, lambda: self.tr(
            "One undoable step; every block of this layer follows the edit") if self.editing is not None
            else self.tr("One undoable step: the layer joins this project and its palette (My blocks)"))

    def _layout(self, offer_insert: bool) -> None:
        form = QFormLayout()
        name_label, about_label = QLabel(), QLabel()
        keep_translated(self, name_label.setText, lambda: self.tr("Name"))
        keep_translated(self, about_label.setText, lambda: self.tr("Description"))
        form.addRow(name_label, self.name)
        form.addRow("", self.errors["name"])
        form.addRow(about_label, self.description)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self._heading(lambda: self.tr("Hyperparameters")))
        left.addWidget(self._quiet(lambda: self.tr(
            "The arguments of __init__, e.g. in_units and units; each block of this layer has its own values. "
            "Defaults: integers, numbers or True/False.")))
        left.addWidget(self.hyperparameters)
        left.addWidget(self.errors["hyper"])
        left.addWidget(self._heading(lambda: self.tr("Parameters")))
        left.addWidget(self._quiet(lambda: self.tr(
            "Tensors the layer owns, made in this order (so the same seed gives the same values). Shapes are "
            "written with the hyperparameters' names, e.g. (in_units, units).")))
        left.addWidget(self.parameters)
        left.addWidget(self.errors["param"])
        left.addWidget(self.plain_note)
        left.addWidget(self._heading(lambda: self.tr("forward(x) returns:")))
        left.addWidget(self.forward)
        left.addWidget(self.errors["forward"])
        left.addWidget(self._quiet(lambda: self.tr(
            "An expression over x, the hyperparameters and the parameters: + - * / ** @, comparisons, a if c else "
            "b, functions such as relu, sigmoid, softmax(x, dim=1), mean, clamp, and tensor methods such as "
            "x.mean(dim=1, keepdim=True), x.view(…), x.shape.")))
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(470)

        right = QVBoxLayout()
        right.addWidget(self._heading(lambda: self.tr("Preview")))
        sample_row = QHBoxLayout()
        sample_label = QLabel()
        keep_translated(self, sample_label.setText, lambda: self.tr("Input shape"))
        keep_translated(self, self.sample.setToolTip, lambda: self.tr(
            "A sample input: the layer runs on it on the meta device (no memory is used) to find its output shape."))
        sample_row.addWidget(sample_label)
        sample_row.addWidget(self.sample)
        sample_row.addStretch(1)
        right.addLayout(sample_row)
        right.addWidget(self.output)
        right.addWidget(self._quiet(lambda: self.tr("As PyTorch code (what File → Export Python Code writes):")))
        right.addWidget(self.code, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)

        body = QHBoxLayout()
        body.addWidget(left_widget, 5)
        body.addWidget(right_widget, 4)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save)
        bottom.addWidget(self.insert)
        self.insert.setVisible(offer_insert)
        self.insert.setChecked(offer_insert)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(bottom)
        self.resize(1060, 720)

    def _fill(self, definition: LayerDefinition | None, input_shape: tuple[int, ...] | None,
              in_library: bool) -> None:
        if definition is not None:
            self.name.setText(definition.name)
            self.name.setReadOnly(True)
            keep_translated(self, self.name.setToolTip, lambda: self.tr(
                "The name stays while you edit: blocks and code refer to it."))
            self.description.setText(definition.description)
            self.hyperparameters.set_rows(list(definition.hyperparameters))
            self.parameters.set_rows([(spec.name, ", ".join(spec.shape) + ("," if len(spec.shape) == 1 else ""),
                                       spec.init, spec.registered) for spec in definition.parameters])
            self.forward.setPlainText(definition.forward)
        self.save.setChecked(in_library)
        self.sample.setText(fmt(input_shape) if input_shape else "(3, 20)")

    # ------------------------------------------------------------ checking
    def schedule(self) -> None:
        self._timer.start()

    def _read(self) -> LayerDefinition:
        name = self.name.text().strip()
        if not name:
            raise FormError("name", self.tr("Give the layer a name, e.g. CenteredLayer or MyLinear."), quiet=True)
        try:
            check_name(name)
        except DefinitionError as exc:
            raise FormError("name", html.escape(self._name_words(name, exc))) from None
        if self.editing is None and name in self.project.definitions:
            raise FormError("name", self.tr("This project already has a {name}: choose another name, or edit it "
                                            "(right-click it under My blocks, then Edit Definition…).").format(
                                                name=html.escape(name)))
        hyper = self._hyperparameters()
        specs = self._parameters({n for n, _ in hyper})
        forward = self.forward.toPlainText()
        if not forward.strip():
            raise FormError("forward", self.tr("Write what forward(x) returns, e.g. x - x.mean()."), quiet=True)
        try:
            return LayerDefinition(name, forward, tuple(hyper), tuple(specs), self.description.text().strip())
        except DefinitionError as exc:
            raise self._placed(exc, name, hyper, specs) from None

    def _name_words(self, name: str, exc: DefinitionError) -> str:
        """Why ``name`` cannot name a layer: the usual mistakes in the learner's language, else the model's words."""
        if not name.isidentifier() or not name.isascii():
            return self.tr("{name} is not a Python class name: use letters, digits and _ only, not starting with a "
                           "digit, e.g. MyLayer.").format(name=repr(name))
        if catalog.has_kind(name):
            return self.tr("{name} is a layer of the catalog (torch.nn.{name}): give yours another name, e.g. "
                           "My{name}.").format(name=name)
        return model_text(exc)

    def _hyperparameters(self) -> list[tuple[str, int | float | bool]]:
        out = []
        for row, name, text in self.hyperparameters.rows():
            if not name:
                raise FormError("hyper", self.tr("Row {row}: give the hyperparameter a name, e.g. units.").format(
                    row=row + 1), row)
            if not text:
                raise FormError("hyper", self.tr("Give {name} a default value, e.g. 10.").format(
                    name=html.escape(name)), row, 1)
            try:
                out.append((name, parse_value(text)))
            except ValueTextError:
                raise FormError("hyper", self.tr("{name} = {text}: a default is an integer, a number or "
                                                 "True/False.").format(name=html.escape(name), text=html.escape(text)),
                                row, 1) from None
        return out

    def _parameters(self, hyper_names: set[str]) -> list[ParameterSpec]:
        specs = []
        for row, name, shape_text, init, registered in self.parameters.rows():
            if not name:
                raise FormError("param", self.tr("Row {row}: give the tensor a name, e.g. weight.").format(row=row + 1),
                                row)
            shape = split_shape(shape_text)
            for entry in shape:
                try:
                    check_size_expression(entry, frozenset(hyper_names))
                except ExpressionError as exc:
                    words, _, column = located_words(exc)
                    where = self.tr("column {column}: ").format(column=column) if column else ""
                    raise FormError("param", html.escape(f"{name}, shape {entry!r}: ") + where + html.escape(words),
                                    row, ParameterTable.SHAPE) from None
            try:
                specs.append(ParameterSpec(name, shape, init or "randn", registered))
            except DefinitionError as exc:
                column = {"shape": ParameterTable.SHAPE, "init": ParameterTable.INIT}.get(exc.field or "", 0)
                raise FormError("param", html.escape(f"{name}: {model_text(exc)}"), row, column) from None
        return specs

    def _placed(self, exc: DefinitionError, name: str, hyper: list[tuple[str, object]],
                specs: list[ParameterSpec]) -> FormError:
        """The model's refusal, placed where the learner can fix it."""
        message, shown = str(exc), model_text(exc)  # the English one names the row; the learner reads `shown`
        if exc.field == "forward":
            words, line, column = located_words(exc, f"{name}'s forward")
            if line is None:
                return FormError("forward", html.escape(words))
            text = self.forward.toPlainText()
            return FormError("forward", html.escape(words), offset=error_offset(text, line, column),
                             location=(line, column))
        if exc.field == "hyperparameters":
            rows = [(row, n) for row, n, _ in self.hyperparameters.rows()]
            return FormError("hyper", html.escape(shown), _quoted_row(message, rows))
        if exc.field in ("parameters", "shape", "init", "registered"):
            rows = [(row, n) for row, n, *_ in self.parameters.rows()]
            return FormError("param", html.escape(shown), _quoted_row(message, rows))
        return FormError("name", html.escape(shown))

    def _kind(self, definition: LayerDefinition) -> CustomKind:
        """Its layer kind, with defaults that make a valid layer (raises :class:`FormError`)."""
        try:
            kind = make_kind(definition, catalog.kind)
            kind.count_elements(validate_params(kind, kind.defaults(), ""))
        except LayerLabError as exc:
            rows = [(row, n) for row, n, _ in self.hyperparameters.rows()]
            reason = model_text(exc)
            raise FormError("hyper", html.escape(self.tr("With these defaults: {reason}").format(reason=reason)),
                            _quoted_row(str(exc), rows)) from None
        return kind

    # ------------------------------------------------------------ showing
    def _show_problem(self, problem: FormError | None) -> None:
        for place, label in self.errors.items():
            label.setVisible(problem is not None and problem.place == place)
        self.hyperparameters.mark(problem.row if problem and problem.place == "hyper" and not problem.quiet else None,
                                  problem.column if problem else 0)
        self.parameters.mark(problem.row if problem and problem.place == "param" and not problem.quiet else None,
                             problem.column if problem else 0)
        self.forward.mark_error(problem.offset if problem and problem.place == "forward" else None)
        if problem is None:
            return
        label = self.errors[problem.place]
        colour = theme.muted() if problem.quiet else theme.ERROR
        label.setStyleSheet(f"color: {colour.name()};")
        label.setText(self._located(problem))

    def _after_check(self) -> None:
        self._note_plain()

    def _note_plain(self) -> None:
        """The lesson of an unregistered tensor, as soon as its box is unticked."""
        plain = [name for _, name, _, _, registered in self.parameters.rows() if name and not registered]
        self.plain_note.setVisible(bool(plain))
        if plain:
            self.plain_note.setText("⚠ " + self.tr(
                "{names}: a plain tensor attribute, not an nn.Parameter. parameters() and state_dict() do not see "
                "it, an optimizer does not train it, and .to(device) does not move it.").format(
                    names=", ".join(plain)))

    def _preview(self) -> None:
        kind = self.kind
        if kind is None:
            self.output.setStyleSheet(f"color: {theme.muted().name()};")
            self.output.setText(self.tr("The preview appears once the layer is valid."))
            self.code.show_code("")
            return
        try:
            shape = sample_shape(self.sample.text())
        except ValueError:
            self._say(self.tr("Write the input shape as positive integers, e.g. (3, 20)."), warn=True)
        else:
            try:
                out = output_spec(kind, validate_params(kind, kind.defaults(), ""), Spec(shape, "float"))
            except (LayerLabError, ArithmeticError, RuntimeError, ValueError, TypeError) as exc:
                self._say(self.tr("An input of shape {shape} does not fit: {reason}").format(
                    shape=fmt(shape), reason=" ".join(model_text(exc).split())[:400]), warn=True)
            else:
                self._say(self.tr("{name}{arguments} turns {shape_in} into {shape_out}.").format(
                    name=kind.name, arguments=self._arguments(kind), shape_in=fmt(shape),
                    shape_out=fmt(out.shape)), warn=False)
        lines, functional = classes_code([kind])
        imports = ["import torch", "from torch import nn"] + (["import torch.nn.functional as F"] if functional
                                                             else [])
        self.code.show_code("\n".join(imports) + "\n\n\n" + "\n\n\n".join(lines) + "\n")

    @staticmethod
    def _arguments(kind: CustomKind) -> str:
        values = kind.defaults()
        return "(" + ", ".join(f"{name}={values[name]!r}" for name in kind.param_names) + ")"

    def _say(self, text: str, warn: bool) -> None:
        colour = WARNING if warn else theme.text().name()
        self.output.setStyleSheet(f"color: {colour};")
        self.output.setText(text)

    # ------------------------------------------------------------ done
    def submit(self) -> None:
        """OK: emit the valid definition (the opener runs the command, then closes the dialog)."""
        definition = self.check_now()
        if definition is not None:
            self.submitted.emit(definition, self.save.isChecked(), self.offer_insert and self.insert.isChecked())


__all__ = ["WARNING", "CustomLayerDialog", "DefinitionDialog", "FormError", "sample_shape"]
