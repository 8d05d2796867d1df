"""Checking and evaluating hyperparameters against the catalog, without torch.

Everything here works on plain values: it normalizes a value to the form the
torch class stores, refuses invalid ones with a :class:`ValidationError` that
names the field and its valid range, evaluates the catalog's formulas
(parameter counts, auto values, constraints, example inputs) and writes the
short labels blocks show ("Linear 20 → 10").
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from functools import cache
from typing import Any

from editor.model.catalog import AUTO, HyperParam, LayerKind
from editor.model.custom.expr import FORMULA_FUNCTIONS, Expression, ExpressionError, compile_expression
from editor.model.errors import ValidationError
from editor.model.words import say


@cache
def formula(source: str) -> Expression:
    """The compiled catalog expression ``source`` (compiled once, then cached)."""
    return compile_expression(source, FORMULA_FUNCTIONS)


def _as_int(hp: HyperParam, value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            if isinstance(value, (bool, float)):
                raise TypeError
            value = operator.index(value)
        except TypeError:
            raise _invalid(hp, value, where) from None
    if not -(2**63) <= value < 2**63:  # torch keeps whole numbers in 64 bits: beyond that a forward pass fails
        raise _invalid(hp, value, where, say("torch holds whole numbers up to 2**63 - 1 only"))
    return int(value)


def _invalid(hp: HyperParam, value: Any, where: str = "", extra: str = "") -> ValidationError:
    shown = repr(value) if not isinstance(value, str) or len(value) < 40 else repr(value[:40] + "…")
    valid = hp.describe_valid()
    if extra:
        text = say("{where}{name} must be {valid} (got {value}): {reason}.", where=where, name=hp.name, valid=valid,
                   value=shown, reason=extra)
    else:
        text = say("{where}{name} must be {valid} (got {value}).", where=where, name=hp.name, valid=valid, value=shown)
    return ValidationError(text, field=hp.name, valid=valid)


def _check_bounds(hp: HyperParam, number: float, original: Any, where: str) -> None:
    if hp.minimum is not None and (number < hp.minimum or (hp.min_exclusive and number == hp.minimum)):
        raise _invalid(hp, original, where)
    if hp.maximum is not None and number > hp.maximum:
        raise _invalid(hp, original, where)


def _ints(hp: HyperParam, value: Any, where: str, allow_none: bool = False) -> tuple[Any, ...]:
    items = []
    for item in value:
        if item is None and allow_none:
            items.append(None)
            continue
        number = _as_int(hp, item, where)
        _check_bounds(hp, number, value, where)
        items.append(number)
    return tuple(items)


def normalize_value(hp: HyperParam, value: Any, where: str = "") -> Any:
    """``value`` checked against ``hp`` and put in the form torch stores.

    Raises :class:`ValidationError` naming the field and its valid range.
    """
    if value is None:
        if hp.nullable or (hp.type == "output_size"):
            return None
        raise _invalid(hp, value, where)
    kind = hp.type
    if kind == "int":
        number = _as_int(hp, value, where)
        _check_bounds(hp, number, value, where)
        if hp.choices and number not in hp.choices:
            raise _invalid(hp, value, where)
        return number
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _invalid(hp, value, where)
        number = float(value)
        if not math.isfinite(number):
            raise _invalid(hp, value, where, say("it must be a finite number"))
        _check_bounds(hp, number, value, where)
        return number
    if kind == "bool":
        if not isinstance(value, bool):
            raise _invalid(hp, value, where)
        if hp.choices and value not in hp.choices:
            raise _invalid(hp, value, where, hp.help)
        return value
    if kind == "choice":
        if value not in hp.choices or isinstance(value, bool):
            raise _invalid(hp, value, where)
        return value
    if kind in ("size", "padding", "output_size"):
        if kind == "padding" and isinstance(value, str):
            if value not in hp.choices:
                raise _invalid(hp, value, where)
            return value
        if isinstance(value, (tuple, list)):
            if len(value) != hp.arity:
                raise _invalid(hp, value, where, say("it needs {count} entries", count=hp.arity))
            return _ints(hp, value, where, allow_none=kind == "output_size")
        number = _as_int(hp, value, where)
        _check_bounds(hp, number, value, where)
        return number
    if kind == "shape":
        if isinstance(value, (tuple, list)):
            if not value:
                raise _invalid(hp, value, where, say("it needs at least one entry"))
            return _ints(hp, value, where)
        number = _as_int(hp, value, where)
        _check_bounds(hp, number, value, where)
        return (number,)
    raise ValueError(say("unknown hyperparameter type {kind!r}", kind=kind))  # pragma: no cover - catalog bug


def check_constraints(kind: LayerKind, params: Mapping[str, Any], where: str = "") -> None:
    """Raise :class:`ValidationError` when ``params`` break a cross-field rule of ``kind``."""
    for rule in kind.constraints:
        try:
            ok = formula(rule.check)(params)
        except ExpressionError:
            ok = False
        if not ok:
            raise ValidationError(say("{where}{rule} (got {values}).", where=where, rule=rule.message,
                                      values=_describe_values(kind, params, rule.check)),
                                  field=rule.field, valid=rule.message)


def _describe_values(kind: LayerKind, params: Mapping[str, Any], check: str) -> str:
    used = formula(check).names
    return ", ".join(f"{n}={params[n]!r}" for n in kind.param_names if n in used)


def validate_params(kind: LayerKind, params: Mapping[str, Any], where: str = "") -> dict[str, Any]:
    """All of ``params`` checked and normalized, in constructor order.

    Unknown names are refused with the list of known ones; missing names get
    the catalog default. ``where`` prefixes messages, e.g. ``"Block 2: "``.
    """
    unknown = [name for name in params if name not in kind.param_names]
    if unknown:
        known = ", ".join(kind.param_names) or say("none")
        raise ValidationError(say("{where}{kind} has no hyperparameter {name!r} (its hyperparameters are: {known}).",
                                  where=where, kind=kind.name, name=unknown[0], known=known),
                              field=unknown[0], valid=known)
    result = {hp.name: normalize_value(hp, params.get(hp.name, hp.default), where) for hp in kind.params}
    check_constraints(kind, result, where)
    return result


def split_auto(kind: LayerKind, changes: Mapping[str, Any],
               where: str = "") -> tuple[dict[str, Any], set[str], set[str]]:
    """Separate ``"auto"`` requests from concrete values in ``changes``.

    Returns (concrete values, names switched to auto, names switched off auto).
    """
    concrete: dict[str, Any] = {}
    to_auto: set[str] = set()
    for name, value in changes.items():
        if isinstance(value, str) and value == AUTO:
            if name not in kind.param_names:
                validate_params(kind, {name: value}, where)  # raises the unknown-name message
            if kind.param(name).auto is None:
                raise ValidationError(say("{where}{kind}.{name} cannot be 'auto': it does not follow from the "
                                          "input shape.", where=where, kind=kind.name, name=name),
                                      field=name, valid=kind.param(name).describe_valid())
            to_auto.add(name)
        else:
            concrete[name] = value
    return concrete, to_auto, set(concrete) & set(kind.auto_names)


def resolve_auto(kind: LayerKind, name: str, shape: tuple[int, ...] | None) -> Any | None:
    """The value of auto hyperparameter ``name`` for an input of ``shape``; None when undecidable."""
    if shape is None:
        return None
    hp = kind.param(name)
    try:
        value = formula(hp.auto or "None")({"shape": shape})
        return normalize_value(hp, value)
    except (ValidationError, IndexError, TypeError):
        return None


def param_count(kind: LayerKind, params: Mapping[str, Any]) -> int:
    """The number of learnable parameters of a ``kind`` layer with ``params`` (a custom kind counts its own)."""
    counter = getattr(kind, "count_parameters", None)
    if counter is not None:
        return int(counter(params))
    return int(formula(kind.param_count)(params))


def example_input(kind: LayerKind, params: Mapping[str, Any]) -> tuple[int, ...] | None:
    """A natural input shape for a design that starts with this layer, or None."""
    example = getattr(kind, "example", None)  # a custom block: its first child's
    if example is not None:
        return example(params)
    if kind.example_input is None:
        return None
    try:
        return tuple(int(v) for v in formula(kind.example_input)(params))
    except (ExpressionError, TypeError, ValueError):
        return None


def format_value(value: Any) -> str:
    """A hyperparameter value as a block shows it: ``(3, 3)`` becomes ``3×3``."""
    if isinstance(value, tuple):
        return "×".join(format_value(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def block_label(kind: LayerKind, params: Mapping[str, Any]) -> str:
    """The kind and its key hyperparameters in words, e.g. ``"Linear 20 → 10"``."""
    if not kind.label:
        return kind.name
    shown = {name: format_value(value) for name, value in params.items()}
    if "stride" in shown and params.get("stride") is None:
        shown["stride"] = format_value(params.get("kernel_size"))
    try:
        return f"{kind.name} {kind.label.format(**shown)}"
    except (KeyError, IndexError):
        return kind.name
