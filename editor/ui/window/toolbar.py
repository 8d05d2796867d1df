"""The design toolbar: input shape, seed (with a reset from it) and device.

Typing a seed applies it: the seed is set and every weight is rebuilt from
it, as ``torch.manual_seed(seed)`` followed by building the layers gives, in
one undoable step ("Set seed 42"). That is what a learner who has just read
``torch.manual_seed(42); net = nn.Sequential(...)`` expects to see.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressDialog, QToolBar, QToolButton, QWidget

from editor.commands.edits import ApplySeedCommand, DeviceCommand, SetInputShapeCommand
from editor.model.design.user_values import check_seed, check_shape
from editor.model.errors import LayerLabError, ValidationError
from editor.model.run.devices import PreparedMove
from editor.model.words import message_of
from editor.ui import theme
from editor.ui.i18n import keep_translated, model_text, on_language_change, translate
from editor.ui.jobs import JobCancelled, JobRunner, plain_message, wait_for
from editor.ui.window.device_picker import DevicePicker
from editor.ui.window.session import Session

BIG_MOVE = 100 * 1024**2  # bytes from which a move shows progress


def parse_shape(text: str) -> tuple[int, ...] | None:
    """``"3, 20"`` or ``"(3, 20)"`` as a shape; empty text means "infer it"."""
    raw = text.strip().strip("()[]").replace("×", ",").replace("x", ",")
    if not raw:
        return None
    try:
        parts = [int(part) for part in raw.split(",") if part.strip()]
    except ValueError:
        raise ValidationError(translate("DesignToolbar", "{text} is not a shape: write sizes separated by commas, "
                                        "like 3, 20.").format(text=repr(text)),
                              field="input_shape", valid="sizes like 3, 20") from None
    return check_shape(parts)


class DesignToolbar(QToolBar):
    """Input shape, seed and device of the design, with buttons for the ``initialize`` and ``reset`` actions."""

    def __init__(self, session: Session, initialize_action: QAction, reset_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designToolbar")
        keep_translated(self, self.setWindowTitle, lambda: self.tr("Design"))
        self.session = session
        self.shape = QLineEdit()
        self.shape.setObjectName("inputShape")
        self.shape.setFixedWidth(150)
        self.shape.setPlaceholderText(self.tr("inferred"))
        self.shape.setToolTip(self._shape_tip())
        self.shape.editingFinished.connect(self._shape_done)
        # A line edit, not a spin box: torch seeds go up to 2**64 - 1 (and down to -2**63), past a QSpinBox's int.
        self.seed = QLineEdit()
        self.seed.setObjectName("seed")
        self.seed.setFixedWidth(110)
        keep_translated(self, self.seed.setToolTip, lambda: self.tr(
            "torch.manual_seed(seed), then constructing the layers: changing it rebuilds every weight from the new "
            "seed (Undo brings the previous weights back). Exported code starts from it too."))
        self.seed.editingFinished.connect(self._seed_done)
        reset = QToolButton()
        reset.setObjectName("resetFromSeed")
        reset.setDefaultAction(reset_action)
        keep_translated(self, reset_action.setIconText, lambda: self.tr("Reset from seed"))  # the button's word
        initialize = QToolButton()
        initialize.setObjectName("initializeButton")
        initialize.setDefaultAction(initialize_action)
        keep_translated(self, initialize_action.setIconText, lambda: self.tr("Initialize…"))
        self.device = DevicePicker()
        self.jobs = JobRunner(self)  # the copy of a big move runs here
        self.device.device_chosen.connect(self._device_changed)
        self._quiet = False
        for label, widget in ((lambda: self.tr("Input"), self.shape), (lambda: self.tr("Seed"), self.seed),
                              (None, initialize), (None, reset), (lambda: self.tr("Device"), self.device)):
            if label:
                text = QLabel()
                keep_translated(self, text.setText, lambda label=label: f"  {label()} ")
                text.setStyleSheet(f"color: {theme.muted().name()};")
                self.addWidget(text)
            self.addWidget(widget)
            self.addSeparator() if widget is reset else None
        on_language_change(self, self.retranslate)

    def _shape_tip(self) -> str:
        return self.tr("The shape of the input batch, e.g. 3, 20 (empty: inferred from the first layer)")

    def retranslate(self) -> None:
        """The texts that depend on the project, in the current language."""
        if not self.shape.styleSheet():  # an error's tooltip stays until the shape is fixed
            self.shape.setToolTip(self._shape_tip())
        if self.session.has_project:
            self.refresh()

    def refresh(self) -> None:
        """Show the project's values."""
        project = self.session.project
        self._quiet = True
        try:
            if not self.shape.hasFocus():
                self.shape.setText("" if project.input_is_inferred else ", ".join(map(str, project.input_shape or ())))
                inferred = project.input_shape
                self.shape.setPlaceholderText(self.tr("inferred: {shape}").format(shape=", ".join(map(str, inferred)))
                                              if inferred else self.tr("not set"))
            if not self.seed.hasFocus():
                self.seed.setText(str(project.seed))
            self.device.set_device(project.device)
        finally:
            self._quiet = False

    def _shape_done(self) -> None:
        project = self.session.project
        try:
            shape = parse_shape(self.shape.text())
        except ValidationError as exc:
            self.shape.setStyleSheet(f"border: 1px solid {theme.ERROR.name()};")
            self.shape.setToolTip(model_text(exc))
            self.session.show_message(message_of(exc))
            return
        self.shape.setStyleSheet("")
        self.shape.setToolTip(self._shape_tip())
        current = None if project.input_is_inferred else project.input_shape
        if shape != current:
            self.session.run(SetInputShapeCommand(project, shape))

    def _seed_done(self) -> None:
        project = self.session.project
        try:
            value = check_seed(int(self.seed.text().strip()))
        except (ValueError, ValidationError) as exc:
            message = exc if isinstance(exc, ValidationError) else self.tr("The seed must be a whole number, like 42.")
            self.seed.setStyleSheet(f"border: 1px solid {theme.ERROR.name()};")
            self.session.show_message(str(message))
            return
        self.seed.setStyleSheet("")
        if value != project.seed and self.session.run(ApplySeedCommand(project, value)):
            self.session.show_message(self.tr(
                "Seed {seed}: every weight was rebuilt from it, as torch.manual_seed({seed}) then building the layers "
                "gives. Undo brings back the previous weights.").format(seed=value))

    def _device_changed(self, device: str) -> None:
        """Move the model (one undo step); a big one copies on a worker thread, with progress and Cancel."""
        if self._quiet or not device:
            return
        project = self.session.project
        if device == project.device:
            return
        prepared = None
        if project.memory_needed() >= BIG_MOVE:
            try:
                prepared = project.prepare_move(device)  # refused here, in words, when it does not fit
            except LayerLabError as exc:
                self.session.show_message(message_of(exc))
                self.refresh()
                return
            if not self._copy_in_background(prepared):
                self.refresh()
                return
        if self.session.run(DeviceCommand(project, device, prepared=prepared)):
            self.session.show_message(self.tr("The model is on {device} now: feed it inputs on {device} too.").format(
                device=device))
        self.refresh()

    def _copy_in_background(self, prepared: PreparedMove) -> bool:
        """Copy the tensors on a worker while a progress dialog (with Cancel) keeps the window painting."""
        moving = self.tr("Moving the model to {device}…").format(device=prepared.target)
        dialog = QProgressDialog(moving, self.tr("Cancel"), 0, 1000, self)
        dialog.setObjectName("moveProgress")
        dialog.setWindowTitle("LayerLab")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(fraction: float | None, text: str) -> None:
            if fraction is not None:
                dialog.setValue(round(1000 * fraction))
            if text:
                dialog.setLabelText(f"{moving}\n{model_text(text)}")

        job = self.jobs.submit(lambda context: prepared.copy(context.report, lambda: context.cancelled),
                               on_progress=progress)
        dialog.canceled.connect(job.cancel)
        try:
            wait_for(job)
        except JobCancelled:
            self.session.show_message(self.tr("Move cancelled: the model stays on {device}.").format(
                device=self.session.project.device))
            return False
        except Exception as exc:  # out of memory on the device, a driver error: said in words, nothing moved
            self.session.show_message(self.tr("The model could not be moved to {device}: {reason}").format(
                device=prepared.target, reason=model_text(plain_message(exc))))
            return False
        finally:
            dialog.close()
            dialog.deleteLater()
        return True


__all__ = ["DesignToolbar", "parse_shape"]
