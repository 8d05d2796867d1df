"""PyTorch's own nn.Sequential unit tests, replayed against a Project.

Each test runs the same operations on a plain ``nn.Sequential`` and on a
Project and compares module identity, ``print()`` output and errors.
"""

import itertools
from collections import OrderedDict

import pytest
import torch
from torch import nn

from editor import Project


def linears(*sizes):
    return [nn.Linear(a, b) for a, b in itertools.pairwise(sizes)]


def same(project: Project, seq: nn.Sequential) -> None:
    assert len(project) == len(seq)
    assert all(a is b for a, b in zip(project, seq, strict=True))
    assert repr(project.model) == repr(seq)
    assert list(project.model.state_dict()) == list(seq.state_dict())


def test_getitem():
    l1, l2, l3, l4 = linears(10, 20, 30, 40, 50)
    n = nn.Sequential(l1, l2, l3, l4)
    p = Project.from_module(nn.Sequential(l1, l2, l3, l4))
    assert p[0] is l1 and p[1] is l2 and p[2] is l3 and p[3] is l4
    assert p[torch.tensor(3, dtype=torch.int64)] is l4
    for index in (slice(1, None), slice(3, None), slice(None, -1), slice(None, -3), slice(None, None, -1)):
        assert list(p[index]) == list(n[index])
        assert repr(p[index]) == repr(n[index])
    assert p[-1] is l4 and p[-4] is l1


def test_getitem_out_of_range_and_bad_type():
    p = Project.from_module(nn.Sequential(*linears(1, 2, 3)))
    with pytest.raises(IndexError):
        p[2]
    with pytest.raises(IndexError):
        p[-3]
    with pytest.raises(TypeError):
        p[1.5]


def test_setitem():
    l1, l2, l3, l4 = linears(10, 20, 30, 40, 50)
    n = nn.Sequential(l1, l2, l3)
    p = Project.from_module(nn.Sequential(l1, l2, l3))
    for seq in (n, p):
        seq[0] = l4
        seq[-1] = l4
        seq[torch.tensor(1, dtype=torch.int16)] = l1
    assert p[0] is l4 and p[1] is l1 and p[2] is l4
    same(p, n)


def test_setitem_named():
    l1, l2, l3, l4 = linears(10, 20, 30, 40, 50)
    n = nn.Sequential(OrderedDict([("linear1", l1), ("linear2", l2)]))
    p = Project.from_module(nn.Sequential(OrderedDict([("linear1", l1), ("linear2", l2)])))
    for seq in (n, p):
        seq[0] = l3
        seq[1] = l4
    assert p.model.linear1 is l3 and p.model.linear2 is l4
    same(p, n)


def test_delitem():
    l1, l2, l3, l4 = linears(10, 20, 30, 40, 50)
    n = nn.Sequential(l1, l2, l3, l4)
    p = Project.from_module(nn.Sequential(l1, l2, l3, l4))
    for seq in (n, p):
        del seq[-1]
    same(p, n)
    for seq in (n, p):
        del seq[1::2]
    same(p, n)
    assert list(p) == [l1, l3]


def test_delitem_middle_then_append_keeps_indices_contiguous():
    # torch 1.11 broke appends after deleting a middle module; here it is impossible.
    p = Project.from_module(nn.Sequential(*linears(1, 2, 3, 4, 5)))
    del p[1]
    p.append(nn.ReLU())
    assert list(p.model._modules) == ["0", "1", "2", "3"]
    assert isinstance(p[3], nn.ReLU)
    del p[0:2]
    p.append(nn.Tanh())
    assert list(p.model._modules) == ["0", "1", "2"]


def test_append():
    l1, l2, l3, l4 = linears(10, 20, 30, 40, 50)
    n = nn.Sequential(l1, l2, l3)
    p = Project.from_module(nn.Sequential(l1, l2, l3))
    n2 = n.append(l4)
    p2 = p.append(l4)
    assert p2 is p and n2 is n
    same(p, n)
    q = Project()
    q.append(l1).append(l2).append(l4)
    same(q, nn.Sequential(l1, l2, l4))


def test_pop():
    l1, l2, l3, l4 = linears(1, 2, 3, 4, 5)
    n1 = nn.Sequential(l1, l2, l3, l4)
    p = Project.from_module(nn.Sequential(l1, l2, l3, l4))
    assert n1.pop(3) is l4
    assert p.pop(3) is l4
    same(p, n1)
    for k, mod in zip(range(len(p)), p, strict=True):
        assert p[k] is mod


def test_insert():
    l1, l2, l3 = linears(1, 2, 3, 4)
    module_1 = nn.Linear(4, 5)
    n1 = nn.Sequential(l1, l2, l3)
    p1 = Project.from_module(nn.Sequential(l1, l2, l3))
    n1.insert(1, module_1)
    assert p1.insert(1, module_1) is p1
    same(p1, n1)
    # negative indices
    module_2 = nn.Linear(5, 6)
    n3 = nn.Sequential(l1, l2, l3)
    p3 = Project.from_module(nn.Sequential(l1, l2, l3))
    n3.insert(-2, module_2)
    p3.insert(-2, module_2)
    same(p3, n3)
    assert p3[1] is module_2


def test_insert_fail_case():
    l1, l2, l3 = linears(1, 2, 3, 4)
    module = nn.Linear(5, 6)
    n1 = nn.Sequential(l1, l2, l3)
    p1 = Project.from_module(nn.Sequential(l1, l2, l3))
    with pytest.raises(IndexError):
        n1.insert(-5, module)
    with pytest.raises(IndexError):
        p1.insert(-5, module)
    with pytest.raises(AssertionError):
        n1.insert(1, [nn.Linear(6, 7)])
    with pytest.raises(AssertionError):
        p1.insert(1, [nn.Linear(6, 7)])
    with pytest.raises(TypeError):  # the same error is a TypeError too, and names what it got
        p1.insert(1, [nn.Linear(6, 7)])
    same(p1, nn.Sequential(l1, l2, l3))


def test_extend():
    l1, l2, l3, l4 = linears(1, 2, 3, 4, 5)
    n1 = nn.Sequential(l1, l2)
    n2 = nn.Sequential(l3, l4)
    p = Project.from_module(nn.Sequential(l1, l2))
    for layer in n2:
        n1.append(layer)
    assert p.extend(n2) is p
    same(p, n1)
    p.extend([nn.ReLU(), nn.Tanh()])
    assert len(p) == 6


def test_iteration_len_and_print_match_torch():
    layers = [nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)]
    p = Project()
    for layer in layers:
        p.append(layer)
    n = nn.Sequential(*layers)
    same(p, n)
    assert str(p.model) == str(n)
    x = torch.randn(3, 20)
    y = p.model(x)
    assert y.shape == (3, 5) and y.grad_fn is not None
    assert torch.equal(y, n(x))


def test_unknown_module_type_is_named():
    class CenteredLayer(nn.Module):
        def forward(self, x):
            return x - x.mean()

    p = Project()
    with pytest.raises(TypeError, match="CenteredLayer"):
        p.append(CenteredLayer())
    assert len(p) == 0
