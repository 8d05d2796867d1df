"""Init rules as the Python a learner would write: ``def init_…(m)`` functions applied with ``model.apply``.

Everything emitted comes from checked data: function and argument names from
the :mod:`~editor.model.init.functions` table, values through ``repr``, and a
custom expression re-written from its checked syntax tree (only whitelisted
names and calls survive), so nothing a user typed can inject code.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from editor.model.catalog import kind as catalog_kind
from editor.model.catalog.build import constructor_kwargs, torch_class
from editor.model.design.tree import Layer, distinct_layers, path_key, paths
from editor.model.init.rules import TENSOR_FUNCTIONS, InitRule, compile_rule_expression
from editor.model.meta import on_meta
from editor.model.project.freezing import frozen_names
from editor.model.stats.parameters import state_key

# Layer kinds whose module always has these parameters (no "if m.bias is not None" needed).
_ALWAYS = {"weight": ("Linear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "Embedding",
                      "PReLU")}


_REQUIRED = ("val", "sparsity")  # nn.init.constant_ and sparse_ have no default for these: always written


@dataclass
class InitCode:
    """Source lines for a project's init rules (empty when it has none)."""

    definitions: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)


def init_code(project: Any, model: str = "model") -> InitCode:
    """Functions and the statements that apply them to the variable ``model``, in rule order."""
    code = InitCode()
    for number, rule in enumerate(project.init_rules, start=1):
        name = f"init_{number}_{rule.function.rstrip('_')}"
        code.definitions.extend(_function(rule, name, number, code.imports))
        code.definitions.append("")
        code.statements.extend(apply_statements(project, rule, name, model))
    if code.definitions:
        code.definitions.pop()
    return code


def freeze_code(project: Any, model: str = "model") -> list[str]:
    """``requires_grad_(False)`` for each parameter frozen in the editor (once per shared module)."""
    lines = []
    table: dict[Any, str] | None = None
    for layer in distinct_layers(project.root):
        frozen = frozen_names(layer.module)
        if not frozen:
            continue
        if table is None:  # worked out once: per layer it made exporting big designs quadratic
            table = paths(project.root)
        key = _key_path(layer, table)
        for name in frozen if key is not None else ():
            if all(k.isdigit() for k in key) and all(part.isidentifier() for part in name.split(".")):
                target = f"{_index(model, key)}.{name}"
            else:
                target = f"{model}.get_parameter({_text('.'.join([*key, name]))})"
            lines.append(f"{target}.requires_grad_(False)  # frozen: not trained")
    return lines


def apply_statements(project: Any, rule: InitRule, function: str, model: str = "model") -> list[str]:
    """How exported code applies ``rule``'s function: ``model.apply(fn)``, or once per chosen block."""
    if rule.layers is None:
        return [f"{model}.apply({function})"]
    table = paths(project.root)
    keys = (_key_path(layer, table) for layer in rule.layers)
    return [f"{_index(model, key)}.apply({function})" for key in keys if key is not None]


def rule_program(project: Any, rule: InitRule, function: str = "init_fn", model: str = "model") -> str:
    """``def init_fn(m): …`` and the ``model.apply(init_fn)`` lines: what a learner would write for ``rule``."""
    lines = [f"def {function}(m):", *_function(rule, function, 0, set())[2:], ""]
    return "\n".join(lines + apply_statements(project, rule, function, model))


def _text(value: str) -> str:
    """A string literal in double quotes, like the rest of the exported file (``repr`` when it needs escapes)."""
    if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return repr(value)


def _function(rule: InitRule, name: str, number: int, imports: set[str]) -> list[str]:
    lines = [f"def {name}(m):", f'    """Init rule {number}: {_doc(rule.describe())}."""']
    body: list[str] = []
    if rule.kind is not None:
        cls = torch_class(catalog_kind(rule.kind))
        lines.append(f"    if type(m) is nn.{cls.__name__}:")
        names = _direct_parameters(rule)
        indent = "        "
        for param in names:
            always = rule.kind in _ALWAYS.get(param, ())
            inner = indent if always else indent + "    "
            if not always:
                body.append(f"{indent}if m.{param} is not None:")
            body.extend(_fill(rule, f"m.{param}", inner, imports))
        if not names:
            body.append(f"{indent}pass  # {rule.kind} has no such parameters")
        return lines + body
    lines.append("    for name, w in m.named_parameters(recurse=False):")
    if rule.parameters != "all":
        lines.append(f"        if {_text(rule.parameters)} in name:")
        lines.extend(_fill(rule, "w", "            ", imports))
    else:
        lines.extend(_fill(rule, "w", "        ", imports))
    return lines


