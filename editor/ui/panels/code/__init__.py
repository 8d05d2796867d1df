"""The Code tab: the design as plain PyTorch code, live, with an editor to change it and apply it back.

- :class:`CodePanel` (``panel``): the tab; shows the exported code, edits go out as an intent.
- :class:`CodeEditor` (``editor``): monospaced Python with line numbers and a marked error line.
- :class:`PythonHighlighter` (``highlight``): pygments tokens in the theme's colours.
"""

from editor.ui.panels.code.editor import CodeEditor
from editor.ui.panels.code.highlight import PythonHighlighter
from editor.ui.panels.code.panel import CodePanel

__all__ = ["CodeEditor", "CodePanel", "PythonHighlighter"]
