"""Issue #17: random user operations through the command layer, with the design's promises checked at every step.

A hypothesis ``RuleBasedStateMachine`` plays a learner at the canvas: it adds
layers and modules, moves, groups, ungroups, deletes, edits hyperparameters
(valid and invalid values), shares, unshares, uses again, repeats,
initializes, duplicates, renames, freezes, replaces, undoes and redoes, and
saves and opens the project, all through the commands and the
``CommandRunner`` the window uses. After every step it checks:

- the mirror: the live ``nn.Sequential`` holds exactly the design (keys,
  module identities, ties, hyperparameters), and nothing looks like a direct
  edit;
- shapes: where the design says it runs and the input is small, a real
  forward pass gives exactly the inferred shapes, through the live model and
  through the design's blocks alike;
- undo: each undo and redo gives back the exact snapshot of that point of the
  history (values bit for bit, module identities), and a refused command
  changes nothing;
- the seed: when the project tracks its weights as the seed's, they are.

Undoing everything and coming back (as ``stack.setIndex(0)`` would, one step
at a time), and saving and opening (then comparing, and sometimes going on
editing the opened project), are rules the machine picks at random, and run
once more at the end of every example (after every single step they would make
the run quadratic).

Only LayerLab's typed errors may come out of an operation; the runner turns
them into its ``failed`` signal. Anything else fails the test.

Two more invariants hold after every step: a module whose hyperparameters
follow its input ("auto") has the values its first place asks for, and every
init rule can be replayed on the design as it is (so the project always saves
and opens again, and its exported code runs).

Bugs the machine found are pinned down below it as minimal reproductions.
"""

from __future__ import annotations

import copy
import shutil
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import LayerLabError, Project
from editor.commands.base import ProjectCommand
from editor.commands.edits import (
    ApplyFixCommand,
    ApplySeedCommand,
    DeleteCommand,
    DuplicateCommand,
    GroupCommand,
    InsertLayerCommand,
    InsertModulesCommand,
    MoveCommand,
    RenameCommand,
    ReplaceLayerCommand,
    ResetParametersCommand,
    ScriptedEditCommand,
    SetHyperparametersCommand,
    SetInputShapeCommand,
    UngroupCommand,
)
from editor.commands.freeze import SetRequiresGradCommand
from editor.commands.init import InitializeCommand, RemoveInitRuleCommand
from editor.commands.runner import CommandRunner
from editor.commands.sharing import RepeatCommand, ShareCommand, UnshareCommand, UseAgainCommand
from editor.model.catalog.build import check_memory
from editor.model.catalog.hyperparameters import resolve_auto, validate_params
from editor.model.design.tree import MAX_DEPTH, Block, Group
from editor.model.init.rules import check_rule
from tests.commands.design_checks import (
    assert_same,
    check_forward,
    check_mirror,
    check_round_trip,
    check_seed_claim,
    one_torch_thread,
    snapshot,
)

MAX_BLOCKS = 40
"""Rules that add blocks stop here, so every step stays cheap."""

KINDS = ["Linear", "ReLU", "Tanh", "LayerNorm", "Dropout", "BatchNorm1d", "Flatten", "Identity", "Conv1d",
         "MaxPool1d", "Softmax", "PReLU"]
INSERT_PARAMS = {
    "Linear": [{}, {"out_features": 4}, {"out_features": 8}, {"in_features": 8, "out_features": 8},
               {"out_features": 0}],
    "Conv1d": [{"out_channels": 2}, {"out_channels": 4, "kernel_size": 1}],
    "MaxPool1d": [{}, {"kernel_size": 3, "stride": 1}],
    "LayerNorm": [{}, {"normalized_shape": 8}],
    "Dropout": [{}, {"p": 1.5}],
    "PReLU": [{}, {"num_parameters": 8}],
}

