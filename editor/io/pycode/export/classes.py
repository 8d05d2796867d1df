"""Custom definitions as the ``nn.Module`` classes a learner writes.

A custom layer becomes ``class CenteredLayer(nn.Module)`` with an
``__init__`` that creates each parameter in declared order
(``self.weight = nn.Parameter(torch.randn(in_units, units))``, or a plain
tensor attribute when it is not registered, or ``torch.empty`` filled by an
``nn.init`` function) and a ``forward`` that returns the definition's
expression; a composite block becomes a class whose ``__init__`` builds its
children as attributes (``self.hidden = nn.Linear(input_nodes, hidden_nodes)``)
and whose ``forward`` calls them (``return self.out(F.relu(self.hidden(x)))``,
or applies them in order). ``__init__`` takes every hyperparameter with the
definition's default (``def __init__(self, in_units=20, units=10)``), the
class's docstring is the description (none when it is empty), and an instance
is constructed with every hyperparameter positionally: ``MyLinear(20, 10)``.
A numbered child is added as ``self.add_module("0", ...)``, a Sequential child
as ``nn.Sequential(...)`` of its own children, and a block that is the
textbook's ``MySequential`` (no hyperparameters, children ``0``, ``1``, … applied
in order) is written as that class, taking its layers as ``*args``, with the
layers passed where it is built: ``MySequential(nn.Linear(20, 256), nn.ReLU())``.
Reading the exported code back gives the same definitions, and exporting
them again the same text.

The classes behave like the editor's generated ones: same modules in the same
order (so the same seed gives the same weights), same ``print``, same
forward. Expressions are translated through :mod:`ast` from the already
checked safe language (names become ``self.``-attributes or ``__init__``
arguments, functions their ``torch.``/``F.`` spelling), never pasted as text.
"""

from __future__ import annotations

import ast
import functools
import inspect
from collections.abc import Mapping
from typing import Any

from editor.io.pycode.export.calls import class_expression, literal, module_call
from editor.model.catalog import LayerKind
from editor.model.catalog.build import torch_class, torch_defaults
from editor.model.catalog.custom_kinds import CustomKind, SequentialKind, custom_kinds_in
from editor.model.custom.blocks import SEQUENTIAL, is_index
from editor.model.custom.definitions import BlockDefinition, ChildSpec, Definition, LayerDefinition
from editor.model.custom.language import FUNCTIONS, INPUT, NAMESPACES

INDENT = "    "
WIDTH = 100
"""Lines of a class stay within this width where a Sequential child can be written one entry per line."""


def is_custom(kind: LayerKind) -> bool:
    """Whether ``kind`` comes from a custom definition."""
    return isinstance(kind, CustomKind)


