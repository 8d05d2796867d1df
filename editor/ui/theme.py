"""Colours, fonts and sizes, derived from the system palette so light and dark both look calm.

One colour per layer category (the catalog's), used as a stripe on blocks, in
the palette and in tables; everything else stays neutral. Red is kept for
errors only. Numbers that several views show (a parameter count) read the
same everywhere: :func:`format_count`.

Every colour is read from the application palette when it is asked for, so
the views follow a light or a dark palette. :func:`follow_system` makes the
palette follow the desktop: a dark desktop (Qt's ``QStyleHints.colorScheme``)
gets LayerLab's own calm :func:`dark_palette`, a light one keeps the
system's palette, and ``LAYERLAB_THEME=dark`` (or ``light``) chooses for a
desktop Qt cannot ask.
"""

from __future__ import annotations

import functools
import os

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QStyle

from editor.model import catalog
from editor.ui.i18n import translate

ERROR = QColor("#E5484D")  # readable on a white block (4:1) and on a dark one (3:1)
ACCENT = QColor("#3D7BD9")
SHARE_COLORS = ["#8E6BBF", "#2E9E8F", "#C7622E", "#3F7FBF", "#B04A7A", "#6C8F2F"]


SCHEMES = ("system", "light", "dark")
"""The choices of :func:`apply_scheme` (and of ``LAYERLAB_THEME`` and ``--theme``)."""
SCHEME_VARIABLE = "LAYERLAB_THEME"
"""The environment variable that chooses light or dark where the desktop cannot say."""

_DARK = {  # role: colour; calm blue-greys, text a soft white, the accent as in the light palette
    "Window": "#25282D", "WindowText": "#E3E6EA", "Base": "#1C1F23", "AlternateBase": "#23272C",
    "ToolTipBase": "#2F3338", "ToolTipText": "#E3E6EA", "PlaceholderText": "#858B94", "Text": "#E3E6EA",
    "Button": "#2F3339", "ButtonText": "#E3E6EA", "BrightText": "#FFFFFF", "Light": "#41464E",
    "Midlight": "#363B41", "Mid": "#2A2E33", "Dark": "#16181B", "Shadow": "#0C0D0F", "Highlight": "#3D7BD9",
    "HighlightedText": "#FFFFFF", "Link": "#7FAEF5", "LinkVisited": "#B49AE8", "Accent": "#3D7BD9",
}
_DARK_DISABLED = {"WindowText": "#737982", "Text": "#737982", "ButtonText": "#737982", "Base": "#202328",
                  "Button": "#2A2D32", "Highlight": "#3A4250", "HighlightedText": "#9AA0A8",
                  "PlaceholderText": "#5E636B"}


def dark_palette() -> QPalette:
    """LayerLab's dark palette: blue-grey surfaces, soft white text, the light palette's accent."""
    result = QPalette()
    for role, color in _DARK.items():
        result.setColor(QPalette.ColorRole[role], QColor(color))
    for role, color in _DARK_DISABLED.items():
        result.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole[role], QColor(color))
    return result


