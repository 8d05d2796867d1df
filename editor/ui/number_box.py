"""A field for a real number that keeps what a learner types: ``1e-4``, ``0.000001``, ``-2.5E3``.

Qt's ``QDoubleSpinBox`` rounds every value to a fixed number of decimals and
refuses the letter e: a learning rate of ``1e-4`` typed there became 1 (the e and
the minus were dropped), ``0.000001`` became 0, and an init's ``std=1e-5`` became
15. A :class:`NumberBox` takes any number Python's ``float()`` reads, keeps all
its digits, shows it in the fewest digits that read back as it (``0.0001``,
``1e-06``, ``200``), and clamps one out
of range to the nearest end, visibly. With ``log_steps`` its arrows step through
1, 2, 5, 10, 20, … (learning rates span decades).
"""

from __future__ import annotations

import math
import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

_NUMBER = re.compile(r"[+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?")
_BEGUN = re.compile(r"[+-]?(\d*[.,]?\d*)([eE][+-]?\d*)?")
"""(A decimal comma counts as the point: 0,01 is 0.01, not the 1 left once the comma was refused.)"""
"""What a number being typed may look like on the way (``-``, ``1e``, ``1e-``, ``.``)."""
_STEPS = (1, 2, 5)


class NumberBox(QDoubleSpinBox):
    """A spin box for a real number from ``minimum`` to ``maximum`` that takes scientific notation."""

    def __init__(self, minimum: float, maximum: float, value: float, *, single_step: float = 0.1,
                 log_steps: bool = False, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setDecimals(323)  # Qt rounds values to this many decimals: the most it allows, so none are lost
        self.setRange(minimum, maximum)
        self.setSingleStep(single_step)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)  # 20 past a top of 10: 10
        self.setKeyboardTracking(False)  # the value is what was typed once it is done (Enter, or leaving the field):
        # not 1 on the way to 1e-4, nor that 1 kept when "1e-" is left unfinished
        self.setValue(value)
        self._log_steps = log_steps

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        return short(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(_point(text))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if _NUMBER.fullmatch(stripped):
            value = float(_point(stripped))
            if math.isfinite(value) and self.minimum() <= value <= self.maximum():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Intermediate, text, pos  # out of range: clamped when the field is left
        if _BEGUN.fullmatch(stripped):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        """A number out of range becomes the nearest end (Qt would put back the value before); one not finished
        (``1e-``) gives the value before back (Qt would take the minimum)."""
        try:
            value = float(_point(text))
        except ValueError:
            return self.textFromValue(self.value())
        if math.isnan(value):
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(value, self.minimum()), self.maximum()))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if not self._log_steps:
            super().stepBy(steps)
            return
        value = self.value()
        for _ in range(abs(steps)):
            value = log_step(value, 1 if steps > 0 else -1)
        self.setValue(min(max(value, self.minimum()), self.maximum()))
        self.selectAll()


def _point(text: str) -> str:
    """``text`` with a decimal comma as a point (``0,01``: 0.01)."""
    return text.strip().replace(",", ".")


def log_step(value: float, direction: int) -> float:
    """The next value of 1, 2, 5, 10, 20, … (times a power of ten) above ``value`` (``direction`` 1) or below
    (-1); from 0 or below, the smallest positive step is left to the caller's minimum."""
    if value <= 0:
        return value if direction < 0 else 1e-6
    exponent = math.floor(math.log10(value))
    candidates = [float(f"{step}e{power}") for power in (exponent - 1, exponent, exponent + 1) for step in _STEPS]
    if direction > 0:
        return min(c for c in candidates if c > value * (1 + 1e-9))
    return max(c for c in candidates if c < value * (1 - 1e-9))


def short(value: float) -> str:
    """``value`` in the fewest digits that read back as it (``0.0001``, ``1e-06``, ``200``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
