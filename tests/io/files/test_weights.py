"""Weights interop: export, load strict or partial with a report, undo, and single tensors."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project, ProjectFileError, ValidationError
from editor.io.files.weights import export_weights, load_tensor, read_state_dict, save_tensor
from editor.model.examples import mlp


def test_export_is_exactly_torch_save_of_the_state_dict(tmp_path):
    project = mlp(0)
    export_weights(project, tmp_path / "w.pt")
    net = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    net.load_state_dict(torch.load(tmp_path / "w.pt"))
    x = torch.randn(3, 20)
    assert torch.equal(net(x), project.model(x))


@pytest.mark.parametrize("wrap", [lambda s: s, lambda s: {"state_dict": s, "epoch": 2}, lambda s: {"model": s}])
def test_read_any_state_dict_shape(tmp_path, wrap):
    source = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    torch.save(wrap(source.state_dict()), tmp_path / "w.pt")
    state = read_state_dict(tmp_path / "w.pt")
    project = mlp(1)
    report = project.load_state(state)
    assert report.exact and len(report.loaded) == 4
    assert torch.equal(project[0].weight, source[0].weight)


def test_strict_refuses_and_reports_partial_loads_what_fits():
    project = mlp(0)
    before = {k: v.clone() for k, v in project.model.state_dict().items()}
    other = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 7), nn.Linear(7, 1)).state_dict()
    with pytest.raises(ValidationError) as info:
        project.load_state(other)
    text = str(info.value)
    assert "2.weight is (7, 10) but the design needs (5, 10)" in text and "3.weight" in text
    assert all(torch.equal(project.model.state_dict()[k], v) for k, v in before.items())
    with project.transaction() as tx:
        report = project.load_state(other, strict=False)
    assert report.loaded == ["0.weight", "0.bias"]
    assert report.unexpected == ["3.weight", "3.bias"] and [m[0] for m in report.mismatched] == ["2.weight", "2.bias"]
    assert torch.equal(project[0].weight, other["0.weight"])
    project.revert(tx)
    assert torch.equal(project[0].weight, before["0.weight"])
    project.replay(tx)
    assert torch.equal(project[0].weight, other["0.weight"])


def test_missing_keys_are_reported():
    project = mlp(0)
    state = project.model.state_dict()
    del state["2.bias"]
    with pytest.raises(ValidationError, match=r"1 missing \(2.bias\)"):
        project.load_state(state)


def test_shared_module_loads_once():
    shared = nn.Linear(4, 4)
    project = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared))
    state = {k: torch.zeros_like(v) for k, v in project.model.state_dict().items()}
    assert project.load_state(state).exact
    assert torch.count_nonzero(shared.weight) == 0


def test_single_tensors(tmp_path):
    x = torch.randn(3, 20)
    save_tensor(x, tmp_path / "x.pt")
    assert torch.equal(load_tensor(tmp_path / "x.pt"), x)
    assert torch.equal(torch.load(tmp_path / "x.pt"), x)
    torch.save({"a": x}, tmp_path / "d.pt")
    with pytest.raises(ProjectFileError, match="single tensor"):
        load_tensor(tmp_path / "d.pt")
    with pytest.raises(ProjectFileError, match="single tensor, not a state_dict"):
        read_state_dict(tmp_path / "x.pt")


BOOK_MLP = '''
import torch
from torch import nn
from torch.nn import functional as F

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, X):
        return self.output(F.relu(self.hidden(X)))

net = MLP()
'''


def test_the_book_s_own_state_dict_loads_into_its_class_imported_as_block_0(tmp_path):
    """d2l's File I/O: torch.save(net.state_dict(), 'mlp.params') of the class itself (hidden.weight, ...) into the
    design that imported the class, where it is block 0 (0.hidden.weight, ...)."""
    scope: dict = {}
    exec(BOOK_MLP, scope)  # the test's own source: the book's class, run as a learner runs it
    book = scope["net"]
    torch.save(book.state_dict(), tmp_path / "mlp.params")
    project = Project.from_code(BOOK_MLP)
    report = project.weights_report(read_state_dict(tmp_path / "mlp.params"))
    assert report.exact and "block 0 alone (hidden.weight)" in report.renamed
    report = project.load_state(read_state_dict(tmp_path / "mlp.params"))
    assert report.exact and len(report.loaded) == 4
    x = torch.randn(2, 20)
    assert torch.equal(project.model(x), book(x))
    report = mlp(0).load_state({f"outer.{k}": v for k, v in mlp(1).model.state_dict().items()})
    assert report.exact and "start with outer." in report.renamed
    assert not mlp(0).weights_report({"hidden.weight": torch.zeros(3)}).renamed  # nothing fits either way: as is


def test_names_of_one_block_go_where_their_shapes_fit_and_the_report_says_so():
    """A lone Linear(8, 4)'s weights fit block 2, not block 0 (Linear(4, 8)); two blocks alike: the first, said."""
    project = Project.from_module(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4)))
    report = project.weights_report(dict(nn.Linear(8, 4).state_dict()))
    assert report.loaded == ["2.weight", "2.bias"] and "block 2 alone" in report.renamed
    assert report.describe().startswith("The names in the file are those of block 2 alone")
    twins = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4)))
    report = twins.weights_report(dict(nn.Linear(4, 4).state_dict()))
    assert report.loaded == ["0.weight", "0.bias"] and report.renamed.endswith("Block 1 fits them too.")