def light_palette() -> QPalette:
    """The light palette: the Fusion style's own, with LayerLab's accent for selections."""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    result = QPalette(style.standardPalette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        result.setColor(group, QPalette.ColorRole.Highlight, ACCENT)
        result.setColor(group, QPalette.ColorRole.Accent, ACCENT)
    return result


def make_style() -> QStyle:
    """LayerLab's widget style: Fusion, with check box and radio frames that stay visible on a dark palette.

    Fusion outlines them with the window colour made darker, which on a dark
    palette is nearly the colour of the box itself: an unticked box vanished.
    """
    from PySide6.QtWidgets import QProxyStyle, QStyleFactory

    class LayerLabStyle(QProxyStyle):
        """Fusion, plus a frame that reads on dark surfaces around check boxes and radio buttons."""

        def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt override
            super().drawPrimitive(element, option, painter, widget)
            radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
            if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox and not radio:
                return
            if option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
                return  # Fusion's own frame reads well on a light palette
            enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
            frame = QColor(option.palette.color(QPalette.ColorRole.Text))
            frame.setAlphaF(0.55 if enabled else 0.3)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(frame)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
            if radio:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
            painter.restore()

    return LayerLabStyle(QStyleFactory.create("Fusion"))


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark look (False where Qt cannot tell)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_scheme(scheme: str) -> str:
    """Give the application a ``"light"`` or ``"dark"`` palette, or the system's (``"system"``); returns the look.

    ``"system"`` follows the desktop: dark there means :func:`dark_palette`;
    light (or unknown) keeps the palette the platform gives, unless it is dark.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"{scheme!r} is not a theme: choose one of {', '.join(SCHEMES)}.")
    app = QGuiApplication.instance()
    if scheme == "system":
        scheme = "dark" if system_is_dark() else "light"
        if scheme == "light" and QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() >= 128:
            return scheme  # the desktop's own light palette stays
    QGuiApplication.setPalette(dark_palette() if scheme == "dark" else light_palette())
    if app is not None:
        app.setProperty("layerlabScheme", scheme)
    return scheme


def follow_system() -> str:
    """Follow the desktop's light or dark look now and whenever it changes (``LAYERLAB_THEME`` overrides it).

    Call once, after the QApplication exists and its style is set.
    """
    chosen = os.environ.get(SCHEME_VARIABLE, "system").strip().lower()
    if chosen not in SCHEMES:
        chosen = "system"
    if chosen == "system":
        hints = QGuiApplication.styleHints()
        if not hints.property("layerlabFollowing"):
            hints.setProperty("layerlabFollowing", True)
            hints.colorSchemeChanged.connect(lambda scheme: apply_scheme("system"))
    return apply_scheme(chosen)


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


def block_fill() -> QColor:
    """The face of a block on the canvas (before selection, error or sharing tints): raised above the canvas."""
    return base() if not is_dark() else mix(window(), text(), 0.07)


def canvas_background() -> QColor:
    """Behind the blocks on the canvas: between the window and a table's background (darker than blocks in dark)."""
    return mix(window(), base(), 0.5) if not is_dark() else mix(base(), window(), 0.25)


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
    if is_dark():
        return mix(mix(canvas_background(), text(), 0.03), ACCENT, min(0.05 * (depth + 1), 0.25))
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


def calm_plot(item: object) -> None:
    """Draw a pyqtgraph ``PlotItem`` calmly: no menu or buttons, a faint grid, muted axes with small numbers
    that carry their own digits (an axis label "(x0.001)" with ticks of 2·10² reads as 200).

    pyqtgraph is imported here, when a plot is made (the tabs with plots are hidden at start-up).
    """
    import pyqtgraph as pg

    item.setMenuEnabled(False)  # type: ignore[attr-defined]
    item.hideButtons()  # type: ignore[attr-defined]
    item.showGrid(x=False, y=True, alpha=0.15)  # type: ignore[attr-defined]
    for name in ("bottom", "left"):
        axis = item.getAxis(name)  # type: ignore[attr-defined]
        axis.setPen(pg.mkPen(border()))
        axis.setTextPen(pg.mkPen(muted()))
        axis.setTickFont(font(-1))
        axis.enableAutoSIPrefix(False)


def format_count(count: int) -> str:
    """A parameter count as blocks and the inspector show it: ``210 params``, ``101,066 params``, ``1.2M params``,
    ``10.0B params``."""
    if count >= 999_500_000:  # what would round to 1000M reads 1.0B
        digits = 1 if count < 99_950_000_000 else 0
        return translate("Theme", "{count}B params").format(count=f"{count / 1e9:.{digits}f}")
    if count >= 9_995_000:  # what would round to 10.0M reads 10M
        return translate("Theme", "{count}M params").format(count=f"{count / 1e6:.0f}")
    if count >= 1_000_000:
        return translate("Theme", "{count}M params").format(count=f"{count / 1e6:.1f}")
    return translate("Theme", "1 param") if count == 1 else translate("Theme", "{count} params").format(
        count=f"{count:,}")
