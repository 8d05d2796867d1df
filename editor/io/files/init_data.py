"""Init rules as plain data (the ``"init_rules"`` entry of a project file) and back.

A rule becomes a dict of strings, numbers and lists. Chosen blocks are
stored as indices into the design's layer list (the order of
:func:`~editor.model.design.tree.distinct_layers`, which is the order ``design_data``
writes layers in), so they follow the blocks, not their positions. Reading checks every field and
raises :class:`~editor.io.files.design_data.DesignDataError` naming it; then
:func:`~editor.io.files.rule_checks.check_rules` checks that every rule can be replayed on the
design it was read with.
"""

from __future__ import annotations

from typing import Any

from editor.io.files.design_data import DesignDataError
from editor.model.design.tree import distinct_layers
from editor.model.errors import LayerLabError, ValidationError
from editor.model.init.rules import InitRule, make_rule
from editor.model.words import message_of, say

MAX_RULES = 1000

_RULE_FIELDS = frozenset({"function", "parameters", "kind", "layers", "expression", "gain_from"})
_BROKEN = (LayerLabError, RuntimeError, ValueError, TypeError, KeyError, IndexError, ArithmeticError)


def rules_to_data(project: Any) -> list[dict[str, Any]]:
    """The project's rules as plain data (blocks that left the design are dropped)."""
    index = {id(layer): i for i, layer in enumerate(distinct_layers(project.root))}
    out = []
    for rule in project.init_rules:
        layers = None
        if rule.layers is not None:
            layers = [index[id(layer)] for layer in rule.layers if id(layer) in index]
            if not layers:
                continue  # every block it chose was deleted: nothing left to replay
        out.append({"function": rule.function, "args": dict(rule.args), "parameters": rule.parameters,
                    "kind": rule.kind, "layers": layers, "expression": rule.expression,
                    "gain_from": list(rule.gain_from) if rule.gain_from is not None else None})
    return out


def rules_from_data(data: Any, project: Any) -> tuple[InitRule, ...]:
    """Checked rules for ``project`` from plain data."""
    if data is None:
        return ()
    if not isinstance(data, (list, tuple)):
        raise DesignDataError(say("init_rules: expected a list, found {type}", type=type(data).__name__))
    if len(data) > MAX_RULES:
        raise DesignDataError(say("init_rules: {count} rules is more than LayerLab opens ({limit})",
                                  count=len(data), limit=MAX_RULES))
    order = distinct_layers(project.root)
    rules = []
    for i, item in enumerate(data):
        where = f"init_rules[{i}]"
        if not isinstance(item, dict):
            raise DesignDataError(say("{where}: expected a dict, found {type}", where=where, type=type(item).__name__))
        args = item.get("args")
        args = {} if args is None else args
        if not isinstance(args, dict) or not all(isinstance(k, str) for k in args):
            raise DesignDataError(say("{where}.args: expected a dict of argument names to values", where=where))
        clash = sorted(_RULE_FIELDS & set(args))
        if clash:
            raise DesignDataError(say("{where}.args: {field!r} is a field of the rule, not an argument of its "
                                      "init function", where=where, field=clash[0][:40]))
        layers = item.get("layers")
        chosen = None
        if layers is not None:
            if not isinstance(layers, (list, tuple)) or not all(
                    isinstance(n, int) and not isinstance(n, bool) and 0 <= n < len(order) for n in layers):
                raise DesignDataError(say("{where}.layers: expected indices of the design's layers (0 to "
                                          "{last})", where=where, last=len(order) - 1))
            chosen = tuple(order[n] for n in layers)
        gain = item.get("gain_from")
        if gain is not None:
            if not (isinstance(gain, (list, tuple)) and len(gain) == 2 and isinstance(gain[0], str)
                    and (gain[1] is None or isinstance(gain[1], (int, float)))):
                raise DesignDataError(say("{where}.gain_from: expected [nonlinearity, param or None]", where=where))
            gain = (gain[0], gain[1])
        for name in ("function", "parameters"):
            if not isinstance(item.get(name), str):
                raise DesignDataError(say("{where}.{name}: expected text", where=where, name=name))
        for name in ("kind", "expression"):
            if item.get(name) is not None and not isinstance(item.get(name), str):
                raise DesignDataError(say("{where}.{name}: expected text or None", where=where, name=name))
        try:
            rules.append(make_rule(item["function"], parameters=item["parameters"], kind=item.get("kind"),
                                   layers=chosen, expression=item.get("expression"), gain_from=gain, **args))
        except ValidationError as exc:
            raise DesignDataError(say("{where}: {problem}", where=where, problem=message_of(exc))) from None
        except _BROKEN:
            raise DesignDataError(say("{where}: its function, arguments or expression are not valid",
                                      where=where)) from None
    return tuple(rules)
