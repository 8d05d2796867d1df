"""The parts the custom-definition dialogs are made of: small tables, the forward editor, the code preview.

- :class:`HyperparameterTable`: named hyperparameters with default values (``in_units = 20``).
- :class:`ParameterTable`: a layer's tensors: name, shape written with hyperparameters
  (``in_units, units``), initial values and a "register as Parameter" box.
- :class:`ExpressionEdit`: a forward expression, monospaced, that underlines the part an error names.
- :class:`CodePreview`: read-only Python with the Code panel's colours.
- :func:`parse_value`, :func:`split_shape`, :func:`error_offset`, :func:`error_words` and :func:`located_words`:
  text in, values out.

The widgets only hold text; the dialogs turn it into a definition, which the
model checks (:class:`~editor.model.custom.definitions.DefinitionError`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.custom.language import CREATION_INITS
from editor.ui import theme
from editor.ui.i18n import keep_translated, model_text, on_language_change, translate
from editor.ui.panels.code import PythonHighlighter

MAX_ROWS = 32
"""The most hyperparameters or parameters a table takes (a definition holds at most 32 of each)."""
MAX_CHILD_ROWS = 256
"""The most children a block's table takes (as a block definition holds)."""

INIT_CHOICES = (*CREATION_INITS, "xavier_uniform_", "kaiming_uniform_(a=2.23606797749979)", "normal_(std=0.01)",
                "uniform_(a=-0.1, b=0.1)", "zeros_", "ones_")
"""Initial values offered (any ``torch.nn.init`` call with keyword arguments may be typed)."""

_LOCATION = re.compile(r"\s*\(line (\d+), column (-?\d+)\)\s*$")


class ValueTextError(ValueError):
    """Text that is not a hyperparameter value."""


def parse_value(text: str) -> int | float | bool:
    """``"20"`` → 20, ``"0.5"`` → 0.5, ``"1e-3"`` → 0.001, ``"True"`` → True; raises :class:`ValueTextError`."""
    raw = text.strip()
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    try:
        return int(raw.replace("_", "")) if re.fullmatch(r"[+-]?\d[\d_]*", raw) else float(raw)
    except ValueError:
        raise ValueTextError(raw) from None


def split_shape(text: str) -> tuple[str, ...]:
    """``"in_units, units"`` → ``("in_units", "units")``; brackets around it and a trailing comma are fine.

    Commas inside brackets stay with their entry (``max(a, b), 3``).
    """
    raw = text.strip()
    if len(raw) >= 2 and raw[0] in "([" and raw[-1] in ")]" and _balanced(raw[1:-1]):
        raw = raw[1:-1]
    entries, depth, current = [], 0, []
    for char in raw:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0:
            entries.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    last = "".join(current).strip()
    if last or not entries:
        entries.append(last)
    return tuple(entries) if entries != [""] else ()


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if depth < 0:
            return False
    return depth == 0


def error_words(message: str, prefix: str = "") -> tuple[str, int | None, int | None]:
    """A model message without ``prefix`` and its ``(line L, column C)`` tail: (words, line, column)."""
    words = message.removeprefix(prefix).lstrip(": ").strip() if prefix else message
    found = _LOCATION.search(words)
    if found is None:
        return words, None, None
    return words[:found.start()].rstrip(), int(found.group(1)), int(found.group(2))


def located_words(exc: BaseException, prefix: str = "") -> tuple[str, int | None, int | None]:
    """:func:`error_words` of the error ``exc``, its words in the current language.

    The place is read from the English message; in another language the whole
    translated message is shown (the place is marked in the text as well).
    """
    english = str(exc)
    words, line, column = error_words(english, prefix)
    shown = model_text(exc)
    return (words if shown == english else shown), line, column


def error_offset(text: str, line: int | None, column: int | None) -> int:
    """Where (line, column) of the stripped, parsed ``text`` is in ``text`` itself (a character index).

    The language parses ``text.strip()`` and counts columns from 1 in UTF-8
    bytes; column 0 (or none) means the end.
    """
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    lines = stripped.split("\n")
    if line is None or not 1 <= line <= len(lines):
        return lead + len(stripped)
    start = lead + sum(len(part) + 1 for part in lines[:line - 1])
    this = lines[line - 1]
    if column is None or column <= 0:
        return start + len(this)
    chars = len(this.encode("utf-8")[:column - 1].decode("utf-8", errors="ignore"))
    return start + min(chars, len(this))


def token_length(text: str, offset: int) -> int:
    """How many characters the token at ``offset`` spans (a name with its dots, else one character)."""
    found = re.match(r"[A-Za-z_][\w.]*", text[offset:])
    return len(found.group(0)) if found else (1 if offset < len(text) else 0)


