"""Reading one submodule a class's ``__init__`` makes: ``nn.Linear(a, b)``, ``nn.Sequential(...)``, a class of the file.

:class:`SubmoduleReader` turns the call into a :class:`~editor.io.pycode.read.classes.ir.ChildIR`
without running it: a torch.nn layer with its arguments as expressions over
the class's hyperparameters; an ``nn.Sequential`` of such children (numbered
``0``, ``1``, … as ``nn.Sequential`` numbers them, or named by an
``OrderedDict([("conv", ...), ...])``); a class of the file with its
arguments; or a class of the file that takes its layers as ``*args`` (the
textbook's ``MySequential``), whose layers are read like a Sequential's.
Anything else is refused at its line and column.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable

from editor.io.pycode.read.classes.context import ClassContext, resolve, signature
from editor.io.pycode.read.classes.ir import ChildIR
from editor.io.pycode.read.classes.translate import Translator
from editor.io.pycode.read.values import ORDERED_DICT, ClassRef, TorchRef, kinds_by_path
from editor.model.catalog.build import lazy_kinds, torch_class
from editor.model.custom.blocks import MAX_NESTING, is_index
from editor.model.custom.definitions import MAX_CHILDREN
from editor.model.words import message_of, say

SEQUENTIAL_PATHS = frozenset({"torch.nn.Sequential", "torch.nn.modules.container.Sequential"})


def child_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a submodule in a definition (None when it can)."""
    if is_index(name) or (name.isidentifier() and name.isascii() and not name.startswith("_")):
        return None
    return say("the submodule name {name!r} is not one LayerLab keeps: use a name like 'hidden' or a number "
               "0, 1, … as nn.Sequential does", name=name[:40])