def _doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', "'''")


def _direct_parameters(rule: InitRule) -> list[str]:
    """The kind's own parameter names (a default instance, built on the meta device), filtered by the rule."""
    kind = catalog_kind(rule.kind or "")
    with on_meta():
        module = torch_class(kind)(**constructor_kwargs(kind, kind.defaults()))
    names = [n for n, _ in module.named_parameters(recurse=False)]
    optional = [n for n in ("weight", "bias") if n not in names and hasattr(module, n)]
    ordered = [n for n in ("weight", "bias") if n in names or n in optional] + [
        n for n in names if n not in ("weight", "bias")]
    return [n for n in ordered if rule.matches(n)]


def _fill(rule: InitRule, target: str, indent: str, imports: set[str]) -> list[str]:
    args = [target]
    init = rule.init
    defaults = init.defaults()
    values = rule.kwargs
    for arg in init.args:
        if arg.name == "gain" and rule.gain_from is not None:
            nonlinearity, param = rule.gain_from
            extra = "" if param is None else f", {float(param)!r}"
            args.append(f"gain=nn.init.calculate_gain({_text(nonlinearity)}{extra})")
        elif arg.name not in defaults or values[arg.name] != defaults[arg.name] or arg.name in _REQUIRED:
            value = values[arg.name]
            args.append(f"{arg.name}={_text(value) if isinstance(value, str) else repr(value)}")
    lines = [f"{indent}nn.init.{init.name}({', '.join(args)})"]
    if rule.expression:
        tree = ast.parse(rule.expression.strip(), mode="eval")
        uses = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        if target != "w" and "w" in uses:
            lines.insert(0, f"{indent}w = {target}")
            lines[1] = lines[1].replace(f"({target}", "(w", 1)
            target = "w"
        lines.append(f"{indent}with torch.no_grad():")
        if uses & {"fan_in", "fan_out"}:
            imports.add("import math")
            lines.append(f"{indent}    fan_in = {target}.shape[1] * math.prod({target}.shape[2:])")
            lines.append(f"{indent}    fan_out = {target}.shape[0] * math.prod({target}.shape[2:])")
        if "numel" in uses:
            lines.append(f"{indent}    numel = {target}.numel()")
        lines.append(f"{indent}    {target}.copy_({expression_code(rule.expression, target)})")
    return lines


class _ToTorch(ast.NodeTransformer):
    """Rewrites a checked expression: ``abs(w)`` becomes ``torch.abs(w)``, ``w`` the parameter variable."""

    def __init__(self, target: str) -> None:
        self.target = target

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        assert isinstance(node.func, ast.Name)
        module, _, attr = TENSOR_FUNCTIONS[node.func.id][1].rpartition(".")
        node.func = ast.Attribute(value=ast.Name(id=module, ctx=ast.Load()), attr=attr, ctx=ast.Load())
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == "w":
            return ast.Name(id=self.target, ctx=ast.Load())
        return node


def expression_code(source: str, target: str = "w") -> str:
    """Python code for a custom rule's expression (checked first: only whitelisted names and calls)."""
    compile_rule_expression(source)  # refuses anything outside the language
    tree = _ToTorch(target).visit(ast.parse(source.strip(), mode="eval"))
    return ast.unparse(ast.fix_missing_locations(tree))


def _key_path(layer: Layer, table: dict[Any, str]) -> list[str] | None:
    """The Sequential keys from the root down to the layer's first block (None when it left the design).

    ``table`` is ``paths(root)``.
    """
    found = [b for b in layer.blocks if b in table]
    if not found:
        return None
    return state_key(min(found, key=lambda b: path_key(table[b]))).split(".")  # labels never hold dots


def _index(model: str, keys: list[str]) -> str:
    if all(k.isdigit() for k in keys):
        return model + "".join(f"[{k}]" for k in keys)
    return f"{model}.get_submodule({_text('.'.join(keys))})"