# Values a user might give each type of hyperparameter: valid, invalid, absurd.
VALUES = {
    "int": [1, 2, 3, 4, 8, 16, 0, -1, 2.5, True, "3", None, "auto", float("nan"), float("inf"), 10**12],
    "float": [0.0, 0.1, 0.5, 1.0, 1e-5, -0.1, 1.5, 3, float("nan"), float("inf"), float("-inf"), 1e300, "x",
              None],
    "bool": [True, False, 0, 1, "yes", None],
    "size": [1, 2, 3, (1,), (2,), (3,), 0, -2, (1, 1), 100, "3"],
    "padding": [0, 1, (1,), "same", "valid", -1, "full"],
    "shape": [8, (8,), 4, (2, 8), (4, 2), 0, -1, (), "auto"],
    "choice": ["zeros", "reflect", "circular", "bogus", "none", "tanh", 3],
    "output_size": [1, 2, None, 0],
}
INPUT_SHAPES = [(2, 8), (3, 8), (1, 8), (8,), (2, 4, 8), (2, 1, 8), (2, 2, 4), None]
LABELS = ["a", "b", "fc", "enc", "0", "x y", "", None, "for", "ü", "a.b"]
INIT_RULES = [
    ("uniform_", {"a": -1.0, "b": 1.0}, None),
    ("normal_", {}, None),
    ("constant_", {"val": 0.5}, None),
    ("zeros_", {}, None),
    ("ones_", {}, None),
    ("xavier_uniform_", {}, None),
    ("kaiming_normal_", {"nonlinearity": "relu"}, None),
    ("eye_", {}, None),
    ("dirac_", {}, None),
    ("orthogonal_", {}, None),
    ("uniform_", {"a": -10.0, "b": 10.0}, "where(abs(w) < 5, 0, w)"),
    ("normal_", {}, "log(w)"),  # NaN for negative samples: refused
]
SCOPES = ["design", "Linear", "LayerNorm", "block"]

pick = st.integers(0, 10_000)


def chosen(items: list, index: int):
    return items[index % len(items)]


def start_mlp() -> Project:
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Sequential(nn.Linear(8, 8), nn.Tanh()),
                                          nn.Linear(8, 4)), seed=3)
    p.input_shape = (2, 8)
    return p


def start_tied() -> Project:
    torch.manual_seed(1)
    shared = nn.Linear(8, 8)
    p = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared, nn.Sequential(nn.LayerNorm(8), nn.Dropout(0.1)),
                                          nn.Linear(8, 2)), seed=1)
    p.input_shape = (2, 8)
    return p


def start_labelled() -> Project:
    torch.manual_seed(2)
    inner = nn.Sequential(OrderedDict(fc=nn.Linear(8, 8), act=nn.ReLU()))
    p = Project.from_module(nn.Sequential(OrderedDict(enc=inner, fc=nn.Linear(8, 4), norm=nn.BatchNorm1d(4))), seed=2)
    p.input_shape = (2, 8)
    return p


def start_seeded() -> Project:
    """Built from the seed through the API, so the project tracks its weights as exactly the seed's."""
    p = Project(seed=5)
    p.append_layer("Linear", in_features=8, out_features=8)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=4)
    p.input_shape = (2, 8)
    return p


def start_empty() -> Project:
    return Project(seed=7)


CODE = """import torch.nn as nn


def init_linear(m):
    if type(m) is nn.Linear:
        nn.init.xavier_uniform_(m.weight)


model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Sequential(nn.Linear(8, 8), nn.LayerNorm(8)), nn.Linear(8, 4))
model.apply(init_linear)
"""


def start_read() -> Project:
    """Read from code: construction follows the source (ranks), with an init rule for every Linear."""
    p = Project.from_code(CODE, seed=4)
    p.input_shape = (2, 8)
    return p


STARTS = {"mlp": start_mlp, "tied": start_tied, "labelled": start_labelled, "seeded": start_seeded,
          "empty": start_empty, "read": start_read}


