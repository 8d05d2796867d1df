"""The inspector (objectName ``inspector``): what the selection is, and its hyperparameters.

Values are checked as they are typed, with the Project's own validation
(``Project.check_hyperparameters``); an invalid value shows its message under the field
and never reaches the model. Valid edits go out as intents; the main window
makes them commands, so they can be undone. With several blocks of one kind
selected, an edit applies to all of them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.catalog.build import format_bytes
from editor.model.catalog.hyperparameters import block_label
from editor.model.catalog.shape_rules import fmt
from editor.model.design.tree import Block, Group, Node
from editor.model.errors import Fix, LayerLabError
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.panels.hyperparameter_editors import ParamEditor, ParseError
from editor.ui.panels.seed_check import from_seed

APPLY_DELAY_MS = 250


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def shared_sentence(shared: list[str]) -> str:
    """What a block that shares its module should know, each other place a link (``href`` is its path)."""
    links = [f"<a href='{path}'>block {path}</a>" for path in shared]
    places = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    count = len(shared) + 1
    every = "both" if count == 2 else ("all three" if count == 3 else f"all {count}")
    return (f"Shares its module (and weights) with {places}: one <code>nn.Module</code> used in {count} places, "
            f"so editing or training one changes {every}.")


def _quiet(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.muted().name()};")
    return label


def _seed_words(project: Project) -> str:
    """Whether the weights are the seed's, checked for designs small enough to check at once."""
    exact = from_seed(project)
    if exact is None:
        return "not checked against the seed"
    return "exactly what the seed gives" if exact else "changed since they were built from the seed"


