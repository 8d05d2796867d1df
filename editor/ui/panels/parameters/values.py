"""The values pane beside the parameter table: a tensor printed exactly as ``print(model[0].weight)`` prints it.

The text is torch's own (``str(tensor)``, so ``torch.set_printoptions`` applies):
``Parameter containing:`` and ``requires_grad=True`` for a parameter, a plain
``tensor(...)`` for a buffer or a ``state_dict()`` entry (those hold detached
tensors), and torch's ``...`` summary for tensors of more than a thousand
values. Printing runs in a :class:`~editor.ui.jobs.JobRunner` worker, a newer
request superseding an older one; the text is printed again only when the
tensor, its values (version counter), device or ``requires_grad`` changed.
"""

from __future__ import annotations

import keyword
import weakref
from dataclasses import dataclass
from functools import partial

import torch
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, keep_translated, model_text, translate
from editor.ui.jobs import JobContext, JobRunner
from editor.ui.panels.parameters.stats import version_of
from editor.ui.tensor_text import MAX_CHARS, print_text  # noqa: F401 - MAX_CHARS as it was offered here

PROMPT = QT_TRANSLATE_NOOP("TensorValues",
                           "Click a parameter or a buffer in the table to see its values as print() shows them.")


def prompt() -> str:
    """What the empty values pane says, in the current language."""
    return translate("TensorValues", PROMPT)


def access(name: str, buffer: bool = False) -> str:
    """How a learner reaches the tensor named ``name`` (``model.named_parameters()`` style) from ``model``.

    ``0.weight`` → ``model[0].weight``, ``1.0.bias`` → ``model[1][0].bias``,
    ``encoder.weight`` → ``model.encoder.weight``; a label that is no Python
    name goes through ``model.get_parameter(...)`` (``get_buffer`` for buffers).
    """
    parts = name.split(".")
    if not all(p.isdigit() or (p.isidentifier() and not keyword.iskeyword(p)) for p in parts):
        return f"model.{'get_buffer' if buffer else 'get_parameter'}({name!r})"
    return "model" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in parts)


@dataclass(frozen=True)
class Printed:
    """One tensor to print: the code that reaches it, and the tensor (detached for a state_dict entry)."""

    code: str
    tensor: torch.Tensor
    detach: bool = False


def _print_all(items: tuple[Printed, ...], context: JobContext) -> str:
    """The job: one tensor's text, or a transcript of several (a block's parameters)."""
    if len(items) == 1:
        return print_text(items[0].tensor, items[0].detach)
    parts = []
    for item in items:
        context.check()
        parts.append(f">>> print({item.code})\n{print_text(item.tensor, item.detach)}")
    return "\n\n".join(parts)


@dataclass(frozen=True)
class _Shown:
    """What the text was printed from: it is printed again only when one of these changed."""

    refs: tuple[weakref.ref, ...]
    state: tuple[tuple[str, int, torch.device, bool, bool], ...]

    @staticmethod
    def of(items: tuple[Printed, ...]) -> _Shown:
        return _Shown(tuple(weakref.ref(i.tensor) for i in items),
                      tuple((i.code, version_of(i.tensor), i.tensor.device, i.tensor.requires_grad, i.detach)
                            for i in items))

    def same(self, items: tuple[Printed, ...]) -> bool:
        return len(items) == len(self.refs) and all(r() is i.tensor for r, i in zip(self.refs, items, strict=True)) \
            and _Shown.of(items).state == self.state


class TensorValues(QWidget):
    """A title (``tensorValuesTitle``: the print call) over read-only monospaced text (``tensorValues``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tensorValuesPane")
        self.title = QLabel()
        self.title.setObjectName("tensorValuesTitle")
        self.title.setFont(theme.font(0, mono=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setObjectName("tensorValues")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # torch breaks its own lines (linewidth 80)
        self.text.setFont(theme.font(-1, mono=True))  # 80 columns of torch text beside a wide table
        keep_translated(self, self.text.setToolTip, lambda: self.tr(
            "What print() of this tensor writes: torch's own text, summarized with ... for big tensors."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.computing = False
        self._shown: _Shown | None = None
        self._jobs = JobRunner(self)
        self.show_message(prompt())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        metrics = self.text.fontMetrics()
        hint.setWidth(metrics.horizontalAdvance("0" * 82) + 2 * self.text.frameWidth() + 24)  # torch's 80 columns
        return hint

    def show_tensor(self, code: str, tensor: torch.Tensor, detach: bool = False) -> None:
        """Show ``print(<code>)`` of ``tensor`` (``detach``: as ``state_dict()`` holds it)."""
        self.show_tensors(f"print({code})", [Printed(code, tensor, detach)])

    def show_tensors(self, title: str, items: list[Printed]) -> None:
        """Show ``items`` under ``title``: one tensor's text, or ``>>> print(...)`` lines between several."""
        chosen = tuple(items)
        if not chosen:
            self.show_message(title)
            return
        if self._shown is not None and self._shown.same(chosen) and self.title.text() == title:
            return  # nothing changed: never print the same values twice
        if self.title.text() != title:
            self.text.setPlainText("…")  # never another tensor's values under this title
        self.title.setText(title)
        self.title.setToolTip(title)
        self._shown = _Shown.of(chosen)
        self.computing = True
        self._jobs.submit(partial(_print_all, chosen), on_done=self._done, on_error=self._failed, supersede=True)

    def show_message(self, text: str) -> None:
        """No tensor: say ``text`` instead (what to click, or why there is nothing)."""
        if self._shown is None and not self.computing and self.text.toPlainText() == text:
            return  # already said: keep the scroll position
        self._jobs.cancel_all()
        self.computing = False
        self._shown = None
        self.title.setText("print(…)")
        self.title.setToolTip("")
        self.text.setPlainText(text)

    def forget(self) -> None:
        """Print the tensors again at the next request (their values may have changed behind our back)."""
        self._shown = None

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a running print job (tests); True when none is left."""
        return self._jobs.wait(msecs)

    def _done(self, text: str) -> None:
        self.computing = False
        bar = self.text.verticalScrollBar()
        position = bar.value()
        same_place = self.text.toPlainText().count("\n") == text.count("\n")
        self.text.setPlainText(text)
        if same_place:  # new values of the same tensor: stay where the reader was
            bar.setValue(min(position, bar.maximum()))

    def _failed(self, message: str) -> None:
        self.computing = False
        self._shown = None
        self.text.setPlainText(self.tr("Could not print the values: {reason}").format(reason=model_text(message)))