class CommandMachine(RuleBasedStateMachine):
    """A learner at the canvas, as far as the command layer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="layerlab-machine-"))
        self.saves = 0
        self.messages: list[str] = []
        self.resets = 0
        self.project: Project
        self.stack: QUndoStack
        self.runner: CommandRunner
        self.history: list = []

    def teardown(self) -> None:
        try:
            if hasattr(self, "runner"):
                self.undo_all_and_back()
                self.save_and_open(switch=False)
                self.runner.detach()
                self.stack.clear()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ set-up
    @initialize(start=st.sampled_from(sorted(STARTS)))
    def start(self, start: str) -> None:
        torch.manual_seed(0)
        self.use(STARTS[start]())

    def use(self, project: Project) -> None:
        if hasattr(self, "runner"):
            self.runner.detach()
            # Empty a stack before letting it go, as the window does: a parentless QUndoStack that the
            # garbage collector destroys together with its Python commands deletes them after their
            # wrappers are gone (a segfault in QUndoStack::clear, now and then, depending on when
            # the collector runs).
            self.stack.clear()
        self.project = project
        self.stack = QUndoStack()
        self.runner = CommandRunner(self.stack, project)
        self.runner.failed.connect(self.messages.append)
        project.events.reset.connect(self._reset)
        self.history = [snapshot(project)]

    def _reset(self) -> None:
        self.resets += 1

    # ------------------------------------------------------------ reading the design
    def entries(self) -> list[tuple[str, object]]:
        return list(self.project.walk())

    def blocks(self) -> list[str]:
        return [p for p, n in self.entries() if isinstance(n, Block)]

    def groups(self) -> list[str]:
        return [p for p, n in self.entries() if isinstance(n, Group)]

    def paths(self) -> list[str]:
        return [p for p, _ in self.entries()]

    def slots(self) -> list[str]:
        """Every insertion point: ``"3"`` (before top-level 3, or at the end) and ``"1.0"`` inside groups."""
        out = [str(i) for i in range(len(self.project.root.children) + 1)]
        for path, node in self.entries():
            if isinstance(node, Group):
                out += [f"{path}.{i}" for i in range(len(node.children) + 1)]
        return out

    def block_count(self) -> int:
        return len(self.blocks())

    def small(self) -> bool:
        return self.block_count() < MAX_BLOCKS

    def stale_auto(self) -> list[str]:
        """Blocks holding "auto" values that the next shape pass would change: the first place of a module whose
        hyperparameters follow the input resolves to other values than it has."""
        stale = []
        for layer in self.project.layers():
            if not layer.auto:
                continue
            first = min(layer.blocks, key=lambda b: b.indices())
            shape = getattr(first.in_spec, "shape", None)
            if shape is None:
                continue
            wanted = {n: resolve_auto(layer.kind, n, shape) for n in layer.auto}
            wanted = {n: v for n, v in wanted.items() if v is not None and v != layer.params[n]}
            if not wanted:
                continue
            try:
                check_memory(layer.kind, validate_params(layer.kind, {**layer.params, **wanted}))
            except LayerLabError:
                continue  # it could not follow its input anyway: the shape error says so
            stale.append(first.path())
        return stale

    def depth(self) -> int:
        """How deep groups are nested (a group at the top: 1)."""
        return max((len(node.indices()) for _, node in self.entries() if isinstance(node, Group)), default=0)

    def rule_problems(self) -> list[str]:
        """Init rules that could not be replayed on the design as it is, and why."""
        problems = []
        for number, init_rule in enumerate(self.project.init_rules, start=1):
            try:
                check_rule(init_rule, self.project.root)
            except LayerLabError as exc:
                problems.append(f"rule {number} ({init_rule.describe()}): {exc}")
            if init_rule.layers is not None and not any(layer.blocks and self.project.is_attached(layer.blocks[0])
                                                        for layer in init_rule.layers):
                problems.append(f"rule {number} ({init_rule.describe()}) targets only deleted blocks")
        return problems

    # ------------------------------------------------------------ running commands
    def run(self, make) -> None:
        """Make a command and run it as the window does; a refusal must be typed and change nothing."""
        before = self.history[self.stack.index()]
        index, count = self.stack.index(), self.stack.count()
        try:
            command: ProjectCommand = make()
        except LayerLabError:  # the command could not even be made (a path that leads nowhere): nothing changed
            assert_same(snapshot(self.project), before, "making a refused command")
            return
        refused = len(self.messages)
        changed = self.runner.run(command)
        after = snapshot(self.project)
        if not changed:
            assert self.stack.index() == index and self.stack.count() == count
            assert_same(after, before, f"{'refused' if len(self.messages) > refused else 'no-op'} {command.text()}")
            return
        if self.stack.index() == index + 1:
            self.history = [*self.history[: index + 1], after]
        else:  # merged into the step before (successive edits of one field)
            assert self.stack.index() == index and command.id() != -1, "a command neither pushed nor merged"
            self.history = [*self.history[:index], after]
        assert self.stack.count() == len(self.history) - 1

    # ------------------------------------------------------------ rules: adding
    @precondition(lambda self: self.small())
    @rule(kind=st.sampled_from(KINDS), where=pick, which=pick)
    def insert_layer(self, kind: str, where: int, which: int) -> None:
        params = chosen(INSERT_PARAMS.get(kind, [{}]), which)
        self.run(lambda: InsertLayerCommand(self.project, chosen(self.slots(), where), kind, params))

    @precondition(lambda self: self.small())
    @rule(what=st.sampled_from(["linear", "relu", "group", "paste", "same module", "ungrouped sequential"]),
          where=pick, which=pick)
    def insert_modules(self, what: str, where: int, which: int) -> None:
        blocks = self.blocks()
        if what == "linear":
            modules = [nn.Linear(8, 8)]
        elif what == "relu":
            modules = [nn.ReLU(), nn.Linear(8, 4)]
        elif what == "group":
            modules = [nn.Sequential(nn.Linear(8, 8), nn.Tanh())]
        elif what == "ungrouped sequential":
            modules = [nn.Sequential()]
        elif not blocks:
            return
        elif what == "paste":
            modules = [copy.deepcopy(self.project[chosen(blocks, which)])]
        else:  # the very module a block holds: placing it again ties the two
            modules = [self.project[chosen(blocks, which)]]
        self.run(lambda: InsertModulesCommand(self.project, chosen(self.slots(), where), modules))

    @precondition(lambda self: self.small())
    @rule(first=pick, count=st.integers(1, 3), fresh=st.booleans())
    def duplicate(self, first: int, count: int, fresh: bool) -> None:
        paths = self.paths()
        if paths:
            start = first % len(paths)
            self.run(lambda: DuplicateCommand(self.project, paths[start:start + count], fresh=fresh))

    # ------------------------------------------------------------ rules: structure
    @rule(sources=st.lists(pick, min_size=1, max_size=2), group=pick, index=pick)
    def move(self, sources: list[int], group: int, index: int) -> None:
        paths = self.paths()
        if not paths:
            return
        chosen_sources = list(dict.fromkeys(chosen(paths, s) for s in sources))
        target = chosen(["", *self.groups()], group)
        holder = self.project.root if not target else self.project.node(target)
        self.run(lambda: MoveCommand(self.project, chosen_sources, target, index % (len(holder.children) + 1)))

    @rule(first=pick, count=st.integers(1, 3))
    def group(self, first: int, count: int) -> None:
        paths = self.paths()
        if not paths:
            return
        node = self.project.node(chosen(paths, first))
        siblings = node.parent.children
        start = siblings.index(node)
        chosen_paths = [s.path() for s in siblings[start:start + count]]
        self.run(lambda: GroupCommand(self.project, chosen_paths))

    @rule(which=pick)
    def ungroup(self, which: int) -> None:
        groups = self.groups()
        if groups:
            self.run(lambda: UngroupCommand(self.project, chosen(groups, which)))

    @rule(which=st.lists(pick, min_size=1, max_size=3))
    def delete(self, which: list[int]) -> None:
        paths = self.paths()
        if paths:
            self.run(lambda: DeleteCommand(self.project, list(dict.fromkeys(chosen(paths, w) for w in which))))

    @rule(which=pick, label=st.sampled_from(LABELS))
    def rename(self, which: int, label: str | None) -> None:
        paths = self.paths()
        if paths:
            self.run(lambda: RenameCommand(self.project, chosen(paths, which), label))

    @rule(which=pick, kind=st.sampled_from(KINDS))
    def replace(self, which: int, kind: str) -> None:
        blocks = self.blocks()
        if blocks:
            self.run(lambda: ReplaceLayerCommand(self.project, chosen(blocks, which), kind))

    # ------------------------------------------------------------ rules: values
    @rule(which=pick, also=st.booleans(), field=pick, value=pick)
    def set_hyperparameters(self, which: int, also: bool, field: int, value: int) -> None:
        blocks = self.blocks()
        if not blocks:
            return
        path = chosen(blocks, which)
        kind = self.project.kind(path)
        if not kind.params:
            return
        hp = chosen(list(kind.params), field)
        paths = [path]
        if also:  # an edit of every selected block of one kind
            paths += [p for p in blocks if p != path and self.project.kind(p) is kind][:2]
        new = chosen(VALUES[hp.type], value)
        self.run(lambda: SetHyperparametersCommand(self.project, paths, {hp.name: new}))

    @rule(shape=st.sampled_from(INPUT_SHAPES))
    def set_input_shape(self, shape) -> None:
        self.run(lambda: SetInputShapeCommand(self.project, shape))

    @precondition(lambda self: self.project.shape_error is not None)
    @rule()
    def apply_fix(self) -> None:
        error = self.project.shape_error
        if error.fix is not None:
            self.run(lambda: ApplyFixCommand(self.project, error.fix))

    @rule(which=pick, name=st.sampled_from(["weight", "bias", None]), flag=st.booleans())
    def freeze(self, which: int, name: str | None, flag: bool) -> None:
        paths = self.paths()
        if paths:
            self.run(lambda: SetRequiresGradCommand(self.project, chosen(paths, which), name, flag))

    @rule(seed=st.sampled_from([0, 1, 42, -1]))
    def apply_seed(self, seed: int) -> None:
        self.run(lambda: ApplySeedCommand(self.project, seed))

    @rule()
    def reset_parameters(self) -> None:
        self.run(lambda: ResetParametersCommand(self.project))

    # ------------------------------------------------------------ rules: sharing
    @rule(first=pick, second=pick, third=pick, three=st.booleans(), keep=pick)
    def share(self, first: int, second: int, third: int, three: bool, keep: int) -> None:
        blocks = self.blocks()
        if len(blocks) < 2:
            return
        a = chosen(blocks, first)
        # Mostly blocks of one kind (what the menu offers), sometimes any: a typed refusal either way.
        same = [p for p in blocks if self.project.kind(p) is self.project.kind(a) and p != a]
        pool = same if same and second % 4 else [p for p in blocks if p != a]
        paths = [a, chosen(pool, second)]
        if three and len(pool) > 1:
            paths.append(chosen([p for p in pool if p not in paths] or pool, third))
        self.run(lambda: ShareCommand(self.project, paths, keep=chosen(paths, keep)))

    @rule(which=pick, weights=st.sampled_from(["copy", "reinit"]))
    def unshare(self, which: int, weights: str) -> None:
        blocks = self.blocks()
        shared = [p for p in blocks if self.project.shared_with(p)]
        pool = shared or blocks  # sometimes a block that shares nothing: refused
        if pool:
            self.run(lambda: UnshareCommand(self.project, chosen(pool, which), weights))

    @precondition(lambda self: self.small())
    @rule(which=pick, at=pick)
    def use_again(self, which: int, at: int) -> None:
        paths = self.paths()
        if paths:
            self.run(lambda: UseAgainCommand(self.project, chosen(paths, which), chosen(self.slots(), at)))

    @precondition(lambda self: self.small())
    @rule(which=pick, n=st.integers(1, 3), shared=st.booleans())
    def repeat(self, which: int, n: int, shared: bool) -> None:
        paths = self.paths()
        if paths:
            self.run(lambda: RepeatCommand(self.project, chosen(paths, which), n, shared))

    # ------------------------------------------------------------ rules: init
    @rule(which=pick, parameters=st.sampled_from(["weight", "bias", "all"]), scope=st.sampled_from(SCOPES),
          where=pick)
    def initialize(self, which: int, parameters: str, scope: str, where: int) -> None:
        function, args, expression = chosen(INIT_RULES, which)
        blocks = self.paths()
        kind = scope if scope in ("Linear", "LayerNorm") else None
        chosen_blocks = [chosen(blocks, where)] if scope == "block" and blocks else None

        def make() -> InitializeCommand:
            made = self.project.make_init_rule(function, parameters=parameters, kind=kind, blocks=chosen_blocks,
                                               expression=expression, **args)
            return InitializeCommand(self.project, made)

        self.run(make)

    @precondition(lambda self: bool(self.project.init_rules))
    @rule(which=pick)
    def remove_init_rule(self, which: int) -> None:
        self.run(lambda: RemoveInitRuleCommand(self.project, which % len(self.project.init_rules)))

    # ------------------------------------------------------------ rules: history
    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        index = self.stack.index()
        self.step(self.stack.undo, index - 1)
        assert self.stack.index() == index - 1
        assert_same(snapshot(self.project), self.history[index - 1], f"undo of {self.stack.text(index - 1)!r}")

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        index = self.stack.index()
        self.step(self.stack.redo, index)
        assert self.stack.index() == index + 1
        assert_same(snapshot(self.project), self.history[index + 1], f"redo of {self.stack.text(index)!r}")

    @rule(at_once=st.booleans())
    def undo_all_and_back(self, at_once: bool = False) -> None:
        """Undo everything and come back: one step at a time, or ``stack.setIndex`` (the Undo History panel)."""
        index = self.stack.index()
        if at_once:
            self.stack.setIndex(0)
            self.check_replays(range(index))
        while self.stack.index() > 0:
            self.step(self.stack.undo, self.stack.index() - 1)
        assert_same(snapshot(self.project), self.history[0], "undoing everything")
        check_mirror(self.project)
        if at_once:
            self.stack.setIndex(index)
            self.check_replays(range(index))
        while self.stack.index() < index:
            self.step(self.stack.redo, self.stack.index())
        assert_same(snapshot(self.project), self.history[index], "redoing everything")

    def step(self, undo_or_redo, which: int) -> None:
        """One undo or redo of the step at ``which``: it must be done, never fail."""
        undo_or_redo()
        self.check_replays([which])

    def check_replays(self, which) -> None:
        for i in which:
            error = self.stack.command(i).replay_error
            assert error is None, f"{self.stack.text(i)!r} could not be undone or redone: {error}"

    # ------------------------------------------------------------ rules: files
    @rule(switch=st.booleans())
    def save_and_open(self, switch: bool) -> None:
        self.saves += 1
        path = self.folder / f"design{self.saves}.pt"
        self.project.save(path)
        opened = Project.load(path)
        check_round_trip(self.project, opened)
        if switch:  # go on editing the opened project, as after File → Open (a new undo history)
            self.use(opened)

    # ------------------------------------------------------------ invariants
    @invariant()
    def mirror_equals_design(self) -> None:
        check_mirror(self.project)
        assert self.resets == 0, "the project adopted a 'direct edit' although every change went through commands"
        assert not any(isinstance(self.stack.command(i), ScriptedEditCommand) for i in range(self.stack.count()))

    @invariant()
    def shapes_equal_a_real_forward(self) -> None:
        check_forward(self.project)

    @invariant()
    def seed_claim_holds(self) -> None:
        check_seed_claim(self.project)

    @invariant()
    def history_matches(self) -> None:
        assert_same(snapshot(self.project), self.history[self.stack.index()], "the current state")

    @invariant()
    def auto_values_follow_the_first_place(self) -> None:
        stale = self.stale_auto()
        assert not stale, f"blocks {stale} hold 'auto' values their input no longer gives"

    @invariant()
    def init_rules_can_be_replayed(self) -> None:
        problems = self.rule_problems()
        assert not problems, f"init rules the design outgrew: {problems}"

    @invariant()
    def nesting_fits_a_file(self) -> None:
        assert self.depth() <= MAX_DEPTH, f"groups nested {self.depth()} deep"

MACHINE_SETTINGS = settings(
    max_examples=40,
    stateful_step_count=200,
    deadline=None,
    derandomize=True,  # CI runs the same examples every time
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def test_random_user_operations_keep_every_promise(qapp):
    with one_torch_thread():
        run_state_machine_as_test(CommandMachine, settings=MACHINE_SETTINGS)


# ------------------------------------------------------------------ what the machine found, kept minimal
def test_a_sequential_inserted_as_a_group_is_watched_like_the_others(qapp):
    """Found by the machine: an adopted Sequential was never synced, so direct_edits_pending() stayed True."""
    project = Project(seed=0)
    runner = CommandRunner(QUndoStack(), project)
    assert runner.run(InsertModulesCommand(project, "0", [nn.Sequential(nn.Linear(8, 8), nn.Tanh())]))
    assert not project.direct_edits_pending()


def test_the_shared_module_message_names_its_places_as_they_are_now(qapp):
    """Found by the machine: the "shared with block N" clause was written once and went stale after a move."""
    norm = nn.BatchNorm1d(4)
    project = Project.from_module(nn.Sequential(nn.Linear(8, 8), norm, nn.Linear(8, 4), norm, nn.ReLU()))
    project.input_shape = (2, 8)
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    assert "shared with block 3," in str(project.shape_error)
    assert runner.run(InsertLayerCommand(project, "3", "ReLU"))
    assert project.shared_with("1") == ["4"]
    assert "shared with block 4," in str(project.shape_error)  # it said block 3, now a ReLU
    stack.undo()
    assert "shared with block 3," in str(project.shape_error)


def test_a_module_shared_by_many_names_a_few_places(qapp):
    """The clause names at most three other places: thousands of them would make a message nobody reads."""
    shared = nn.Linear(8, 8)
    project = Project.from_module(nn.Sequential(nn.Linear(8, 4), shared, *[shared] * 6))
    project.input_shape = (2, 8)
    message = str(project.shape_error)
    assert "shared with blocks 2, 3, 4 and 3 more, which do not all receive the same shape" in message


def test_undoing_a_share_brings_back_the_error_and_its_fix(qapp):
    """Found by the machine: the block kept the error's shared form, without its fix, after the share was undone."""
    project = Project.from_module(nn.Sequential(nn.Linear(8, 4), nn.Sequential(nn.Linear(8, 8)), nn.Linear(8, 8)))
    project.input_shape = (2, 8)
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = str(project.shape_error)
    assert project.shape_error.fix is not None  # "Let in_features follow the input (4) on block 1.0"
    assert runner.run(ShareCommand(project, ["2", "1.0"], keep="1.0"))
    stack.undo()
    assert project.shared_with("1.0") == []
    assert str(project.shape_error) == before
    assert project.shape_error.fix is not None


