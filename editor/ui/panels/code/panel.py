"""The Code tab (objectName ``codePanel``): the design as the PyTorch code a learner would write, live.

It shows ``project.to_code()``, refreshed a moment after edits (bursts of
edits are coalesced), keeping the scroll position. "Edit" makes the text
editable and pauses the refresh; "Apply" asks for the code to become the
design (the window turns that into one undoable command) and "Cancel" goes
back to the live code. An import error is shown at its line. A line under the
code says whether running it rebuilds exactly the editor's weights.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor.model.meta import prepare_meta_kernels_in_background
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, keep_translated, model_text, on_language_change, translate
from editor.ui.panels.code.editor import CodeEditor
from editor.ui.panels.following import follow

DEBOUNCE_MS = 150
NOT_FROM_SEED = QT_TRANSLATE_NOOP("CodePanel", "The weights are not the seed's (edited, trained, copied or loaded), "
                                  "so building from the seed gives different values. Export .py… can save them "
                                  "alongside.")


EXPORT_TIP = QT_TRANSLATE_NOOP("CodePanel", "Save the code as a Python file (and the weights, when they are not the "
                               "seed's)")
EXPORT_WAITS_TIP = QT_TRANSLATE_NOOP("CodePanel", "Export saves the design's own code: Apply or Cancel your edits "
                                     "first")


def from_seed_note(seed: int) -> str:
    """The line under the code when running it rebuilds the editor's weights exactly."""
    return translate("CodePanel", "Running this code after torch.manual_seed({seed}) rebuilds exactly the editor's "
                     "weights.").format(seed=seed)