def _tool_button(text: str, tip: Callable[[], str], owner: QWidget, slot: Callable[[], object]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAutoRaise(True)
    keep_translated(owner, button.setToolTip, tip)
    button.clicked.connect(slot)
    return button


class _Table(QWidget):
    """A small editable table with + and − buttons; emits :attr:`changed` on any edit."""

    changed = Signal()
    LIMIT = MAX_ROWS
    """The most rows it takes."""

    def __init__(self, headers: list[Callable[[], str]], name: str, add_tip: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(name)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.headers = headers
        self.retranslate()
        on_language_change(self, self.retranslate)
        self.add = _tool_button("+", add_tip, self, lambda: self.add_row())
        self.add.setObjectName(f"{name}Add")
        self.remove = _tool_button("−", lambda: translate("DefinitionWidgets", "Remove the selected row"), self,
                                   self.remove_row)
        self.remove.setObjectName(f"{name}Remove")
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda item: self.changed.emit())
        self._fit()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([text() for text in self.headers])

    def _fit(self) -> None:
        """As tall as its rows (two at least), so the dialog shows them all without scrolling."""
        rows = max(2, self.table.rowCount())
        height = self.table.horizontalHeader().sizeHint().height() + rows * self.table.verticalHeader() \
            .defaultSectionSize() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(min(height, 260))

    def add_row(self) -> int:
        """A new empty row at the end (none past :attr:`LIMIT`); returns its index (-1 when full)."""
        if self.table.rowCount() >= self.LIMIT:
            return -1
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self._fill_row(row)
        self.table.blockSignals(False)
        self._fit()
        self.changed.emit()
        return row

    def _fill_row(self, row: int) -> None:
        for column in range(self.table.columnCount()):
            self.table.setItem(row, column, QTableWidgetItem(""))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self._fit()
            self.changed.emit()

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def set_text(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def mark(self, row: int | None, column: int = 0) -> None:
        """Colour the cell an error is about (None: no cell is wrong)."""
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None:
                    wrong = r == row and c == column
                    item.setBackground(theme.mix(theme.base(), theme.ERROR, 0.18) if wrong else QColor(0, 0, 0, 0))
        self.table.blockSignals(False)


class HyperparameterTable(_Table):
    """Named hyperparameters and their defaults: the arguments of ``__init__`` (``MyLinear(in_units, units)``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([lambda: translate("DefinitionWidgets", "name"),
                          lambda: translate("DefinitionWidgets", "default")], "hyperparameterTable",
                         lambda: translate("DefinitionWidgets", "Add a hyperparameter (an argument of __init__)"),
                         parent)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: list[tuple[str, object]]) -> None:
        """Show these (name, default) pairs."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for name, value in rows[:MAX_ROWS]:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(str(value)))
        self.table.blockSignals(False)
        self._fit()
        self.changed.emit()

    def rows(self) -> list[tuple[int, str, str]]:
        """(row, name, default text) of every row that is not blank."""
        out = []
        for row in range(self.table.rowCount()):
            name, value = self.text(row, 0).strip(), self.text(row, 1).strip()
            if name or value:
                out.append((row, name, value))
        return out


class ParameterTable(_Table):
    """A layer's tensors: name, shape over the hyperparameters, initial values, registered as ``nn.Parameter``."""

    NAME, SHAPE, INIT, REGISTERED = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([lambda: translate("DefinitionWidgets", "name"),
                          lambda: translate("DefinitionWidgets", "shape"),
                          lambda: translate("DefinitionWidgets", "initial values"),
                          lambda: translate("DefinitionWidgets", "register as Parameter")], "parameterTable",
                         lambda: translate("DefinitionWidgets", "Add a tensor the layer owns"), parent)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.SHAPE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.NAME, 90)
        self.table.setColumnWidth(self.INIT, 150)
        keep_translated(self, self.table.setToolTip, lambda: translate(
            "DefinitionWidgets", "Each row becomes self.name = nn.Parameter(torch.randn(shape)) in __init__, created "
            "in this order. Write the shape with the hyperparameters, e.g. in_units, units. Untick \"register as "
            "Parameter\" for a plain tensor attribute: parameters() and state_dict() do not see it, it does not "
            "train and .to(device) does not move it."))

    def _fill_row(self, row: int, name: str = "", shape: str = "", init: str = "randn",
                  registered: bool = True) -> None:
        self.table.setItem(row, self.NAME, QTableWidgetItem(name))
        self.table.setItem(row, self.SHAPE, QTableWidgetItem(shape))
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(INIT_CHOICES)
        combo.setCurrentText(init)
        combo.setFont(theme.font(0, mono=True))
        combo.currentTextChanged.connect(lambda text: self.changed.emit())
        self.table.setCellWidget(row, self.INIT, combo)
        check = QTableWidgetItem("nn.Parameter")
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if registered else Qt.CheckState.Unchecked)
        self.table.setItem(row, self.REGISTERED, check)

    def set_rows(self, rows: list[tuple[str, str, str, bool]]) -> None:
        """Show these (name, shape text, initial values, registered) rows."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows[:MAX_ROWS]:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._fill_row(row, *values)
        self.table.blockSignals(False)
        self._fit()
        self.changed.emit()

    def init_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, self.INIT)
        assert isinstance(combo, QComboBox)
        return combo

    def rows(self) -> list[tuple[int, str, str, str, bool]]:
        """(row, name, shape text, initial values, registered) of every row that is not blank."""
        out = []
        for row in range(self.table.rowCount()):
            name, shape = self.text(row, self.NAME).strip(), self.text(row, self.SHAPE).strip()
            if not name and not shape:
                continue
            check = self.table.item(row, self.REGISTERED)
            registered = check is None or check.checkState() == Qt.CheckState.Checked
            out.append((row, name, shape, self.init_combo(row).currentText().strip(), registered))
        return out


class ChildTable(_Table):
    """A composite block's children: attribute name, kind, and arguments over the block's hyperparameters."""

    NAME, KIND, ARGUMENTS = range(3)
    LIMIT = MAX_CHILD_ROWS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([lambda: translate("DefinitionWidgets", "name"),
                          lambda: translate("DefinitionWidgets", "kind"),
                          lambda: translate("DefinitionWidgets", "arguments")], "childTable",
                         lambda: translate("DefinitionWidgets", "Add a child layer"), parent)
        self.table.setColumnWidth(self.NAME, 90)
        self.table.setColumnWidth(self.KIND, 110)
        self.table.setFont(theme.font(0, mono=True))
        keep_translated(self, self.table.setToolTip, lambda: translate(
            "DefinitionWidgets", "Each row becomes self.name = Kind(arguments) in __init__, in this order. Write the "
            "arguments by name, over the block's hyperparameters: in_features=n_in, out_features=n_hidden. "
            "Arguments left out keep the kind's defaults."))

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """Show these (name, kind, arguments text) rows."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows[:self.LIMIT]:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self._fit()
        self.changed.emit()

    def rows(self) -> list[tuple[int, str, str, str]]:
        """(row, name, kind, arguments text) of every row that is not blank."""
        out = []
        for row in range(self.table.rowCount()):
            values = [self.text(row, column).strip() for column in range(3)]
            if any(values):
                out.append((row, *values))
        return out