@pytest.mark.parametrize("how", ["replace", "delete", "unshare", "move"])
def test_a_module_left_alone_follows_its_input_again(qapp, how, tmp_path):
    """Found by the machine: a shared module that lost its first place kept the "auto" values worked out there."""
    project = Project(seed=0)
    project.input_shape = (2, 8)
    project.append_layer("Linear", out_features=4)  # block 0: in_features follows the input (8)
    project.append_layer("Linear", out_features=4)  # block 1: 4 → 4
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    assert runner.run(InsertModulesCommand(project, "2", [project[0]]))  # block 0's module again, where it gets 4
    assert project.shared_with("2") == ["0"] and project.shape_error is not None
    before = snapshot(project)
    command = {"replace": lambda: ReplaceLayerCommand(project, "0", "Linear"),
               "delete": lambda: DeleteCommand(project, ["0"]),
               "unshare": lambda: UnshareCommand(project, "0", "copy"),
               "move": lambda: MoveCommand(project, ["0"], "", 3)}[how]()  # its first place moves last
    assert runner.run(command)
    after = snapshot(project)
    place = "1" if how == "move" else str(len(project) - 1)  # where the module now comes first
    assert project.auto(place) == {"in_features"}
    assert project.hyperparameters(place)["in_features"] == 4, project.shape_error  # it kept 8
    if how != "move":
        assert project.shared_with(place) == [] and project.shape_error is None
    project.save(tmp_path / "design.pt")
    check_round_trip(project, Project.load(tmp_path / "design.pt"))
    stack.undo()
    assert_same(snapshot(project), before, "undo")
    stack.redo()
    assert_same(snapshot(project), after, "redo")