class Inspector(QWidget):
    """Shows the selected blocks or group, or the design when nothing is selected."""

    hyperparameters_edited = Signal(list, dict)
    """Apply these hyperparameter changes (second) to the blocks at these paths (first)."""

    label_edited = Signal(str, object)
    """Give the block at this path this label (None: its index)."""

    fix_requested = Signal(object)
    """Apply this :class:`~editor.model.errors.Fix`."""

    ungroup_requested = Signal(str)
    """Dissolve the group at this path."""

    select_requested = Signal(str)
    """Select the block at this path (a link to another reference of a shared module was clicked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.project: Project | None = None
        self.nodes: list[Node] = []
        self.editors: dict[str, ParamEditor] = {}
        self.messages: dict[str, QLabel] = {}
        self._pending: dict[str, Any] = {}
        self._header: dict[str, QLabel] = {}
        self._timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._timer.timeout.connect(self.apply_pending)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self._body: QWidget | None = None

    # ------------------------------------------------------------ showing
    def show_nodes(self, project: Project, nodes: list[Node]) -> None:
        """Show ``nodes`` (the selection) of ``project``."""
        self.apply_pending()
        self.project = project
        self.nodes = list(nodes)
        self._rebuild()

    def _rebuild(self) -> None:
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.hide()
            self._body.deleteLater()
        self.editors, self.messages = {}, {}
        self._header: dict[str, QLabel] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        project, nodes = self.project, self.nodes
        if project is None:
            pass
        elif not nodes:
            self._show_design(layout, project)
        elif all(isinstance(n, Block) for n in nodes) and len({n.layer.kind for n in nodes}) == 1:  # type: ignore[attr-defined]
            self._show_blocks(layout, project, nodes)  # type: ignore[arg-type]
        elif len(nodes) == 1 and isinstance(nodes[0], Group):
            self._show_group(layout, project, nodes[0])
        else:
            self._show_mixed(layout, project, nodes)
        layout.addStretch(1)
        self._layout.addWidget(body)
        self._body = body

    def _title(self, layout: QVBoxLayout, text: str, subtitle: str = "") -> QLabel:
        title = QLabel(text)
        title.setObjectName("inspectorTitle")
        title.setFont(theme.font(3, bold=True))
        title.setWordWrap(True)
        layout.addWidget(title)
        if subtitle:
            layout.addWidget(_quiet(subtitle))
        return title

    def _line(self, layout: QVBoxLayout) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {theme.border().name()};")
        layout.addWidget(line)

    def _show_design(self, layout: QVBoxLayout, project: Project) -> None:
        self._title(layout, "Design", "Nothing selected. Click a block to see and edit its hyperparameters.")
        form = QFormLayout()
        shape = project.input_shape
        form.addRow("Input", QLabel(fmt(shape) if shape else "not set"))
        out = project.output_shape
        form.addRow("Output", QLabel(fmt(out) if out else "unknown"))
        form.addRow("Blocks", QLabel(str(sum(1 for _ in project.blocks()))))
        form.addRow("Parameters", QLabel(f"{project.count_parameters():,} ({format_bytes(project.parameter_bytes())})"))
        form.addRow("Seed", QLabel(str(project.seed)))
        form.addRow("Weights", _wrapped(_seed_words(project)))
        layout.addLayout(form)
        self._line(layout)
        layout.addWidget(_quiet("Tips: drag layers from the palette; Ctrl+K adds one by name; Ctrl+G groups the "
                                "selection into a nested Sequential; every edit can be undone with Ctrl+Z."))

    def _show_group(self, layout: QVBoxLayout, project: Project, group: Group) -> None:
        path = project.path_of(group)
        count = sum(p.numel() for p in group.sequential.parameters())
        self._title(layout, "Sequential" + (f" “{group.label}”" if group.label else ""),
                    f"Group at path {path}: a nested nn.Sequential. In code it is model[{path.replace('.', '][')}].")
        form = QFormLayout()
        form.addRow("Path", QLabel(path))
        form.addRow("Children", QLabel(str(len(group.children))))
        form.addRow("Parameters", QLabel(f"{count:,}"))
        spec_in, spec_out = project.in_shape(path), project.shape(path)
        form.addRow("Shapes", QLabel(f"{fmt(spec_in) if spec_in else '?'} → {fmt(spec_out) if spec_out else '?'}"))
        form.addRow("Name", self._label_editor(path, group.label))
        layout.addLayout(form)
        button = QPushButton("Ungroup")
        button.setObjectName("ungroupButton")
        button.setToolTip("Dissolve this group in place (Ctrl+Shift+G)")
        button.clicked.connect(lambda: self.ungroup_requested.emit(path))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _show_mixed(self, layout: QVBoxLayout, project: Project, nodes: list[Node]) -> None:
        self._title(layout, f"{len(nodes)} items selected",
                    "They are of different kinds, so there is nothing to edit together. Ctrl+G groups them "
                    "(when they sit side by side); Delete removes them.")
        for node in nodes[:12]:
            text = block_label(node.layer.kind, node.layer.params) if isinstance(node, Block) else "Sequential"
            layout.addWidget(QLabel(f"{project.path_of(node)}   {text}"))

    def _label_editor(self, path: str, label: str | None) -> QLineEdit:
        edit = QLineEdit(label or "")
        edit.setObjectName("labelEdit")
        edit.setPlaceholderText(f"(its index, {path.rpartition('.')[2]})")
        edit.setToolTip("The key of this block in its Sequential, like OrderedDict([('encoder', …)]).")
        edit.editingFinished.connect(lambda: self._label_done(path, edit))
        return edit

    def _label_done(self, path: str, edit: QLineEdit) -> None:
        text = edit.text().strip() or None
        node = self.project.node(path) if self.project else None
        if node is not None and text != node.label:
            self.label_edited.emit(path, text)

    def _shared_label(self, shared: list[str]) -> QLabel:
        label = _quiet(shared_sentence(shared))
        label.setObjectName("sharedWith")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(self.select_requested)
        return label

    def _show_blocks(self, layout: QVBoxLayout, project: Project, blocks: list[Block]) -> None:
        first = blocks[0]
        layer = first.layer
        kind = layer.kind
        paths = [project.path_of(b) for b in blocks]
        texts = self._block_texts(project, blocks)
        if len(blocks) == 1:
            self._header["title"] = self._title(layout, texts["title"], f"Block {paths[0]} · {kind.category}")
        else:
            self._title(layout, f"{len(blocks)} × {kind.name}",
                        f"Blocks {', '.join(paths)}: an edit applies to all of them.")
        about = QLabel(f"{kind.description} <a href='{kind.docs_url}'>About {kind.name}…</a>")
        about.setWordWrap(True)
        about.setOpenExternalLinks(True)
        layout.addWidget(about)
        if kind.param_count != "0":
            self._header["count"] = _quiet(texts["count"])
            layout.addWidget(self._header["count"])
        shared = project.shared_with(paths[0]) if len(blocks) == 1 else []
        if shared:
            layout.addWidget(self._shared_label(shared))
        if len(blocks) == 1:
            self._header["shapes"] = _quiet(texts["shapes"])
            layout.addWidget(self._header["shapes"])
        error = first.error.at(paths[0]) if first.error is not None else None
        if error is not None and len(blocks) == 1:
            self._show_error(layout, error.sentence, error.fix, paths[0])
        self._line(layout)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for hp in kind.params:
            editor = ParamEditor(hp, hp.auto is not None)
            editor.set_value(layer.params[hp.name], hp.name in layer.auto)
            editor.edited.connect(lambda name=hp.name: self._edited(name))
            editor.committed.connect(self.apply_pending)
            message = QLabel()
            message.setObjectName(f"message_{hp.name}")
            message.setWordWrap(True)
            message.setStyleSheet(f"color: {theme.ERROR.name()}; font-size: 9pt;")
            message.setVisible(False)
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(message)
            name = QLabel(hp.name)
            name.setToolTip(hp.help)
            form.addRow(name, cell)
            self.editors[hp.name] = editor
            self.messages[hp.name] = message
        if len(blocks) == 1:
            form.addRow("name", self._label_editor(paths[0], first.label))
        layout.addLayout(form)

    def _block_texts(self, project: Project, blocks: list[Block]) -> dict[str, str]:
        """The header lines of a block that change with its hyperparameters."""
        layer = blocks[0].layer
        path = project.path_of(blocks[0])
        count = sum(p.numel() for p in layer.module.parameters())
        spec_in, spec_out = project.in_shape(path), project.shape(path)
        return {
            "title": block_label(layer.kind, layer.params),
            "count": f"Parameters: {layer.kind.formula_text} = {count:,}",
            "shapes": f"Shapes: {fmt(spec_in) if spec_in else '?'} → {fmt(spec_out) if spec_out else '?'}"
                      f" · {theme.format_count(count)}",
        }

    def _show_error(self, layout: QVBoxLayout, sentence: str, fix: Fix | None, path: str) -> None:
        box = QFrame()
        box.setObjectName("inspectorError")
        box.setStyleSheet(f"#inspectorError {{ border: 1px solid {theme.ERROR.name()}; border-radius: 6px; "
                          f"background: {theme.mix(theme.base(), theme.ERROR, 0.08).name()}; }}")
        inner = QVBoxLayout(box)
        text = QLabel(f"<b>Shape error.</b> {sentence}")
        text.setWordWrap(True)
        inner.addWidget(text)
        if fix is not None:
            row = QHBoxLayout()
            button = QPushButton(f"Fix: {fix.label.replace('{path}', path)}")
            button.setObjectName("fixButton")
            button.clicked.connect(lambda: self.fix_requested.emit(fix))
            row.addWidget(button)
            row.addStretch(1)
            inner.addLayout(row)
        layout.addWidget(box)

    # ------------------------------------------------------------ editing
    def _edited(self, name: str) -> None:
        editor = self.editors[name]
        message = self.messages[name]
        assert self.project is not None
        paths = [self.project.path_of(b) for b in self.nodes]
        try:
            value = editor.value()
            for path in paths:
                self.project.check_hyperparameters(path, **{name: value})
        except (ParseError, LayerLabError) as exc:
            message.setText(str(exc).removeprefix(f"Block {paths[0]}: "))
            message.setVisible(True)
            self._pending.pop(name, None)
            return
        message.setVisible(False)
        self._pending[name] = value
        self._timer.start()

    def apply_pending(self) -> None:
        """Send the valid edits made so far (called after a short pause, on Enter or focus out)."""
        self._timer.stop()
        if not self._pending or self.project is None:
            return
        changes, self._pending = self._pending, {}
        paths = [self.project.path_of(b) for b in self.nodes if self.project.is_attached(b)]
        if paths:
            self.hyperparameters_edited.emit(paths, changes)

    def refresh(self) -> None:
        """The project changed: show the new values (keeping the field being typed in)."""
        if self.project is None:
            return
        alive = [n for n in self.nodes if self.project.is_attached(n)]
        if len(alive) != len(self.nodes) or not self.editors:
            self.nodes = alive
            if not any(e.has_focus() for e in self.editors.values()):
                self._rebuild()
            return
        layer = self.nodes[0].layer  # type: ignore[attr-defined]
        if set(self.editors) != set(layer.kind.param_names):
            self._rebuild()
            return
        focused = [name for name, e in self.editors.items() if e.has_focus()]
        if not focused and not self._pending:
            self._rebuild()
            return
        for name, editor in self.editors.items():
            if name not in focused and name not in self._pending and not self.messages[name].isVisible():
                editor.set_value(layer.params[name], name in layer.auto)
        for key, text in self._block_texts(self.project, self.nodes).items():  # type: ignore[arg-type]
            if key in self._header:
                self._header[key].setText(text)
