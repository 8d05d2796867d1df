"""Colours, fonts and sizes, derived from the system palette so light and dark both look calm.

One colour per layer category (the catalog's), used as a stripe on blocks, in
the palette and in tables; everything else stays neutral. Red is kept for
errors only. Numbers that several views show (a parameter count) read the
same everywhere: :func:`format_count`.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from editor.model import catalog

ERROR = QColor("#D64545")
ACCENT = QColor("#3D7BD9")
SHARE_COLORS = ["#8E6BBF", "#2E9E8F", "#C7622E", "#3F7FBF", "#B04A7A", "#6C8F2F"]


def palette() -> QPalette:
    """The application palette."""
    return QGuiApplication.palette()


def is_dark() -> bool:
    """Whether the system palette is dark."""
    return palette().color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended toward ``b`` by ``t`` (0 to 1)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def window() -> QColor:
    """The window background."""
    return palette().color(QPalette.ColorRole.Window)


def base() -> QColor:
    """The background of text fields, lists and tables."""
    return palette().color(QPalette.ColorRole.Base)


def text() -> QColor:
    """Ordinary text."""
    return palette().color(QPalette.ColorRole.Text)


def muted() -> QColor:
    """Quiet text: paths, units, secondary numbers."""
    return mix(text(), base(), 0.45)


def border() -> QColor:
    """Quiet lines: separators and frames."""
    return mix(text(), base(), 0.78)


def canvas_background() -> QColor:
    """Behind the blocks on the canvas: between the window and a table's background."""
    return mix(window(), base(), 0.5)


def category_color(name: str) -> QColor:
    """The stripe colour of a palette category."""
    try:
        return QColor(catalog.category(name).color)
    except KeyError:
        return muted()


def kind_color(kind_name: str) -> QColor:
    """The stripe colour of a layer kind (its category's)."""
    try:
        return category_color(catalog.kind(kind_name).category)
    except KeyError:
        return muted()


def group_fill(depth: int) -> QColor:
    """A group's tint: a little stronger at each level of nesting."""
    return mix(base(), ACCENT, min(0.035 * (depth + 1), 0.2))


def share_color(index: int) -> QColor:
    """The badge colour of the ``index``-th set of shared blocks."""
    return QColor(SHARE_COLORS[index % len(SHARE_COLORS)])


@functools.cache
def font(size_delta: float = 0, bold: bool = False, mono: bool = False) -> QFont:
    """The UI font, a little larger or smaller, bold or monospaced (made once per variant)."""
    f = QFont(QGuiApplication.font())
    if mono:
        f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        f.setStyleHint(QFont.StyleHint.Monospace)
    if size_delta:
        f.setPointSizeF(max(6.0, f.pointSizeF() + size_delta))
    if bold:
        f.setWeight(QFont.Weight.DemiBold)
    return f


def format_count(count: int) -> str:
    """A parameter count as blocks and the inspector show it: ``210 params``, ``101,066 params``, ``1.2M params``."""
    if count >= 10_000_000:
        return f"{count / 1e6:.0f}M params"
    if count >= 1_000_000:
        return f"{count / 1e6:.1f}M params"
    return f"{count:,} param{'s' if count != 1 else ''}"