@pytest.mark.parametrize("at_once", [False, True])
def test_undo_is_exact_after_a_module_was_left_alone(qapp, at_once):
    """Found by the machine: undo rebuilt a module outside the journal (new random weights), a later undo raised
    out of QUndoCommand.undo, and QUndoStack.setIndex(0) over the same history crashed the interpreter."""
    project = Project(seed=0)
    project.input_shape = (2, 8)
    project.append_layer("Linear", out_features=4)  # 0: 8 → 4
    project.append_layer("Linear", out_features=4)  # 1: in_features follows the input (4)
    project.append_layer("Linear", in_features=4, out_features=4)  # 2: 4 → 4
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    history = [snapshot(project)]
    for command in (lambda: UseAgainCommand(project, "1", at="3"),  # block 1's module again; it receives 4 there
                    lambda: SetHyperparametersCommand(project, ["0"], {"out_features": 6}),  # its first place: 6
                    lambda: UnshareCommand(project, "1", "copy"),  # block 3 keeps it alone, and follows its 4
                    lambda: ResetParametersCommand(project),
                    lambda: SetInputShapeCommand(project, (3, 8))):  # block 3 follows its input again: 4
        assert runner.run(command())
        history.append(snapshot(project))
    if at_once:
        stack.setIndex(0)  # the Undo History panel: undo() in a C++ loop
        assert_same(snapshot(project), history[0], "setIndex(0)")
        stack.setIndex(len(history) - 1)
        assert_same(snapshot(project), history[-1], "setIndex back")
        assert not any(stack.command(i).replay_error for i in range(stack.count()))
        return
    for index in range(len(history) - 2, -1, -1):
        stack.undo()
        assert_same(snapshot(project), history[index], f"undo back to step {index}")


