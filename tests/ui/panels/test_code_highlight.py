"""The Code panel's highlighter: colours land on the right characters, emoji and other non-BMP text included."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from editor.ui.panels.code.highlight import PythonHighlighter


def coloured_runs(line: str) -> list[tuple[str, str]]:
    """(text, colour) of each formatted run of ``line``, with Qt's UTF-16 positions turned back into text."""
    document = QTextDocument()
    highlighter = PythonHighlighter(document)
    document.setPlainText(line)
    highlighter.rehighlight()
    units = line.encode("utf-16-le")
    return [(units[2 * r.start:2 * (r.start + r.length)].decode("utf-16-le", "replace"),
             r.format.foreground().color().name()) for r in document.firstBlock().layout().formats()]


def test_runs_cover_whole_tokens_after_non_bmp_characters(qapp):
    runs = coloured_runs('("🙂编码🙂", 7),  # 🙂 done')
    texts = [text for text, _ in runs]
    assert texts == ['"🙂编码🙂"', "7", "# 🙂 done"]
    assert len({colour for _, colour in runs}) == 3  # string, number and comment each have their colour


def test_plain_ascii_lines_are_unchanged(qapp):
    assert [text for text, _ in coloured_runs('x = "a"  # b')] == ['"a"', "# b"]