class _Translate(ast.NodeTransformer):
    """Rewrites a checked expression: ``self.``-names, canonical ``torch.``/``F.`` calls."""

    def __init__(self, on_self: frozenset[str], uses_functional: list[bool]) -> None:
        self.on_self = on_self
        self.functional = uses_functional

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.on_self:
            return ast.copy_location(ast.Attribute(ast.Name("self", ast.Load()), node.id, ast.Load()), node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        name = None
        if isinstance(func, ast.Name) and func.id in FUNCTIONS and func.id not in self.on_self:
            name = func.id
        elif isinstance(func, ast.Attribute) and _dotted(func.value) in NAMESPACES and func.attr in FUNCTIONS:
            name = func.attr
        node.args = [self.visit(a) for a in node.args]
        node.keywords = [self.visit(k) for k in node.keywords]
        if name is not None:
            module, _, attr = FUNCTIONS[name].rpartition(".")
            self.functional[0] = self.functional[0] or module == "F"
            node.func = ast.Attribute(ast.Name(module, ast.Load()), attr, ast.Load())
        else:
            node.func = self.visit(func)
        return node


def _dotted(node: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def python_expression(source: str, on_self: frozenset[str], functional: list[bool]) -> str:
    """``source`` (a checked expression) as Python: ``on_self`` names read from ``self``."""
    tree = ast.parse(source.strip(), mode="eval")
    return ast.unparse(_Translate(on_self, functional).visit(tree.body))


def _shape_call(function: str, shape: tuple[str, ...], functional: list[bool]) -> str:
    sizes = [python_expression(entry, frozenset(), functional) for entry in shape]
    return f"torch.{function}({', '.join(sizes) if sizes else '()'})"


def _arguments(definition: Definition) -> str:
    """``__init__``'s arguments after ``self``: each hyperparameter with its default, ``in_units=20``."""
    return "".join(f", {name}={literal(value)}" for name, value in definition.hyperparameters)


def _layer_class(definition: LayerDefinition, functional: list[bool]) -> list[str]:
    body = [f"def __init__(self{_arguments(definition)}):", f"{INDENT}super().__init__()"]
    used = _names_in(definition.forward)
    body += [f"{INDENT}self.{name} = {name}" for name in definition.hyperparameter_names if name in used]
    for spec in definition.parameters:
        function, kwargs = spec.init_function
        creation = function if function in ("randn", "rand", "zeros", "ones", "empty") else "empty"
        tensor = _shape_call(creation, spec.shape, functional)
        value = f"nn.Parameter({tensor})" if spec.registered else tensor
        note = "" if spec.registered else "  # a plain tensor: not in parameters() or state_dict()"
        body.append(f"{INDENT}self.{spec.name} = {value}{note}")
        if creation != function:
            extra = "".join(f", {k}={literal(v)}" for k, v in kwargs.items())
            body.append(f"{INDENT}nn.init.{function}(self.{spec.name}{extra})")
    on_self = frozenset({*definition.hyperparameter_names, *(s.name for s in definition.parameters)})
    forward = ["", f"def forward(self, {INPUT}):",
               f"{INDENT}return {python_expression(definition.forward, on_self, functional)}"]
    return _class(definition, body + forward)


def _child_call(spec: ChildSpec, kind: LayerKind, functional: list[bool]) -> str:
    """A child's constructor call with its arguments as expressions over the block's hyperparameters."""
    if isinstance(kind, SequentialKind):
        calls = [_child_call(entry, entry_kind, functional)
                 for entry, entry_kind in zip(spec.children, kind.children, strict=True)]
        if _numbered(spec.children):
            return f"nn.Sequential({', '.join(calls)})"
        items = [f"({literal(entry.name)}, {call})" for entry, call in zip(spec.children, calls, strict=True)]
        return f"nn.Sequential(OrderedDict([{', '.join(items)}]))"
    given = {k: python_expression(v, frozenset(), functional) for k, v in spec.arguments}
    if isinstance(kind, CustomKind):
        if _takes_layers(kind):
            return f"{kind.name}({', '.join(_layer_calls(kind, functional))})"
        parts = [given.get(hp.name, literal(hp.default)) for hp in kind.params]
        return f"{kind.name}({', '.join(parts)})"
    defaults = kind.defaults()
    theirs = torch_defaults(kind)
    values: dict[str, str] = {}
    for hp in kind.params:
        if hp.name in given:
            values[hp.name] = given[hp.name]
        elif hp.name not in theirs or not _same(theirs[hp.name], defaults[hp.name]):
            values[hp.name] = literal(defaults[hp.name])
    positional = []
    for name in _signature_names(kind):
        if name not in values or name in theirs:
            break
        positional.append(values.pop(name))
    parts = positional + [f"{k}={v}" for k, v in values.items()]
    return f"{class_expression(kind)}({', '.join(parts)})"


def _child_source(spec: ChildSpec, kind: LayerKind, functional: list[bool], column: int, indent: str) -> str:
    """:func:`_child_call` starting at ``column``; a Sequential (or ``MySequential``) too long for one line has
    one entry per line, indented one step more than ``indent``."""
    one_line = _child_call(spec, kind, functional)
    if column + len(one_line) <= WIDTH:
        return one_line
    inner = indent + INDENT
    if isinstance(kind, SequentialKind):
        entries = list(zip(spec.children, kind.children, strict=True))
        keyed = not _numbered(spec.children)
        head, tail = ("nn.Sequential(OrderedDict([", "]))") if keyed else ("nn.Sequential(", ")")
    elif isinstance(kind, CustomKind) and _takes_layers(kind):
        definition = kind.definition
        assert isinstance(definition, BlockDefinition)
        entries = list(zip(definition.children, kind.children, strict=True))
        keyed = False
        head, tail = f"{kind.name}(", ")"
    else:
        return one_line
    items = []
    for entry, entry_kind in entries:
        prefix = f"({literal(entry.name)}, " if keyed else ""
        source = _child_source(entry, entry_kind, functional, len(inner) + len(prefix), inner)
        items.append(f"{inner}{prefix}{source}{')' if keyed else ''},")
    return "\n".join([head, *items, f"{indent}{tail}"])


def _numbered(children: tuple[ChildSpec, ...]) -> bool:
    """Whether children are named ``0``, ``1``, … in order, as ``nn.Sequential(a, b)`` names them."""
    return all(child.name == str(i) for i, child in enumerate(children))


def _takes_layers(kind: LayerKind) -> bool:
    definition = getattr(kind, "definition", None)
    return isinstance(definition, BlockDefinition) and definition.takes_layers


def _layer_calls(kind: CustomKind, functional: list[bool]) -> list[str]:
    """The calls of a ``MySequential``'s layers, its constructor's arguments."""
    definition = kind.definition
    assert isinstance(definition, BlockDefinition)
    return [_child_call(child, child_kind, functional)
            for child, child_kind in zip(definition.children, kind.children, strict=True)]


def instance_call(kind: LayerKind, params: Mapping[str, Any], column: int = 0, indent: str = "",
                  width: int = 100) -> str:
    """How the exported script builds one block of ``kind``: :func:`~editor.io.pycode.export.calls.module_call`,
    but a ``MySequential`` (a block that takes its layers, see ``BlockDefinition.takes_layers``) gets its
    layers as arguments, wrapped one per line when they do not fit in ``width`` from ``column``."""
    if not isinstance(kind, CustomKind) or not _takes_layers(kind):
        return module_call(kind, params, column, indent, width)
    calls = _layer_calls(kind, [False])
    one_line = f"{kind.name}({', '.join(calls)})"
    if column + len(one_line) <= width:
        return one_line
    inner = indent + INDENT
    return "\n".join([f"{kind.name}(", *(f"{inner}{call}," for call in calls), f"{indent})"])


def needs_ordered_dict(kinds: list[LayerKind]) -> bool:
    """Whether the classes of :func:`classes_code` write an ``nn.Sequential(OrderedDict(...))`` (named entries)."""
    def named(spec: ChildSpec) -> bool:
        return spec.kind == SEQUENTIAL and not _numbered(spec.children)

    return any(named(spec) for kind in used_kinds(kinds) if isinstance(kind.definition, BlockDefinition)
               for child in kind.definition.children for spec in child.walk())


def _same(default: Any, value: Any) -> bool:
    return type(default) is type(value) and default == value


@functools.cache
def _signature_names(kind: LayerKind) -> tuple[str, ...]:
    signature = inspect.signature(torch_class(kind).__init__)
    return tuple(name for name, p in signature.parameters.items() if name != "self"
                 and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))


def _block_class(kind: CustomKind, functional: list[bool]) -> list[str]:
    definition = kind.definition
    assert isinstance(definition, BlockDefinition)
    if definition.takes_layers:
        return _class(definition, [
            "def __init__(self, *args):", f"{INDENT}super().__init__()",
            f"{INDENT}for idx, module in enumerate(args):  # the layers, kept under the keys 0, 1, …",
            f"{INDENT}{INDENT}self._modules[str(idx)] = module", "", f"def forward(self, {INPUT}):",
            f"{INDENT}for block in self._modules.values():  # each layer in turn, in the order they were given",
            f"{INDENT}{INDENT}{INPUT} = block({INPUT})", f"{INDENT}return {INPUT}"])
    hyper = frozenset(definition.hyperparameter_names)
    body = [f"def __init__(self{_arguments(definition)}):", f"{INDENT}super().__init__()"]
    used = _names_in(definition.forward) if definition.forward is not None else set()
    body += [f"{INDENT}self.{name} = {name}" for name in definition.hyperparameter_names if name in used]
    for child, child_kind in zip(definition.children, kind.children, strict=True):
        # a numbered child, as nn.Sequential keeps them, is added by name: self.0 is no Python
        start = f"self.add_module({literal(child.name)}, " if is_index(child.name) else f"self.{child.name} = "
        end = ")" if is_index(child.name) else ""
        call = _child_source(child, child_kind, functional, 2 * len(INDENT) + len(start) + len(end), INDENT)
        body.append(f"{INDENT}{start}{call}{end}")
    if definition.forward is None:
        forward = ["", f"def forward(self, {INPUT}):",
                   f"{INDENT}for layer in self.children():  # the children, in the order they were added",
                   f"{INDENT}{INDENT}{INPUT} = layer({INPUT})",
                   f"{INDENT}return {INPUT}"]
    else:
        on_self = hyper | {c.name for c in definition.children if not is_index(c.name)}
        forward = ["", f"def forward(self, {INPUT}):",
                   f"{INDENT}return {python_expression(definition.forward, frozenset(on_self), functional)}"]
    return _class(definition, body + forward)


def _names_in(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source.strip(), mode="eval")) if isinstance(node, ast.Name)}


