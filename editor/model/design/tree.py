"""The design tree: groups of blocks, and blocks that reference layers.

A :class:`Group` is one ``nn.Sequential``; its children are blocks and
groups. A :class:`Block` is a place in the design that references a
:class:`Layer`, the record of one torch module: its kind, hyperparameters and
which of them follow the input ("auto"). Two blocks that reference the same
layer share its weights, exactly as two slots of a Sequential that hold the
same module do.

The tree also keeps each group's ``nn.Sequential`` in step (:func:`sync`):
children keyed ``"0"``, ``"1"``, … in order, or by their label.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from torch import nn

from editor.model.design.torch_dicts import set_slots, slots
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.catalog import LayerKind
    from editor.model.catalog.shape_rules import Spec
    from editor.model.errors import ShapeError

STALE: Any = object()
"""The ``in_spec`` of a node whose shapes must be worked out again."""

MAX_DEPTH = 64
"""How deep groups nest in a design: a group's path has at most this many indices (a project file, and code read
back, hold no more); the blocks of the deepest groups sit one level below them."""


class Layer:
    """One torch module of the design and what LayerLab knows about it."""

    __slots__ = ("auto", "blocks", "kind", "module", "params", "rank")

    def __init__(self, module: nn.Module, kind: LayerKind, params: dict[str, Any],
                 auto: frozenset[str] = frozenset(), rank: tuple[int, ...] | None = None) -> None:
        self.module = module
        self.kind = kind
        self.params = params
        self.auto = auto
        self.rank = rank  # position in an explicit construction order (designs read from code)
        self.blocks: list[Block] = []

    def __repr__(self) -> str:
        return f"<Layer {self.kind.name} {self.params}>"


class Node:
    """A place in the design: a block or a group."""

    __slots__ = ("error", "in_spec", "label", "out_spec", "parent")
    is_group = False

    def __init__(self, label: str | None = None) -> None:
        self.parent: Group | None = None
        self.label = label  # the key in the parent Sequential; None means its index
        self.in_spec: Spec | None = STALE
        self.out_spec: Spec | None = None
        self.error: ShapeError | None = None

    @property
    def module(self) -> nn.Module:  # pragma: no cover - overridden
        raise NotImplementedError

    def index(self) -> int:
        """Position among the parent's children."""
        assert self.parent is not None
        return self.parent.children.index(self)

    def indices(self) -> tuple[int, ...]:
        """Indices from the root down to this node: ``(1, 0)`` for path ``"1.0"``."""
        out: list[int] = []
        node = self
        while node.parent is not None:
            out.append(node.parent.children.index(node))
            node = node.parent
        return tuple(reversed(out))

    def path(self) -> str:
        """The node's path, e.g. ``"1.0"`` (``""`` for the root)."""
        return ".".join(map(str, self.indices()))

    def ancestors(self) -> Iterator[Group]:
        """Parent, grandparent, … up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Block(Node):
    """A place in the design that references a layer."""

    __slots__ = ("layer",)

    def __init__(self, layer: Layer, label: str | None = None) -> None:
        super().__init__(label)
        self.layer = layer

    @property
    def module(self) -> nn.Module:
        return self.layer.module

    def __repr__(self) -> str:
        return f"<Block {self.layer.kind.name}>"


class Group(Node):
    """A nested ``nn.Sequential`` and its children."""

    __slots__ = ("children", "collapsed", "mirror", "numbered", "sequential", "watch")
    is_group = True

    def __init__(self, sequential: nn.Sequential, label: str | None = None) -> None:
        super().__init__(label)
        self.sequential = sequential
        self.children: list[Node] = []
        self.collapsed = False
        self.watch = Watch()  # replaced by the design's own when the group joins it
        self.mirror: dict[str, Any] | None = None  # the _modules dict the Project last wrote
        self.numbered = False  # the mirror was keyed "0", "1", … (no labels) when it was last written

    @property
    def module(self) -> nn.Sequential:
        return self.sequential

    def __repr__(self) -> str:
        return f"<Group of {len(self.children)}>"


class Watch:
    """Set when a Sequential of the design is changed by someone other than the Project."""

    __slots__ = ("dirty",)

    def __init__(self) -> None:
        self.dirty = False


class WatchedModules(dict):
    """The ``_modules`` dict of a design's Sequentials: it notices edits made to ``project.model`` directly.

    The Project writes through ``dict.__setitem__``; anything else (``append``,
    ``insert``, ``seq[i] = m``) marks the watch. It pickles and copies as a
    plain dict, so saved or copied models never depend on LayerLab.
    """

    __slots__ = ("watch",)

    def __init__(self, items: Iterable[tuple[str, Any]], watch: Watch) -> None:
        super().__init__(items)
        self.watch = watch

    def __setitem__(self, key: str, value: Any) -> None:
        self.watch.dirty = True
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.watch.dirty = True
        super().__delitem__(key)

    def _touched(self, name: str) -> Any:
        method = getattr(dict, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.watch.dirty = True
            return method(self, *args, **kwargs)

        return call

    pop = property(lambda self: self._touched("pop"))  # type: ignore[assignment]
    popitem = property(lambda self: self._touched("popitem"))  # type: ignore[assignment]
    clear = property(lambda self: self._touched("clear"))  # type: ignore[assignment]
    update = property(lambda self: self._touched("update"))  # type: ignore[assignment]
    setdefault = property(lambda self: self._touched("setdefault"))  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


_NUMBERS: list[tuple[str, ...]] = [()]
"""``"0"``, ``"1"``, …: the keys of an unlabeled Sequential, made once (an edit renumbers without ``str(i)``).
Replaced whole when it grows, never changed in place, so a design opened on a worker thread may read it."""


def numbers(count: int) -> tuple[str, ...]:
    """The keys ``"0"`` … ``str(count - 1)``."""
    made = _NUMBERS[0]
    if len(made) < count:
        made = tuple(str(i) for i in range(max(count, 2 * len(made))))
        _NUMBERS[0] = made
    return made[:count]


def sync(group: Group) -> None:
    """Make the group's ``nn.Sequential`` hold its children's modules, in order, keyed like torch."""
    children = group.children
    modules = [child.module for child in children]
    if any(child.label for child in children):
        keys = [child.label or str(i) for i, child in enumerate(children)]
        _write(group, WatchedModules(zip(keys, modules, strict=True), group.watch), numbered=False)
    else:
        renumber(group, modules)


def renumber(group: Group, modules: list[nn.Module]) -> None:
    """Make the unlabeled group's Sequential hold ``modules`` (its children's, in order) under "0", "1", ….

    The caller knows that no child has a label (``group.numbered`` and an unlabeled node came or went), so
    an insert or delete in the middle costs a copy of the list in C, not Python work per block.
    """
    _write(group, WatchedModules(zip(numbers(len(modules)), modules, strict=True), group.watch), numbered=True)


def _write(group: Group, mirror: WatchedModules, numbered: bool) -> None:
    group.mirror = mirror
    group.numbered = numbered
    set_slots(group.sequential, mirror)


def _numbered_mirror(group: Group, size: int) -> dict[str, Any] | None:
    """The group's mirror when it is exactly as last written, keyed "0" … (no labels), with ``size`` entries."""
    mirror = slots(group.sequential)
    if mirror is group.mirror and group.numbered and len(mirror) == size:
        return mirror
    return None


