"""Custom layers and blocks in a project: defining, redefining, removing, and making a group reusable.

A project keeps its definitions (:class:`~editor.model.custom.definitions.LayerDefinition`
and :class:`~editor.model.custom.definitions.BlockDefinition`) by name. Each
name then works wherever a catalog kind does: ``append_layer("CenteredLayer")``,
``insert_layer(0, "MyLinear", in_units=20, units=10)``, ``kind(path)``,
``hyperparameters(path)``, ``set_hyperparameters(path, ...)``. An instance is a
block whose module is an instance of a class generated for the definition
(:mod:`editor.model.catalog.custom_kinds`), so ``print(net)`` shows
``MyLinear()`` or ``Net(...)`` with its children, as the hand-written class
would.

Every change here is one undoable operation: redefining updates every
instance (values kept where names and shapes still fit), and undo brings back
the previous definition, modules and values exactly. Modules of a custom kind
that enter the design from elsewhere (another project, code import, a direct
edit of ``project.model``) bring their definitions with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.catalog import LayerKind, has_kind, kinds, suggested_kind
from editor.model.catalog import kind as catalog_kind
from editor.model.catalog.build import build_module, read_params
from editor.model.catalog.custom_kinds import CustomKind, check_name, custom_kinds_in, make_kind
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.unallocated import is_unallocated
from editor.model.custom.definitions import (
    MAX_DEFINITIONS,
    BlockDefinition,
    Definition,
    DefinitionError,
    LayerDefinition,
    dependency_order,
)
from editor.model.custom.modules import copy_fitting_values, plain_tensors, set_plain_tensor
from editor.model.design.tree import Block, Group, Layer, Node, walk
from editor.model.errors import StructureError, UnsupportedLayerError, ValidationError
from editor.model.project.block_making import plan_block
from editor.model.project.freezing import apply_frozen, frozen_names
from editor.model.project.reading import block_prefix
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore
    from editor.model.project.reading import PathLike

    _Base = DesignCore
else:
    _Base = object


class CustomLayersMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: the project's custom definitions."""

    _custom_kinds: Mapping[str, CustomKind] = MappingProxyType({})
    _fresh_plain: tuple[tuple[Layer, dict[str, torch.Tensor]], ...] = ()  # plain tensors the seed gives, last drawn

    # ------------------------------------------------------------ reading
    @property
    def definitions(self) -> Mapping[str, Definition]:
        """The project's definitions by name (read-only), in the order they were defined."""
        return MappingProxyType({name: k.definition for name, k in self._custom_kinds.items()})  # type: ignore[misc]

    def custom_kind(self, name: str) -> CustomKind | None:
        """The layer kind of the definition ``name`` (None when the project has no such definition)."""
        return self._custom_kinds.get(name)

    def users_of(self, name: str) -> tuple[list[str], list[str]]:
        """Who uses the definition ``name``: (paths of its blocks, names of definitions with it as a child)."""
        paths = self._paths([b for layer in self._layers.values() if _named(layer.kind, name) for b in layer.blocks])
        parents = [n for n, k in self._custom_kinds.items() if n != name and k.definition is not None
                   and name in k.definition.uses()]
        return list(paths), parents

    def _kind_named(self, name: str) -> LayerKind:
        """The catalog kind or custom kind called ``name``; :class:`UnsupportedLayerError` naming both lists."""
        custom = self._custom_kinds.get(name) if isinstance(name, str) else None
        if custom is not None:
            return custom
        try:
            return catalog_kind(name)
        except (KeyError, TypeError):
            known = ", ".join(k.name for k in kinds())
            best = suggested_kind(name, self._custom_kinds)
            if best is not None and self._custom_kinds:
                raise UnsupportedLayerError(say("There is no layer kind {name!r} in the catalog. Did you mean {best}? "
                                                "Known kinds: {known}. Your definitions: {mine}.", name=name,
                                                best=best, known=known, mine=", ".join(self._custom_kinds))) from None
            if best is not None:
                raise UnsupportedLayerError(say("There is no layer kind {name!r} in the catalog. Did you mean {best}? "
                                                "Known kinds: {known}.", name=name, best=best, known=known)) from None
            if self._custom_kinds:
                raise UnsupportedLayerError(say("There is no layer kind {name!r} in the catalog. Known kinds: "
                                                "{known}. Your definitions: {mine}.",
                                                name=name, known=known, mine=", ".join(self._custom_kinds))) from None
            raise UnsupportedLayerError(say("There is no layer kind {name!r} in the catalog. Known kinds: {known}.",
                                            name=name, known=known)) from None

    # ------------------------------------------------------------ editing
    def define_layer(self, definition: LayerDefinition) -> None:
        """Add a custom layer, or replace the one with its name (updating every instance), as one undoable step.

        A name that clashes with a catalog kind, is a Python keyword or is not
        an identifier is refused with a :class:`ValidationError`; so is a
        redefinition that would break an instance (nothing changes then).
        Instances keep their hyperparameter values (new ones take the default)
        and the values of tensors whose name and shape still fit.
        """
        if not isinstance(definition, LayerDefinition):
            raise DefinitionError(say("define_layer takes a LayerDefinition, not {type} (use define_block for a "
                                      "BlockDefinition).", type=type(definition).__name__))
        self._define(definition)

    def define_block(self, definition: BlockDefinition) -> None:
        """Add a composite block, or replace the one with its name (updating every instance); one undoable step.

        Every child's kind must be a catalog kind or a definition of this
        project; blocks may not contain each other.
        """
        if not isinstance(definition, BlockDefinition):
            raise DefinitionError(say("define_block takes a BlockDefinition, not {type} (use define_layer for a "
                                      "LayerDefinition).", type=type(definition).__name__))
        self._define(definition)

    def _define(self, definition: Definition) -> None:
        name = check_name(definition.name)
        old = self._custom_kinds.get(name)
        if old is not None and type(old.definition) is not type(definition):
            what = "layer" if isinstance(old.definition, LayerDefinition) else "block"
            raise DefinitionError(say("{name} is already a custom {what} of this project; give the new definition "
                                      "another name, or remove {name} first.", name=name, what=what), field="name")
        if old is not None and old.definition == definition:
            return
        if old is None and len(self._custom_kinds) >= MAX_DEFINITIONS:
            raise DefinitionError(say("A project holds at most {max_definitions} definitions; remove some first.",
                                      max_definitions=MAX_DEFINITIONS))
        before = self._custom_kinds
        kinds_now = self._plan_kinds({**self.definitions, name: definition}, name)
        _check_defaults(kinds_now[name])
        with self._operation(say("Edit {name}", name=name) if old is not None else say("Define {name}", name=name)):
            self._set_attr("_custom_kinds", MappingProxyType(kinds_now), "definitions")
            for changed, kind in kinds_now.items():
                if changed in before and before[changed] is not kind:
                    self._rebuild_instances(kind)

    def _plan_kinds(self, definitions: Mapping[str, Definition], changed: str) -> dict[str, CustomKind]:
        """New kinds for ``changed`` and every definition that uses it (the others stay); checked first."""
        order = dependency_order(definitions, has_kind)
        affected = {changed}
        for name in order:
            if any(used in affected for used in definitions[name].uses()):
                affected.add(name)
        made = dict(self._custom_kinds)

        def resolve(kind_name: str) -> LayerKind:
            return made[kind_name] if kind_name in made else catalog_kind(kind_name)

        for name in order:
            if name in affected:
                made[name] = make_kind(definitions[name], resolve)
        return {name: made[name] for name in definitions}

    def _rebuild_instances(self, kind: CustomKind) -> None:
        """Give every block of ``kind``'s name a module of the new ``kind``, values kept where they fit."""
        for layer in [layer for layer in self._layers.values() if _named(layer.kind, kind.name)]:
            if layer.kind is kind:
                continue
            block = layer.blocks[0]
            where = block_prefix(block.path())
            values = {hp.name: layer.params.get(hp.name, hp.default) for hp in kind.params}
            values = validate_params(kind, values, where)
            self._check_memory(kind, values, where)  # type: ignore[attr-defined]
            module = build_module(kind, values, where)
            copy_fitting_values(layer.module, module)
            kept = dict(module.named_parameters())
            apply_frozen(module, [n for n in frozen_names(layer.module) if n in kept])
            module = self._prepare_module(module)
            self._rebuilding(block, f"was rebuilt because the definition of {kind.name} changed")
            self._set_attr("kind", kind, owner=layer)
            self._swap_layer(layer, module, read_params(kind, module), layer.auto & frozenset(kind.auto_names))

    def remove_definition(self, name: str) -> None:
        """Forget the definition ``name`` (one undoable step); refused in words while a block or definition uses it."""
        if name not in self._custom_kinds:
            known = ", ".join(self._custom_kinds) or say("none yet")
            raise StructureError(say("There is no definition called {name!r} (the project's definitions: {known}).",
                                     name=name, known=known))
        paths, parents = self.users_of(name)
        if paths:
            shown = ", ".join(paths[:6]) + (" …" if len(paths) > 6 else "")
            if len(paths) > 1:
                raise StructureError(say("{name} is still used by blocks {shown}; delete or replace them first.",
                                         name=name, shown=shown))
            raise StructureError(say("{name} is still used by block {shown}; delete or replace it first.",
                                     name=name, shown=shown))
        if parents:
            if len(parents) == 1:
                raise StructureError(say("{name} is still a child of {parents}; edit or remove that block first.",
                                         name=name, parents=parents[0]))
            raise StructureError(say("{name} is still a child of {parents}; edit or remove those blocks first.",
                                     name=name, parents=", ".join(parents)))
        remaining = {n: k for n, k in self._custom_kinds.items() if n != name}
        with self._operation(say("Remove {name}", name=name)):
            self._set_attr("_custom_kinds", MappingProxyType(remaining), "definitions")

    def make_block(self, group_path: PathLike, name: str, bindings: Mapping[str, list[str]]) -> str:
        """Turn the group at ``group_path`` into an instance of a new block definition ``name``; returns its path.

        ``bindings`` map each new hyperparameter to the fields inside the group
        it sets, ``{"input_nodes": ["0.in_features"], "hidden_nodes":
        ["0.out_features", "2.in_features"]}``; fields are ``"<child index>.<hyperparameter>"``
        and the hyperparameter's default is the fields' (equal) current value.
        The instance keeps the group's label, place and parameter values. One
        undoable step (defining and replacing).
        """
        group = self._locate(group_path)
        if not isinstance(group, Group) or group.parent is None:
            raise StructureError(say("{where}choose a group (a nested Sequential) to make a reusable block of.",
                                     where=block_prefix(group_path)))
        check_name(name)
        if name in self._custom_kinds:
            raise DefinitionError(say("{name} is already defined in this project; choose another name.",
                                      name=name), field="name")
        kept = [node.path() for node in walk(group) if isinstance(node, Block) and is_unallocated(node.module)]
        if kept:  # the new block would be built unallocated as a whole: the values of the others would be lost
            raise StructureError(say("Block {path} in this group is not allocated, so the group's values cannot be "
                                     "carried into a block. Materialize it first (Edit → Materialize…), then make "
                                     "the block.", path=kept[0]))
        definition = plan_block(group, name, bindings, block_prefix(group_path))
        kinds_now = self._plan_kinds({**self.definitions, name: definition}, name)
        kind = kinds_now[name]
        values = validate_params(kind, kind.defaults(), block_prefix(group_path))
        self._check_memory(kind, values, block_prefix(group_path))  # type: ignore[attr-defined]
        parent = group.parent
        index = parent.children.index(group)
        with self._operation(say("Make block {name}", name=name)):
            self._set_attr("_custom_kinds", MappingProxyType(kinds_now), "definitions")
            module = build_module(kind, values)
            _take_values(group, module, definition)
            layer = Layer(self._prepare_module(module), kind, read_params(kind, module))
            block = Block(layer, group.label)
            self._detach(parent, index)
            self._attach(parent, index, block)
            if self.seeds.status is True:
                self._set_seed_status(None)  # the same values; whether the seed still gives them is checked anew
        return block.path()

    # ------------------------------------------- plain tensors and the seed
    # Plain tensor attributes are drawn from the seed like parameters, but state_dict() does not hold them, so
    # the weights' own machinery (reset, redraw after an edit, the check against the seed) is extended here.
    def _fresh_modules(self) -> tuple[list[Layer], list[nn.Module], torch.Tensor]:
        order, modules, state = super()._fresh_modules()  # type: ignore[misc]
        self._fresh_plain = tuple((layer, found) for layer, module in zip(order, modules, strict=True)
                                  if _is_custom(module) and not is_unallocated(module)  # a meta one has no values
                                  and (found := plain_tensors(module)))
        return order, modules, state

    def _verify_seed(self) -> tuple[bool, torch.Tensor | None]:
        try:
            return super()._verify_seed()  # type: ignore[misc]
        finally:
            self._fresh_plain = ()  # compared layer by layer (_same_as_fresh): not kept

    def _same_as_fresh(self, layer: Layer, fresh: nn.Module) -> bool:
        same = super()._same_as_fresh(layer, fresh)  # type: ignore[misc]
        if not same or not _is_custom(fresh) or is_unallocated(fresh):
            return same
        mine = plain_tensors(layer.module)
        return all(key in mine and torch.equal(mine[key].detach().cpu(), value)
                   for key, value in plain_tensors(fresh).items())

    def reset_parameters(self) -> None:
        """Every parameter, buffer and plain tensor from :attr:`seed`, in construction order (see WeightsMixin)."""
        with self._operation(say("Reset parameters")):
            self._fresh_plain = ()
            super().reset_parameters()  # type: ignore[misc]
            self._take_fresh_plain()

    def _after_settle(self) -> None:
        self._fresh_plain = ()
        super()._after_settle()  # type: ignore[misc]
        self._take_fresh_plain()

    def _take_fresh_plain(self) -> None:
        """Give the custom layers the plain tensors the seed just gave their fresh copies (journaled)."""
        pending, self._fresh_plain = self._fresh_plain, ()
        if self._tx is None or self._replaying:
            return
        for layer, fresh in pending:
            mine = plain_tensors(layer.module)
            for key, value in fresh.items():
                if key in mine and not torch.equal(mine[key].detach().cpu(), value):
                    self._set_plain(layer, key, value.to(mine[key].device))

    def _set_plain(self, layer: Layer, key: str, value: torch.Tensor) -> None:
        old = plain_tensors(layer.module)[key]
        set_plain_tensor(layer.module, key, value)
        if self._touched is not None:
            self._touched.add(layer)
        self._record(lambda: self._set_plain(layer, key, old), lambda: self._set_plain(layer, key, value))

    # ------------------------------------------------ modules from elsewhere
    def _prepare_module(self, module: nn.Module) -> nn.Module:
        """A module entering the design: its custom kinds must agree with this project's definitions."""
        for kind in _custom_kinds_in(module):
            mine = self._custom_kinds.get(kind.name)
            if mine is not None and mine is not kind and mine.definition != kind.definition:
                raise StructureError(say("This {kind} was made from another definition of {kind} than the one in this "
                                         "project, so it cannot join this design. Rename one of the two definitions.",
                                         kind=kind.name))
        return super()._prepare_module(module)  # type: ignore[misc]

    def _register(self, node: Node) -> None:
        """Also take over the definitions of custom blocks that join the design (journaled, so undo forgets them)."""
        super()._register(node)  # type: ignore[misc]
        blocks = [n for n in ([node, *walk(node)] if isinstance(node, Group) else [node]) if isinstance(n, Block)]
        new: dict[str, CustomKind] = {}
        for block in blocks:
            for kind in _custom_kinds_in(block.layer.module):
                if kind.name not in self._custom_kinds and kind.name not in new:
                    new[kind.name] = kind
        if new:
            merged = MappingProxyType({**self._custom_kinds, **new})
            if self._tx is not None:
                self._set_attr("_custom_kinds", merged, "definitions")
            else:
                self._custom_kinds = merged

    def restore_definitions(self, definitions: list[Definition]) -> None:
        """Set the project's definitions, in dependency order, without an undo step (opening a file).

        Kinds already taken over from the design's modules are kept, so
        blocks and definitions agree; the others are made here.
        """
        by_name: dict[str, Definition] = {}
        for definition in definitions:
            check_name(definition.name)
            if definition.name in by_name:
                raise DefinitionError(say("{name} is defined twice.", name=definition.name), field="name")
            by_name[definition.name] = definition
        if len(by_name) > MAX_DEFINITIONS:
            raise DefinitionError(say("{count} definitions is more than a project holds ({max_definitions}).",
                                      count=len(by_name), max_definitions=MAX_DEFINITIONS))
        made: dict[str, CustomKind] = {}

        def resolve(kind_name: str) -> LayerKind:
            return made[kind_name] if kind_name in made else catalog_kind(kind_name)

        for name in dependency_order(by_name, has_kind):
            existing = self._custom_kinds.get(name)
            if existing is not None and existing.definition != by_name[name]:
                raise DefinitionError(say("the blocks of kind {name} do not match its stored definition.", name=name))
            made[name] = existing if existing is not None else make_kind(by_name[name], resolve)
        self._custom_kinds = MappingProxyType({name: made[name] for name in by_name})


