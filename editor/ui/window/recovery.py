"""At start-up, offer the work that a LayerLab which did not exit cleanly left in the autosave folder.

The question (:func:`ask_recover`) is a module function so tests can answer
it. Recovered work is opened as unsaved work and stays on disk, adopted by
this run's :class:`~editor.ui.window.autosave.Autosave`, until it is saved
again; "Not now" keeps every autosave for the next start, and only "Discard"
deletes one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import open_project
from editor.ui.i18n import translate
from editor.ui.window import files
from editor.ui.window.autosave import Autosave, Recoverable, find_recoverable
from editor.ui.window.session import Session


def ask_recover(parent: QWidget | None, item: Recoverable) -> str:
    """"recover", "discard" or "later" for the autosave ``item`` (Escape: later)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Recovery", "Recover unsaved work?"),
                      translate("Recovery", "LayerLab did not close properly last time. Recover {what}?").format(
                          what=item.describe()),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("recoverBox")
    box.setInformativeText(translate("Recovery", "“Discard” deletes the autosaved copy; “Not now” keeps it for the "
                                     "next start."))
    recover = box.addButton(translate("Recovery", "Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(translate("Recovery", "Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    return "recover" if clicked is recover else "discard" if clicked is discard else "later"


def offer_recovery(session: Session, autosave: Autosave, parent: QWidget | None = None) -> bool:
    """Offer the autosaves left behind, newest first, until one is recovered (True) or the learner says "Not now"."""
    for item in find_recoverable(autosave.folder):
        answer = ask_recover(parent, item)
        if answer == "later":
            return False
        if answer == "discard":
            item.discard()
            continue
        try:
            opened = open_project(item.data)
        except ProjectFileError as exc:
            files.show_error(parent, translate("Recovery", "Could not recover"), exc)
            continue  # kept: a later LayerLab may read it
        if not session.set_project(opened.project, Path(item.source) if item.source else None):
            continue  # could not be shown (the session said why); kept as it is
        autosave.adopt(item)
        session.mark_recovered()
        return True
    return False
