"""What the custom-layer and block-definition dialogs share: the form's errors, the sample input, the base dialog.

A :class:`FormError` says where the form is wrong and in which words; a
:class:`DefinitionDialog` checks its form as the learner types, shows the
problem with a link to its line and column, and says why the project refused
an edit while it stays open.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from editor.model.meta import prepare_meta_kernels_in_background
from editor.ui import theme
from editor.ui.dialogs.definition_widgets import split_shape
from editor.ui.i18n import keep_translated, translate

WARNING = "#B26B00"
"""The colour of a warning that does not stop OK (a plain tensor, an input the layer does not take)."""
MAX_SAMPLE_DIMS = 8
MAX_SAMPLE_SIZE = 2**31 - 1


class FormError(Exception):
    """What is wrong with the form: where (``"name"``, ``"hyper"``, ``"param"``, ``"forward"``), and the words."""

    def __init__(self, place: str, words: str, row: int | None = None, column: int = 0,
                 offset: int | None = None, location: tuple[int | None, int | None] = (None, None),
                 quiet: bool = False) -> None:
        super().__init__(words)
        self.place, self.words, self.row, self.column, self.offset = place, words, row, column, offset
        self.location = location
        self.quiet = quiet
        """Not an error yet, only a field still to fill in (shown calmly)."""


def sample_shape(text: str) -> tuple[int, ...]:
    """``"(3, 20)"`` as ``(3, 20)``: at most 8 sizes, each a positive integer; raises ValueError."""
    entries = split_shape(text)
    if not entries or len(entries) > MAX_SAMPLE_DIMS:
        raise ValueError(text)
    sizes = tuple(int(entry) for entry in entries)
    if any(not 0 < size <= MAX_SAMPLE_SIZE for size in sizes):
        raise ValueError(text)
    return sizes


class DefinitionDialog(QDialog):
    """What the custom-layer and block-definition dialogs share: labels, checking the form, and saying why not.

    A subclass provides ``_read()`` (the definition, or :class:`FormError`), ``_kind(definition)``,
    ``_show_problem(problem)``, ``_preview()``, and ``errors`` (place → label) and ``ok``.

    Opening one starts importing what torch's meta kernels need on their first use (the preview runs
    the layer's forward on the meta device): beside the learner's typing, not in the first preview.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_meta_kernels_in_background()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setVisible(False)
        return label

    def _heading(self, text) -> QLabel:
        label = QLabel()
        label.setFont(theme.font(0.5, bold=True))
        keep_translated(self, label.setText, text)
        return label

    def _quiet(self, text) -> QLabel:
        label = QLabel(wordWrap=True)
        label.setStyleSheet(f"color: {theme.muted().name()};")
        label.setFont(theme.font(-1))
        keep_translated(self, label.setText, text)
        return label

    def check_now(self):  # -> the dialog's definition type, or None
        """Check the form now: show what is wrong (or the preview); returns the definition when valid."""
        self._timer.stop()
        self.definition, self.kind, self.problem = None, None, None
        try:
            definition = self._read()
            kind = self._kind(definition)
        except FormError as problem:
            self.problem = problem
        else:
            self.definition, self.kind = definition, kind
        self._show_problem(self.problem)
        self._after_check()
        self._preview()
        self.ok.setEnabled(self.definition is not None)
        return self.definition

    def _after_check(self) -> None:
        """Anything more to show once the form was checked (nothing, unless a subclass says so)."""

    def _located(self, problem: FormError) -> str:
        """The problem's words, led by a link to where it is ("Column 7", "Line 2, column 3", "At the end")."""
        text = problem.words
        line, column = problem.location
        if column is not None:
            where = (translate("DefinitionDialog", "Column {column}").format(column=column) if column > 0
                     else translate("DefinitionDialog", "At the end"))
            if column > 0 and (line or 1) > 1:
                where = translate("DefinitionDialog", "Line {line}, column {column}").format(line=line, column=column)
            text = f"<a href='#error'>{where}</a>: {text}"
        return text

    def show_failure(self, message: str) -> None:
        """The project refused the edit: say why here, and stay open."""
        label = self.errors["name"]
        label.setStyleSheet(f"color: {theme.ERROR.name()};")
        label.setText(html.escape(message))
        label.setVisible(True)


__all__ = ["WARNING", "DefinitionDialog", "FormError", "sample_shape"]
