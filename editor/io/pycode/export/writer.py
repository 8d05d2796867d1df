"""A design as the plain PyTorch script a careful learner would write (``p.to_code()``).

The script needs nothing but torch. It has the imports, the seed, one variable
for each shared module (used in every place that shares it), a
``build_model()`` that returns the ``nn.Sequential`` nested exactly as on the
canvas (the ``OrderedDict`` form where blocks have labels, so the keys match),
the init rules, and a ``__main__`` part that picks a device, builds the model,
optionally loads saved weights, prints it and its parameter count and runs
one forward pass on the project's input shape.

Exactness: modules are constructed in the project's construction order, so
``torch.manual_seed(SEED); build_model()`` gives the editor's parameters bit
for bit whenever they come from the seed, and ``print(model)`` is the editor's.
When inline construction inside ``nn.Sequential(...)`` would construct them in
another order (a shared module first used late, a design read from code), the
modules that must come first are assigned to variables beforehand, in order.

Safety: labels become ``repr`` string literals (keys) or sanitized
identifiers (variable names), comments lose their line breaks, and the result
is checked with ``ast.parse`` before it is returned.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from editor.io.files.atomic import atomic_write
from editor.io.pycode.export.calls import literal
from editor.io.pycode.export.classes import classes_code, instance_call, needs_ordered_dict
from editor.io.pycode.export.init_code import freeze_code, init_code
from editor.io.pycode.export.names import Namer, comment_text, snake_case
from editor.model.design.seeding import construction_order
from editor.model.design.tree import Block, Group, Layer, Node, blocks
from editor.model.project.project import Project
from editor.model.words import say

WIDTH = 100
"""Lines of the generated code stay within this width where nesting allows."""

INDENT = "    "

MAX_NESTING = 120
"""Brackets one expression may nest (Python's parser stops at 200); deeper designs build groups as variables."""


@dataclass
class _Init:
    """The init rules as code (see :mod:`editor.io.pycode.export.init_code`)."""

    definitions: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)


def export_code(project: Project, *, weights_file: str | None = None) -> str:
    """The design of ``project`` as a standalone Python script.

    ``weights_file`` is the name of a ``torch.save(model.state_dict())`` file
    next to the script (e.g. ``"model_weights.pt"``); the script then loads it
    after building the model.
    """
    if weights_file is not None:
        weights_file = check_weights_name(weights_file)
    project.follow_direct_edits()  # a model edited directly is re-read first, so the code shows it
    init = _init_code(project)
    builder = _ModelCode(project, init)
    from_seed = project.weights_from_seed
    classes, functional = classes_code([layer.kind for layer in project.layers()])
    header = [
        _docstring(from_seed, weights_file),
        _imports(builder.needs_ordered_dict, weights_file is not None, init.imports, functional),
        _constants(project, from_seed, weights_file),
    ]
    definitions = list(classes)
    definitions += ["\n".join(init.definitions).strip("\n")] if init.definitions else []
    definitions += [builder.function(), _main(project, from_seed, weights_file)]
    # PEP 8: one blank line between the header's parts, two around top-level definitions.
    code = "\n\n".join(header) + "\n\n\n" + "\n\n\n".join(definitions) + "\n"
    ast.parse(code)  # a bug here must never hand out a file that does not even parse
    return code


SHADOWED_MODULES = frozenset({"torch", "collections", "pathlib", "math"})
"""Modules exported scripts import: a script named like one of them would import itself instead."""


def shadowing_note(path: str | Path) -> str | None:
    """A warning when a script saved as ``path`` would hide a module it imports (``torch.py``), else None."""
    stem = Path(path).stem
    if stem not in SHADOWED_MODULES:
        return None
    return say("A script called {name} imports itself instead of the '{module}' module when run; "
               "choose another name.", name=Path(path).name, module=stem)


