"""LayerLab's log file, and the report that describes an unexpected error.

:class:`ErrorLog` keeps a small rotating log (``layerlab.log``, at most
:data:`LOG_BYTES` bytes, with :data:`LOG_BACKUPS` older files beside it) in
the platform's app-data folder, under ``logs``. It listens to the ``editor``
logger, so every module's ``logging.getLogger(__name__)`` lands there:
unexpected errors, projects that could not be shown, background jobs that
failed without anyone to tell.

:func:`error_report` is what the error dialog's "Copy report" copies: the
versions of LayerLab, Python, torch and Qt, the platform, and the traceback.
"""

from __future__ import annotations

import logging
import platform
import sys
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QStandardPaths, qVersion
from PySide6.QtGui import QGuiApplication

from editor.version import __version__

LOG_NAME = "layerlab.log"
LOG_BYTES = 1024 * 1024
"""The most a log file grows before it is rotated."""
LOG_BACKUPS = 3
"""How many rotated files are kept (``layerlab.log.1`` … ``.3``); older ones are deleted."""
LOGGER = "editor"
"""The logger the file listens to: every LayerLab module logs under it."""

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_active: list[ErrorLog] = []  # the logs started and not yet stopped, newest last


def log_folder() -> Path:
    """Where the log lives: ``logs`` in the platform's app-data folder for LayerLab."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".layerlab") / "logs"


def active_log() -> Path | None:
    """The file LayerLab is logging to now (None before :meth:`ErrorLog.start`, e.g. in tests)."""
    return _active[-1].path if _active else None


def versions() -> dict[str, str]:
    """LayerLab's version and those of what it runs on, as a report names them."""
    torch = sys.modules.get("torch")  # never imported here: the log starts before torch loads (editor.ui.startup)
    torch_version = str(getattr(torch, "__version__", "unknown")) if torch is not None else "not loaded yet"
    app = QGuiApplication.instance()
    qt_platform = QGuiApplication.platformName() if app is not None else "none"
    return {"LayerLab": __version__, "Python": platform.python_version(), "torch": torch_version,
            "Qt": f"{qVersion()} (PySide6 {pyside_version}, {qt_platform})", "Platform": platform.platform()}


def error_report(exc_info: ExcInfo, where: str = "") -> str:
    """The text of a report: when, the versions, where it happened (a thread) and the traceback."""
    lines = ["LayerLab error report", f"Time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}"]
    lines += [f"{name}: {value}" for name, value in versions().items()]
    if where:
        lines.append(f"Where: {where}")
    lines.append("")
    lines += "".join(traceback.format_exception(*exc_info)).rstrip().splitlines()
    return "\n".join(lines) + "\n"


class ErrorLog:
    """A rotating log file for the ``editor`` logger, started once per run of the app."""

    def __init__(self, folder: Path | None = None, max_bytes: int = LOG_BYTES, backups: int = LOG_BACKUPS) -> None:
        self.folder = folder or log_folder()
        self.path = self.folder / LOG_NAME
        self.max_bytes, self.backups = max_bytes, backups
        self.handler: RotatingFileHandler | None = None
        self._level = logging.NOTSET

    def start(self) -> bool:
        """Begin logging to :attr:`path` (info and worse); False when the folder cannot be written."""
        if self.handler is not None:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(self.path, maxBytes=self.max_bytes, backupCount=self.backups,
                                          encoding="utf-8", delay=True)
        except OSError as exc:
            print(f"layerlab: cannot write the log in {self.folder}: {exc}", file=sys.stderr)
            return False
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger = logging.getLogger(LOGGER)
        self._level = logger.level
        if logger.getEffectiveLevel() > logging.INFO:
            logger.setLevel(logging.INFO)
        logger.addHandler(handler)
        self.handler = handler
        _active.append(self)
        versions_line = ", ".join(f"{name} {value}" for name, value in versions().items())
        logging.getLogger(__name__).info("Started: %s", versions_line)
        return True

    def stop(self) -> None:
        """Stop logging to the file and close it."""
        if self.handler is None:
            return
        logger = logging.getLogger(LOGGER)
        logger.removeHandler(self.handler)
        logger.setLevel(self._level)
        self.handler.close()
        self.handler = None
        if self in _active:
            _active.remove(self)
