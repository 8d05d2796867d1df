"""The default panel layout fits the real window: the bottom panels (Run tab's per-block table) get their share."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.window.main_window import MainWindow


def test_first_show_gives_the_bottom_panels_their_share_of_the_window(window, qtbot):
    qtbot.waitUntil(lambda: window.docks["bottom"].height() >= 0.37 * window.height())
    qtbot.wait(50)  # the fitted layout becomes the default on the next turn of the event loop
    window.resizeDocks([window.docks["bottom"]], [250], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.docks["bottom"].height() < 0.37 * window.height())
    window.reset_layout()  # the default layout is the fitted one
    qtbot.waitUntil(lambda: window.docks["bottom"].height() >= 0.37 * window.height())


def _save_a_layout(qtbot, height: int, bottom: int, until) -> MainWindow:
    """A window of ``height`` whose bottom panel was dragged to ``bottom`` px (``until(window)`` says it took
    effect), its layout saved, closed."""
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(1400, height)
    first.show()
    qtbot.waitUntil(lambda: first.docks["bottom"].height() >= 0.37 * first.height())
    first.resizeDocks([first.docks["bottom"]], [bottom], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: until(first))
    first.save_layout()
    first.undo_stack.setClean()
    first.close()
    return first


def test_a_saved_layout_is_kept_as_the_learner_left_it(qtbot):
    first = _save_a_layout(qtbot, 900, 250, lambda w: w.docks["bottom"].height() < 0.37 * w.height())
    kept = first.docks["bottom"].height()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.wait(50)
    assert abs(second.docks["bottom"].height() - kept) <= 20


def test_a_saved_layout_never_buries_the_canvas(qtbot):
    """A bottom panel dragged tall in a larger window is restored as tall as leaves the canvas its least height,
    and no tab bar of the window's own (the docks') lies over the panels."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QTabBar

    from editor.ui.window.layout import MIN_CANVAS_HEIGHT

    _save_a_layout(qtbot, 1200, 1000, lambda w: w.centralWidget().height() < 150)
    second = MainWindow()
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    qtbot.waitUntil(lambda: second.centralWidget().height() >= MIN_CANVAS_HEIGHT - 4, timeout=5000)
    qtbot.wait(50)
    bottom = second.docks["bottom"]
    assert bottom.height() > 300  # still the learner's tall panel, only less so
    central = second.centralWidget()
    areas = [QRect(w.mapTo(second, w.rect().topLeft()), w.size()) for w in (bottom, central)]
    stray = [bar for bar in second.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if bar.isVisible() and any(bar.geometry().intersects(area) for area in areas)]
    assert stray == []

