"""The "About this layer" panel (objectName ``aboutLayerPanel``): what the selected layer does, and its numbers.

For the selected block it says, in the current language: what the layer does,
each hyperparameter with its value and what it means, the parameter count as
the catalog's formula in words and then with this block's numbers
(``Linear 20 → 10``: ``20·10 + 10 = 210``), the tensors the layer holds
(``nn.Parameter`` or buffer, and what that means for training and saving),
whether it behaves differently in train and eval mode, and a link to its page
in the PyTorch documentation. With nothing (or a group) selected it says what
to click. It reads the design; it never changes it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from torch import nn

from editor.model.catalog import LayerKind
from editor.model.catalog.custom_kinds import CustomKind
from editor.model.catalog.hyperparameters import format_value
from editor.model.design.tree import Block, Node
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.i18n import catalog_text, on_language_change
from editor.ui.panels.about_formula import numbered_formula

MAX_TENSORS = 12
"""Tensors listed at most (a TransformerEncoderLayer holds a dozen; the rest are counted)."""


class AboutLayerPanel(QWidget):
    """Explains the selected block's layer kind with this block's own values (see the module's description)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutLayerPanel")
        self.project: Project | None = None
        self.nodes: list[Node] = []
        self.title = QLabel(objectName="aboutLayerTitle")
        self.title.setFont(theme.font(1, bold=True))
        self.title.setWordWrap(True)
        self.body = QLabel(objectName="aboutLayerBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.refresh()
        on_language_change(self, self.refresh)

    def show_nodes(self, project: Project, nodes: list[Node]) -> None:
        """Explain the first block of ``nodes`` (the selection) of ``project``."""
        self.project = project
        self.nodes = list(nodes)
        self.refresh()

    def block(self) -> Block | None:
        """The block explained now (the first selected one still in the design), if any."""
        if self.project is None:
            return None
        return next((n for n in self.nodes if isinstance(n, Block) and self.project.is_attached(n)), None)

    def refresh(self) -> None:
        """Say it again from the design as it is now (after an edit, or in a new language)."""
        block = self.block()
        if block is None:
            self.title.setText(self.tr("About this layer"))
            self.body.setText(self.tr("Select a block on the canvas to read what its layer does, what each "
                                      "hyperparameter means, and how its parameters are counted."))
            return
        kind = block.layer.kind
        self.title.setText(self.tr("About {name}").format(name=kind.name))
        self.body.setText("".join(self._sections(block, kind)))

    # ------------------------------------------------------------ sections
    def _sections(self, block: Block, kind: LayerKind) -> list[str]:
        layer = block.layer
        muted = theme.muted().name()
        parts = [f"<p>{html.escape(self._description(kind))}</p>"]
        others = sum(1 for n in self.nodes if isinstance(n, Block) and n is not block)
        if others:
            parts.append(f"<p style='color:{muted}'>" + html.escape(self.tr(
                "The numbers are those of block {path}; {count} more selected.").format(
                    path=block.path(), count=others)) + "</p>")
        parts.append(self._hyperparameters(kind, layer.params, layer.auto))
        parts.append(self._count(kind, layer.params, layer.module))
        parts.append(self._tensors(layer.module))
        mode = self._mode_note(kind, layer.module)
        if mode:
            parts.append(f"<p>{html.escape(mode)}</p>")
        if kind.docs_url:  # a custom layer has no page of its own
            link = html.escape(self.tr("{name} in the PyTorch documentation").format(name=kind.class_path))
            parts.append(f"<p><a href='{html.escape(kind.docs_url)}'>{link} ↗</a></p>")
        return parts

    def _description(self, kind: LayerKind) -> str:
        """What the layer does: the catalog's words, or for a custom kind the learner's (or a sentence of ours)."""
        if not isinstance(kind, CustomKind) or kind.definition is None:
            return catalog_text(kind.description)
        definition = kind.definition
        if definition.description:  # the learner's words (a lesson's own, translated)
            return catalog_text(definition.description)
        if kind.is_block:
            return self.tr("Your own block: a model class of your own, made of {count} layers.").format(
                count=len(kind.children))
        return self.tr("Your own layer: forward(x) returns {forward}.").format(forward=definition.forward)

    def _heading(self, text: str) -> str:
        return f"<p style='margin-top:8px'><b>{html.escape(text)}</b></p>"

    def _hyperparameters(self, kind: LayerKind, values: dict[str, Any], auto: frozenset[str]) -> str:
        if not kind.params:
            return self._heading(self.tr("Hyperparameters")) + "<p>" + html.escape(
                self.tr("None: {name}() takes no arguments that change what it computes.").format(
                    name=kind.class_path.removeprefix("torch.") if kind.docs_url else kind.name)) + "</p>"
        rows = []
        for hp in kind.params:
            value = html.escape(format_value(values.get(hp.name)))
            note = " " + html.escape(self.tr("(auto: follows the input)")) if hp.name in auto else ""
            meaning = catalog_text(hp.help) if not isinstance(kind, CustomKind) else self.tr(
                "an argument of {name}(…), as its definition names it").format(name=kind.name)
            rows.append(f"<li><code>{hp.name} = {value}</code>{note} — {html.escape(meaning)}</li>")
        return self._heading(self.tr("Hyperparameters")) + "<ul style='margin-left:-20px'>" + "".join(rows) + "</ul>"

    def _count(self, kind: LayerKind, values: dict[str, Any], module: nn.Module) -> str:
        count = sum(p.numel() for p in module.parameters())
        heading = self._heading(self.tr("Parameters: {count}").format(count=f"{count:,}"))
        if kind.param_count == "0":
            return heading + "<p>" + html.escape(self.tr("This layer learns nothing: it has no parameters.")) + "</p>"
        words = html.escape(catalog_text(kind.formula_text))
        numbered = numbered_formula(kind.param_count, values)
        if numbered is None or numbered[1] != count:  # the formula cannot say it: the count alone is true
            return heading + f"<p><code>{words}</code></p>"
        text, value = numbered
        same = text == f"{value:,}"
        line = f"{text} = {value:,}" if not same else f"{value:,}"
        return heading + f"<p><code>{words}</code><br><code>= {html.escape(line)}</code></p>"

    def _tensors(self, module: nn.Module) -> str:
        parameters = list(module.named_parameters(recurse=True))
        buffers = [(name, b) for name, b in module.named_buffers(recurse=True) if b is not None]
        if not parameters and not buffers:
            return ""
        rows = []
        for name, tensor in parameters[:MAX_TENSORS]:
            kind = "nn.Parameter" + ("" if tensor.requires_grad else ", requires_grad=False")
            rows.append(f"<li><code>{html.escape(name)}</code> {tuple(tensor.shape)} — {kind}</li>")
        buffer = html.escape(self.tr("buffer"))
        for name, tensor in buffers[:max(MAX_TENSORS - len(parameters), 0)]:
            rows.append(f"<li><code>{html.escape(name)}</code> {tuple(tensor.shape)} — {buffer}</li>")
        hidden = len(parameters) + len(buffers) - len(rows)
        if hidden > 0:
            rows.append("<li>" + html.escape(self.tr("and {count} more").format(count=hidden)) + "</li>")
        notes = [self.tr("An nn.Parameter is a tensor registered on the module: parameters() lists it, an optimizer "
                         "trains it (while requires_grad is True) and state_dict() saves it. A plain tensor stored "
                         "as an attribute is none of these.")]
        if buffers:
            notes.append(self.tr("A buffer (register_buffer) is saved in state_dict() and moves with .to(device), "
                                 "but no optimizer trains it: BatchNorm's running statistics are buffers."))
        muted = theme.muted().name()
        return (self._heading(self.tr("Tensors")) + "<ul style='margin-left:-20px'>" + "".join(rows) + "</ul>"
                + "".join(f"<p style='color:{muted}'>{html.escape(n)}</p>" for n in notes))

    def _mode_note(self, kind: LayerKind, module: nn.Module) -> str:
        """How model.train() and model.eval() change this layer, for the kinds they change."""
        if kind.category == "Dropout":
            return self.tr("Train and eval mode: in train mode (model.train()) it zeroes random elements and scales "
                           "the rest up; in eval mode (model.eval()) it passes the input through unchanged.")
        if any(name.startswith("running_") for name, _ in module.named_buffers()):
            return self.tr("Train and eval mode: in train mode it normalizes with each batch's statistics and "
                           "updates its running statistics; in eval mode it uses the running statistics and leaves "
                           "them as they are.")
        return ""


__all__ = ["AboutLayerPanel"]
