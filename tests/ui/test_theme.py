"""The theme follows the palette: light or dark, the canvas, blocks and text stay readable and calm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from editor.ui import theme


@pytest.fixture(autouse=True)
def palette_kept(qapp):
    """Every test here changes the application palette; the next test gets the one from before."""
    kept = QPalette(QGuiApplication.palette())
    yield
    QGuiApplication.setPalette(kept)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        channels = []
        for value in (color.redF(), color.greenF(), color.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_key_colours_follow_a_dark_palette():
    theme.apply_scheme("dark")
    assert theme.is_dark()
    assert theme.canvas_background().lightness() < 60
    assert theme.block_fill().lightness() < 80
    assert theme.text().lightness() > 200
    assert theme.block_fill().lightness() > theme.canvas_background().lightness()  # blocks stand up from the canvas
    assert theme.group_fill(0) != theme.canvas_background()
    assert theme.group_fill(0).lightness() < 80 and theme.group_fill(3) != theme.group_fill(0)


def test_the_key_colours_follow_a_light_palette():
    theme.apply_scheme("light")
    assert not theme.is_dark()
    assert theme.canvas_background().lightness() > 200
    assert theme.block_fill().lightness() > 240
    assert theme.text().lightness() < 60


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_readable_on_blocks_groups_and_the_canvas(scheme):
    theme.apply_scheme(scheme)
    for background in (theme.block_fill(), theme.canvas_background(), theme.group_fill(0), theme.group_fill(4),
                       theme.base(), theme.window()):
        assert contrast(theme.text(), background) >= 7, background.name()
        assert contrast(theme.muted(), background) >= 3, background.name()  # quiet, still readable
    assert contrast(theme.border(), theme.block_fill()) >= 1.3  # a block's outline can be seen
    assert contrast(theme.ERROR, theme.block_fill()) >= 3


def test_the_dark_palette_is_complete_and_keeps_the_accent():
    palette = theme.dark_palette()
    assert palette.color(QPalette.ColorRole.Highlight) == theme.ACCENT
    assert palette.color(QPalette.ColorRole.Window).lightness() < 60
    assert contrast(palette.color(QPalette.ColorRole.Link), palette.color(QPalette.ColorRole.Base)) >= 4.5
    assert contrast(palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base)) >= 3
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled.lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def test_system_keeps_a_light_desktop_palette_and_replaces_it_only_when_dark(monkeypatch):
    light = theme.light_palette()
    light.setColor(QPalette.ColorRole.Highlight, QColor("#228833"))  # the desktop's own accent
    QGuiApplication.setPalette(light)
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.apply_scheme("system") == "light"
    assert QGuiApplication.palette().color(QPalette.ColorRole.Highlight) == QColor("#228833")
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.apply_scheme("system") == "dark"
    assert theme.is_dark()
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.apply_scheme("system") == "light" and not theme.is_dark()  # back from dark: a light palette again


def test_the_environment_can_choose_where_the_desktop_cannot_say(monkeypatch):
    monkeypatch.setenv(theme.SCHEME_VARIABLE, "dark")
    assert theme.follow_system() == "dark" and theme.is_dark()
    monkeypatch.setenv(theme.SCHEME_VARIABLE, "Light ")
    assert theme.follow_system() == "light" and not theme.is_dark()
    monkeypatch.setenv(theme.SCHEME_VARIABLE, "purple")  # not a theme: the desktop decides
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.follow_system() == "dark"


def test_a_scheme_that_does_not_exist_is_refused_in_words():
    with pytest.raises(ValueError, match="'sepia' is not a theme: choose one of system, light, dark"):
        theme.apply_scheme("sepia")


def test_the_system_check_asks_qt():
    assert theme.system_is_dark() == (QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark)


def test_the_canvas_follows_a_switch_while_the_window_is_open(window, qtbot):
    theme.apply_scheme("light")
    qtbot.waitUntil(lambda: window.view.backgroundBrush().color() == theme.canvas_background())
    light = window.view.backgroundBrush().color()
    theme.apply_scheme("dark")
    qtbot.waitUntil(lambda: window.view.backgroundBrush().color() != light)
    assert window.view.backgroundBrush().color() == theme.canvas_background()
    assert window.view.backgroundBrush().color().lightness() < 60


def test_an_unticked_check_box_keeps_a_visible_frame_on_the_dark_palette(qtbot):
    """Fusion outlines check boxes with the window colour made darker: on a dark palette the box vanished."""
    from PySide6.QtWidgets import QCheckBox

    box = QCheckBox()
    qtbot.addWidget(box)
    box.setStyle(theme.make_style())
    box.setPalette(theme.dark_palette())
    box.resize(24, 24)
    image = box.grab().toImage()
    background = QColor(theme.dark_palette().color(QPalette.ColorRole.Window))
    brightest = max(QColor(image.pixel(x, y)).lightness() for x in range(image.width())
                    for y in range(image.height()))
    assert brightest - background.lightness() > 60


def test_parameter_counts_read_at_a_glance_up_to_billions(qapp):
    from editor.ui.theme import format_count

    counts = (1, 210, 101_066, 1_234_567, 9_996_000, 37_000_000, 999_600_000, 2_500_000_000, 9_960_000_000,
              10_000_100_000, 120_000_000_000)
    assert [format_count(n) for n in counts] == [
        "1 param", "210 params", "101,066 params", "1.2M params", "10M params", "37M params", "1.0B params",
        "2.5B params", "10.0B params", "10.0B params", "120B params"]