class CodePanel(QWidget):
    """Live, highlighted PyTorch code for the design, with copy, export and an edit mode."""

    apply_requested = Signal(str)
    """Edit mode's Apply: make the design what this source describes."""

    export_requested = Signal()
    """"Export .py…" was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codePanel")
        self.project: Project | None = None
        self.live_code = ""
        self.from_seed = True
        self._stale = True
        self._to_model = False
        self.editing = False
        self._changed_while_editing = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        self.editor = CodeEditor()
        self.editor.setReadOnly(True)
        self.copy_button = self._button("copyCodeButton")
        keep_translated(self, self.copy_button.setText, lambda: self.tr("Copy"))
        keep_translated(self, self.copy_button.setToolTip, lambda: self.tr("Copy the code to the clipboard"))
        self.export_button = self._button("exportCodeButton")
        keep_translated(self, self.export_button.setText, lambda: self.tr("Export .py…"))
        self.edit_button = self._button("editCodeButton")
        keep_translated(self, self.edit_button.setText, lambda: self.tr("Edit"))
        keep_translated(self, self.edit_button.setToolTip,
                        lambda: self.tr("Edit the code or paste your own, then Apply it to the canvas"))
        self.edit_button.setCheckable(True)
        self.apply_button = self._button("applyCodeButton")
        keep_translated(self, self.apply_button.setText, lambda: self.tr("Apply"))
        keep_translated(self, self.apply_button.setToolTip,
                        lambda: self.tr("Read this code onto the canvas, as one undo step (Ctrl+Enter)"))
        self.cancel_button = self._button("cancelCodeButton")
        keep_translated(self, self.cancel_button.setText, lambda: self.tr("Cancel"))
        keep_translated(self, self.cancel_button.setToolTip,
                        lambda: self.tr("Forget these edits and show the live code"))
        self.apply_button.setDefault(True)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("codeModeLabel")
        self.mode_label.setStyleSheet(f"color: {theme.muted().name()};")
        self.error_label = QLabel()
        self.error_label.setObjectName("codeErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tint = theme.mix(theme.base(), theme.ERROR, 0.12)
        self.error_label.setStyleSheet(f"background: {tint.name()}; border-left: 3px solid {theme.ERROR.name()};"
                                       "padding: 4px 8px;")
        self.note_label = QLabel()
        self.note_label.setObjectName("codeNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {theme.muted().name()}; padding: 0 2px;")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.copy_button, self.export_button, self.edit_button, self.apply_button,
                       self.cancel_button):
            bar.addWidget(button)
        bar.addSpacing(8)
        bar.addWidget(self.mode_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.note_label)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.editor, self.apply, context=Qt.ShortcutContext.WidgetShortcut)
        self.copy_button.clicked.connect(self.copy)
        self.export_button.clicked.connect(self.export_requested)
        self.edit_button.toggled.connect(self._edit_toggled)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self._show_mode()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """The mode line and the note under the code, in the current language."""
        self._show_mode()
        if self.project is not None and self.note_label.text():
            self.note_label.setText(from_seed_note(self.project.seed) if self.from_seed
                                    else translate("CodePanel", NOT_FROM_SEED))

    def _button(self, name: str) -> QPushButton:
        """A push button called ``name`` (its text and tooltip are set where it is made)."""
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # ------------------------------------------------------------ project
    def set_project(self, project: Project) -> None:
        """Follow ``project`` (leaving edit mode, whose text was about the previous one)."""
        names = ("edited", "weights_changed", "settings_changed", "reset")
        self.project = follow(self.project, project, dict.fromkeys(names, self._schedule))
        self._to_model = True  # a new design opens at build_model(), past the docstring and imports
        self.leave_edit_mode()
        if self.isVisible():
            self.refresh()
        else:  # a hidden tab writes the code when it is shown, or asked for it (start-up builds it hidden)
            self._stale = True

    def _schedule(self, *args: object) -> None:
        if self.editing:
            self._changed_while_editing = True
            self._show_mode()
            return
        self._stale = True
        if self.isVisible():  # a hidden tab catches up when it is shown (big designs take a while)
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._timer.start()
        elif self._to_model:  # generated while the tab was hidden: open it at build_model() now
            self._to_model = False
            self.show_model_function()

    def code(self) -> str:
        """The text shown (the live code, or the edited text in edit mode)."""
        self._catch_up()
        return self.editor.toPlainText()

    def is_live_code(self, source: str) -> bool:
        """Whether ``source`` is the generated code of the design as it still is (nothing to apply)."""
        self._catch_up()
        return source == self.live_code and not self._changed_while_editing

    def _catch_up(self) -> None:
        """Write the code now if the design changed while the tab was hidden (shown, it follows after a pause)."""
        if self._stale and not self.editing and not self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Show the current code and the note about the weights now, keeping the scroll position."""
        self._timer.stop()
        if self.project is None or self.editing:
            return
        self._stale = False
        try:
            text = self.project.to_code()
        except Exception as exc:  # the panel must keep working; the message says what failed
            self.error_label.setText(self.tr("The code cannot be generated: {reason}").format(reason=model_text(exc)))
            self.error_label.show()
            return
        self.error_label.hide()
        self.live_code = text
        if text != self.editor.toPlainText():
            vertical, horizontal = self.editor.verticalScrollBar(), self.editor.horizontalScrollBar()
            position = (vertical.value(), horizontal.value())
            self.editor.replace_text(text)
            vertical.setValue(min(position[0], vertical.maximum()))
            horizontal.setValue(min(position[1], horizontal.maximum()))
        if self._to_model and self.isVisible():
            self._to_model = False
            self.show_model_function()
        self._update_note()

    def show_model_function(self) -> None:
        """Scroll so that ``def build_model()`` is the first line shown (the rest stays a scroll away)."""
        lines = self.editor.toPlainText().split("\n")
        found = next((i for i, line in enumerate(lines) if line.startswith("def build_model")), None)
        if found is not None:
            bar = self.editor.verticalScrollBar()
            bar.setValue(min(found, bar.maximum()))

    def _update_note(self) -> None:
        """The line under the code; called just after ``to_code()``, which settled whether the weights are the seed's.

        Asking ``weights_from_seed`` again would checksum every weight a second time (a third of the
        refresh for a 1,000-layer design): the answer to_code() found is the record's status now.
        """
        assert self.project is not None
        self.from_seed = bool(self.project.seeds.status)
        self.note_label.setText(from_seed_note(self.project.seed) if self.from_seed
                                else translate("CodePanel", NOT_FROM_SEED))

    # -------------------------------------------------------------- actions
    def copy(self) -> None:
        """Put the code shown on the clipboard."""
        QApplication.clipboard().setText(self.code())
        self.mode_label.setText(self.tr("Copied the code to the clipboard."))
        QTimer.singleShot(2500, self._show_mode)

    def _edit_toggled(self, on: bool) -> None:
        if on:
            self.enter_edit_mode()
        else:
            self.cancel_edit()

    def enter_edit_mode(self) -> None:
        """Make the text editable; the live refresh waits until Apply or Cancel."""
        prepare_meta_kernels_in_background()  # classes in the code are checked on the meta device at Apply
        self.editing = True
        self._changed_while_editing = False
        self.editor.setReadOnly(False)
        self.edit_button.setChecked(True)
        self.editor.setFocus()
        self._show_mode()

    def leave_edit_mode(self) -> None:
        """Back to the live, read-only code."""
        self.editing = False
        self._changed_while_editing = False
        self.editor.setReadOnly(True)
        self.edit_button.blockSignals(True)
        self.edit_button.setChecked(False)
        self.edit_button.blockSignals(False)
        self.clear_error()
        self._show_mode()

    def cancel_edit(self) -> None:
        """Forget the edits and show the live code again."""
        self.leave_edit_mode()
        self.refresh()

    def apply(self) -> None:
        """Ask for the edited code to become the design (the window answers with :meth:`applied` or an error)."""
        if self.editing:
            self.clear_error()
            self.apply_requested.emit(self.code())

    def applied(self) -> None:
        """The code became the design: show the live code again."""
        self.leave_edit_mode()
        self.refresh()

    def show_error(self, message: str, line: int | None = None, column: int | None = None) -> None:
        """Show why the code could not be applied, at its line when known; the text stays as typed."""
        self.editor.mark_error(line, column)
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        """Remove the error mark and message of a failed Apply."""
        self.editor.mark_error(None)
        self.error_label.hide()

    def _show_mode(self) -> None:
        self.apply_button.setVisible(self.editing)
        self.cancel_button.setVisible(self.editing)
        self.copy_button.setEnabled(True)
        self.export_button.setEnabled(not self.editing)  # it writes the design's code, not the edited text
        self.export_button.setToolTip(translate("CodePanel", EXPORT_WAITS_TIP if self.editing else EXPORT_TIP))
        if not self.editing:
            self.mode_label.setText(self.tr("Live: follows every change on the canvas."))
        elif self._changed_while_editing:
            self.mode_label.setText(self.tr("The design changed since you began editing. Apply replaces it with "
                                            "this code; Cancel shows the new code."))
        elif not self.from_seed:
            self.mode_label.setText(self.tr("Editing. Apply builds the weights from the seed; Undo brings back the "
                                            "current ones."))
        else:
            self.mode_label.setText(self.tr("Editing: change the code or paste your own, then Apply (one undo "
                                            "step)."))
