"""Init rules and frozen parameters read back from code, onto a freshly imported project.

The reader recorded every ``<model>.apply(fn)`` and ``requires_grad_(False)``
(:mod:`editor.io.pycode.read.init.statements`). Here the records that concern the imported
model become the project's init rules and frozen flags:

- ``model.apply(fn)`` gives rules for the whole design (a type check gives a
  rule per layer kind); ``model[0].apply(fn)`` or
  ``model.get_submodule('a.b').apply(fn)`` gives rules for those blocks
  (consecutive applications of one function become one rule for all of them).
- One function that fills several things becomes several rules. Rules run one
  after another over the model, so that is exact only when it draws the random
  numbers in the same order (at most one random fill per module visited, or
  fills that draw none, like ``zeros_``); :func:`~editor.io.pycode.read.init.run.same_values`
  checks it on the real modules. When it is not exact, the closest rules are kept
  and ``project.notices`` says the values differ from running the file (the
  design and the intent survive; an error would lose both).
- The weights are then rebuilt from the seed (construction in source order,
  then the rules), so ``weights_from_seed`` holds and the parameters are those
  of running the source after ``torch.manual_seed(seed)`` whenever the rules are
  exact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torch import nn

from editor.io.errors import CodeImportError
from editor.io.pycode.read.init.program import Fill, IfType
from editor.io.pycode.read.init.run import rule_key, same_values, source_fills
from editor.io.pycode.read.init.statements import Application, Freeze, structure
from editor.model.catalog.build import kind_of_class
from editor.model.design.tree import Block, blocks
from editor.model.errors import LayerLabError, ValidationError
from editor.model.init.rules import PARAMETERS, InitRule, apply_order, check_rule, targets
from editor.model.words import join, message_of, say

if TYPE_CHECKING:
    from editor.io.pycode.read.evaluator import Reader
    from editor.io.pycode.read.models import ModelCandidate
    from editor.model.project.project import Project


def _kind_of(cls: type) -> str | None:
    kind = kind_of_class(cls)
    return kind.name if kind is not None else None


def _path_of(target: Any, root: nn.Module) -> tuple[tuple[int, ...], str | None] | None:
    """Where ``target`` (a module, or a parameter) is in ``root``: block indices, and the parameter's name."""
    def visit(module: nn.Module, path: tuple[int, ...]) -> tuple[tuple[int, ...], str | None] | None:
        if module is target:
            return path, None
        if isinstance(module, nn.Sequential):
            for i, child in enumerate(module):  # every entry, a shared one at each of its places
                found = visit(child, (*path, i))
                if found is not None:
                    return found
            return None
        for name, param in module.named_parameters():
            if param is target:
                return path, name
        for name, sub in module.named_modules():
            if sub is target:
                return path, name + "."  # a module inside a layer (self_attn of a TransformerEncoderLayer)
        return None

    return visit(root, ())