def split_arguments(text: str) -> list[tuple[str, str]]:
    """``"in_features=n_in, out_features=2 * n"`` as ``[("in_features", "n_in"), ("out_features", "2 * n")]``.

    Raises :class:`ValueTextError` with a sentence when it is not ``name=expression`` pairs.
    """
    source = text.strip()
    if not source:
        return []
    if len(source) > 4000:
        raise ValueTextError(translate("DefinitionWidgets", "the arguments are longer than 4,000 characters"))
    try:
        call = ast.parse(f"f({source})", mode="eval").body
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        raise ValueTextError(translate("DefinitionWidgets", "write the arguments as name=value pairs, e.g. "
                                       "in_features=n_in, out_features=n_hidden")) from None
    assert isinstance(call, ast.Call)
    if call.args or any(kw.arg is None for kw in call.keywords):
        raise ValueTextError(translate("DefinitionWidgets", "give every argument by name, e.g. in_features=n_in"))
    wrapped = f"f({source})"
    return [(str(kw.arg), ast.get_source_segment(wrapped, kw.value) or "") for kw in call.keywords]


class ExpressionEdit(QPlainTextEdit):
    """A forward expression: monospaced, a few lines tall; the part an error names is underlined in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(theme.font(0.5, mono=True))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.error_span: tuple[int, int] | None = None
        """(start, length) of the underlined error, or None."""

    def mark_error(self, offset: int | None) -> None:
        """Underline the token at character ``offset`` (None: no error)."""
        if offset is None:
            self.error_span = None
            self.setExtraSelections([])
            return
        text = self.toPlainText()
        offset = max(0, min(offset, len(text)))
        length = token_length(text, offset)
        if length == 0 and offset > 0:  # the end of the text: mark its last character
            offset, length = offset - 1, 1
        self.error_span = (offset, length)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(theme.ERROR)
        fmt.setBackground(theme.mix(theme.base(), theme.ERROR, 0.12))
        selection.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(offset)
        cursor.setPosition(offset + length, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])

    def go_to_error(self) -> None:
        """Put the cursor where the error is, and the focus here."""
        if self.error_span is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(self.error_span[0])
        self.setTextCursor(cursor)
        self.setFocus()


class CodePreview(QPlainTextEdit):
    """Read-only Python in the Code panel's colours (the class a definition stands for)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setFont(theme.font(-0.5, mono=True))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = PythonHighlighter(self.document())

    def show_code(self, code: str) -> None:
        """Show ``code``; empty: keep the last code, greyed (it no longer matches the form)."""
        self.setEnabled(bool(code))
        if code and code != self.toPlainText():
            self.setPlainText(code)


__all__ = ["INIT_CHOICES", "MAX_CHILD_ROWS", "MAX_ROWS", "ChildTable", "CodePreview", "ExpressionEdit",
           "HyperparameterTable", "ParameterTable", "ValueTextError", "error_offset", "error_words", "located_words",
           "parse_value", "split_arguments", "split_shape", "token_length"]
