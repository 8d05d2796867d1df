"""The text area of the Code panel: monospaced Python with line numbers and a marked error line."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from editor.ui import theme
from editor.ui.panels.code.highlight import PythonHighlighter


class _LineNumbers(QWidget):
    """The gutter left of the text; the editor paints it."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    """A QPlainTextEdit for Python source: no wrapping, line numbers, and :meth:`mark_error`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(theme.font(0, mono=True))
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.highlighter = PythonHighlighter(self.document())
        self.error_line: int | None = None
        self._gutter = _LineNumbers(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._scroll_gutter)
        self._update_margin()

    # ------------------------------------------------------------ gutter
    def gutter_width(self) -> int:
        """The width of the line-number margin: room for the largest line number."""
        digits = len(str(max(1, self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def _update_margin(self, *args: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible lines (the margin widget asks for it)."""
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), theme.mix(theme.base(), theme.window(), 0.6))
        painter.setFont(self.font())
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 6
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                is_error = self.error_line == number + 1
                painter.setPen(theme.ERROR if is_error else theme.muted())
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
            number += 1

    def replace_text(self, text: str) -> None:
        """Show ``text``, changing only the part that differs (so only those lines are highlighted again)."""
        old = self.toPlainText()
        if not old or not text:
            self.setPlainText(text)
            return
        start = _common_prefix(old, text)
        end = _common_prefix(old[start:][::-1], text[start:][::-1])
        cursor = QTextCursor(self.document())
        cursor.setPosition(_utf16_length(old[:start]))
        cursor.setPosition(_utf16_length(old[:len(old) - end]), QTextCursor.MoveMode.KeepAnchor)
        undo = self.isUndoRedoEnabled()
        self.setUndoRedoEnabled(False)  # the live code has no undo history of its own
        cursor.insertText(text[start:len(text) - end])
        self.setUndoRedoEnabled(undo)

    # ------------------------------------------------------------- errors
    def mark_error(self, line: int | None, column: int | None = None) -> None:
        """Put the cursor at ``line`` (1-based) and ``column`` and tint that line a soft red; None clears it."""
        self.error_line = line
        if line is None:
            self.setExtraSelections([])
            self._gutter.update()
            return
        block = self.document().findBlockByNumber(max(0, min(line, self.blockCount()) - 1))
        cursor = QTextCursor(block)
        if column:
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor,
                                min(column - 1, max(0, block.length() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()
        selection = QTextEdit.ExtraSelection()
        tint = QColor(theme.ERROR)
        tint.setAlpha(70 if theme.is_dark() else 45)
        selection.format.setBackground(tint)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = QTextCursor(block)
        self.setExtraSelections([selection])
        self._gutter.update()

    def current_line(self) -> int:
        """The cursor's line, 1-based."""
        return self.textCursor().blockNumber() + 1


def _common_prefix(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share."""
    limit = min(len(a), len(b))
    low, high = 0, limit
    while low < high:  # binary search on slices: fast C comparisons instead of a Python loop per character
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 code units (characters beyond the BMP take two)."""
    return len(text.encode("utf-16-le")) // 2
