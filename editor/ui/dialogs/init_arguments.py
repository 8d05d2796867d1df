"""The Initialize dialog's form parts: a field for each argument of an ``nn.init`` function, and the help
for a rule's expression."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox, QWidget

from editor.model.init.rules import TENSOR_FUNCTIONS
from editor.ui.i18n import translate
from editor.ui.number_box import NumberBox

EXPRESSION_HELP = (f"w is the fresh sample; also fan_in, fan_out, numel. Functions: "
                   f"{', '.join(TENSOR_FUNCTIONS)}. Operators: + - * / ** < <= > >= == & |.")


def expression_help() -> str:
    """What a custom rule's expression may use, in the current language."""
    return translate("InitDialog", "w is the fresh sample; also fan_in, fan_out, numel. Functions: {functions}. "
                     "Operators: {operators}.").format(functions=", ".join(TENSOR_FUNCTIONS),
                                                        operators="+ - * / ** < <= > >= == & |")


def argument_widget(name: str, default: Any, kind: type, choices: tuple[str, ...],
                    changed: Callable[[], None]) -> QWidget:
    """The field for one argument of an ``nn.init`` function: a choice, a whole number or a number."""
    if choices:
        box = QComboBox()
        box.addItems(choices)
        box.setCurrentText(str(default))
        box.currentIndexChanged.connect(changed)
        return box
    if kind is int:
        spin = QSpinBox(minimum=1, maximum=4096, value=int(default))
        spin.valueChanged.connect(changed)
        return spin
    dspin = NumberBox(-1e6, 1e6, float(default), single_step=0.1)  # takes 1e-5 (a QDoubleSpinBox made it 15)
    if name in ("std", "sparsity"):
        dspin.setMinimum(0.0)
    if name == "sparsity":
        dspin.setMaximum(1.0)
        dspin.setSingleStep(0.05)
    dspin.valueChanged.connect(changed)
    return dspin


def argument_values(widgets: dict[str, QWidget]) -> dict[str, Any]:
    """The arguments as the fields (from :func:`argument_widget`, by name) set them."""
    values: dict[str, Any] = {}
    for name, widget in widgets.items():
        if isinstance(widget, QComboBox):
            values[name] = widget.currentText()
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            values[name] = widget.value()
    return values
