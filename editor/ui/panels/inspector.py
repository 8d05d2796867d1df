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
from editor.model.catalog.custom_kinds import CustomKind
from editor.model.catalog.hyperparameters import block_label
from editor.model.catalog.shape_rules import fmt
from editor.model.custom.definitions import BlockDefinition, LayerDefinition, ParameterSpec
from editor.model.design.tree import Block, Group, Node
from editor.model.errors import Fix, LayerLabError
from editor.model.project.project import Project
from editor.model.words import say
from editor.ui import theme
from editor.ui.i18n import catalog_text, fix_text, model_text, on_language_change, translate
from editor.ui.panels.hyperparameter_editors import ParamEditor, ParseError
from editor.ui.panels.seed_check import from_seed

APPLY_DELAY_MS = 250
SEED_CHECK_MS = 300
"""After an edit the design's "Weights" line first says what is known, and checks the weights against the seed
this long after the last edit: a checksum of every parameter, some 15 ms an edit at 1,000 blocks otherwise."""
PLAIN_WARNING = "#B26B00"
"""The colour of the plain-tensor warning (a caution, not an error)."""


def declaration(spec: ParameterSpec) -> str:
    """How ``__init__`` makes a custom layer's tensor: ``weight = nn.Parameter(torch.randn(in_units, units))``."""
    function, kwargs = spec.init_function
    shape = ", ".join(spec.shape)
    creation = function if function in ("randn", "rand", "zeros", "ones", "empty") else "empty"
    tensor = f"torch.{creation}({shape})"
    text = f"{spec.name} = nn.Parameter({tensor})" if spec.registered else f"{spec.name} = {tensor}"
    if creation != function:
        extra = "".join(f", {k}={v!r}" for k, v in kwargs.items())
        text += f"; nn.init.{function}({spec.name}{extra})"
    return text


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def shared_sentence(shared: list[str]) -> str:
    """What a block that shares its module should know, each other place a link (``href`` is its path)."""
    block = translate("Inspector", "block {path}")
    links = [f"<a href='{path}'>{block.format(path=path)}</a>" for path in shared]
    places = links[0] if len(links) == 1 else translate("Inspector", "{some} and {last}").format(
        some=translate("Inspector", ", ").join(links[:-1]), last=links[-1])
    count = len(shared) + 1
    every = (translate("Inspector", "both") if count == 2 else translate("Inspector", "all three") if count == 3
             else translate("Inspector", "all {count}").format(count=count))
    return translate("Inspector", "Shares its module (and weights) with {places}: one <code>nn.Module</code> used in "
                     "{count} places, so editing or training one changes {every}.").format(
                         places=places, count=count, every=every)


def _quiet(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.muted().name()};")
    return label


def _seed_words(project: Project, size: int | None = None, check: bool = True) -> str:
    """Whether the weights are the seed's, checked for designs small enough to check at once (``size``: the
    parameters' bytes, when known). Without ``check``: what is known already, with no checksum or rebuild."""
    exact = from_seed(project, size) if check else project.seeds.status
    if exact is None:
        return translate("Inspector", "not checked against the seed")
    return (translate("Inspector", "exactly what the seed gives") if exact
            else translate("Inspector", "changed since they were built from the seed"))


