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


def test_a_saved_layout_is_kept_as_the_learner_left_it(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    qtbot.waitUntil(lambda: first.docks["bottom"].height() >= 0.37 * first.height())
    first.resizeDocks([first.docks["bottom"]], [250], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: first.docks["bottom"].height() < 0.37 * first.height())
    kept = first.docks["bottom"].height()
    first.save_layout()
    first.undo_stack.setClean()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.wait(50)
    assert abs(second.docks["bottom"].height() - kept) <= 20