def check_weights_name(name: str) -> str:
    """``name`` checked to be a bare file name: the script loads it from its own folder."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(say("The weights file needs a name, like 'model_weights.pt'."))
    if PurePosixPath(name).name != name or PureWindowsPath(name).name != name or name in (".", ".."):
        raise ValueError(say("{name!r} is a path; give only the file name (like 'model_weights.pt'): the "
                             "exported script loads the weights from its own folder.", name=name))
    return name


def _init_code(project: Project) -> _Init:
    code = init_code(project)
    code.statements += freeze_code(project)
    definitions: list[str] = []
    for line in code.definitions:  # PEP 8: two blank lines between top-level functions
        if line.startswith("def ") and definitions and definitions[-1] == "":
            definitions.append("")
        definitions.append(line)
    return _Init(definitions, list(code.statements), set(code.imports))


def _docstring(from_seed: bool, weights_file: str | None) -> str:
    text = ("It needs only PyTorch. Running it builds the model, prints it and its parameter count, and "
            "passes one batch through it. build_model() constructs the modules in LayerLab's construction "
            "order, so after torch.manual_seed(SEED) the parameters are bit for bit ")
    text += ("the editor's." if from_seed else
             "what the seed gives. The editor's own weights did not come from the seed (see the NOTE below).")
    lines = ['"""A PyTorch network designed in LayerLab.', "", *textwrap.wrap(text, WIDTH - 4)]
    if weights_file is not None:
        lines += ["", "The editor's weights are loaded from the file WEIGHTS in this script's folder."]
    return "\n".join([*lines, '"""'])


def _imports(ordered_dict: bool, path: bool, extra: set[str], functional: bool = False) -> str:
    stdlib = sorted({*extra, *(["from collections import OrderedDict"] if ordered_dict else []),
                     *(["from pathlib import Path"] if path else [])} - {"import torch", "from torch import nn"},
                    key=lambda line: (not line.startswith("import "), line))
    torch_lines = ["import torch", *(["import torch.nn.functional as F"] if functional else []), "from torch import nn"]
    return "\n".join([*stdlib, *([""] if stdlib else []), *torch_lines])


def _constants(project: Project, from_seed: bool, weights_file: str | None) -> str:
    effect = "gives the editor's weights" if from_seed else "gives the seed's weights (see the NOTE)"
    lines = [f"SEED = {literal(project.seed)}  # torch.manual_seed(SEED) before build_model() {effect}"]
    if weights_file is not None:
        lines.append(f"WEIGHTS = {literal(weights_file)}  # the editor's weights: model.state_dict(), saved "
                     f"next to this file")
    if not from_seed:
        why = project.why_not_from_seed
        unallocated = project.unallocated()
        why = (comment_text(why).rstrip(".") + "." if why else
               "they were edited, trained, loaded or partly re-initialized.")
        unknown = project.seeds.status is None  # it could not be checked (too little memory free to compare)
        note = (f"NOTE: the editor's weights {'may not' if unknown else 'do NOT'} come from the seed: {why} "
                f"build_model() after torch.manual_seed(SEED) builds the same network with "
                f"{'possibly ' if unknown else ''}different values.")
        lines += ["", *("# " + line for line in textwrap.wrap(note, WIDTH - 2))]
        if weights_file is None and unallocated:
            lines += [f"# There are no weights to save while block {unallocated[0]} has no values: materialize it in",
                      "# LayerLab first (it needs the memory), then export with its weights."]
        elif weights_file is None:
            lines += ["# To get the editor's values, save its weights next to this file when exporting (LayerLab",
                      "# offers it; on the command line: python main.py export PROJECT.pt -o model.py --weights",
                      "# model_weights.pt). The exported script then loads them after build_model():",
                      '#     model.load_state_dict(torch.load(Path(__file__).with_name("model_weights.pt"),',
                      '#                                      map_location="cpu", weights_only=True))']
        else:
            lines.append("# The script loads the editor's values from WEIGHTS after building the model.")
    return "\n".join(lines)


