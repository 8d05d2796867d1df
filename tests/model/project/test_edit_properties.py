"""Random edit sequences on a Project and on an independently kept reference.

The reference is a nested Python list of modules, edited with plain list
operations. After every step the Project's live model must have the same
structure, the same modules, contiguous indices and the same state_dict, and
every module the step did not touch must keep bit-identical parameters.
"""

from __future__ import annotations

import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from editor import Project

SIZES = (4, 6, 8)


def new_module(data: st.DataObject) -> nn.Module:
    choice = data.draw(st.sampled_from(["Linear", "ReLU", "Dropout", "LeakyReLU", "LayerNorm", "Tanh"]))
    if choice == "Linear":
        return nn.Linear(data.draw(st.sampled_from(SIZES)), data.draw(st.sampled_from(SIZES)),
                         bias=data.draw(st.booleans()))
    if choice == "Dropout":
        return nn.Dropout(data.draw(st.sampled_from([0.1, 0.5])))
    if choice == "LeakyReLU":
        return nn.LeakyReLU(0.2)
    if choice == "LayerNorm":
        return nn.LayerNorm(data.draw(st.sampled_from(SIZES)))
    return getattr(nn, choice)()


# The reference: a list whose items are modules or nested lists (groups).
def ref_groups(ref: list, prefix: str = "") -> list[tuple[str, list]]:
    out = [(prefix, ref)]
    for i, item in enumerate(ref):
        if isinstance(item, list):
            out += ref_groups(item, f"{prefix}{i}.")
    return out


def ref_nodes(ref: list, prefix: str = "") -> list[tuple[str, object]]:
    out = []
    for i, item in enumerate(ref):
        out.append((f"{prefix}{i}", item))
        if isinstance(item, list):
            out += ref_nodes(item, f"{prefix}{i}.")
    return out


def ref_blocks(ref: list) -> list[nn.Module]:
    return [item for _, item in ref_nodes(ref) if isinstance(item, nn.Module)]


def ref_get(ref: list, path: str) -> tuple[list, int]:
    parts = [int(p) for p in path.split(".")]
    holder = ref
    for i in parts[:-1]:
        holder = holder[i]
    return holder, parts[-1]


def as_sequential(ref: list) -> nn.Sequential:
    return nn.Sequential(*[as_sequential(x) if isinstance(x, list) else x for x in ref])


def check(project: Project, ref: list, before: dict[int, dict[str, torch.Tensor]], touched: set[int]) -> None:
    def compare(seq: nn.Sequential, items: list) -> None:
        assert isinstance(seq, nn.Sequential)
        assert list(seq._modules) == [str(i) for i in range(len(items))], "indices must stay contiguous"
        for module, item in zip(seq, items, strict=True):
            if isinstance(item, list):
                compare(module, item)
            else:
                assert module is item

    compare(project.model, ref)
    assert repr(project.model) == repr(as_sequential(ref))
    mine, theirs = project.model.state_dict(), as_sequential(ref).state_dict()
    assert list(mine) == list(theirs)
    assert all(torch.equal(mine[k], theirs[k]) for k in mine)
    for module in ref_blocks(ref):
        if id(module) in before and id(module) not in touched:
            for name, value in module.state_dict().items():
                assert torch.equal(value, before[id(module)][name]), "an untouched block changed its values"
    # the tree agrees with the mirror, path by path
    for path, item in ref_nodes(ref):
        if isinstance(item, nn.Module):
            assert project[path] is item


def snapshot(ref: list) -> dict[int, dict[str, torch.Tensor]]:
    return {id(m): {k: v.clone() for k, v in m.state_dict().items()} for m in ref_blocks(ref)}


@settings(max_examples=60)
@given(st.data())
def test_random_edit_sequences_match_reference(data):
    project, ref = Project(seed=1), []
    steps = data.draw(st.integers(50, 70))
    for _ in range(steps):
        before, touched = snapshot(ref), set()
        nodes = ref_nodes(ref)
        groups = ref_groups(ref)
        ops = ["insert", "insert"]
        if nodes:
            ops += ["delete", "replace", "set", "group", "move", "share"]
        if len(groups) > 1:
            ops.append("ungroup")
        op = data.draw(st.sampled_from(ops))
        if op == "insert":
            prefix, items = data.draw(st.sampled_from(groups))
            index = data.draw(st.integers(-len(items), len(items)))
            module = new_module(data)
            project.insert(f"{prefix}{index}", module)
            items.insert(index, module)
        elif op == "share":
            module = data.draw(st.sampled_from(ref_blocks(ref) or [nn.ReLU()]))
            prefix, items = data.draw(st.sampled_from(groups))
            index = data.draw(st.integers(0, len(items)))
            project.insert(f"{prefix}{index}", module)
            items.insert(index, module)
        elif op == "delete":
            path, _ = data.draw(st.sampled_from(nodes))
            holder, i = ref_get(ref, path)
            del project[path]
            del holder[i]
        elif op == "replace":
            path, _ = data.draw(st.sampled_from(nodes))
            holder, i = ref_get(ref, path)
            module = new_module(data)
            project[path] = module
            holder[i] = module
        elif op == "set":
            linears = [(p, m) for p, m in nodes if isinstance(m, nn.Linear)]
            if not linears:
                continue
            path, old = data.draw(st.sampled_from(linears))
            out = data.draw(st.sampled_from(SIZES))
            project.set_hyperparameters(path, out_features=out)
            new = project[path]
            if out == old.out_features:
                assert new is old
                continue
            assert isinstance(new, nn.Linear) and new.out_features == out and new.in_features == old.in_features
            assert new.bias is None if old.bias is None else new.bias is not None
            touched.add(id(old))
            for _, items in ref_groups(ref):  # a shared module changes at every place it is used
                for j, item in enumerate(items):
                    if item is old:
                        items[j] = new
        elif op == "group":
            prefix, items = data.draw(st.sampled_from([g for g in groups if g[1]]))
            start = data.draw(st.integers(0, len(items) - 1))
            stop = data.draw(st.integers(start + 1, len(items)))
            path = project.group([f"{prefix}{i}" for i in range(start, stop)])
            assert path == f"{prefix}{start}"
            items[start:stop] = [items[start:stop]]
        elif op == "ungroup":
            prefix, items = data.draw(st.sampled_from(groups[1:]))
            path = prefix.rstrip(".")
            holder, i = ref_get(ref, path)
            project.ungroup(path)
            holder[i:i + 1] = items
        elif op == "move":
            path, item = data.draw(st.sampled_from(nodes))
            holder, i = ref_get(ref, path)
            holder.pop(i)
            targets = [g for g in ref_groups(ref) if not (isinstance(item, list) and _inside(g[1], item))]
            prefix, items = data.draw(st.sampled_from(targets))
            index = data.draw(st.integers(0, len(items)))
            items.insert(index, item)
            assert project.move(path, f"{prefix}{index}") == f"{prefix}{index}"
        check(project, ref, before, touched)


def _inside(candidate: list, group: list) -> bool:
    return candidate is group or any(isinstance(x, list) and _inside(candidate, x) for x in group)