def _class(definition: Definition, body: list[str]) -> list[str]:
    """The class statement; its docstring is the definition's description (none when that is empty)."""
    lines = [f"class {definition.name}(nn.Module):", *_docstring(definition.description)]
    lines += [f"{INDENT}{line}" if line else "" for entry in body for line in entry.split("\n")]
    return lines


def _docstring(description: str) -> list[str]:
    """The description as a docstring, written so that reading it back (``ast.get_docstring``) gives it again."""
    text = inspect.cleandoc(description) if description.strip() else ""
    if not text:
        return []
    lines = text.split("\n")
    plain = all(line.isprintable() and line == line.rstrip() for line in lines) and '"' not in text and \
        "\\" not in text
    if not plain:
        return [f"{INDENT}{literal(text)}", ""]
    if len(lines) == 1:
        return [f'{INDENT}"""{text}"""', ""]
    return [f'{INDENT}"""{lines[0]}', *(f"{INDENT}{line}" if line else "" for line in lines[1:]), f'{INDENT}"""',
            ""]


def used_kinds(kinds: list[LayerKind]) -> list[CustomKind]:
    """The custom kinds among ``kinds`` and every custom kind they are made of, each after those it uses."""
    return custom_kinds_in(kinds)


def classes_code(kinds: list[LayerKind]) -> tuple[list[str], bool]:
    """The class definitions for the custom kinds a design uses (blank lines between them), and whether they
    need ``torch.nn.functional as F``."""
    functional = [False]
    blocks: list[list[str]] = []
    for kind in used_kinds(kinds):
        definition = kind.definition
        if isinstance(definition, LayerDefinition):
            blocks.append(_layer_class(definition, functional))
        else:
            blocks.append(_block_class(kind, functional))
    return ["\n".join(block) for block in blocks], functional[0]


__all__ = ["classes_code", "instance_call", "is_custom", "needs_ordered_dict", "python_expression", "used_kinds"]