class Inspector(QWidget):
    """Shows the selected blocks or group, or the design when nothing is selected."""

    hyperparameters_edited = Signal(list, object)
    """Apply these hyperparameter changes (second, a dict) to the blocks at these paths (first).

    ``object``, not ``dict``: a dict would be converted to a QVariantMap on the way, which cannot hold every
    Python value (an integer beyond 64 bits raised OverflowError there, and the edit was lost without a word).
    """

    label_edited = Signal(str, object)
    """Give the block at this path this label (None: its index)."""

    fix_requested = Signal(object)
    """Apply this :class:`~editor.model.errors.Fix`."""

    ungroup_requested = Signal(str)
    """Dissolve the group at this path."""

    select_requested = Signal(str)
    """Select the block at this path (a link to another reference of a shared module was clicked)."""

    edit_definition_requested = Signal(str)
    """Open the definition of this custom layer or block for editing."""

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
        self._seed_label: QLabel | None = None
        self._seed_size = 0
        self._seed_timer = QTimer(self, singleShot=True, interval=SEED_CHECK_MS)
        self._seed_timer.timeout.connect(self._check_seed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self._body: QWidget | None = None
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Show the same selection again, in the current language."""
        if self.project is not None:
            self.apply_pending()
            self._rebuild()

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
        self._seed_label = None
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

    def _check_seed(self) -> None:
        """Settle the "Weights" line: the weights against the seed (values changed in place show here)."""
        if self._seed_label is not None and self.project is not None:
            self._seed_label.setText(_seed_words(self.project, self._seed_size))

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
        self._title(layout, self.tr("Design"),
                    self.tr("Nothing selected. Click a block to see and edit its hyperparameters."))
        form = QFormLayout()
        shape = project.input_shape
        form.addRow(self.tr("Input"), QLabel(fmt(shape) if shape else self.tr("not set")))
        out = project.output_shape
        form.addRow(self.tr("Output"), QLabel(fmt(out) if out else self.tr("unknown")))
        form.addRow(self.tr("Blocks"), QLabel(str(sum(1 for _ in project.blocks()))))
        totals = project.parameter_totals()
        form.addRow(self.tr("Parameters"), QLabel(f"{totals.count:,} ({format_bytes(totals.bytes)})"))
        form.addRow(self.tr("Seed"), QLabel(str(project.seed)))
        self._seed_label, self._seed_size = _wrapped(_seed_words(project, check=False)), totals.bytes
        self._seed_label.setObjectName("seedWords")
        form.addRow(self.tr("Weights"), self._seed_label)
        self._seed_timer.start()  # (again: a burst of edits is checked once, after the last)
        layout.addLayout(form)
        self._line(layout)
        layout.addWidget(_quiet(self.tr("Tips: drag layers from the palette; Ctrl+K adds one by name; Ctrl+G groups "
                                        "the selection into a nested Sequential; every edit can be undone with "
                                        "Ctrl+Z.")))

    def _show_group(self, layout: QVBoxLayout, project: Project, group: Group) -> None:
        path = project.path_of(group)
        count = sum(p.numel() for p in group.sequential.parameters())
        self._title(layout, "Sequential" + (f" “{group.label}”" if group.label else ""),
                    self.tr("Group at path {path}: a nested nn.Sequential. In code it is {code}.").format(
                        path=path, code=f"model[{path.replace('.', '][')}]"))
        form = QFormLayout()
        form.addRow(self.tr("Path"), QLabel(path))
        form.addRow(self.tr("Children"), QLabel(str(len(group.children))))
        form.addRow(self.tr("Parameters"), QLabel(f"{count:,}"))
        spec_in, spec_out = project.in_shape(path), project.shape(path)
        form.addRow(self.tr("Shapes"),
                    QLabel(f"{fmt(spec_in) if spec_in else '?'} → {fmt(spec_out) if spec_out else '?'}"))
        form.addRow(self.tr("Name"), self._label_editor(path, group.label))
        layout.addLayout(form)
        button = QPushButton(self.tr("Ungroup"))
        button.setObjectName("ungroupButton")
        button.setToolTip(self.tr("Dissolve this group in place (Ctrl+Shift+G)"))
        button.clicked.connect(lambda: self.ungroup_requested.emit(path))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _show_mixed(self, layout: QVBoxLayout, project: Project, nodes: list[Node]) -> None:
        self._title(layout, self.tr("{count} items selected").format(count=len(nodes)),
                    self.tr("They are of different kinds, so there is nothing to edit together. Ctrl+G groups them "
                            "(when they sit side by side); Delete removes them."))
        for node in nodes[:12]:
            text = block_label(node.layer.kind, node.layer.params) if isinstance(node, Block) else "Sequential"
            layout.addWidget(QLabel(f"{project.path_of(node)}   {text}"))

    def _label_editor(self, path: str, label: str | None) -> QLineEdit:
        edit = QLineEdit(label or "")
        edit.setObjectName("labelEdit")
        edit.setPlaceholderText(self.tr("(its index, {index})").format(index=path.rpartition(".")[2]))
        edit.setToolTip(self.tr("The key of this block in its Sequential, like OrderedDict([('encoder', …)])."))
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
            self._header["title"] = self._title(layout, texts["title"], self.tr("Block {path} · {category}").format(
                path=paths[0], category=catalog_text(kind.category)))
        else:
            self._title(layout, f"{len(blocks)} × {kind.name}",
                        self.tr("Blocks {paths}: an edit applies to all of them.").format(paths=", ".join(paths)))
        custom = kind.definition if isinstance(kind, CustomKind) else None
        if custom is not None:
            about = _wrapped(catalog_text(custom.description) or (self.tr("Your own block, defined in this project.")
                                                    if isinstance(custom, BlockDefinition)
                                                    else self.tr("Your own layer, defined in this project.")))
            about.setTextFormat(Qt.TextFormat.PlainText)  # the learner's words, as written
        else:
            link = self.tr("About {name}…").format(name=kind.name)
            about = QLabel(f"{catalog_text(kind.description)} <a href='{kind.docs_url}'>{link}</a>")
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
            name.setToolTip(self.tr("An argument of {name}(…), as its definition names it.").format(name=kind.name)
                            if custom is not None else catalog_text(hp.help))
            form.addRow(name, cell)
            self.editors[hp.name] = editor
            self.messages[hp.name] = message
        if len(blocks) == 1:
            form.addRow(self.tr("name"), self._label_editor(paths[0], first.label))
        layout.addLayout(form)
        if custom is not None:
            self._show_definition(layout, custom)

    def _show_definition(self, layout: QVBoxLayout, definition: LayerDefinition | BlockDefinition) -> None:
        """A custom kind's definition, read-only, as the lines of its class; and a way to edit it."""
        self._line(layout)
        heading = QLabel(self.tr("Definition of {name}").format(name=definition.name))
        heading.setFont(theme.font(0, bold=True))
        layout.addWidget(heading)
        lines = []
        if isinstance(definition, LayerDefinition):
            lines.append(f"forward: {definition.forward}")
            lines += [declaration(spec) for spec in definition.parameters]
        else:
            lines += [f"{child.name} = {child.kind}({', '.join(f'{k}={v}' for k, v in child.arguments)})"
                      for child in definition.children]
            lines.append(f"forward: {definition.forward}" if definition.forward else
                         "forward: " + self.tr("the children, in order"))
        code = QLabel("\n".join(lines))
        code.setObjectName("customDefinition")
        code.setFont(theme.font(-0.5, mono=True))
        code.setWordWrap(True)
        code.setTextFormat(Qt.TextFormat.PlainText)
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(code)
        plain = [spec.name for spec in getattr(definition, "parameters", ()) if not spec.registered]
        if plain:
            warning = QLabel("⚠ " + self.tr(
                "{names}: a plain tensor attribute, not an nn.Parameter. parameters() and state_dict() do not see "
                "it, an optimizer does not train it, and .to(device) does not move it.").format(names=", ".join(plain)))
            warning.setObjectName("plainTensorWarning")
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {PLAIN_WARNING};")
            layout.addWidget(warning)
        button = QPushButton(self.tr("Edit Definition…"))
        button.setObjectName("editDefinitionButton")
        button.setToolTip(self.tr("Change {name} for every block of it (one undoable step)").format(
            name=definition.name))
        button.clicked.connect(lambda: self.edit_definition_requested.emit(definition.name))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _block_texts(self, project: Project, blocks: list[Block]) -> dict[str, str]:
        """The header lines of a block that change with its hyperparameters."""
        layer = blocks[0].layer
        path = project.path_of(blocks[0])
        count = sum(p.numel() for p in layer.module.parameters())
        spec_in, spec_out = project.in_shape(path), project.shape(path)
        return {
            "title": block_label(layer.kind, layer.params),
            "count": self.tr("Parameters: {formula} = {count}").format(formula=catalog_text(layer.kind.formula_text),
                                                                       count=f"{count:,}"),
            "shapes": self.tr("Shapes: {shapes}").format(
                shapes=f"{fmt(spec_in) if spec_in else '?'} → {fmt(spec_out) if spec_out else '?'}")
                      + f" · {theme.format_count(count)}",
        }

    def _show_error(self, layout: QVBoxLayout, sentence: str, fix: Fix | None, path: str) -> None:
        box = QFrame()
        box.setObjectName("inspectorError")
        box.setStyleSheet(f"#inspectorError {{ border: 1px solid {theme.ERROR.name()}; border-radius: 6px; "
                          f"background: {theme.mix(theme.base(), theme.ERROR, 0.08).name()}; }}")
        inner = QVBoxLayout(box)
        heading = self.tr("Shape error.")
        text = QLabel(f"<b>{heading}</b> {model_text(sentence)}")
        text.setWordWrap(True)
        inner.addWidget(text)
        if fix is not None:
            row = QHBoxLayout()
            button = QPushButton(self.tr("Fix: {fix}").format(fix=fix_text(fix.label, path)))
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
            where = model_text(say("Block {path}: ", path=paths[0]))  # the model's block prefix, as it says it
            message.setText(model_text(exc).removeprefix(where))
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
