"""Escape cancels the edit in progress before it closes a dialog.

A dialog closes on Escape. When the cursor is in a field whose value was
changed since the field got the focus (a number being typed, an expression
half written), Escape should only take that change back, as it does in a
spreadsheet cell; a second Escape, with nothing left to cancel, closes the
dialog as usual. Enter, or moving the focus to another field, keeps the value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

_KEEP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _value(widget: QWidget) -> Any:
    """What the field holds now; a spin box's text too (a half-typed number is no value yet)."""
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value(), widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def _restore(widget: QWidget, value: Any) -> None:
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value[0])
        widget.lineEdit().setText(value[1])  # setValue keeps a half-typed text when the value is unchanged
    elif isinstance(widget, QLineEdit):
        widget.setText(value)


class EscapeCancelsEdit(QObject):
    """Watches fields (line edits and spin boxes): Escape puts back the value a field had when it got the focus.

    Escape is left to the dialog (which closes) when the focused field has no
    change to cancel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._before: dict[int, Any] = {}

    def watch(self, *widgets: QWidget) -> None:
        """Cancel edits in these fields on Escape (a spin box's line edit is watched through the box)."""
        for widget in widgets:
            widget.installEventFilter(self)
            if widget.hasFocus():
                self._before[id(widget)] = _value(widget)

    def editing(self, widget: QWidget) -> bool:
        """Whether ``widget`` holds a change since it got the focus (Escape would take it back)."""
        key = id(widget)
        return key in self._before and _value(widget) != self._before[key]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(watched, (QLineEdit, QAbstractSpinBox)):
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._before[id(watched)] = _value(watched)
        elif kind == QEvent.Type.FocusOut:
            self._before.pop(id(watched), None)
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            key = event.key()
            if key in _KEEP_KEYS and kind == QEvent.Type.KeyPress:
                self._before[id(watched)] = _value(watched)  # Enter keeps what was typed
            elif key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                    and self.editing(watched):
                if kind == QEvent.Type.KeyPress:
                    _restore(watched, self._before[id(watched)])
                event.accept()  # this Escape is ours: the dialog does not close
                return True
        return False