class SubmoduleReader:
    """Reads the submodules of one ``__init__`` (see the module's docstring)."""

    def __init__(self, context: ClassContext, translator: Translator, local: Callable[[], frozenset[str]]) -> None:
        self.context = context
        self.translator = translator
        self.local = local

    def fail(self, node: ast.AST, message: str, construct: str) -> Exception:
        return self.context.fail(node, message, construct)

    def child(self, name: str, value: ast.expr, depth: int = 0) -> ChildIR:
        """``nn.Linear(a, b)``, ``nn.Sequential(...)`` or ``MyLinear(a, b)``: a child named ``name``."""
        line, column = self.context.where(value)
        if not isinstance(value, ast.Call):
            raise self.fail(value, say("{name} must be a new layer here, e.g. nn.Linear(...)",
                                       name=name), "a submodule")
        for keyword in value.keywords:
            if keyword.arg is None:
                raise self.fail(keyword.value, say("**kwargs are not supported: write each argument as name=value"),
                                "star-args (**)")
        for arg in value.args:
            if isinstance(arg, ast.Starred):
                raise self.fail(arg, say("star-args (*) are not supported here: write each argument out"),
                                "star-args (*)")
        ref = resolve(value.func, self.context, self.local())
        shown = ast.unparse(value.func)[:40]
        if isinstance(ref, TorchRef) and ref.dotted in SEQUENTIAL_PATHS:
            if value.keywords:
                raise self.fail(value, say("nn.Sequential takes layers as positional arguments"), "nn.Sequential(...)")
            return ChildIR(name, "Sequential", (), self._entries(value, depth), line, column)
        if isinstance(ref, TorchRef) and ref.dotted in kinds_by_path():
            kind = kinds_by_path()[ref.dotted]
            try:
                bound = inspect.signature(torch_class(kind)).bind(*value.args, **{k.arg: k.value
                                                                                 for k in value.keywords})
            except TypeError as exc:
                raise self.fail(value, say("{layer}() does not take these arguments ({reason}); its hyperparameters "
                                           "are {names}",
                                           layer=shown, reason=message_of(exc),
                                           names=", ".join(kind.param_names) or say("none")),
                                f"nn.{kind.name}(...)") from None
            extra = [n for n in bound.arguments if n not in kind.param_names]
            if extra:
                raise self.fail(value, say("LayerLab does not support the {extra!r} argument of {shown}: leave it "
                                           "out", extra=extra[0], shown=shown), f"nn.{kind.name}(...)")
            arguments = tuple((field_name, ast.unparse(self.translator.hyper(node, f"{field_name}=")))
                              for field_name, node in bound.arguments.items())
            return ChildIR(name, kind.name, arguments, (), line, column)
        if isinstance(ref, TorchRef) and ref.dotted in lazy_kinds():
            kind, learned = lazy_kinds()[ref.dotted]
            raise self.fail(value, say("{shown} learns its {learned} from the first input, which LayerLab does not "
                                       "follow inside a class: write nn.{kind}(...) with {learned} given",
                                       shown=shown, learned=learned, kind=kind.name),
                            f"a call of {shown}")
        if isinstance(ref, ClassRef):
            return self._class_child(name, value, ref, line, column, depth)
        raise self.fail(value, say("{shown}(...) is not a layer LayerLab knows: use torch.nn layers, nn.Sequential "
                                   "or a class of the file", shown=shown), f"a call of {shown}")

    def _entries(self, value: ast.Call, depth: int) -> tuple[ChildIR, ...]:
        """The children of ``nn.Sequential(a, b)`` (``0``, ``1``) or ``nn.Sequential(OrderedDict([...]))``."""
        if depth >= MAX_NESTING:
            raise self.fail(value, say("Sequentials nest more than {limit} deep inside this class, deeper than "
                                       "LayerLab reads", limit=MAX_NESTING), "deep nesting")
        if len(value.args) > MAX_CHILDREN:
            raise self.fail(value, say("this Sequential has more than {limit} layers, more than LayerLab reads "
                                       "in a class", limit=MAX_CHILDREN), "a huge model")
        pairs = self._ordered_pairs(value)
        if pairs is None:
            return tuple(self.child(str(i), item, depth + 1) for i, item in enumerate(value.args))
        seen: set[str] = set()
        out = []
        for key, item in pairs:
            problem = child_name_problem(key.value) if isinstance(key.value, str) else say("the key is not text")
            if problem is not None or key.value in seen:
                raise self.fail(key, problem or say("the key {key!r} is used twice", key=key.value),
                                "OrderedDict(...)")
            seen.add(key.value)
            out.append(self.child(key.value, item, depth + 1))
        return tuple(out)

    def _ordered_pairs(self, value: ast.Call) -> list[tuple[ast.Constant, ast.expr]] | None:
        """The ``("name", layer)`` pairs of an ``OrderedDict([...])`` that is the Sequential's only argument."""
        if len(value.args) != 1 or not isinstance(value.args[0], ast.Call):
            return None
        call = value.args[0]
        ref = resolve(call.func, self.context, self.local())
        if not isinstance(ref, TorchRef) or ref.dotted not in ORDERED_DICT:
            return None
        items = call.args[0] if len(call.args) == 1 and not call.keywords else None
        if not isinstance(items, (ast.List, ast.Tuple)) or len(items.elts) > MAX_CHILDREN or not all(
                isinstance(e, ast.Tuple) and len(e.elts) == 2 and isinstance(e.elts[0], ast.Constant)
                for e in items.elts):
            raise self.fail(call, say('LayerLab reads OrderedDict([("name", layer), ...]) here, with the names '
                                      "written out"), "OrderedDict(...)")
        return [(e.elts[0], e.elts[1]) for e in items.elts]  # type: ignore[attr-defined, misc]

    def _class_child(self, name: str, value: ast.Call, ref: ClassRef, line: int, column: int,
                     depth: int) -> ChildIR:
        if ref.name in self.context.active:
            raise self.fail(value, say("{ref} builds itself (through {names}); "
                                       "LayerLab reads classes that do not",
                                       ref=ref.name, names=' → '.join(self.context.active)), "a recursive class")
        params = signature(ref, self.context)
        if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in params.parameters.values()):
            if value.keywords or any(p.kind is not inspect.Parameter.VAR_POSITIONAL
                                     for p in params.parameters.values()):
                raise self.fail(value, say("{ref} takes *args and other arguments; LayerLab reads a class that takes "
                                           "only its layers (MySequential(nn.Linear(...), ...)) inside another class",
                                           ref=ref.name),
                                f"a call of {ref.name}")
            return ChildIR(name, ref.name, (), self._entries(value, depth), line, column, of_file=True)
        try:
            bound = params.bind(*value.args, **{k.arg: k.value for k in value.keywords})
        except TypeError as exc:
            raise self.fail(value, say("{ref}() does not take these arguments ({reason})",
                                       ref=ref.name, reason=message_of(exc)),
                            f"a call of {ref.name}") from None
        arguments = tuple((arg, ast.unparse(self.translator.hyper(node, f"{arg}=")))
                          for arg, node in bound.arguments.items())
        return ChildIR(name, ref.name, arguments, (), line, column, of_file=True)


__all__ = ["SEQUENTIAL_PATHS", "SubmoduleReader", "child_name_problem"]
