"""Reading a class's ``__init__``: its submodules, parameters, plain tensors and numbers, in the order it sets them.

Each statement is one of a few forms, read without running it:

- ``super().__init__()`` (or ``super(Net, self).__init__()``, ``nn.Module.__init__(self)``);
- ``self.hidden = nn.Linear(num_inputs, num_hiddens)``, ``nn.Sequential(...)``
  or a class of the file: a submodule (:class:`~.ir.ChildIR`, read by
  :mod:`~editor.io.pycode.read.classes.submodules`); ``self.add_module("0", ...)``
  and ``self._modules["0"] = ...`` add one under that name;
- ``self.weight = nn.Parameter(torch.randn(in_units, units))`` (or ``rand``,
  ``zeros``, ``ones``, ``empty``), then maybe ``nn.init.normal_(self.weight,
  std=0.01)``: a parameter; without ``nn.Parameter`` a plain tensor attribute;
- ``self.num_inputs = num_inputs``, ``n = 2 * units``: numbers, read where used;
- ``for idx, module in enumerate(args): self._modules[str(idx)] = module``
  (or ``self.add_module(str(idx), module)``): the ``*args`` become the children.

Anything else is refused at its line and column.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass, field

from editor.io.pycode.read.classes.context import FILLS, PARAMETER, SUPPORTED, ClassContext, resolve
from editor.io.pycode.read.classes.ir import ChildIR, InitCall, ParameterIR
from editor.io.pycode.read.classes.submodules import SEQUENTIAL_PATHS, SubmoduleReader, child_name_problem
from editor.io.pycode.read.classes.translate import Names, Translator, self_attribute
from editor.io.pycode.read.constructs import statement_construct
from editor.io.pycode.read.values import ClassRef, TorchRef, kinds_by_path
from editor.model.catalog.build import lazy_kinds
from editor.model.custom.language import INIT_FUNCTIONS
from editor.model.words import message_of, say

_REGISTER = frozenset({"add_module", "register_module"})


@dataclass
class InitResult:
    """What ``__init__`` sets up, in order: parameters and tensors, submodules, and ``self.<name>`` numbers."""

    names: Names
    parameters: dict[str, ParameterIR] = field(default_factory=dict)
    children: list[ChildIR] = field(default_factory=list)
    varargs_children: bool = False


class InitReader:
    """Reads one ``__init__`` (see the module's docstring)."""

    def __init__(self, ref: ClassRef, init: ast.FunctionDef, context: ClassContext, names: Names) -> None:
        self.ref = ref
        self.init = init
        self.context = context
        self.result = InitResult(names)
        self.translator = Translator(context.fail, context.evaluate, context.lookup, names)
        self.submodules = SubmoduleReader(context, self.translator, self.local)
        self.varargs = init.args.vararg.arg if init.args.vararg is not None else None
        self.assigned: set[str] = set()
        self.initialized = False  # super().__init__() has been called

    def fail(self, node: ast.AST, message: str, construct: str) -> Exception:
        return self.context.fail(node, message, construct)

    @property
    def names(self) -> Names:
        return self.result.names

    def local(self) -> frozenset[str]:
        return frozenset({*self.names.values, self.names.self_name})

    def read(self) -> InitResult:
        for stmt in self.init.body:
            self.statement(stmt)
        if not self.initialized:
            raise self.fail(self.init, say("{ref}.__init__ never calls super().__init__(), so nn.Module is "
                                           "not set up and the class cannot work: call it first",
                                           ref=self.ref.name), "a def")
        if self.varargs is not None and not self.result.varargs_children:
            raise self.fail(self.init.args.vararg, say("{ref}.__init__ takes *{varargs}; LayerLab reads *args only "
                                                       "as the submodules, added with for idx, module in "
                                                       "enumerate({varargs}): self._modules[str(idx)] = module",
                                                       ref=self.ref.name, varargs=self.varargs), "star-args in a def")
        return self.result

    # ---------------------------------------------------------- statements
    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                                          and isinstance(stmt.value.value, str)):
            return
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            if self._super_call(stmt.value):
                self.initialized = True
                return
            if self._init_call(stmt.value):
                return
            if self._add_module(stmt.value):
                return
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            if self._modules_entry(stmt.targets[0], stmt.value):
                return
            self._assign(stmt, stmt.targets[0], stmt.value)
            return
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self._assign(stmt, stmt.target, stmt.value)
            return
        elif isinstance(stmt, ast.For) and self.varargs is not None and self.initialized:
            self._varargs_loop(stmt)
            return
        construct = statement_construct(stmt)
        raise self.fail(stmt, say("{construct} in {ref}.__init__ is not something LayerLab reads. "
                                  "{supported}.",
                                  construct=construct, ref=self.ref.name, supported=SUPPORTED), construct)

    def _super_call(self, call: ast.Call) -> bool:
        """``super().__init__()``, ``super(Net, self).__init__()`` or ``nn.Module.__init__(self)``."""
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != "__init__":
            return False
        owner = func.value
        if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super" \
                and self.context.lookup("super") is None and not owner.keywords:
            if owner.args and not (len(owner.args) == 2 and isinstance(owner.args[0], ast.Name)
                                   and owner.args[0].id == self.ref.name and isinstance(owner.args[1], ast.Name)
                                   and owner.args[1].id == self.names.self_name):
                raise self.fail(owner, say("write super().__init__() (or super(Cls, self).__init__())"),
                                "a call of super()")
            expected_args = 0
        else:
            ref = resolve(owner, self.context, self.local())
            if not isinstance(ref, TorchRef) or ref.dotted not in {"torch.nn.Module", "torch.nn.modules.module.Module"}:
                return False
            expected_args = 1
        if call.keywords or len(call.args) != expected_args or (
                expected_args and not (isinstance(call.args[0], ast.Name) and call.args[0].id == self.names.self_name)):
            raise self.fail(call, say("nn.Module's __init__ takes no arguments: write super().__init__()"),
                            "a call of __init__")
        return True

    # --------------------------------------------------------- assignments
    def _assign(self, stmt: ast.stmt, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            if target.id == self.names.self_name or target.id == self.varargs:
                raise self.fail(target, say("{name} is assigned again in __init__; LayerLab reads __init__ "
                                            "that keeps its arguments as they are", name=target.id), "an assignment")
            if self._constructs(value) is not None:
                raise self.fail(stmt, say("{name} holds a module or tensor; assign it to self.{name} "
                                          "directly, as LayerLab reads submodules and parameters set on self",
                                          name=target.id),
                                "an assignment")
            self.names.values[target.id] = self.translator.hyper(value, say("the value of {name}", name=target.id))
            return
        name = self_attribute(target, self.names)
        if name is None:
            construct = statement_construct(stmt)
            raise self.fail(stmt, say("{construct} in __init__ is not something LayerLab reads: set submodules, "
                                      "parameters and numbers on self (self.hidden = nn.Linear(...))",
                                      construct=construct), construct)
        if name in self.assigned or name in self.names.attributes:
            raise self.fail(target, say("self.{name} is set twice in __init__; LayerLab reads each attribute set once",
                                        name=name),
                            "an assignment to an attribute")
        if name.startswith("_"):
            raise self.fail(target, say("self.{name} starts with an underscore; LayerLab reads public attributes "
                                        "(name it {value})",
                                        name=name, value=name.lstrip('_') or 'value'), "an assignment to an attribute")
        self.assigned.add(name)
        what = self._constructs(value)
        if what is not None and not self.initialized:
            raise self.fail(target, say("self.{name} is set before super().__init__() is called, which nn.Module "
                                        "refuses: call super().__init__() first",
                                        name=name), "an assignment to an attribute")
        if what is None and any(self._constructs(n) is not None for n in ast.walk(value) if isinstance(n, ast.Call)):
            raise self.fail(value, say("self.{name} is computed from a new tensor or layer; LayerLab reads a "
                                       "parameter created as nn.Parameter(torch.randn(...)) (or torch.empty(...) "
                                       "followed by nn.init.normal_(self.{name}, std=0.01)) and a submodule assigned "
                                       "as it is made", name=name),
                            "an assignment to an attribute")
        if what == "parameter":
            self._parameter(name, value)
        elif what == "module":
            self.result.children.append(self.submodules.child(name, value))
        else:
            self.names.attributes[name] = self.translator.hyper(value, f"self.{name}")

    def _constructs(self, value: ast.expr) -> str | None:
        """"parameter" for a tensor or ``nn.Parameter``, "module" for a layer, None for anything else."""
        if not isinstance(value, ast.Call):
            return None
        ref = resolve(value.func, self.context, self.local())
        if isinstance(ref, ClassRef):
            return "module"
        if not isinstance(ref, TorchRef):
            return None
        dotted = ref.dotted
        if dotted in PARAMETER or dotted in FILLS or (dotted.startswith("torch.") and dotted.rpartition(".")[2] in (
                "normal", "tensor", "randint", "full", "arange", "eye", "linspace", "rand_like", "randn_like")):
            return "parameter"
        if dotted in kinds_by_path() or dotted in SEQUENTIAL_PATHS or dotted in lazy_kinds() or \
                ref.path[:2] == ("torch", "nn"):
            return "module"
        return None

    # ---------------------------------------------------------- parameters
    def _parameter(self, name: str, value: ast.Call) -> None:
        ref = resolve(value.func, self.context, self.local())
        registered = isinstance(ref, TorchRef) and ref.dotted in PARAMETER
        tensor = value
        if registered:
            extra = [k for k in value.keywords if k.arg != "requires_grad"]
            if len(value.args) != 1 or extra:
                raise self.fail(value, say("nn.Parameter takes one tensor, e.g. nn.Parameter(torch.randn(in_units, "
                                           "units))"), "nn.Parameter(...)")
            for keyword in value.keywords:
                if not (isinstance(keyword.value, ast.Constant) and keyword.value.value is True):
                    raise self.fail(keyword, say("LayerLab reads parameters that train (requires_grad=True)"),
                                    "nn.Parameter(...)")
            inner = value.args[0]
            if not isinstance(inner, ast.Call):
                raise self.fail(inner, say("nn.Parameter(...) takes a new tensor here, e.g. torch.randn(in_units, "
                                           "units)"), "nn.Parameter(...)")
            tensor = inner
        fill, shape, init = self._tensor(tensor)
        line, column = self.context.where(value)
        self.result.parameters[name] = ParameterIR(name, shape, fill, init, registered, line, column)
        self.names.attributes[name] = ast.Name(name, ast.Load())

    def _tensor(self, call: ast.Call) -> tuple[str, tuple[str, ...], InitCall | None]:
        """``torch.randn(in_units, units)``: the fill, one expression per dimension, and an init it implies.

        ``torch.normal(0, 0.01, (n, h))`` draws exactly what ``torch.empty((n, h))``
        filled by ``nn.init.normal_(mean=0, std=0.01)`` draws, so it is read as that.
        """
        ref = resolve(call.func, self.context, self.local())
        shown = ast.unparse(call.func)[:40]
        normal = isinstance(ref, TorchRef) and ref.dotted == "torch.normal"
        if not isinstance(ref, TorchRef) or (ref.dotted not in FILLS and not normal):
            raise self.fail(call, say("{shown}(...) is not a way LayerLab creates a parameter: use torch.randn, "
                                      "torch.rand, torch.zeros, torch.ones, torch.empty (then an nn.init function) "
                                      "or torch.normal(mean, std, shape) with the shape",
                                      shown=shown), f"a call of {shown}")
        args = list(call.args)
        moments: list[tuple[str, ast.expr]] = []
        if normal:
            keywords = {k.arg: k.value for k in call.keywords if k.arg in ("mean", "std")}
            for name in ("mean", "std"):
                node = args.pop(0) if args and name not in keywords else keywords.get(name)
                if node is None:
                    raise self.fail(call, say("LayerLab reads torch.normal(mean, std, shape), e.g. torch.normal(0, "
                                              "0.01, (num_inputs, num_hiddens))"), f"a call of {shown}")
                moments.append((name, node))
        for keyword in call.keywords:
            flag = keyword.arg == "requires_grad" and isinstance(keyword.value, ast.Constant) and \
                isinstance(keyword.value.value, bool)
            if flag or (normal and keyword.arg in ("mean", "std")):
                continue
            if keyword.arg != "size":
                raise self.fail(keyword, say("the argument {arg}= of {shown} is not read by LayerLab: "
                                             "give only the shape", arg=keyword.arg, shown=shown), f"a call of {shown}")
        size = next((k.value for k in call.keywords if k.arg == "size"), None)
        dims = args if size is None else [size]
        if size is not None and args:
            raise self.fail(call, say("give the shape of {shown} once", shown=shown), f"a call of {shown}")
        scalar = len(dims) == 1 and isinstance(dims[0], (ast.Tuple, ast.List)) and not dims[0].elts  # torch.empty(())
        if len(dims) == 1 and isinstance(dims[0], (ast.Tuple, ast.List)):
            dims = list(dims[0].elts)
        if (not dims and not scalar) or any(isinstance(d, ast.Starred) for d in dims) or \
                (normal and size is None and len(args) != 1):
            raise self.fail(call, say("{shown}(...) needs its shape written out, one size per dimension "
                                      "(torch.randn(in_units, units))", shown=shown), f"a call of {shown}")
        shape = tuple(ast.unparse(self.translator.hyper(d, say("a size"))) for d in dims)
        if not normal:
            return FILLS[ref.dotted], shape, None
        line, column = self.context.where(call)
        arguments = tuple((name, ast.unparse(self.translator.hyper(node, f"{name}="))) for name, node in moments)
        return "empty", shape, InitCall("normal_", arguments, line, column)

    def _init_call(self, call: ast.Call) -> bool:
        """``nn.init.normal_(self.weight, std=0.01)`` on a parameter created just before."""
        ref = resolve(call.func, self.context, self.local())
        if not isinstance(ref, TorchRef) or ref.path[:3] != ("torch", "nn", "init") or len(ref.path) != 4:
            return False
        function = ref.path[3]
        names = INIT_FUNCTIONS.get(function)
        construct = f"a call of nn.init.{function}"
        if names is None:
            raise self.fail(call, say("nn.init.{function} is not an init function LayerLab knows; it knows "
                                      "{names}", function=function, names=', '.join(INIT_FUNCTIONS)), construct)
        target = call.args[0] if call.args else None
        if isinstance(target, ast.Attribute) and target.attr == "data":
            target = target.value
        name = self_attribute(target, self.names) if target is not None else None
        spec = self.result.parameters.get(name or "")
        if spec is None:
            raise self.fail(call, say("nn.init.{function} fills a parameter of this class created earlier in "
                                      "__init__: nn.init.{function}(self.weight, ...)", function=function), construct)
        if spec.init is not None:
            raise self.fail(call, say("self.{name} is initialized twice; LayerLab reads one nn.init call per "
                                      "parameter", name=name), construct)
        if spec.fill not in ("empty", "zeros", "ones"):
            raise self.fail(call, say("self.{name} is drawn with torch.{fill} and then drawn again by "
                                      "nn.init.{function}: create it with torch.empty(...) before initializing it",
                                      name=name, fill=spec.fill, function=function), construct)
        try:
            bound = inspect.Signature([inspect.Parameter(a, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None)
                                       for a in ("tensor", *names)]).bind(
                *call.args, **{k.arg or "": k.value for k in call.keywords})
        except TypeError as exc:
            raise self.fail(call, say("nn.init.{function} does not take these arguments ({reason}); LayerLab reads "
                                      "{names}", function=function, reason=message_of(exc),
                                      names=", ".join(names) or say("only the tensor")), construct) from None
        arguments = tuple((arg, ast.unparse(self.translator.hyper(node, f"{arg}="))) for arg, node in
                          bound.arguments.items() if arg != "tensor")
        line, column = self.context.where(call)
        self.result.parameters[name or ""] = ParameterIR(spec.name, spec.shape, spec.fill,
                                                         InitCall(function, arguments, line, column),
                                                         spec.registered, spec.line, spec.column)
        return True

    # ------------------------------------------------------- named submodules
    def _add_module(self, call: ast.Call) -> bool:
        """``self.add_module("0", nn.Linear(...))`` (or ``register_module``): a submodule with that name."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in _REGISTER and isinstance(func.value, ast.Name)
                and func.value.id == self.names.self_name):
            return False
        if len(call.args) != 2 or call.keywords or not isinstance(call.args[0], ast.Constant):
            if self.varargs is not None:
                return False  # maybe the *args loop's self.add_module(str(idx), module): refused there if not
            raise self.fail(call, say('LayerLab reads self.{attr}("name", layer) with the name written out',
                                      attr=func.attr),
                            f"a call of {func.attr}")
        self._named_child(call.args[0], call.args[1])
        return True

    def _modules_entry(self, target: ast.expr, value: ast.expr) -> bool:
        """``self._modules["0"] = nn.Linear(...)``: a submodule with that name (the key written out)."""
        if not (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute)
                and target.value.attr == "_modules" and isinstance(target.value.value, ast.Name)
                and target.value.value.id == self.names.self_name and isinstance(target.slice, ast.Constant)):
            return False
        self._named_child(target.slice, value)
        return True

    def _named_child(self, key: ast.Constant, value: ast.expr) -> None:
        name = key.value
        if not isinstance(name, str):
            raise self.fail(key, say('a submodule\'s name is text, such as "0" or "hidden"'), "a submodule")
        problem = child_name_problem(name)
        if problem is not None:
            raise self.fail(key, problem, "a submodule")
        if not self.initialized:
            raise self.fail(key, say("the submodule {name!r} is added before super().__init__() is called, which "
                                     "nn.Module refuses: call super().__init__() first", name=name), "a submodule")
        if name in self.assigned or name in self.names.attributes:
            raise self.fail(key, say("the submodule {name!r} is set twice in __init__; LayerLab reads each attribute "
                                     "set once", name=name), "a submodule")
        self.assigned.add(name)
        self.result.children.append(self.submodules.child(name, value))

    # ------------------------------------------------------------- *args
    def _varargs_loop(self, loop: ast.For) -> None:
        """``for idx, module in enumerate(args): self._modules[str(idx)] = module`` (or ``add_module``)."""
        problem = f"LayerLab reads *{self.varargs} as the submodules, added with for idx, module in " \
                  f"enumerate({self.varargs}): self._modules[str(idx)] = module"
        target, it = loop.target, loop.iter
        ok = (isinstance(target, ast.Tuple) and len(target.elts) == 2 and all(isinstance(e, ast.Name)
                                                                              for e in target.elts)
              and isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "enumerate"
              and self.context.lookup("enumerate") is None and len(it.args) == 1 and not it.keywords
              and isinstance(it.args[0], ast.Name) and it.args[0].id == self.varargs
              and len(loop.body) == 1 and not loop.orelse and not self.result.varargs_children
              and not self.result.children)
        if ok:
            index, module = (e.id for e in target.elts)  # type: ignore[attr-defined]
            ok = _registers(loop.body[0], index, module, self.names.self_name)
        if not ok:
            raise self.fail(loop, say("{problem}. {supported}.", problem=problem, supported=SUPPORTED), "a for loop")
        self.result.varargs_children = True


def _registers(stmt: ast.stmt, index: str, module: str, self_name: str) -> bool:
    """``self._modules[str(idx)] = module`` or ``self.add_module(str(idx), module)``."""
    def key(node: ast.expr) -> bool:
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" and \
            len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id == index

    def is_module(node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id == module

    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Subscript):
        sub = stmt.targets[0]
        return (isinstance(sub.value, ast.Attribute) and sub.value.attr == "_modules"
                and isinstance(sub.value.value, ast.Name) and sub.value.value.id == self_name
                and key(sub.slice) and is_module(stmt.value))
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        return (isinstance(call.func, ast.Attribute) and call.func.attr in _REGISTER
                and isinstance(call.func.value, ast.Name) and call.func.value.id == self_name
                and len(call.args) == 2 and not call.keywords and key(call.args[0]) and is_module(call.args[1]))
    return False
