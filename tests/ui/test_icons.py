"""The icon set: every SVG exists, parses and draws sharp at 16, 32 and 64 px (1× and 2×), in the palette's colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QToolButton

from editor.model import catalog
from editor.resources import ResourceMissingError, icons_folder
from editor.ui import icons, theme

CATEGORIES = [c.name for c in (*catalog.CATEGORIES, catalog.CUSTOM_CATEGORY)]
REFERENCED = sorted({*icons.ACTION_ICON_NAMES, *icons.ACTION_ICONS.values(), icons.APP_ICON,
                     *(catalog.category(name).icon for name in CATEGORIES)})
SIZES = (16, 32, 64)


@pytest.fixture
def palette_kept(qapp):
    """Tests that change the application palette put it back."""
    kept = QPalette(QGuiApplication.palette())
    yield
    QGuiApplication.setPalette(kept)


def _opaque(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() > 128]


@pytest.mark.parametrize("name", REFERENCED)
def test_every_referenced_icon_is_an_svg_file_that_parses(name):
    path = icons_folder() / f"{name}.svg"
    assert path.is_file(), f"{path} is missing"
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == ("0 0 64 64" if name == icons.APP_ICON else "0 0 24 24")
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    if name != icons.APP_ICON:  # line art, tinted when drawn; only the app icon has colours of its own
        assert root.get("stroke") == "currentColor" and b"#" not in path.read_bytes()


def test_the_folder_holds_only_icons_that_are_used():
    files = {p.stem for p in icons_folder().glob("*.svg")}
    assert files == set(REFERENCED)


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", SIZES)
def test_every_icon_draws_at_every_size_and_scale(qapp, size, scale):
    drawn = [("app", icons.app_icon())] + [(c, icons.category_icon(c)) for c in CATEGORIES] + [
        (n, icons.icon(n)) for n in icons.ACTION_ICON_NAMES]
    for name, icon in drawn:
        pixmap = icon.pixmap(QSize(size, size), scale)
        assert not pixmap.isNull(), name
        assert pixmap.devicePixelRatio() == scale, name
        device = round(size * scale)  # drawn for the screen's pixels, not scaled up from a 1× picture
        assert (pixmap.width(), pixmap.height()) == (device, device), name
        covered = len(_opaque(pixmap.toImage())) / device**2
        assert covered > (0.5 if name in CATEGORIES else 0.04), f"{name} at {size} px ×{scale} is almost empty"


def test_a_2x_icon_has_the_detail_of_its_size_not_a_blown_up_1x(qapp):
    icon = icons.icon("undo")
    sharp = icon.pixmap(QSize(16, 16), 2.0).toImage()
    blurry = icon.pixmap(QSize(16, 16), 1.0).toImage().scaled(32, 32)
    assert sharp.size() == blurry.size() and sharp != blurry


def test_category_tiles_wear_the_category_colour_with_a_white_glyph(qapp):
    for name in CATEGORIES:
        image = icons.category_icon(name).pixmap(QSize(32, 32), 2.0).toImage()
        colors = {c.name() for c in _opaque(image)}
        assert theme.category_color(name).name() in colors, name
        assert "#ffffff" in colors, name
        corner = image.pixelColor(1, 1)
        assert corner.alpha() < 128, f"{name}: the tile's corners are rounded"


def test_an_unknown_category_gets_a_neutral_tile_not_an_error(qapp):
    image = icons.category_icon("Not a category").pixmap(QSize(24, 24)).toImage()
    assert len(_opaque(image)) > 0.5 * 24 * 24


def _mean_lightness(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> float:
    pixels = _opaque(icon.pixmap(QSize(32, 32), 2.0, mode).toImage())
    assert pixels
    return sum(c.lightness() for c in pixels) / len(pixels)


def test_action_icons_follow_a_light_or_dark_palette_as_they_are_drawn(qapp, palette_kept):
    save = icons.icon("save")
    theme.apply_scheme("light")
    assert _mean_lightness(save) < 80  # dark lines on a light window
    theme.apply_scheme("dark")
    assert _mean_lightness(save) > 180  # light lines on a dark window, the same QIcon object
    app_icon_colors = {c.name() for c in _opaque(icons.app_icon().pixmap(64).toImage())}
    assert "#4c78a8" in app_icon_colors  # the app icon keeps its own colours


def test_a_disabled_icon_is_fainter(qapp):
    icon = icons.icon("group")
    normal = icon.pixmap(QSize(32, 32), 1.0, QIcon.Mode.Normal).toImage()
    disabled = icon.pixmap(QSize(32, 32), 1.0, QIcon.Mode.Disabled).toImage()
    assert max(c.alpha() for c in _opaque(normal) or [QColor(0, 0, 0, 0)]) == 255
    assert max(disabled.pixelColor(x, y).alpha() for y in range(32) for x in range(32)) < 160


def test_a_name_that_is_not_an_icon_is_refused_in_words():
    with pytest.raises(icons.IconMissingError, match="is not an icon name"):
        icons.svg_source("../app")
    with pytest.raises(ResourceMissingError, match=r"icons/nothing\.svg is missing"):
        icons.svg_source("nothing")


def test_the_window_s_actions_and_buttons_wear_their_icons(window):
    for name, icon_name in icons.ACTION_ICONS.items():
        found = window.findChildren(QAction, name) + window.findChildren(QAbstractButton, name)
        assert found, f"nothing in the window is called {name}: update icons.ACTION_ICONS"
        for thing in found:
            assert not thing.icon().isNull() and thing.icon().name() == icon_name, name
    assert window.findChild(QAction, "actionNew").isIconVisibleInMenu()


def test_toolbar_buttons_keep_their_word_beside_the_icon(window):
    for name, word in (("initializeButton", "Initialize…"), ("resetFromSeed", "Reset from seed")):
        button = window.findChild(QToolButton, name)
        assert button.text() == word
        assert button.toolButtonStyle() == button.toolButtonStyle().ToolButtonTextBesideIcon
        assert not button.icon().isNull()