def sync_after_insert(group: Group, index: int) -> None:
    """The child at ``index`` is new: its module joins the group's Sequential (only the keys after it move)."""
    children = group.children
    node = children[index]
    mirror = _numbered_mirror(group, len(children) - 1) if node.label is None else None
    if mirror is None:
        sync(group)
    elif index == len(children) - 1:
        dict.__setitem__(mirror, str(index), node.module)  # appending: no renumbering needed
    else:  # in the middle: the modules after it move up one key, as torch's insert does
        modules = list(mirror.values())
        modules.insert(index, node.module)
        renumber(group, modules)


def sync_after_remove(group: Group, index: int, old_key: str) -> None:
    """The child that was at ``index`` (under ``old_key``) left: its slot goes (only the keys after it move)."""
    mirror = _numbered_mirror(group, len(group.children) + 1) if old_key == str(index) else None
    if mirror is None:
        sync(group)
    elif index == len(group.children):
        dict.__delitem__(mirror, old_key)  # removing the last one: no renumbering needed
    else:
        modules = list(mirror.values())
        del modules[index]
        renumber(group, modules)


def sync_after_swap(block: Block, old: nn.Module, module: nn.Module) -> None:
    """``block`` holds ``module`` instead of ``old`` now: one slot of its Sequential changes, no other."""
    group = block.parent
    assert group is not None
    mirror = slots(group.sequential)
    key = block.label or str(group.children.index(block))
    if mirror is group.mirror and mirror.get(key) is old:
        dict.__setitem__(mirror, key, module)
    else:
        sync(group)


