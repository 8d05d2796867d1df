"""Python syntax colours for the Code panel, from pygments' Python lexer.

Lines are lexed one at a time, as Qt's highlighter asks for them, and the
result is cached by (line, state): generated code repeats the same lines a
lot, and an edit re-lexes only the lines it touched. A line's block state
says whether it ends inside a triple-quoted string (and which quote), so
opening or closing a docstring recolours the lines after it.
"""

from __future__ import annotations

from pygments.lexers import PythonLexer
from pygments.token import Comment, Keyword, Name, Number, Operator, String, _TokenType
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.ui import theme

# Calm colours, one pair (light, dark) per kind of token; everything else keeps the text colour.
_COLOURS: list[tuple[_TokenType, str, str]] = [
    (Comment, "", ""),  # the theme's muted colour, set below
    (String, "#3A7D44", "#8CC58F"),
    (Number, "#A6561C", "#E0A56C"),
    (Keyword, "#3359A8", "#86A8E8"),
    (Operator.Word, "#3359A8", "#86A8E8"),
    (Name.Builtin, "#7A4EA3", "#C3A0E3"),
    (Name.Builtin.Pseudo, "#7A4EA3", "#C3A0E3"),
    (Name.Function, "#1F6F78", "#7CCBD3"),
    (Name.Class, "#1F6F78", "#7CCBD3"),
    (Name.Decorator, "#A0522D", "#DDA07A"),
    (Name.Namespace, "#3359A8", "#86A8E8"),
]


def token_formats() -> list[tuple[_TokenType, QTextCharFormat]]:
    """The format for each coloured token type, most specific first (follows the light or dark palette)."""
    dark = theme.is_dark()
    formats: list[tuple[_TokenType, QTextCharFormat]] = []
    for token, light_colour, dark_colour in _COLOURS:
        fmt = QTextCharFormat()
        if token is Comment:
            fmt.setForeground(theme.muted())
            fmt.setFontItalic(True)
        else:
            fmt.setForeground(QColor(dark_colour if dark else light_colour))
        if token in (Name.Function, Name.Class):
            fmt.setFontWeight(QFont.Weight.DemiBold)
        formats.append((token, fmt))
    # Deeper token types first, so Name.Builtin.Pseudo wins over Name.Builtin.
    formats.sort(key=lambda pair: -len(pair[0]))
    return formats


_QUOTES = {1: '"""', 2: "'''"}
_STATE_OF = {quote: state for state, quote in _QUOTES.items()}
_CACHE_LIMIT = 50_000

Run = tuple[int, int, QTextCharFormat]


class PythonHighlighter(QSyntaxHighlighter):
    """Colours Python source in a QTextDocument by pygments token types."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._lexer = PythonLexer(stripnl=False, ensurenl=False)
        self._formats = token_formats()
        self._cache: dict[_TokenType, QTextCharFormat | None] = {}
        self._string_format = self._format_for(String)
        self._lines: dict[tuple[str, int], tuple[list[Run], int]] = {}

    def _format_for(self, token: _TokenType) -> QTextCharFormat | None:
        if token not in self._cache:
            self._cache[token] = next((fmt for kind, fmt in self._formats if token in kind), None)
        return self._cache[token]

    def lex_line(self, text: str, state: int) -> tuple[list[Run], int]:
        """The coloured runs of one line starting in ``state``, and the state at its end (cached)."""
        key = (text, state)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > _CACHE_LIMIT:
                self._lines.clear()
            found = self._lines[key] = self._lex(text, state)
        return found

    def _lex(self, text: str, state: int) -> tuple[list[Run], int]:
        runs: list[Run] = []
        offset = 0
        if state in _QUOTES:  # the line continues a triple-quoted string
            close = text.find(_QUOTES[state])
            if close < 0:
                return ([(0, len(text), self._string_format)] if text and self._string_format else []), state
            offset = close + 3
            if self._string_format is not None:
                runs.append((0, offset, self._string_format))
        open_quote: str | None = None
        for start, token, value in self._lexer.get_tokens_unprocessed(text[offset:] + "\n"):
            if token in String and value in _STATE_OF:
                open_quote = value if open_quote is None else (None if value == open_quote else open_quote)
            fmt = self._format_for(token)
            length = min(len(value), len(text) - offset - start)
            if fmt is not None and length > 0:
                runs.append((offset + start, length, fmt))
        return runs, _STATE_OF[open_quote] if open_quote is not None else 0

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        previous = self.previousBlockState()
        runs, state = self.lex_line(text, previous if previous in _QUOTES else 0)
        units = _utf16_offsets(text)
        for start, length, fmt in runs:
            if units is not None:  # Qt counts UTF-16 code units; an emoji is one character here but two there
                start, length = units[start], units[start + length] - units[start]
            self.setFormat(start, length, fmt)
        self.setCurrentBlockState(state)


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt's position of each character of ``text`` (and of its end); None when they are the same."""
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return None
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return offsets
