"""Edit a reusable block's definition (objectName ``blockDefinitionDialog``): its hyperparameters and children.

A block definition is a model class with constructor arguments
(``Net(n_in, n_hidden, n_out)``): named hyperparameters with defaults, named
children whose arguments are expressions over those hyperparameters
(``in_features=n_in``), and optionally a ``forward`` that calls the children
by name (empty: the children in order). Everything is checked as typed, by the
model's own rules; OK emits :attr:`BlockDefinitionDialog.submitted` and the
opener runs one undoable command that updates every block of this kind
(values kept where they still fit).
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
from editor.model.catalog import LayerKind
from editor.model.catalog.custom_kinds import CustomKind, make_kind
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.shape_rules import Spec, fmt, output_spec
from editor.model.custom.definitions import BlockDefinition, ChildSpec, DefinitionError
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.dialogs.custom_layer import WARNING, DefinitionDialog, FormError, sample_shape
from editor.ui.dialogs.definition_widgets import (
    ChildTable,
    CodePreview,
    ExpressionEdit,
    HyperparameterTable,
    ValueTextError,
    error_offset,
    located_words,
    parse_value,
    split_arguments,
)
from editor.ui.i18n import keep_translated, model_text, on_language_change


class BlockDefinitionDialog(DefinitionDialog):
    """Edit ``definition`` (its name stays): hyperparameters, children, forward; previewed as code."""

    submitted = Signal(object, bool)
    """OK with a valid definition: (the BlockDefinition, save it to the library too)."""

    def __init__(self, project: Project, definition: BlockDefinition, parent: QWidget | None = None, *,
                 input_shape: tuple[int, ...] | None = None, in_library: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("blockDefinitionDialog")
        self.project = project
        self.editing = definition
        self.definition: BlockDefinition | None = None
        self.kind: CustomKind | None = None
        self.problem: FormError | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.check_now)
        keep_translated(self, self.setWindowTitle, lambda: self.tr("Edit {name}").format(name=definition.name))
        self.name = QLineEdit(definition.name, objectName="blockDefinitionName", readOnly=True)
        self.name.setFont(theme.font(0, mono=True))
        self.description = QLineEdit(definition.description, objectName="blockDefinitionDescription")
        keep_translated(self, self.description.setPlaceholderText, lambda: self.tr(
            "optional: what it does, in a few words"))
        self.hyperparameters = HyperparameterTable()
        self.hyperparameters.set_rows(list(definition.hyperparameters))
        self.children_table = ChildTable()
        self.children_table.set_rows([(c.name, c.kind, ", ".join(f"{k}={v}" for k, v in c.arguments))
                                      for c in definition.children])
        self.forward = ExpressionEdit()
        self.forward.setObjectName("blockDefinitionForward")
        self.forward.setPlainText(definition.forward or "")
        keep_translated(self, self.forward.setPlaceholderText, lambda: self.tr(
            "(empty: the children in order, as nn.Sequential does; or e.g. out(relu(hidden(x))))"))
        self.errors = {place: self._error_label(f"blockDefinitionError_{place}")
                       for place in ("name", "hyper", "children", "forward")}
        self.errors["forward"].linkActivated.connect(lambda link: self.forward.go_to_error())
        self.sample = QLineEdit(fmt(input_shape) if input_shape else "", objectName="blockDefinitionInput")
        self.sample.setFont(theme.font(0, mono=True))
        self.sample.setMaximumWidth(160)
        self.output = QLabel(objectName="blockDefinitionOutput", wordWrap=True)
        self.output.setTextFormat(Qt.TextFormat.PlainText)
        self.code = CodePreview("blockDefinitionCode")
        keep_translated(self, self.code.setPlaceholderText, lambda: self.tr(
            "The class appears here once the block is valid."))
        self.save = QCheckBox(objectName="blockDefinitionSaveToLibrary", checked=in_library)
        keep_translated(self, self.save.setText, lambda: self.tr("Update it in my library too") if in_library
                        else self.tr("Save to my library (for every project)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)  # a standard Ok would take
        self.ok.setDefault(True)  # back its own text ("OK") at each change of language
        self.ok.setObjectName("blockDefinitionOk")
        keep_translated(self, self.ok.setText, lambda: self.tr("Save changes"))
        keep_translated(self, self.ok.setToolTip, lambda: self.tr(
            "One undoable step; every block of this kind follows the edit"))
        self._layout()
        for signal in (self.description.textChanged, self.hyperparameters.changed, self.children_table.changed,
                       self.forward.textChanged, self.sample.textChanged):
            signal.connect(self._timer.start)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        on_language_change(self, self.check_now)
        self.check_now()

    def _layout(self) -> None:
        form = QFormLayout()
        name_label, about_label = QLabel(), QLabel()
        keep_translated(self, name_label.setText, lambda: self.tr("Name"))
        keep_translated(self, about_label.setText, lambda: self.tr("Description"))
        form.addRow(name_label, self.name)
        form.addRow(about_label, self.description)
        form.addRow("", self.errors["name"])
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self._heading(lambda: self.tr("Hyperparameters")))
        left.addWidget(self._quiet(lambda: self.tr(
            "The arguments of __init__; each block of this kind has its own values.")))
        left.addWidget(self.hyperparameters)
        left.addWidget(self.errors["hyper"])
        left.addWidget(self._heading(lambda: self.tr("Children")))
        left.addWidget(self._quiet(lambda: self.tr(
            "Built in this order in __init__: a kind from the palette (Linear, ReLU, …, or one of My blocks) and "
            "its arguments by name, over the hyperparameters: in_features=n_in.")))
        left.addWidget(self.children_table)
        left.addWidget(self.errors["children"])
        left.addWidget(self._heading(lambda: self.tr("forward(x) returns:")))
        left.addWidget(self.forward)
        left.addWidget(self.errors["forward"])
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(470)
        right = QVBoxLayout()
        right.addWidget(self._heading(lambda: self.tr("Preview")))
        sample_row = QHBoxLayout()
        sample_label = QLabel()
        keep_translated(self, sample_label.setText, lambda: self.tr("Input shape"))
        sample_row.addWidget(sample_label)
        sample_row.addWidget(self.sample)
        sample_row.addStretch(1)
        right.addLayout(sample_row)
        right.addWidget(self.output)
        right.addWidget(self._quiet(lambda: self.tr("As PyTorch code (what File → Export Python Code writes):")))
        right.addWidget(self.code, 1)
        body = QHBoxLayout()
        body.addWidget(left_widget, 5)
        body.addLayout(right, 4)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(bottom)
        self.resize(1060, 720)

    # ------------------------------------------------------------ checking
    def _read(self) -> BlockDefinition:
        hyper = []
        for row, name, text in self.hyperparameters.rows():
            if not name or not text:
                raise FormError("hyper", self.tr("Row {row}: give the hyperparameter a name and a default value.")
                                .format(row=row + 1), row, 0 if not name else 1)
            try:
                hyper.append((name, parse_value(text)))
            except ValueTextError:
                raise FormError("hyper", self.tr("{name} = {text}: a default is an integer, a number or "
                                                 "True/False.").format(name=html.escape(name), text=html.escape(text)),
                                row, 1) from None
        children = []
        for row, name, kind, arguments in self.children_table.rows():
            if not name or not kind:
                raise FormError("children", self.tr("Row {row}: give the child a name and a kind, e.g. hidden and "
                                                    "Linear.").format(row=row + 1), row, 0 if not name else 1)
            try:
                children.append(ChildSpec(name, kind, tuple(split_arguments(arguments))))
            except ValueTextError as exc:
                raise FormError("children", html.escape(f"{name}: {model_text(exc)}"), row,
                                ChildTable.ARGUMENTS) from None
            except DefinitionError as exc:
                raise FormError("children", html.escape(model_text(exc)), row, 0) from None
        if not children:
            raise FormError("children", self.tr("A block needs at least one child."), quiet=True)
        forward = self.forward.toPlainText()
        try:
            return BlockDefinition(self.editing.name, tuple(hyper), tuple(children),
                                   forward if forward.strip() else None, self.description.text().strip())
        except DefinitionError as exc:
            raise self._placed(exc, forward) from None

    def _placed(self, exc: DefinitionError, forward: str) -> FormError:
        message, shown = str(exc), model_text(exc)  # the English one names the row; the learner reads `shown`
        if exc.field == "forward":
            words, line, column = located_words(exc, f"{self.editing.name}'s forward")
            offset = error_offset(forward, line, column) if line is not None else None
            return FormError("forward", html.escape(words), offset=offset, location=(line, column))
        if exc.field == "hyperparameters":
            return FormError("hyper", html.escape(shown), _row_quoting(message, [
                (row, n) for row, n, _ in self.hyperparameters.rows()]))
        rows = [(row, n) for row, n, *_ in self.children_table.rows()]
        return FormError("children", html.escape(shown), _row_quoting(message, rows))

    def _kind(self, definition: BlockDefinition) -> CustomKind:
        try:
            kind = make_kind(definition, self._resolve)
            kind.count_elements(validate_params(kind, kind.defaults(), ""))
        except KeyError as exc:
            raise FormError("children", html.escape(self.tr("There is no layer kind {name}: use a kind from the "
                                                            "palette.").format(name=exc.args[0]))) from None
        except LayerLabError as exc:
            raise FormError("children", html.escape(self.tr("With these defaults: {reason}").format(
                reason=model_text(exc)))) from None
        return kind

    def _resolve(self, name: str) -> LayerKind:
        if name == self.editing.name:
            raise DefinitionError(f"{name} cannot contain itself.")
        return self.project.custom_kind(name) or catalog.kind(name)

    # ------------------------------------------------------------ showing
    def _show_problem(self, problem: FormError | None) -> None:
        for place, label in self.errors.items():
            label.setVisible(problem is not None and problem.place == place)
        wrong = problem is not None and not problem.quiet
        self.hyperparameters.mark(problem.row if wrong and problem.place == "hyper" else None,
                                  problem.column if problem else 0)
        self.children_table.mark(problem.row if wrong and problem.place == "children" else None,
                                 problem.column if problem else 0)
        self.forward.mark_error(problem.offset if problem and problem.place == "forward" else None)
        if problem is None:
            return
        label = self.errors[problem.place]
        label.setStyleSheet(f"color: {(theme.muted() if problem.quiet else theme.ERROR).name()};")
        label.setText(self._located(problem))

    def _preview(self) -> None:
        kind = self.kind
        if kind is None:
            self._say(self.tr("The preview appears once the block is valid."), muted=True)
            self.code.show_code("")
            return
        values = kind.defaults()
        call = f"{kind.name}(" + ", ".join(f"{n}={values[n]!r}" for n in kind.param_names) + ")"
        example = kind.example(values)
        text = self.sample.text().strip()
        try:
            shape = sample_shape(text) if text else example
        except ValueError:
            shape = None
            self._say(self.tr("Write the input shape as positive integers, e.g. (3, 784)."), warn=True)
        if shape is not None:
            if not text:
                self.sample.setPlaceholderText(fmt(shape))
            try:
                out = output_spec(kind, validate_params(kind, values, ""), Spec(shape, "float"))
            except (LayerLabError, ArithmeticError, RuntimeError, ValueError, TypeError) as exc:
                self._say(self.tr("An input of shape {shape} does not fit: {reason}").format(
                    shape=fmt(shape), reason=" ".join(model_text(exc).split())[:400]), warn=True)
            else:
                self._say(self.tr("{name}{arguments} turns {shape_in} into {shape_out}.").format(
                    name=kind.name, arguments=call.removeprefix(kind.name), shape_in=fmt(shape),
                    shape_out=fmt(out.shape)))
        lines, functional = classes_code([kind])
        imports = ["import torch", "from torch import nn"] + (["import torch.nn.functional as F"] if functional
                                                             else [])
        self.code.show_code("\n".join(imports) + "\n\n\n" + "\n\n\n".join(lines) + "\n")

    def _say(self, text: str, warn: bool = False, muted: bool = False) -> None:
        colour = WARNING if warn else theme.muted().name() if muted else theme.text().name()
        self.output.setStyleSheet(f"color: {colour};")
        self.output.setText(text)

    # ------------------------------------------------------------ done
    def submit(self) -> None:
        """OK: emit the valid definition (the opener runs the command, then closes the dialog)."""
        definition = self.check_now()
        if definition is not None:
            self.submitted.emit(definition, self.save.isChecked())


def _row_quoting(message: str, rows: list[tuple[int, str]]) -> int | None:
    for row, name in rows:
        if name and (f"'{name}'" in message or f" {name} " in f" {message} " or f"child {name}" in message):
            return row
    return None


__all__ = ["BlockDefinitionDialog"]