def test_grouping_stops_at_the_depth_a_file_can_hold(qapp, tmp_path):
    """Found by the machine: grouping had no depth limit, and a file holds groups nested at most 64 deep."""
    project = Project(seed=0)
    project.append_layer("ReLU")
    runner = CommandRunner(QUndoStack(), project)
    refusals: list[str] = []
    runner.failed.connect(refusals.append)
    path = "0"
    for _ in range(MAX_DEPTH + 1):  # Ctrl+G on the same block, again and again
        command = GroupCommand(project, [path])
        if not runner.run(command):
            break
        path = command.result + ".0"
    assert len(path.split(".")) == MAX_DEPTH + 1  # inside groups nested as deep as a file holds, no deeper
    assert len(refusals) == 1 and f"at most {MAX_DEPTH} deep" in refusals[0]
    project.save(tmp_path / "deep.pt")
    check_round_trip(project, Project.load(tmp_path / "deep.pt"))


def test_a_whole_design_init_rule_survives_replacing_its_only_linear(qapp, tmp_path):
    """Found by the machine: the rule kept targeting the LayerNorm it could not fill, and the file did not open.

    Now the rule, left with nothing it can fill, is dropped by the edit (tests/commands/test_init_rule_upkeep.py).
    """
    project = Project.from_module(nn.Sequential(nn.Linear(8, 8)))
    project.input_shape = (2, 8)
    runner = CommandRunner(QUndoStack(), project)
    assert runner.run(InitializeCommand(project, project.make_init_rule("xavier_uniform_")))
    assert runner.run(ReplaceLayerCommand(project, "0", "LayerNorm"))
    project.save(tmp_path / "design.pt")
    assert runner.run(ResetParametersCommand(project))  # not refused: nothing is left that cannot be replayed
    opened = Project.load(tmp_path / "design.pt")
    check_round_trip(project, opened)


if __name__ == "__main__":  # a longer random run by hand: python -m tests.commands.test_state_machine 500
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with one_torch_thread():
        run_state_machine_as_test(CommandMachine, settings=settings(MACHINE_SETTINGS, max_examples=examples,
                                                                    derandomize=False))
    print(f"{examples} examples passed")
