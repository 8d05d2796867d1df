"""Screenshots of the editor, made offscreen: the README's pictures and the light and dark checks.

``python main.py --screenshot OUT.png`` renders the main window at 1400×900
with a design loaded; the options choose what it shows (see :class:`Shot`):
an example or a lesson, the selected blocks, the bottom tab, a forward or
backward pass in the Run tab, the language, a light or dark palette, and
which part to save (the window, the welcome screen, the inspector column or
the bottom panel). ``tools/make_screenshots.py`` makes every picture in
``docs/`` this way.

The window's parts work in the background (histograms, statistics, runs):
:func:`settle` waits, boundedly, until they are done, so that a picture
never shows "computing…".
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMainWindow, QWidget

from editor.ui import theme
from editor.ui.jobs import JobRunner

MainWindow = QMainWindow  # the editor's main window (only the composition root imports its module)

TABS = ("parameters", "histogram", "code", "run", "print")
"""The bottom tabs a screenshot can bring forward."""
PARTS = ("window", "welcome", "inspector", "bottom")
"""What a screenshot saves: the main window, the welcome screen, the inspector column or the bottom panel."""
RUNS = ("forward", "backward")
"""The passes a screenshot can run in the Run tab first."""
SETTLE_SECONDS = 60.0
"""The longest a screenshot waits for background work (a forward pass, histograms) before it saves anyway."""
MAX_SIDE = 4000
"""The largest width or height of a screenshot, in pixels."""


class ScreenshotError(ValueError):
    """A screenshot option that cannot be honoured: said in words, with what would work."""


@dataclass
class Shot:
    """What one screenshot shows; every field has a default, so ``Shot()`` is the plain window."""

    size: tuple[int, int] = (1400, 900)
    tabs: list[str] = field(default_factory=list)
    """Bottom tabs: the first is brought forward; with ``part="bottom"`` each is saved, one under the other."""
    select: list[str] = field(default_factory=list)
    """Block paths to select ("1.0"); none: a block the picture shows, preferring one with "auto" values."""
    run: str | None = None
    lesson: int | None = None
    language: str | None = None
    scheme: str = "system"
    part: str = "window"

    def check(self) -> None:
        """Raise :class:`ScreenshotError` for an option out of range, before anything is drawn."""
        width, height = self.size
        if not (200 <= width <= MAX_SIDE and 200 <= height <= MAX_SIDE):
            raise ScreenshotError(f"A screenshot of {width}×{height} is out of range: give a size from 200×200 "
                                  f"to {MAX_SIDE}×{MAX_SIDE}, like 1400x900.")
        for name, value, allowed in (("tab", self.tabs, TABS), ("part", [self.part], PARTS),
                                     ("run", [self.run] if self.run else [], RUNS),
                                     ("theme", [self.scheme], theme.SCHEMES)):
            wrong = [v for v in value if v not in allowed]
            if wrong:
                raise ScreenshotError(f"{wrong[0]!r} is not a {name}: choose one of {', '.join(allowed)}.")


def parse_size(text: str) -> tuple[int, int]:
    """``"1400x900"`` as (1400, 900)."""
    try:
        width, height = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise ScreenshotError(f"{text!r} is not a size: write width x height, like 1400x900.") from None
    return width, height


def prepare(shot: Shot) -> None:
    """Before the window is made: the palette and the language the picture shows."""
    shot.check()
    if shot.scheme != "system":
        theme.apply_scheme(shot.scheme)
    if shot.language:
        from editor.ui import i18n

        if shot.language not in i18n.LANGUAGES:
            raise ScreenshotError(f"{shot.language!r} is not a language LayerLab speaks: choose one of "
                                  f"{', '.join(i18n.LANGUAGES)}.")
        i18n.languages().install(shot.language)


def _busy(root: QObject) -> bool:
    """Whether work started under ``root`` is still going: a background job, or a pending one-shot timer."""
    if any(runner.busy for runner in root.findChildren(JobRunner)):
        return True
    return any(timer.isActive() and timer.isSingleShot() and timer.interval() < 2000
               for timer in root.findChildren(QTimer))


def settle(root: QObject, seconds: float = SETTLE_SECONDS) -> bool:
    """Process events until nothing under ``root`` is busy three checks in a row (False: gave up after ``seconds``)."""
    deadline = time.monotonic() + seconds
    quiet = 0
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        quiet = quiet + 1 if not _busy(root) else 0
        if quiet >= 3:
            return True
        time.sleep(0.02)
    return False


def _select(window: MainWindow, paths: list[str]) -> None:
    from editor.model.errors import LayerLabError

    project = window.project
    if paths:
        try:
            nodes = [project.node(path) for path in paths]
        except LayerLabError as exc:
            raise ScreenshotError(f"Cannot select {', '.join(paths)}: {exc}") from None
        window.select_nodes(nodes)
        return
    blocks = [node for _, node in project.walk() if getattr(node, "layer", None) is not None]
    window.view.verticalScrollBar().setValue(0)
    visible = [b for b in blocks if window.view.mapFromScene(
        window.scene.items_by_node[b].sceneBoundingRect().bottomLeft()).y() < window.view.viewport().height()]
    if visible:  # the inspector shows a block the picture also shows, preferring one with "auto" values
        window.scene.select_nodes([next((b for b in reversed(visible) if b.layer.auto), visible[-1])])


def _open_lesson(window: MainWindow, number: int) -> None:
    problem = window.lesson_actions.open_number(number)
    if problem:
        raise ScreenshotError(problem)
    if window.lesson_actions.current is None:
        raise ScreenshotError(f"Lesson {number} could not be opened.")


def _stacked(images: list[QImage]) -> QImage:
    """Images one under the other, on the window's colour, with a thin gap."""
    gap = 8
    width = max(image.width() for image in images)
    height = sum(image.height() for image in images) + gap * (len(images) - 1)
    result = QImage(width, height, QImage.Format.Format_ARGB32)
    result.fill(theme.mix(theme.window(), QColor("black"), 0.1))
    painter = QPainter(result)
    y = 0
    for image in images:
        painter.drawImage(0, y, image)
        y += image.height() + gap
    painter.end()
    return result


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def shoot(window: MainWindow, shot: Shot, out: Path) -> bool:
    """Show ``window`` as ``shot`` says and save the picture to ``out`` (PNG); False when it could not be saved."""
    window.resize(*shot.size)
    window.show()
    settle(window)
    if shot.part == "bottom":  # the picture is the bottom panel: give it most of the window's height
        window.resizeDocks([window.docks["bottom"]], [round(shot.size[1] * 0.85)], Qt.Orientation.Vertical)
        settle(window)
    if shot.lesson is not None:
        _open_lesson(window, shot.lesson)
        settle(window)
    if shot.lesson is None or shot.select:
        _select(window, shot.select)
    if shot.tabs:
        window.show_tab(shot.tabs[0])
    settle(window)
    if shot.run is not None:
        window.show_tab("run")
        window.run_panel.start(backward=shot.run == "backward")
        settle(window)
        if shot.tabs:
            window.show_tab(shot.tabs[0])
    settle(window)
    if shot.part == "welcome":
        dialog = window.lesson_actions.show_welcome()
        settle(window)
        image = _grab(dialog)
        dialog.close()
    elif shot.part == "inspector":
        image = _grab(window.findChild(QWidget, "inspectorColumn"))
    elif shot.part == "bottom":
        images = []
        for tab in shot.tabs or [None]:
            if tab is not None:
                window.show_tab(tab)
            settle(window)
            images.append(_grab(window.bottom_tabs))
        image = _stacked(images)
    else:
        image = _grab(window)
    window.undo_stack.setClean()
    saved = image.save(str(out))
    window.close()
    return saved


__all__ = ["PARTS", "RUNS", "TABS", "ScreenshotError", "Shot", "parse_size", "prepare", "settle", "shoot"]
