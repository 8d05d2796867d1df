"""Which kept init rules a new rule overwrites, said in the Initialize dialog's words.

Every ``nn.init`` function fills each tensor it is given from scratch, so a
kept rule whose tensors the new rule fills again, all of them, no longer does
anything: the dialog offers to replace it (remove it in the same undo step).
A rule that the new one overwrites only in part stays, and the dialog says so.
Tensors are compared by identity on the live modules, as ``model.apply`` would
reach them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from editor.model.init.rules import InitRule, targets
from editor.model.project.project import Project
from editor.ui.i18n import translate

MOST_NAMES = 3


@dataclass(frozen=True)
class Overwrite:
    """A kept rule (``index`` into ``project.init_rules``) whose tensors the new rule fills again."""

    index: int
    rule: InitRule
    names: tuple[str, ...]
    """Every tensor the kept rule fills (``0.weight``), in its order."""
    again: tuple[str, ...]
    """Those the new rule fills again."""
    same: bool = False
    """The kept rule is the new one (the dialog still shows the rule it has just applied)."""

    @property
    def whole(self) -> bool:
        """Every tensor of the kept rule is filled again: the kept rule no longer does anything."""
        return len(self.again) == len(self.names)

    @property
    def number(self) -> int:
        """The rule's number as the dialog lists it (from 1)."""
        return self.index + 1

    def short(self) -> str:
        """``rule 2 (xavier_uniform_ on 0.weight)``."""
        return translate("InitOverwrites", "rule {number} ({function} on {names})").format(
            number=self.number, function=self.rule.function, names=listed(self.names))


def listed(names: tuple[str, ...] | list[str]) -> str:
    """``0.weight``, ``0.weight and 2.weight``, ``0.weight, 2.weight, 4.weight and 3 more``."""
    names = list(names)
    comma = translate("InitOverwrites", ", ")
    if len(names) > MOST_NAMES:
        return translate("InitOverwrites", "{names} and {count} more").format(
            names=comma.join(names[:MOST_NAMES]), count=len(names) - MOST_NAMES)
    return names[0] if len(names) == 1 else translate("InitOverwrites", "{names} and {last}").format(
        names=comma.join(names[:-1]), last=names[-1])


def _filled(project: Project, rule: InitRule) -> dict[int, str]:
    """The tensors ``rule`` fills on the live modules: id → name (``0.weight``), each once, in order."""
    found: dict[int, str] = {}
    for layer, name, tensor in targets(rule, project.root, lambda layer: layer.module):
        found.setdefault(id(tensor), f"{layer.blocks[0].path()}.{name}")
    return found


def overwrites(project: Project, rule: InitRule) -> list[Overwrite]:
    """The kept rules that fill at least one tensor ``rule`` fills again, in order."""
    new = _filled(project, rule)
    out = []
    for index, kept in enumerate(project.init_rules):
        old = _filled(project, kept)
        again = tuple(name for key, name in old.items() if key in new)
        if again:
            out.append(Overwrite(index, kept, tuple(old.values()), again, _same(kept, rule)))
    return out


def _same(kept: InitRule, rule: InitRule) -> bool:
    """Whether two rules do the same (rules compare by identity: each kept one is its own step)."""
    return all(getattr(kept, field.name) == getattr(rule, field.name) for field in dataclasses.fields(kept))


def overwrite_text(found: list[Overwrite]) -> str:
    """What the new rule overwrites, in plain words ("" when nothing): ``Overwrites rule 2 (…): …``."""
    parts = []
    same = [o for o in found if o.whole and o.same]
    if same:  # just applied, and still shown: not a rule spoiled (its values come from the seed: the same again)
        parts.append(translate("InitOverwrites", "This is rule {number}, applied already: applying it again, in its "
                               "place, draws the same values from the seed.").format(number=same[0].number))
    whole = [o for o in found if o.whole and not o.same]
    if whole:
        rules = listed([o.short() for o in whole])
        parts.append((translate("InitOverwrites", "Overwrites {rules}: this rule fills the same tensors again, so "
                                "it would no longer do anything.") if len(whole) == 1 else
                      translate("InitOverwrites", "Overwrites {rules}: this rule fills the same tensors again, so "
                                "each of them would no longer do anything.")).format(rules=rules))
    partial = partial_text(found)
    if partial:
        parts.append(partial)
    return " ".join(parts)


def replace_label(found: list[Overwrite]) -> str:
    """The replace box: ``Replace it: remove rule 2 in the same step`` ("" when no rule is overwritten whole)."""
    whole = [o.number for o in found if o.whole and not o.same]  # (the same rule is replaced without asking)
    if not whole:
        return ""
    if len(whole) == 1:
        return translate("InitOverwrites", "Replace it: remove rule {number} in the same step").format(number=whole[0])
    return translate("InitOverwrites", "Replace them: remove rules {numbers} in the same step").format(
        numbers=listed([str(n) for n in whole]))


def partial_text(found: list[Overwrite]) -> str:
    """What is overwritten only in part (those rules stay), in a sentence ("" when nothing is)."""
    parts = [o for o in found if not o.whole]
    if not parts:
        return ""
    said = "; ".join(translate("InitOverwrites", "{names} from rule {number}").format(
        names=listed(o.again), number=o.number) for o in parts)
    if len(parts) == 1:
        return translate("InitOverwrites", "Also fills again {what}; that rule stays, since it fills other tensors "
                         "too.").format(what=said)
    return translate("InitOverwrites", "Also fills again {what}; those rules stay, since they fill other tensors "
                     "too.").format(what=said)