class _ModelCode:
    """The ``build_model()`` function: variables in construction order, then the nested Sequential."""

    def __init__(self, project: Project, init: _Init) -> None:
        self.project = project
        self.init = init
        self.needs_ordered_dict = any(isinstance(node, Group) and _labelled(node)
                                      for node in [project.root, *(n for _, n in project.walk())]) or \
            needs_ordered_dict([layer.kind for layer in project.layers()])
        self.names: dict[int, str] = {}
        self.uses: dict[int, int] = {}
        self.namer = Namer(frozenset(project.definitions) | {"F"})  # class names the script defines
        # Too deep for one expression: every module and every inner group becomes a variable, inner first.
        self.deep = _nesting(project.root) > MAX_NESTING
        self.assigned = self._plan_variables()
        self.groups = _inner_groups_inner_first(project.root) if self.deep else []
        for group in self.groups:
            self.names[id(group)] = self.namer.take(group.label or "seq", fallback="seq")

    def _plan_variables(self) -> list[Layer]:
        """The layers assigned to variables before the Sequential: shared ones, and those that must come first.

        The rest are constructed inline, left to right, which is data-flow
        order; that is right for a suffix of the construction order whose
        layers appear in data-flow order and that holds no shared layer.
        """
        flow = list(blocks(self.project.root))
        first_use: dict[int, int] = {}
        for position, block in enumerate(flow):
            first_use.setdefault(id(block.layer), position)
            self.uses[id(block.layer)] = self.uses.get(id(block.layer), 0) + 1
        order = construction_order(self.project.root, self.project.seeds)
        last_shared = max((i for i, layer in enumerate(order) if self.uses[id(layer)] > 1), default=-1)
        start = len(order)
        while start > 0 and (start == len(order) or first_use[id(order[start - 1])] < first_use[id(order[start])]):
            start -= 1
        assigned = order if self.deep else order[:max(last_shared + 1, start)]
        self._name(assigned, flow)
        return assigned

    def _name(self, layers: list[Layer], flow: list[Block]) -> None:
        namer = self.namer
        for line in self.init.definitions:
            if line.startswith("def "):
                namer.reserve(line[4:].split("(", 1)[0].strip())
        labels: dict[int, str] = {}
        for block in flow:
            if block.label and id(block.layer) not in labels:
                labels[id(block.layer)] = block.label
        shared = [layer for layer in layers if self.uses[id(layer)] > 1]
        bases: dict[int, str] = {}
        for layer in layers:
            base = snake_case(layer.kind.name)
            if self.uses[id(layer)] > 1:
                base = "shared" if len(shared) == 1 else f"shared_{base}"
            bases[id(layer)] = base
        counts: dict[str, int] = {}
        for layer in layers:
            if id(layer) not in labels:
                counts[bases[id(layer)]] = counts.get(bases[id(layer)], 0) + 1
        numbers: dict[str, int] = {}
        for layer in layers:
            base = bases[id(layer)]
            if id(layer) in labels:
                self.names[id(layer)] = namer.take(labels[id(layer)], fallback=base)
                continue
            if counts[base] > 1:
                numbers[base] = numbers.get(base, 0) + 1
                base = f"{base}_{numbers[base]}"
            self.names[id(layer)] = namer.take(base)

    def function(self) -> str:
        lines = ["def build_model() -> nn.Sequential:",
                 f'{INDENT}"""The network, nested exactly as on the LayerLab canvas."""']
        if self.assigned:
            inline_later = len(self.assigned) < len(self.uses)
            lines += [f"{INDENT}# Built in LayerLab's construction order"
                      + (", before the modules built inline below," if inline_later else ","),
                      f"{INDENT}# so that torch.manual_seed(SEED) gives the editor's weights."]
        for layer in self.assigned:
            uses = self.uses[id(layer)]
            times = "twice" if uses == 2 else f"{uses} times"
            module = layer.module
            shares = ("one module, so the weights are shared" if any(True for _ in module.parameters()) else
                      "one module, so its buffers are shared" if any(True for _ in module.buffers()) else
                      "one module object (it has no weights)")
            note = f"  # used {times}: {shares}" if uses > 1 else ""
            start = f"{INDENT}{self.names[id(layer)]} = "
            call = instance_call(layer.kind, layer.params, len(start) + len(note), INDENT, WIDTH)
            lines.append(f"{start}{call}{note}")  # a wrapped call gets the note after its closing bracket
        if self.groups:
            lines.append(f"{INDENT}# The groups nest too deep for one expression: inner groups first.")
        for group in self.groups:
            start = f"{INDENT}{self.names[id(group)]} = "
            lines.append(start + self._expression(group, len(start), INDENT, top=True))
        prefix = f"{INDENT}model = "
        lines.append(prefix + self._expression(self.project.root, len(prefix), INDENT, top=True))
        lines += [f"{INDENT}{statement}" for statement in self.init.statements]
        lines.append(f"{INDENT}return model")
        return "\n".join(lines)

    def _expression(self, node: Node, column: int, indent: str, top: bool = False) -> str:
        """Source for ``node`` starting at ``column``; continuation lines start with ``indent``."""
        if isinstance(node, Block):
            name = self.names.get(id(node.layer))
            return name if name is not None else instance_call(node.layer.kind, node.layer.params, column, indent,
                                                               WIDTH)
        assert isinstance(node, Group)
        if not top and id(node) in self.names:
            return self.names[id(node)]
        inner = indent + INDENT
        if not node.children:
            return "nn.Sequential()"
        if _labelled(node):
            keys = [child.label or str(i) for i, child in enumerate(node.children)]
            items = [f"({literal(key)}, {self._expression(child, len(inner) + len(literal(key)) + 3, inner)})"
                     for key, child in zip(keys, node.children, strict=True)]
            head, tail = "nn.Sequential(OrderedDict([", "]))"
        else:
            items = [self._expression(child, len(inner), inner) for child in node.children]
            head, tail = "nn.Sequential(", ")"
        one_line = f"{head}{', '.join(items)}{tail}"
        if "\n" not in one_line and column + len(one_line) <= WIDTH:
            return one_line
        return "\n".join([head, *(f"{inner}{item}," for item in items), f"{indent}{tail}"])


