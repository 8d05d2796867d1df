"""Layer → Make Reusable Block… (objectName ``reusableBlockDialog``): a selected group becomes a block of its own kind.

Like turning ``nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 8))``
into ``class Net(nn.Module)`` with constructor arguments: the learner names the
block and ticks the numeric fields inside the group that its hyperparameters
set (``0.in_features = 784``). Fields given one name share one hyperparameter,
as ``0.out_features`` and ``2.in_features`` share ``n_hidden``: their values
must agree. The dialog suggests such a chain (the first input, each size passed
from one layer to the next, the last output), ticked. The definition is checked
by the model (:func:`~editor.model.project.block_making.plan_block`) as the
learner types, and previewed as the class the exported code will hold.

OK emits :attr:`ReusableBlockDialog.submitted` (name, bindings, save to the
library); the opener runs the command, then closes the dialog or shows the
refusal with :meth:`ReusableBlockDialog.show_failure`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.io.pycode.export.classes import classes_code
from editor.model import catalog
from editor.model.catalog import LayerKind
from editor.model.catalog.custom_kinds import check_name, make_kind
from editor.model.custom.definitions import BlockDefinition
from editor.model.design.tree import Block, Group
from editor.model.errors import LayerLabError
from editor.model.project.block_making import plan_block
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.dialogs.definition_widgets import CodePreview
from editor.ui.i18n import keep_translated, model_text, on_language_change

INPUTS = ("in_features", "in_channels", "num_features", "in1_features", "embedding_dim", "d_model",
          "normalized_shape")
"""Hyperparameters that take the size of what a layer receives."""
OUTPUTS = ("out_features", "out_channels")
"""Hyperparameters that set the size of what a layer passes on."""


@dataclass(frozen=True)
class Field:
    """A numeric hyperparameter of one child of the group: ``0.in_features = 784``."""

    child: int
    kind: str
    name: str
    value: int | float
    suggestion: str
    """A hyperparameter name to offer (shared along a chain of sizes)."""
    suggested: bool
    """Ticked at first: the first input, the sizes passed on, the last output."""

    @property
    def path(self) -> str:
        """``"0.in_features"``: how bindings name it."""
        return f"{self.child}.{self.name}"


def group_fields(group: Group) -> list[Field]:
    """The numeric fields of ``group``'s blocks, each with a suggested hyperparameter name.

    A size one layer passes on (``out_features``) and the next layer that takes it
    (``in_features``), with equal values, share a name (``n_hidden``, then
    ``n_hidden2``…); the first input is ``n_in``, the last output ``n_out``.
    """
    raw: list[tuple[int, str, str, int | float]] = []
    for index, child in enumerate(group.children):
        if not isinstance(child, Block):
            continue
        for hp in child.layer.kind.params:
            value = child.layer.params.get(hp.name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                raw.append((index, child.layer.kind.name, hp.name, value))
    names: dict[tuple[int, str], str] = {}
    pending: tuple[int, str, int | float] | None = None  # the last output not yet taken by a next layer
    hidden = 0
    first_input = True
    for index, _, name, value in raw:
        if name in INPUTS:
            if pending is not None and pending[2] == value and pending[0] < index:
                hidden += 1
                shared = "n_hidden" if hidden == 1 else f"n_hidden{hidden}"
                names[(pending[0], pending[1])] = names[(index, name)] = shared
                pending = None
            elif first_input:
                names[(index, name)] = "n_in"
            first_input = False
        elif name in OUTPUTS:
            pending = (index, name, value)
    if pending is not None:
        names[(pending[0], pending[1])] = "n_out"
    taken = set(names.values())
    fields = []
    for index, kind, name, value in raw:
        suggestion = names.get((index, name))
        if suggestion is None:
            suggestion = name if name not in taken else f"{name}_{index}"
            taken.add(suggestion)
        fields.append(Field(index, kind, name, value, suggestion, (index, name) in names))
    return fields


class ReusableBlockDialog(QDialog):
    """Name the block and bind hyperparameters to fields of the group at ``group_path``."""

    submitted = Signal(str, object, bool)
    """OK with a valid block: (name, bindings ``{hyperparameter: ["0.in_features", …]}``, save to the library)."""

    FIELD, NAME = range(2)

    def __init__(self, project: Project, group_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reusableBlockDialog")
        self.project = project
        self.group_path = group_path
        group = project.node(group_path)
        assert isinstance(group, Group)
        self.group = group
        self.fields = group_fields(group)
        self.definition: BlockDefinition | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.check_now)
        keep_translated(self, self.setWindowTitle, lambda: self.tr("Make reusable block"))

        self.intro = QLabel(wordWrap=True)
        keep_translated(self, self.intro.setText, lambda: self.tr(
            "Group {path} becomes one block of a new kind, like a class of your own with constructor arguments "
            "(class Net(nn.Module)). Tick the fields its hyperparameters set; fields that share a name share one "
            "hyperparameter, so their values must agree. Values you leave unticked stay as they are.").format(
                path=group_path))
        self.name = QLineEdit(objectName="reusableBlockName", placeholderText="MyNet")
        self.name.setFont(theme.font(0, mono=True))
        self.table = QTableWidget(len(self.fields), 2, objectName="reusableBlockFields")
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.NAME, 170)
        self.table.setFont(theme.font(0, mono=True))
        self._fill_table()
        self.signature = QLabel(objectName="reusableBlockSignature", wordWrap=True)
        self.signature.setFont(theme.font(0, mono=True))
        self.signature.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(objectName="reusableBlockError", wordWrap=True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.code = CodePreview("reusableBlockCode")
        keep_translated(self, self.code.setPlaceholderText, lambda: self.tr(
            "The class appears here once the block is valid."))
        self.save = QCheckBox(objectName="reusableBlockSaveToLibrary")
        keep_translated(self, self.save.setText, lambda: self.tr("Save to my library (for every project)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)  # a standard Ok would take
        self.ok.setDefault(True)  # back its own text ("OK") at each change of language
        self.ok.setObjectName("reusableBlockOk")
        keep_translated(self, self.ok.setText, lambda: self.tr("Make block"))
        keep_translated(self, self.ok.setToolTip, lambda: self.tr(
            "One undoable step: the group becomes one block of the new kind, with the same weights"))
        self._layout()
        self.name.textChanged.connect(self.schedule)
        self.table.itemChanged.connect(lambda item: self.schedule())
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        on_language_change(self, self._retranslate)
        self.check_now()

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("field = its value now"), self.tr("hyperparameter")])
        self.check_now()

    def _fill_table(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("field = its value now"), self.tr("hyperparameter")])
        for row, field in enumerate(self.fields):
            item = QTableWidgetItem(f"{field.path} = {field.value}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if field.suggested else Qt.CheckState.Unchecked)
            item.setToolTip(f"{field.kind}({field.name}={field.value})")
            self.table.setItem(row, self.FIELD, item)
            self.table.setItem(row, self.NAME, QTableWidgetItem(field.suggestion))
        height = self.table.horizontalHeader().sizeHint().height() + max(3, len(self.fields)) * \
            self.table.verticalHeader().defaultSectionSize() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(min(height, 320))

    def _layout(self) -> None:
        form = QFormLayout()
        name_label = QLabel()
        keep_translated(self, name_label.setText, lambda: self.tr("Name of the new block"))
        form.addRow(name_label, self.name)
        left = QVBoxLayout()
        left.addWidget(self.intro)
        left.addLayout(form)
        left.addWidget(self.table, 1)
        if not self.fields:
            none = QLabel(wordWrap=True)
            keep_translated(self, none.setText, lambda: self.tr(
                "The group holds no numeric fields: the block will take no hyperparameters."))
            left.addWidget(none)
        left.addWidget(self.signature)
        left.addWidget(self.error)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right = QVBoxLayout()
        code_title = QLabel()
        keep_translated(self, code_title.setText, lambda: self.tr("As PyTorch code:"))
        right.addWidget(code_title)
        right.addWidget(self.code, 1)
        body = QHBoxLayout()
        body.addWidget(left_widget, 1)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(bottom)
        self.resize(940, 540)

    # ------------------------------------------------------------ reading
    def set_bound(self, path: str, name: str | None) -> None:
        """Tick the field ``path`` ("0.in_features") with hyperparameter ``name``, or untick it (None)."""
        for row, field in enumerate(self.fields):
            if field.path == path:
                self.table.item(row, self.FIELD).setCheckState(
                    Qt.CheckState.Checked if name is not None else Qt.CheckState.Unchecked)
                if name is not None:
                    self.table.item(row, self.NAME).setText(name)
                return
        raise KeyError(path)

    def bindings(self) -> dict[str, list[str]]:
        """The ticked fields by hyperparameter name, in the order they first appear."""
        out: dict[str, list[str]] = {}
        for row, field in enumerate(self.fields):
            if self.table.item(row, self.FIELD).checkState() == Qt.CheckState.Checked:
                name = self.table.item(row, self.NAME).text().strip()
                out.setdefault(name, []).append(field.path)
        return out

    def schedule(self) -> None:
        self._timer.start()

    def check_now(self) -> BlockDefinition | None:
        """Check the form now and show the result; returns the definition when it is valid."""
        self._timer.stop()
        self.definition = None
        problem, quiet = "", False
        name = self.name.text().strip()
        bindings = self.bindings()
        try:
            if not name:
                problem, quiet = self.tr("Name the new block, e.g. Net or Mlp."), True
            elif "" in bindings:
                problem = self.tr("Give every ticked field a hyperparameter name.")
            else:
                check_name(name)
                if name in self.project.definitions:
                    problem = self.tr("This project already has a {name}: choose another name.").format(name=name)
                else:
                    self.definition = plan_block(self.group, name, bindings)
        except LayerLabError as exc:
            problem = model_text(exc)
        self.error.setVisible(bool(problem))
        self.error.setText(problem)
        self.error.setStyleSheet(f"color: {(theme.muted() if quiet else theme.ERROR).name()};")
        self._preview(name, bindings)
        self.ok.setEnabled(self.definition is not None)
        return self.definition

    def _preview(self, name: str, bindings: dict[str, list[str]]) -> None:
        definition = self.definition
        values = {hp: self._value_of(fields[0]) for hp, fields in bindings.items() if hp and fields}
        arguments = ", ".join(f"{hp}={value}" for hp, value in values.items())
        self.signature.setText(self.tr("The group as it is now: {call}").format(
            call=f"{name or 'Net'}({arguments})"))
        if definition is None:
            self.code.show_code("")
            return
        try:
            kind = make_kind(definition, self._resolve)
        except (LayerLabError, KeyError) as exc:
            self.code.show_code(f"# {exc}")
            return
        lines, functional = classes_code([kind])
        imports = ["import torch", "from torch import nn"] + (["import torch.nn.functional as F"] if functional
                                                             else [])
        self.code.show_code("\n".join(imports) + "\n\n\n" + "\n\n\n".join(lines) + "\n")

    def _resolve(self, name: str) -> LayerKind:
        return self.project.custom_kind(name) or catalog.kind(name)

    def _value_of(self, path: str) -> object:
        return next((f.value for f in self.fields if f.path == path), "?")

    # ------------------------------------------------------------ done
    def submit(self) -> None:
        """OK: emit the name and bindings (the opener runs the command, then closes the dialog)."""
        if self.check_now() is not None:
            self.submitted.emit(self.name.text().strip(), self.bindings(), self.save.isChecked())

    def show_failure(self, message: str) -> None:
        """The project refused: say why, and stay open."""
        self.error.setStyleSheet(f"color: {theme.ERROR.name()};")
        self.error.setText(message)
        self.error.setVisible(True)


__all__ = ["Field", "ReusableBlockDialog", "group_fields"]
