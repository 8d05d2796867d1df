"""Picking up edits made to ``project.model`` directly (``project.model.append(...)``).

The Project normally changes its Sequential itself. A learner may still edit
the live model the way they would a plain ``nn.Sequential``; before the next
operation the Project notices and adopts the change: modules it already knew
keep their blocks (labels, auto values), new ones are adopted, removed ones
are let go. Views rebuild (``events.reset``) and undo history from before the
change no longer applies.
"""

from __future__ import annotations

from editor.model.design.adopt import Adopter, label_from_key
from editor.model.design.core import DesignCore
from editor.model.design.torch_dicts import slots
from editor.model.design.tree import STALE, Group, Node, depth, sync, walk
from editor.model.errors import LayerLabError, StructureError
from editor.model.words import message_of, say


def _matches(group: Group) -> bool:
    modules = slots(group.sequential)
    if len(modules) != len(group.children):
        return False
    for index, ((key, module), child) in enumerate(zip(modules.items(), group.children, strict=True)):
        if module is not child.module or key != (child.label or str(index)):
            return False
    return True


class ResyncingDesign(DesignCore):
    """A design that notices and adopts edits made to its live Sequentials directly."""

    def _edited_groups(self) -> list[Group]:
        """Groups whose Sequential no longer holds exactly their blocks, outermost first."""
        return [g for g in [self._root, *walk(self._root)] if isinstance(g, Group) and not _matches(g)]

    def direct_edits_pending(self) -> bool:
        """A cheap check: was any Sequential of the design changed behind the Project's back?"""
        if self._watch.dirty:
            return True
        return any(slots(group.sequential) is not group.mirror
                   for group in self._groups.values())

    def _adopt_direct_edits(self) -> bool:
        """Make the design follow its Sequentials again; True when anything had changed.

        A module LayerLab cannot hold is refused: the Sequential is put back as the
        design says and the error names the module.
        """
        if not self.direct_edits_pending():
            return False
        self._watch.dirty = False
        groups = self._edited_groups()
        if not groups:
            return False
        for group in groups:
            if not self._attached(group) or _matches(group):
                continue
            old = list(group.children)
            known = {id(child.module): child for child in old}
            adopter = Adopter(self)
            fresh: list[Node] = []
            inside = depth(group) + 1
            try:
                for index, (key, module) in enumerate(list(slots(group.sequential).items())):
                    node = known.pop(id(module), None)
                    if node is None:
                        place = ".".join(filter(None, (group.path(), str(index))))
                        node = adopter.node(module, label_from_key(key), depth=inside, place=place)
                    else:
                        node.label = label_from_key(key)
                    fresh.append(node)
            except LayerLabError as exc:
                sync(group)  # put the Sequential back the way the design has it
                raise StructureError(say("project.model was changed directly, with something LayerLab cannot "
                                         "hold, so that change was undone: {reason}", reason=message_of(exc))) from None
            for child in old:
                if child not in fresh:
                    self._unregister(child)
                    child.parent = None
            group.children = fresh
            for child in fresh:
                if child not in old:
                    child.parent = group
                    self._register(child)
                child.in_spec = STALE
            sync(group)
            self._dirty.extend(fresh or [group])
            group.in_spec = STALE
            self._dirty.append(group)
        self._root.in_spec = STALE
        self._settle()
        self.seeds.forget()
        self.events.reset.emit()
        return True
