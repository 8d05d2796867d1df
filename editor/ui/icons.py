"""LayerLab's icons: one set of SVG line art in ``resources/icons``, drawn sharp at any size and screen scale.

Every icon is a 24-unit SVG drawn with ``stroke="currentColor"`` (see
``resources/icons/README.md``). Nothing is drawn ahead of time: the
:class:`SvgIconEngine` renders the SVG each time Qt asks for a size, at the
screen's device pixel ratio, so icons stay crisp on a 2× display, and it
reads the colour from the application palette at that moment, so icons
follow a light or dark palette (and a switch between them) by themselves.

- :func:`icon` gives an action's icon (toolbar, menus, buttons) in the
  palette's text colour; greyed out when its action is disabled.
- :func:`category_icon` gives a layer category's tile: the category's colour
  (the colour of the blocks' stripes) with the glyph in white.
- :func:`app_icon` is the window icon, a coloured SVG that is never tinted.
- :func:`decorate` gives the window's actions and buttons their icons, found
  by object name (:data:`ACTION_ICONS`), so the parts that make them need no
  knowledge of icons.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QToolButton, QWidget

from editor.model import catalog
from editor.resources import resource_path
from editor.ui import theme

ACTION_ICON_NAMES = ("new", "open", "save", "undo", "redo", "run-forward", "run-backward", "train", "stop", "group",
                     "ungroup", "initialize", "reset-seed", "lessons")
"""The action icons in ``resources/icons`` (one ``NAME.svg`` each)."""

APP_ICON = "app"
"""The coloured application icon (``app.svg``)."""

ACTION_ICONS: dict[str, str] = {
    "actionNew": "new", "actionOpen": "open", "actionSave": "save", "actionUndo": "undo", "actionRedo": "redo",
    "actionGroup": "group", "actionUngroup": "ungroup", "actionInitialize": "initialize",
    "actionResetParameters": "reset-seed", "actionWelcome": "lessons", "runForward": "run-forward",
    "runBackward": "run-backward", "runStop": "stop", "trainStart": "train", "trainStop": "stop",
}
"""Object names of actions and buttons, and the icon each wears (see :func:`decorate`)."""

TILE_RADIUS = 0.22
"""Corner radius of a category tile, as a fraction of its side."""
TILE_INSET = 0.16
"""The glyph's margin inside a category tile, as a fraction of its side."""


class IconMissingError(LookupError):
    """An icon name that ``resources/icons`` has no SVG for (a programming error, said with the names it has)."""


@functools.cache
def svg_source(name: str) -> bytes:
    """The text of ``resources/icons/<name>.svg`` (read once)."""
    if not name or not all(c.isalnum() or c == "-" for c in name):
        raise IconMissingError(f"{name!r} is not an icon name: icon names are letters, digits and dashes.")
    return resource_path("icons", f"{name}.svg").read_bytes()


@functools.cache
def _renderer(name: str, color: str) -> QSvgRenderer:
    """A renderer of ``name`` with ``currentColor`` replaced by ``color`` (one per icon and colour in use)."""
    renderer = QSvgRenderer(QByteArray(svg_source(name).replace(b"currentColor", color.encode("ascii"))))
    if not renderer.isValid():
        raise IconMissingError(f"resources/icons/{name}.svg is not a valid SVG file.")
    return renderer


def render(name: str, painter: QPainter, rect: QRectF, color: QColor) -> None:
    """Draw icon ``name`` into ``rect`` with ``color`` for its lines and fills."""
    _renderer(name, color.name(QColor.NameFormat.HexRgb)).render(painter, rect)


def _line_color(mode: QIcon.Mode) -> QColor:
    """The colour of an action icon's lines: the palette's text, a little calmer (white on a selection)."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return theme.mix(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.12)


class SvgIconEngine(QIconEngine):
    """Draws one SVG icon at whatever size and scale is asked: as line art, on a coloured tile, or as it is.

    ``tile`` (a colour) draws a rounded tile of that colour with the glyph in
    white; ``tinted=False`` draws the SVG's own colours (the app icon).
    """

    def __init__(self, name: str, tile: QColor | None = None, tinted: bool = True) -> None:
        super().__init__()
        svg_source(name)  # a missing file is said here, where the icon is made, not later at paint time
        self.name = name
        self.tile = QColor(tile) if tile is not None else None
        self.tinted = tinted

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        box = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(painter.opacity() * 0.45)
        if self.tile is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.tile)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), side * TILE_RADIUS, side * TILE_RADIUS)
            inset = side * TILE_INSET
            render(self.name, painter, box.adjusted(inset, inset, -inset, -inset), QColor("white"))
        elif not self.tinted:
            _renderer(self.name, "#000000").render(painter, box)
        else:
            render(self.name, painter, box, _line_color(mode))  # disabled: the same colour, fainter (above)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802 - Qt override
                     scale: float) -> QPixmap:
        """The icon drawn at ``size`` logical pixels on a screen of scale ``scale`` (2 on a HiDPI screen)."""
        device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        image = QImage(device, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, image.rect(), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802 - Qt override
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> SvgIconEngine:
        return SvgIconEngine(self.name, self.tile, self.tinted)

    def key(self) -> str:
        return "layerlab-svg"

    def iconName(self) -> str:  # noqa: N802 - Qt override
        return self.name


@functools.cache
def icon(name: str) -> QIcon:
    """An action's icon (``"save"``, ``"run-forward"``, …: :data:`ACTION_ICON_NAMES`), in the palette's colours."""
    return QIcon(SvgIconEngine(name))


@functools.cache
def category_icon(category: str) -> QIcon:
    """The palette icon of a layer category: a tile of the category's colour with its glyph in white.

    A category the catalog does not know gets a neutral tile with the
    "My blocks" glyph.
    """
    try:
        glyph = catalog.category(category).icon
    except KeyError:
        glyph = catalog.CUSTOM_CATEGORY.icon
    return QIcon(SvgIconEngine(glyph, tile=theme.category_color(category)))


@functools.cache
def app_icon() -> QIcon:
    """LayerLab's own icon: three layer blocks in a Sequential, in their own colours."""
    return QIcon(SvgIconEngine(APP_ICON, tinted=False))


def decorate(root: QWidget) -> int:
    """Give every action and button under ``root`` that :data:`ACTION_ICONS` names its icon; returns how many.

    Toolbar buttons that show a text keep it, with the icon beside it.
    """
    count = 0
    for action in root.findChildren(QAction):  # one walk of the window's objects, not one per name
        icon_name = ACTION_ICONS.get(action.objectName())
        if icon_name is not None:
            action.setIcon(icon(icon_name))
            action.setIconVisibleInMenu(True)
            count += 1
    buttons = root.findChildren(QAbstractButton)
    for button in buttons:
        icon_name = ACTION_ICONS.get(button.objectName())
        if icon_name is not None:
            button.setIcon(icon(icon_name))
            count += 1
    for button in (b for b in buttons if isinstance(b, QToolButton)):  # e.g. "Initialize…": its word stays
        if button.text() and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly \
                and button.defaultAction() is not None and button.defaultAction().objectName() in ACTION_ICONS:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return count

__all__ = ["ACTION_ICONS", "ACTION_ICON_NAMES", "APP_ICON", "IconMissingError", "SvgIconEngine", "app_icon",
           "category_icon", "decorate", "icon", "render", "svg_source"]
