"""One editor widget per hyperparameter type, each able to read, show and parse its value.

Spin boxes keep integers inside their valid range, combo boxes offer the
choices, check boxes the booleans; sizes, floats and optional values are typed
as text and parsed here. Parsing only turns text into a Python value; the
Project decides whether the value is valid.
"""

from __future__ import annotations

import ast
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from editor.model.catalog import HyperParam
from editor.model.catalog.hyperparameters import format_value
from editor.ui.i18n import catalog_text, translate

INT_LIMIT = 2**31 - 1


class ParseError(ValueError):
    """Text that is not a value of the right form."""


def describe_valid(hp: HyperParam) -> str:
    """The valid values of ``hp`` in words, in the current language (``hp.describe_valid()`` in English)."""
    arity = hp.arity
    quoted = [repr(c) for c in hp.choices]
    text = {
        "int": translate("ParamEditor", "an integer"),
        "float": translate("ParamEditor", "a number"),
        "bool": translate("ParamEditor", "True or False"),
        "choice": translate("ParamEditor", "one of {choices}").format(choices=", ".join(quoted)),
        "size": translate("ParamEditor", "an integer or a tuple of {n} integers").format(n=arity),
        "padding": translate("ParamEditor", "an integer, a tuple of {n} integers, or {choices}").format(
            n=arity, choices=translate("ParamEditor", " or ").join(quoted)),
        "output_size": translate("ParamEditor", "an integer or a tuple of {n} integers (None keeps that size)").format(
            n=arity),
        "shape": translate("ParamEditor", "an integer or a tuple of integers"),
    }[hp.type]
    if hp.type not in ("choice", "bool"):
        bounds = []
        if hp.minimum is not None:
            bounds.append(f"{'>' if hp.min_exclusive else '≥'} {_number(hp.minimum)}")
        if hp.maximum is not None:
            bounds.append(f"≤ {_number(hp.maximum)}")
        if bounds:
            text += " " + translate("ParamEditor", " and ").join(bounds)
    if hp.nullable:
        text += translate("ParamEditor", ", or None")
    return text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_text(hp: HyperParam, text: str) -> Any:
    """The value typed as ``text`` for ``hp`` ("3, 3" → (3, 3); "None" → None; "same" → "same")."""
    raw = text.strip()
    if raw == "" or raw.lower() == "none":
        if hp.nullable or hp.type == "output_size":
            return None
        raise ParseError(translate("ParamEditor", "{name} needs a value: {valid}.").format(
            name=hp.name, valid=describe_valid(hp)))
    if hp.type in ("padding", "choice") and raw.strip("'\"") in [c for c in hp.choices if isinstance(c, str)]:
        return raw.strip("'\"")
    try:
        value = ast.literal_eval(raw if not raw[0].isalpha() else repr(raw))
    except (ValueError, SyntaxError):
        try:
            value = ast.literal_eval(f"({raw})")
        except (ValueError, SyntaxError):
            raise ParseError(translate("ParamEditor", "{text} is not {valid}.").format(
                text=repr(raw), valid=describe_valid(hp))) from None
    if isinstance(value, list):
        value = tuple(value)
    if hp.type == "float" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    return value


def show_value(value: Any) -> str:
    """A value as the text editors show: ``(3, 3)`` as ``3, 3``."""
    if value is None:
        return "None"
    if isinstance(value, tuple):
        return ", ".join(show_value(v) for v in value) + ("," if len(value) == 1 else "")
    if isinstance(value, float):
        return format_value(value) if abs(value) >= 1e-4 or value == 0 else f"{value:g}"
    return str(value)


class ParamEditor(QWidget):
    """A labelled value editor for one hyperparameter, with an optional "auto" toggle."""

    edited = Signal()
    """The user changed the value (or the auto toggle)."""

    committed = Signal()
    """The user finished a text edit (Enter or focus out)."""

    def __init__(self, hp: HyperParam, can_auto: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hp = hp
        self.setObjectName(f"param_{hp.name}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widget = self._make()
        self.widget.setToolTip(self.tr("{help}\nValid: {valid}.").format(help=catalog_text(hp.help),
                                                                           valid=describe_valid(hp)))
        layout.addWidget(self.widget, 1)
        self.auto_box: QCheckBox | None = None
        if can_auto:
            self.auto_box = QCheckBox(self.tr("auto"))
            self.auto_box.setObjectName(f"auto_{hp.name}")
            self.auto_box.setToolTip(self.tr("Follow the input shape: the value is worked out from the block's input."))
            self.auto_box.toggled.connect(self._auto_toggled)
            layout.addWidget(self.auto_box)
        self._quiet = False

    def _make(self) -> QWidget:
        hp = self.hp
        if hp.type == "int" and not hp.nullable:
            box = QSpinBox()
            box.setRange(int(hp.minimum) if hp.minimum is not None else -INT_LIMIT,
                         int(hp.maximum) if hp.maximum is not None else INT_LIMIT)
            box.setKeyboardTracking(True)
            box.setAccelerated(True)
            box.valueChanged.connect(self._changed)
            return box
        if hp.type == "bool":
            check = QCheckBox()
            check.toggled.connect(self._changed)
            if hp.choices and len(hp.choices) == 1:
                check.setEnabled(False)
            return check
        if hp.type == "choice":
            combo = QComboBox()
            for choice in hp.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(self._changed)
            return combo
        edit = QLineEdit()
        edit.setPlaceholderText("None" if hp.nullable else describe_valid(hp))
        edit.textEdited.connect(self._changed)
        edit.editingFinished.connect(self.committed.emit)
        return edit

    def _changed(self, *args: object) -> None:
        if not self._quiet:
            self.edited.emit()

    def _auto_toggled(self, on: bool) -> None:
        self.widget.setEnabled(not on)
        if not self._quiet:
            self.edited.emit()
            self.committed.emit()

    @property
    def is_auto(self) -> bool:
        """Whether the value follows the input shape ("auto" is ticked)."""
        return self.auto_box is not None and self.auto_box.isChecked()

    def set_value(self, value: Any, auto: bool = False) -> None:
        """Show ``value`` without emitting :attr:`edited`."""
        self._quiet = True
        try:
            widget = self.widget
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QLineEdit) and widget.text() != show_value(value):
                widget.setText(show_value(value))
            if self.auto_box is not None:
                self.auto_box.setChecked(auto)
                widget.setEnabled(not auto)
        finally:
            self._quiet = False

    def value(self) -> Any:
        """The value shown now (``"auto"`` when following the input); raises :class:`ParseError`."""
        if self.is_auto:
            return "auto"
        widget = self.widget
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        return parse_text(self.hp, widget.text())

    def has_focus(self) -> bool:
        """Whether the user is typing in this editor."""
        return self.widget.hasFocus()