def walk(group: Group) -> Iterator[Node]:
    """Every node below ``group`` in document (data-flow) order, groups before their children."""
    stack: list[Iterator[Node]] = [iter(group.children)]
    while stack:
        for node in stack[-1]:
            yield node
            if isinstance(node, Group):
                stack.append(iter(node.children))
                break
        else:
            stack.pop()


def blocks(group: Group) -> Iterator[Block]:
    """Every block below ``group``, in data-flow order."""
    for node in walk(group):
        if isinstance(node, Block):
            yield node


def distinct_layers(group: Group) -> list[Layer]:
    """Every layer below ``group`` once, in the order of first use (a shared layer where it first appears)."""
    seen: dict[int, Layer] = {}
    for block in blocks(group):
        seen.setdefault(id(block.layer), block.layer)
    return list(seen.values())


def path_key(path: str) -> tuple[int, ...]:
    """A sort key that orders paths as the design does ("2" before "10", "1" before "1.0")."""
    return tuple(int(p) for p in path.split(".")) if path else ()


def paths(group: Group) -> dict[Node, str]:
    """The path of every node below ``group``, in one pass."""
    out: dict[Node, str] = {}

    def visit(g: Group, prefix: str) -> None:
        for i, child in enumerate(g.children):
            path = f"{prefix}{i}"
            out[child] = path
            if isinstance(child, Group):
                visit(child, path + ".")

    visit(group, "")
    return out


def depth(node: Node) -> int:
    """How many groups hold ``node``: the number of indices in its path (the root: 0)."""
    return sum(1 for _ in node.ancestors())


def deepest_group(node: Node) -> tuple[Group | None, int]:
    """The most deeply nested group of ``node``'s subtree (``node`` itself first) and how far below ``node`` it is.

    ``(None, 0)`` when the subtree holds no group (a block).
    """
    found: Group | None = None
    most = -1
    stack: list[tuple[Node, int]] = [(node, 0)]
    while stack:
        current, below = stack.pop()
        if isinstance(current, Group):
            if below > most:
                found, most = current, below
            stack.extend((child, below + 1) for child in reversed(current.children))
    return found, max(most, 0)


def too_deep_message(depth: int, path: str | None = None) -> str:
    """Why a design cannot nest a group ``depth`` deep (at ``path``, when it is known), and what to do."""
    if path and len(path) > 40:  # "0.0.0.…" 65 levels deep says less than its start and end
        path = f"{path[:15]}…{path[-15:]}"
    where = say("the group at {path}", path=path) if path else say("a group")
    return say("Sequentials can be nested at most {limit} deep in a design (as deep as a project file holds), "
               "and this would put {where} {depth} deep. Ungroup some of the groups around it, or build the inner "
               "part flatter.", limit=MAX_DEPTH, where=where, depth=depth)


def is_last_leaf(node: Node) -> bool:
    """Whether nothing follows ``node`` in data-flow order."""
    current: Node = node
    while current.parent is not None:
        if current.parent.children[-1] is not current:
            return False
        current = current.parent
    return True


def previous_block(node: Node) -> Block | None:
    """The block that comes just before ``node`` in data-flow order."""
    current: Node = node
    while current.parent is not None:
        siblings = current.parent.children
        i = siblings.index(current)
        for sibling in reversed(siblings[:i]):
            if isinstance(sibling, Block):
                return sibling
            inner = list(blocks(sibling))  # type: ignore[arg-type]
            if inner:
                return inner[-1]
        current = current.parent
    return None
