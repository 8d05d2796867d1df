"""Working out shapes through the design, incrementally.

Every node caches the spec that flows into it (``in_spec``) and out of it
(``out_spec``). An edit marks the nodes it touched as stale; settling then
walks forward from each of them in data-flow order and stops as soon as a node
receives exactly the spec it had before, because nothing after it can change.
Inserting a ReLU in the middle of a 1,000-block design therefore looks at one
or two blocks, not a thousand.

Auto hyperparameters are resolved on the way: when the spec reaching a block
asks for another ``in_features``, that block alone is rebuilt. The design is
told before each rebuild (``_rebuilding``) and once shapes have settled
(``_after_settle``), so that it can keep the weights' relation to the seed
true (the Project draws rebuilt layers from the seed's stream again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor.model.catalog.build import build_module, check_memory, read_params
from editor.model.catalog.hyperparameters import example_input, resolve_auto, validate_params
from editor.model.catalog.shape_rules import Spec, output_spec
from editor.model.design.tree import STALE, Block, Group, Node, blocks
from editor.model.errors import Fix, LayerLabError, ShapeError
from editor.model.words import join, say

if TYPE_CHECKING:
    from editor.model.design.tree import Layer

SHOWN_PLACES = 3
"""Other places of a shared module that a shape error names (then "and N more")."""

TRANSPARENT = frozenset({"elementwise", "identity", "flatten", "channel_dropout", "softmax"})
"""Shape rules that leave a 2-d (N, F) input as it is, so an input shape can be read off the layer after them."""


def inferred_input(first_blocks: list[Block]) -> Spec | None:
    """A natural input for a design that starts with these blocks, e.g. ``(1, 20)`` for ``Linear(20, …)``."""
    for block in first_blocks:
        kind = block.layer.kind
        shape = example_input(kind, block.layer.params)
        if shape is not None:
            return Spec(shape, kind.input_dtype)
        if kind.shape not in TRANSPARENT:
            return None
    return None


class ShapeEngine:
    """Mixin for :class:`~editor.model.design.core.DesignCore`: stale tracking and shape propagation."""

    _root: Group
    _input_shape: tuple[int, ...] | None
    _replaying: bool

    def __init__(self) -> None:
        self._dirty: list[Node] = []
        self._shape_changed: set[Node] = set()
        self._input_shape = None
        self._places_changed: set[Layer] = set()  # layers with auto values whose first place may have changed
        self._shared_forms: dict[Block, tuple[ShapeError, ShapeError]] = {}  # block: (its error, as shown)
        self._positions: dict[int, dict[int, int]] = {}  # group id: child id -> index, while shapes settle
        self._shared_layers: dict[int, Layer] = {}  # id(layer): a layer used by more than one block (kept by the core)

    # The core provides these.
    def _attached(self, node: Node) -> bool:  # pragma: no cover - provided by DesignCore
        raise NotImplementedError

    def _paths(self, nodes: list[Node]) -> tuple[str, ...]:  # pragma: no cover - provided by DesignCore
        raise NotImplementedError

    def _swap_layer(self, layer: Layer, module: Any, params: dict[str, Any],
                    auto: frozenset[str]) -> None:  # pragma: no cover - provided by DesignCore
        raise NotImplementedError

    def _prepare_module(self, module: Any) -> Any:  # pragma: no cover - provided by the Project
        return module

    def _on_rebuilt(self) -> None:  # pragma: no cover - provided by the Project
        pass

    def _rebuilding(self, block: Block, cause: str) -> None:
        """``block``'s layer is about to get a new module (``cause`` says why, in words).

        The Project keeps the seed status honest here (see
        :class:`~editor.model.project.weights.WeightsMixin`); a bare design
        only says that something was rebuilt.
        """
        self._on_rebuilt()

    def _after_settle(self) -> None:
        """Shapes have settled: the Project finishes what rebuilds left to do (drawing weights from the seed)."""

    # ------------------------------------------------------------------ input
    def _effective_input(self) -> Spec | None:
        first = []
        for block in blocks(self._root):
            first.append(block)
            if len(first) == 4:
                break
        if self._input_shape is not None:
            dtype = first[0].layer.kind.input_dtype if first else "float"
            return Spec(self._input_shape, dtype)
        return inferred_input(first)

    # ---------------------------------------------------------------- settle
    def _settle(self) -> None:
        """Work out shapes again wherever an edit left them stale."""
        self._positions = {}
        try:
            self._settle_loop()
        finally:
            self._positions = {}

    def _mark_first_places(self) -> None:
        """A module that follows its input follows it at its first place: when that place changed, look again.

        Deleting, replacing or moving a shared module's first place (or making it
        independent) leaves another place first, whose input may ask for other
        "auto" values than the ones worked out at the old first place.
        """
        changed, self._places_changed = self._places_changed, set()
        for layer in changed:
            if layer.auto and layer.blocks and self._attached(layer.blocks[0]):
                first = self._first_place(layer)
                if first.in_spec is not STALE:
                    first.in_spec = STALE
                    self._dirty.append(first)

    def _settle_loop(self) -> None:
        self._mark_first_places()
        for _ in range(10_000):
            spec = self._effective_input()
            root = self._root
            if spec != root.in_spec:
                root.in_spec = spec
                if root.children:
                    root.children[0].in_spec = STALE
                    self._dirty.append(root.children[0])
            if not self._dirty:
                self._review_shared_errors()
                self._after_settle()
                return
            pending = [n for n in dict.fromkeys(self._dirty) if n.in_spec is STALE and self._attached(n)]
            self._dirty = []
            if len(pending) > 1:  # one edit leaves one node: ordering it would number a whole group
                pending.sort(key=self._order_key)
            for node in pending:
                if node.in_spec is STALE:
                    self._propagate(node)
        raise RuntimeError(say("shapes did not settle"))  # pragma: no cover - would be a bug

    def _review_shared_errors(self) -> None:
        """A shared module must fit every place it is used: never offer a fix that breaks another place.

        Setting ``in_features`` on a shared Linear to suit one place breaks the
        other when they receive different sizes; the message says so instead,
        naming the other places as they are now. The block's own error (with
        its fix) is kept aside and comes back as soon as the module is no
        longer shared that way (made independent, a share undone, inputs that
        agree again). Done after every settle, so the paths never go stale.
        """
        layers = dict(self._shared_layers)
        for block in list(self._shared_forms):
            if block.error is not self._shared_forms[block][1] or not self._attached(block):
                del self._shared_forms[block]  # worked out again since, or no longer in the design
            else:
                layers.setdefault(id(block.layer), block.layer)
        for layer in layers.values():
            self._review_layer(layer)

    def _review_layer(self, layer: Layer) -> None:
        places = layer.blocks
        inputs = {b.in_spec for b in places if b.in_spec is not STALE}
        ordered: list[Block] | None = None
        for block in places:
            kept = self._shared_forms.get(block)
            own = kept[0] if kept is not None else block.error
            if own is None:
                continue
            wanted = None
            if len(places) > 1 and len(inputs) > 1 and own.fix is not None and _follows_input(layer, own.fix):
                if ordered is None:
                    ordered = sorted(places, key=self._order_key)
                others = [b for b in ordered[:SHOWN_PLACES + 1] if b is not block][:SHOWN_PLACES]
                wanted = self._shared_error(own, others, len(places) - 1)
            if wanted is None:
                if kept is not None:
                    del self._shared_forms[block]
                    block.error = own
                    self._shape_changed.add(block)
                continue
            if kept is not None and str(kept[1]) == str(wanted):
                continue
            self._shared_forms[block] = (own, wanted)
            block.error = wanted
            self._shape_changed.add(block)

    def _shared_error(self, own: ShapeError, shown_places: list[Block], others: int) -> ShapeError:
        """``own`` error, saying that the module is shared with ``others`` places (the first ones named)."""
        shown = [self._path_now(b) for b in shown_places]
        more = others - len(shown)
        names = say("{names} and {more} more", names=", ".join(shown), more=more) if more else ", ".join(shown)
        if others == 1:
            why = say("This module is shared with block {names}, which receives a different shape, and one module "
                      "cannot take both: change the layer that feeds one of them instead.", names=names)
        else:
            why = say("This module is shared with blocks {names}, which do not all receive the same shape, and one "
                      "module cannot take them all: change the layers that feed them instead.", names=names)
        return ShapeError(join([own.sentence, why]), in_shape=own.in_shape, expected=own.expected, fix=None,
                          field=own.field)

    def _order_key(self, node: Node) -> tuple[int, ...]:
        """``node.indices()``, with each group's child positions worked out once while shapes settle."""
        out: list[int] = []
        while node.parent is not None:
            parent = node.parent
            table = self._positions.get(id(parent))
            if table is None:
                table = {id(child): i for i, child in enumerate(parent.children)}
                self._positions[id(parent)] = table
            out.append(table[id(node)])
            node = parent
        out.reverse()
        return tuple(out)

    def _path_now(self, node: Node) -> str:
        return ".".join(map(str, self._order_key(node)))

    def _incoming(self, parent: Group, index: int) -> Spec | None:
        if index > 0:
            return parent.children[index - 1].out_spec
        return parent.in_spec if parent.in_spec is not STALE else None

    def _propagate(self, node: Node) -> None:
        parent = node.parent
        if parent is None:  # the root itself
            self._set_out(self._root, self._flow(self._root, 0, self._root.in_spec))
            return
        index = parent.children.index(node)
        out = self._flow(parent, index, self._incoming(parent, index))
        while parent is not self._root:
            if parent.out_spec == out:
                return
            self._set_out(parent, out)
            node = parent
            parent = node.parent
            assert parent is not None
            out = self._flow(parent, parent.children.index(node) + 1, out)
        self._set_out(self._root, out)

    def _set_out(self, node: Node, out: Spec | None) -> None:
        if node.out_spec != out:
            node.out_spec = out
            self._shape_changed.add(node)

    def _flow(self, group: Group, start: int, spec: Spec | None) -> Spec | None:
        children = group.children
        for i in range(start, len(children)):
            child = children[i]
            if child.in_spec is not STALE and child.in_spec == spec:
                return children[-1].out_spec
            child.in_spec = spec
            if isinstance(child, Group):
                out = self._flow(child, 0, spec) if child.children else spec
            else:
                out = self._compute(child, spec)  # type: ignore[arg-type]
            self._set_out(child, out)
            spec = out
        return spec

    def _compute(self, block: Block, spec: Spec | None) -> Spec | None:
        if spec is None:
            self._set_error(block, None)
            return None
        layer = block.layer
        if layer.auto and (len(layer.blocks) == 1 or self._first_place(layer) is block):
            self._resolve_auto(block, spec)
        try:
            out = output_spec(layer.kind, layer.params, spec)
            error = None
        except ShapeError as exc:
            out, error = None, exc
        self._set_error(block, error)
        return out

    def _first_place(self, layer: Layer) -> Block:
        if len(layer.blocks) == 1:
            return layer.blocks[0]
        return min(layer.blocks, key=self._order_key)

    def _resolve_auto(self, block: Block, spec: Spec) -> None:
        if self._replaying:
            return  # undo and redo bring back the recorded modules; building one here would escape the journal
        layer = block.layer
        wanted = {}
        for name in layer.auto:
            value = resolve_auto(layer.kind, name, spec.shape)
            if value is not None and value != layer.params[name]:
                wanted[name] = value
        if not wanted:
            return
        try:
            params = validate_params(layer.kind, {**layer.params, **wanted})
            check_memory(layer.kind, params)
            module = self._prepare_module(build_module(layer.kind, params))
        except LayerLabError:
            return  # the shape rule will explain the mismatch
        self._rebuilding(block, "was rebuilt to follow its new input")
        self._swap_layer(layer, module, read_params(layer.kind, module), layer.auto)
        block.in_spec = spec  # being worked out right now; other places stay stale

    def _set_error(self, block: Block, error: ShapeError | None) -> None:
        old = block.error
        if (old is None) != (error is None) or (old is not None and error is not None and str(old) != str(error)):
            self._shape_changed.add(block)
        block.error = error

    def _emit_shapes(self) -> None:
        changed, self._shape_changed = self._shape_changed, set()
        changed.discard(self._root)
        if changed:
            self.events.shapes_changed.emit(self._paths(list(changed)))  # type: ignore[attr-defined]