def _check_defaults(kind: CustomKind) -> None:
    """A new instance starts with the defaults: they must make a valid layer (children's arguments included)."""
    where = f"{kind.name} with its default values: "
    try:
        kind.count_elements(validate_params(kind, kind.defaults(), where))
    except ValidationError as exc:
        text = str(exc)
        raise DefinitionError(text if text.startswith(where) else where + text, field=exc.field) from None


def _is_custom(module: nn.Module) -> bool:
    return getattr(type(module), "layerlab_kind", None) is not None


def _named(kind: LayerKind, name: str) -> bool:
    return isinstance(kind, CustomKind) and kind.name == name


def _custom_kinds_in(module: nn.Module) -> list[CustomKind]:
    """The custom kinds of ``module`` and of everything it is made of, the ones it needs first."""
    own = getattr(type(module), "layerlab_kind", None)
    return custom_kinds_in([own]) if own is not None else []


def _take_values(group: Group, module: nn.Module, definition: BlockDefinition) -> None:
    """Copy the group's tensors (and frozen flags) into the new block's children, child by child."""
    for child, spec in zip(group.children, definition.children, strict=True):
        assert isinstance(child, Block)
        target = getattr(module, spec.name)
        copy_fitting_values(child.layer.module, target)
        kept = dict(target.named_parameters())
        apply_frozen(target, [n for n in frozen_names(child.layer.module) if n in kept])
