"""The device picker (objectName ``devicePicker``): every device this machine has, and why some cannot be used.

The CPU, each CUDA device by index with its name and free/total memory, and
Apple's MPS when torch has it. A device that is not available stays listed,
greyed out, with a tooltip that says why ("No CUDA: this torch build is
CPU-only"). Choosing one asks for a move (``device_chosen``); the window runs
it as an undoable command, which refuses a move the design does not fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from editor.model.catalog.build import format_bytes
from editor.model.run.devices import DeviceInfo, list_devices
from editor.ui.i18n import model_text, on_language_change

NAME = Qt.ItemDataRole.UserRole


class DevicePicker(QComboBox):
    """A combo box of :class:`~editor.model.run.devices.DeviceInfo`; unavailable ones disabled with a reason."""

    device_chosen = Signal(str)
    """The learner picked this device (``"cpu"``, ``"cuda:0"``, ``"mps"``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicePicker")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(12)
        self.devices: list[DeviceInfo] = []
        self._quiet = False
        self.refresh()
        self.activated.connect(self._activated)
        on_language_change(self, self.refresh)

    def refresh(self, current: str | None = None) -> None:
        """List the devices again (free memory changes), keeping ``current`` (or the current one) chosen."""
        current = current or self.current_device()
        self.devices = list_devices()
        model = QStandardItemModel(self)
        for info in self.devices:
            item = QStandardItem(self.label(info))
            item.setData(info.name, NAME)
            item.setToolTip(model_text(info.reason) or self.tr("{call} moves every parameter and buffer there.").format(
                call=f"model.to({info.name!r})"))
            if not info.available:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            model.appendRow(item)
        self._quiet = True
        try:
            self.setModel(model)
            self.set_device(current or "cpu")
        finally:
            self._quiet = False
        self._update_tooltip()

    def label(self, info: DeviceInfo) -> str:
        """The row's words in the current language: the device, its name, and its free memory."""
        parts = info.label.split(" · ")
        if not info.available:
            return self.tr("{device} · not available").format(device=info.name)
        if info.free is not None and info.total is not None and len(parts) >= 3:
            return self.tr("{device} · {model} · {free} free of {total}").format(
                device=info.name, model=parts[1], free=format_bytes(info.free), total=format_bytes(info.total))
        if info.free is not None and info.total is None:
            return self.tr("{device} · {free} free").format(device=info.name, free=format_bytes(info.free))
        return info.label

    def current_device(self) -> str:
        return str(self.currentData(NAME) or "")

    def set_device(self, name: str) -> None:
        """Show ``name`` as the current device (a project opened on a device not listed gets its own row)."""
        index = self.findData(name, NAME)
        if index < 0:
            item = QStandardItem(self.tr("{device} · not on this machine").format(device=name))
            item.setData(name, NAME)
            self.model().appendRow(item)  # type: ignore[attr-defined]
            index = self.count() - 1
        self._quiet = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._quiet = False
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        notes = [model_text(d.reason) for d in self.devices if not d.available]
        tip = self.tr("Where the model's parameters live: model.to(device).")
        if notes:
            tip += " " + " ".join(notes)
        self.setToolTip(tip)

    def _activated(self, index: int) -> None:
        if not self._quiet:
            self.device_chosen.emit(str(self.itemData(index, NAME)))

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.refresh()  # free memory is worth showing as it is now
        super().showPopup()