def _labelled(group: Group) -> bool:
    return any(child.label for child in group.children)


def _nesting(root: Group) -> int:
    """How deep the brackets of the one-expression form would nest (a module call counts 2: tuples)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        group, depth = stack.pop()
        depth += 4 if _labelled(group) else 1  # nn.Sequential(OrderedDict([( … )]))
        deepest = max(deepest, depth + 2)
        stack.extend((child, depth) for child in group.children if isinstance(child, Group))
    return deepest


def _inner_groups_inner_first(root: Group) -> list[Group]:
    """Every group below ``root`` after all the groups inside it, siblings left to right (post-order)."""
    out: list[Group] = []
    stack: list[tuple[Group, bool]] = [(child, False) for child in reversed(root.children) if isinstance(child, Group)]
    while stack:
        group, expanded = stack.pop()
        if expanded:
            out.append(group)
            continue
        stack.append((group, True))
        stack.extend((child, False) for child in reversed(group.children) if isinstance(child, Group))
    return out


def _main(project: Project, from_seed: bool, weights_file: str | None) -> str:
    lines = ['if __name__ == "__main__":',
             'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
             "torch.manual_seed(SEED)  # first the seed, then the modules: the same initial weights every run",
             "model = build_model()"]
    if weights_file is not None:
        lines += ["model.load_state_dict(torch.load(Path(__file__).with_name(WEIGHTS), map_location=\"cpu\",",
                  "                                 weights_only=True))"]
    lines += ["model.to(device)",
              "print(model)",
              'print(f"{sum(p.numel() for p in model.parameters()):,} parameters")  # shared weights count once',
              *_forward(project)]
    return "\n".join([lines[0], *(INDENT + line if line.strip() else "" for line in lines[1:])])


def _forward(project: Project) -> list[str]:
    shape = project.input_shape
    if shape is None:
        return ["# No forward pass: the project has no input shape yet (set one in LayerLab, or add a",
                "# first layer whose input size is known)."]
    lines = []
    error = project.shape_error
    if error is not None:
        text = (f"LayerLab reports a shape problem, so this forward pass stops with an error until it is "
                f"fixed: {comment_text(str(error))}")
        lines += [f"# {line}" for line in textwrap.wrap(text, WIDTH - 10)]
    first = next(blocks(project.root), None)
    size = literal(tuple(shape))
    if project.input_dtype == "long" and first is not None and "num_embeddings" in first.layer.params:
        vocabulary = literal(first.layer.params["num_embeddings"])
        lines.append(f"x = torch.randint({vocabulary}, {size}, device=device)  # a batch of token ids")
    else:
        sizes = ", ".join(literal(n) for n in shape)
        lines.append(f"x = torch.randn({sizes}, device=device)  # a random batch shaped like the project's input")
    lines += ["model.eval()  # inference: Dropout off, BatchNorm uses its running statistics",
              "with torch.no_grad():",
              f"{INDENT}y = model(x)",
              'print("output shape:", tuple(y.shape))']
    return lines


def write_code(project: Project, path: str | Path, *, weights_file: str | None = None) -> None:
    """Write the exported script to ``path`` safely (the old file survives any failure)."""
    code = export_code(project, weights_file=weights_file)
    atomic_write(Path(path), lambda target: Path(target).write_text(code, encoding="utf-8"))