class Restorer:
    """Turns the reader's records into rules and frozen flags on ``project``."""

    def __init__(self, project: Project, reader: Reader, chosen: ModelCandidate) -> None:
        self.project = project
        self.reader = reader
        self.chosen = chosen
        self.members = {id(m) for m in chosen.root.modules()} if chosen.root is not None else set()
        self.notices: list[str] = []
        table: dict[int, str] = {}
        for path, node in project.walk():
            table.setdefault(id(node.module), path)
        self.paths = table

    # ------------------------------------------------------------ which records
    def home(self, base: nn.Module, target: Any, call: int) -> tuple[tuple[int, ...], str | None] | None:
        """Where a record's target is in the imported design (None: it concerns another model)."""
        # Only the model itself counts: for a builder, what its own call did (a module-level
        # `model = build_model(); model.apply(fn)` changes that object, not the builder's model, and a
        # module-level layer the builder uses is initialized by each call of it, not by other calls).
        if id(base) not in self.members or self.chosen.root is None:
            return None
        if self.chosen.name.endswith("()") and call != self.chosen.call:
            return None
        if id(self.chosen.root) in self.reader.registry.wrappers and target is self.chosen.root[0]:
            return (), None  # net = Net(...); net.apply(fn): the model is that one instance, so the whole design
        return _path_of(target, self.chosen.root)

    def where(self, module: nn.Module) -> str:
        path = self.paths.get(id(module))
        name = type(module).__name__
        if path is None:
            return say("a {name} inside a block", name=name)
        if path == "":
            return say("the whole model (the {name})", name=name)
        return say("the {name} at {path}", name=name, path=path)

    # -------------------------------------------------------------- init rules
    def restore(self) -> list[InitRule]:
        groups: list[tuple[Application, list[str]]] = []
        latest = 0
        for app in self.reader.applications:
            found = self.home(app.base, app.target, app.call)
            if found is None:
                continue
            if app.error is not None:
                raise app.error
            path, name = found
            if name is not None:
                raise self.reader.fail(app.node, say("LayerLab initializes whole blocks: apply the function to the "
                                                     "block itself (model[0].apply(fn))"), "apply(...)")
            self._check_timing(app)
            if app.program and any(f.rule().init.random for f, _ in app.program.fills()):
                latest = max(latest, app.built)
            dotted = _dotted(path)
            last = groups[-1] if groups else None
            if last is not None and last[0].program is app.program and dotted and last[1][-1]:
                last[1].append(dotted)
            else:
                groups.append((app, [dotted]))
        self.latest_draw = latest
        rules: list[InitRule] = []
        for app, paths in groups:
            rules.extend(self._rules(app, paths))
        return rules

    def _check_timing(self, app: Application) -> None:
        """Rules run after the whole model is built; say so when the file applies the function earlier."""
        root = self.chosen.root
        assert root is not None
        layers = self.reader.registry.layers
        late = max((layers[id(m)].seq for m in root.modules() if id(m) in layers), default=0) > app.built
        if late or structure(app.base) != app.snapshot:
            self.notices.append(say("Line {line}: {call} runs before the model is complete; LayerLab applies init "
                                    "rules after building the whole model, so the weights differ from running the "
                                    "file. Apply it after the last change to the model.",
                                    line=app.node.lineno, call=self.reader.snippet(app.node)))

    def _rules(self, app: Application, paths: list[str]) -> list[InitRule]:
        program = app.program
        assert program is not None
        modules = [self.project.model if p == "" else self.project.node(p).module for p in paths]
        applied = self.reader.snippet(app.node)
        expected: list[tuple[Fill, Any]] = []
        for module in modules:
            expected += source_fills(program, module, self.where, self.reader.fail, applied)
        rules: list[InitRule] = []
        fills = program.fills()
        runs: list[list[tuple[Fill, tuple[IfType, ...]]]] = []
        for fill, conds in fills:
            if runs and runs[-1][0][1] == conds and rule_key(runs[-1][0][0].rule()) == rule_key(fill.rule()):
                runs[-1].append((fill, conds))
            else:
                runs.append([(fill, conds)])
        try:
            for run in runs:
                wanted = [id(t) for f, t in expected if any(f is g for g, _ in run)]
                chosen = None
                for parameters in dict.fromkeys([program.hint or run[0][0].natural, run[0][0].natural,
                                                 *PARAMETERS]):
                    candidate = self._make(run[0][0], run[0][1], parameters, paths)
                    if [id(t) for r in candidate for t in self._tensors(r)] == wanted:
                        chosen = candidate
                        break
                if chosen is None:
                    chosen = [r for fill, conds in run for r in self._make(fill, conds, fill.natural, paths)]
                rules.extend(chosen)
        except ValidationError as exc:
            raise self.reader.fail(app.node, say("{program}() cannot become an init rule: {reason}",
                                                 program=program.name, reason=message_of(exc)),
                                   "apply(...)") from None
        got = [(rule_key(r), t) for r in rules for t in self._tensors(r)]
        if not same_values([(rule_key(f.rule()), t) for f, t in expected], got):
            self.notices.append(self._inexact(app, program, expected, got, rules))
        return rules

    def _make(self, fill: Fill, conds: tuple[IfType, ...], parameters: str, paths: list[str]) -> list[InitRule]:
        """The rules doing ``fill`` under ``conds`` for ``paths`` ("" = the whole design)."""
        whole = paths == [""]
        if whole:
            if not conds:
                return [fill.rule(parameters=parameters)]
            classes = [cls for cls in conds[0].classes if all(_admits(c, cls) for c in conds)]
            # One rule per kind, in the order the model first reaches each kind: `type(m) == nn.Linear or
            # type(m) == nn.Conv2d` on a LeNet (convolutions first) then draws in the source's order.
            first = {}
            for index, (module, _) in enumerate(apply_order(self.project.model)):
                first.setdefault(type(module), index)
            classes.sort(key=lambda cls: first.get(cls, len(first)))
            kinds = [k for cls in classes for k in [_kind_of(cls)] if k is not None]
            return [fill.rule(parameters=parameters, kind=kind) for kind in dict.fromkeys(kinds)]
        chosen = []
        for path in paths:
            node = self.project.node(path)
            found = [node] if isinstance(node, Block) else list(blocks(node))  # type: ignore[arg-type]
            chosen += [b.layer for b in found if all(c.holds(b.layer.module) for c in conds)]
        layers = tuple(dict.fromkeys(chosen))
        return [fill.rule(parameters=parameters, layers=layers)] if layers else []

    def _tensors(self, rule: InitRule) -> list[Any]:
        return [t for _, _, t in targets(rule, self.project.root, lambda layer: layer.module)]

    def _inexact(self, app: Application, program: Any, expected: list[Any], got: list[Any],
                 rules: list[InitRule]) -> str:
        line = app.node.lineno
        kept = join([r.describe() for r in rules], "; ") if rules else say("no rule")
        if {id(t) for _, t in expected} != {id(t) for _, t in got}:
            why = (say("isinstance(...) also matches subclasses (such as the Linear inside a MultiheadAttention), "
                       "while LayerLab's rules match exact layer types")
                   if any(not c.exact for _, cs in program.fills() for c in cs)
                   else say("it fills parameters that LayerLab's rules cannot pick out one by one"))
        else:
            why = say("LayerLab keeps one rule per init call and layer type, and each rule runs over the whole model "
                      "in turn, which draws the random numbers in another order than the function does")
        return say("Line {line}: {call} cannot be kept exactly as init rules: {why}. LayerLab keeps the closest "
                   "rules ({kept}), so the weights differ from running the file.",
                   line=line, call=self.reader.snippet(app.node), why=why, kept=kept)

    # ----------------------------------------------------------------- freezing
    def freeze(self, records: list[Freeze]) -> None:
        for record in records:
            found = self.home(record.base, record.target, record.call)
            if found is None:
                continue
            path, name = found
            dotted = _dotted(path)
            try:
                if name is not None and name.endswith("."):  # every parameter of a module inside a layer
                    for local, _ in record.target.named_parameters():
                        self.project.set_requires_grad(dotted, name + local, record.flag)
                    continue
                if name is not None:
                    self.project.set_requires_grad(dotted, name, record.flag)
                    continue
                node = self.project.root if not path else self.project.node(dotted)
                for block in ([node] if isinstance(node, Block) else list(blocks(node))):  # type: ignore[arg-type]
                    if any(True for _ in block.module.parameters()):
                        self.project.set_requires_grad(block.path(), None, record.flag)
            except LayerLabError as exc:
                raise self.reader.fail(record.node, say("{reason}", reason=message_of(exc)), "requires_grad_") from None


def _dotted(path: tuple[int, ...]) -> str:
    return ".".join(map(str, path))


def _admits(cond: IfType, cls: type) -> bool:
    """Whether a module of exactly the type ``cls`` passes ``cond``."""
    return cls in cond.classes if cond.exact else issubclass(cls, cond.classes)


def restore_rules(project: Project, reader: Reader, chosen: ModelCandidate) -> tuple[list[str], int]:
    """Give ``project`` the rules and frozen flags the source applies to ``chosen``; notices, and the count of
    layers the file had constructed when it last applied a function that draws random numbers."""
    restorer = Restorer(project, reader, chosen)
    rules = restorer.restore()
    if rules:
        try:
            for rule in rules:
                check_rule(rule, project.root)  # the fills were checked on these modules; the rules may differ
        except ValidationError as exc:
            raise CodeImportError(say("an init rule does not fit: {reason}",
                                      reason=message_of(exc)), construct="apply(...)") from None
        project.restore_init_rules(rules)
        try:
            project.reset_parameters()
        except ValidationError as exc:
            raise CodeImportError(say("an init rule fails on this model: {reason}",
                                      reason=message_of(exc)), construct="apply(...)") from None
    restorer.freeze(reader.freezes)
    return restorer.notices, restorer.latest_draw