def _follows_input(layer: Layer, fix: Fix) -> bool:
    """Whether ``fix`` sets a hyperparameter of ``layer`` that can follow the input (``in_features``, …)."""
    kind = layer.kind
    return any(step.op == "set_params" and any(kind.param(n).auto is not None for n in step.params
                                               if n in kind.param_names)
               for step in fix.steps)


def infer(root: Group, spec: Spec | None, path_of: dict[Node, str]) -> dict[str, tuple[int, ...]]:
    """Output shapes for ``spec`` without touching the design; raises the first :class:`ShapeError`.

    Auto hyperparameters are taken as they would resolve for this input.
    """
    result: dict[str, tuple[int, ...]] = {}
    resolved: dict[int, dict[str, Any]] = {}

    def run(group: Group, current: Spec) -> Spec:
        for child in group.children:
            if isinstance(child, Group):
                current = run(child, current)
            else:
                current = _block_out(child, current, resolved, path_of[child])  # type: ignore[arg-type]
            result[path_of[child]] = current.shape
        return current

    if spec is None:
        raise ShapeError(say("The design has no input shape yet: set one, e.g. project.input_shape = (1, 20)."),
                         expected="an input shape")
    run(root, spec)
    return {path_of[node]: result[path_of[node]] for node in path_of}  # data-flow order, groups first


def _block_out(block: Block, spec: Spec, resolved: dict[int, dict[str, Any]], path: str) -> Spec:
    layer = block.layer
    params = resolved.get(id(layer))
    if params is None:
        params = dict(layer.params)
        for name in layer.auto:
            value = resolve_auto(layer.kind, name, spec.shape)
            if value is not None:
                params[name] = value
        resolved[id(layer)] = params
    try:
        return output_spec(layer.kind, params, spec)
    except ShapeError as exc:
        raise exc.at(path) from None
