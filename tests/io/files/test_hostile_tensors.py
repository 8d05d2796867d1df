"""Tensors in a stranger's project file: aliased storages copied, unusable kinds refused before anything is built."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project, ProjectFileError
from editor.io.files.project_file import load_project, to_payload
from editor.model.examples import EXAMPLES
from tests.io.files.hostile import payload_with, save, two_linears


def test_unshared_layers_on_one_storage_are_copied_apart(tmp_path):
    shared = torch.randn(4, 4)
    path = save(payload_with(two_linears(), k_0_weight=shared, k_2_weight=shared), tmp_path / "alias.pt")
    project = load_project(path)
    first, second = project[0].weight, project[2].weight
    assert torch.equal(first, shared) and torch.equal(second, shared)
    assert first.untyped_storage().data_ptr() != second.untyped_storage().data_ptr()
    project.initialize("zeros_", blocks=["0"])
    assert torch.count_nonzero(project[0].weight) == 0
    assert torch.equal(project[2].weight, shared)  # initializing block 0 left block 2 alone


def test_views_into_one_big_storage_are_copied_compactly(tmp_path):
    big = torch.randn(4 * 4 * 2 + 8)  # both weights and a bias are slices of one storage
    payload = payload_with(two_linears(), k_0_weight=big[:16].view(4, 4), k_2_weight=big[16:32].view(4, 4),
                           k_0_bias=big[32:36])
    project = load_project(save(payload, tmp_path / "views.pt"))
    tensors = [project[0].weight, project[0].bias, project[2].weight, project[2].bias]
    addresses = {t.untyped_storage().data_ptr() for t in tensors}
    assert len(addresses) == 4
    for tensor in tensors:
        assert tensor.untyped_storage().nbytes() == tensor.numel() * tensor.element_size()
    assert torch.equal(project[2].weight, big[16:32].view(4, 4))


def test_a_weight_and_its_transpose_on_one_storage_are_copied_apart(tmp_path):
    base = torch.randn(4, 4)
    project = load_project(save(payload_with(two_linears(), k_0_weight=base, k_2_weight=base.t()), tmp_path / "t.pt"))
    with torch.no_grad():
        project[0].weight.fill_(7)
    assert torch.equal(project[2].weight, base.t())


def test_weight_tying_keeps_one_tensor(tmp_path):
    project = EXAMPLES["tied"](0)
    project.save(tmp_path / "tied.pt")
    loaded = Project.load(tmp_path / "tied.pt")
    assert loaded[2] is loaded[4]
    with torch.no_grad():
        loaded[2].weight.fill_(3)
    assert torch.all(loaded[4].weight == 3)


def test_a_shared_block_with_two_different_values_is_refused(tmp_path):
    payload = to_payload(EXAMPLES["tied"](0))
    state = dict(payload["state_dict"])
    state["4.weight"] = state["4.weight"] + 1
    payload["state_dict"] = state
    with pytest.raises(ProjectFileError, match="one shared block's tensor, but the file gives them different values"):
        load_project(save(payload, tmp_path / "tied.pt"))


def _sparse():
    return torch.randn(4, 4).to_sparse()


HOSTILE = {
    "sparse": (_sparse, "sparse_coo tensor; save it dense, with .to_dense()"),
    "sparse_csr": (lambda: torch.randn(4, 4).to_sparse_csr(), "sparse_csr tensor"),
    "meta": (lambda: torch.empty(4, 4, device="meta"), "meta device"),
    "expand": (lambda: torch.randn(4, 1).expand(4, 4), "stride 0"),
    "overlap": (lambda: torch.randn(8).as_strided((4, 4), (1, 1)), "overlap in memory"),
    "quantized": (lambda: torch.quantize_per_tensor(torch.randn(4, 4), 0.1, 0, torch.qint8), "quantized tensor"),
    "complex": (lambda: torch.randn(4, 4, dtype=torch.complex64), "complex (complex64)"),
    "float64": (lambda: torch.randn(4, 4, dtype=torch.float64), "'0.weight' is float64, but the design computes "
                                                                 "in float32"),
    "float16": (lambda: torch.randn(4, 4).half(), "is float16"),
    "integers": (lambda: torch.ones(4, 4, dtype=torch.int64), "is int64"),
}


@pytest.mark.filterwarnings("ignore:.*(quantiz|Sparse CSR).*:UserWarning")
@pytest.mark.parametrize("kind", HOSTILE)
def test_unusable_tensors_are_refused_with_the_key_and_the_file_kept(tmp_path, kind):
    make, words = HOSTILE[kind]
    path = save(payload_with(two_linears(), k_0_weight=make()), tmp_path / f"{kind}.pt")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    message = str(info.value)
    assert words in message and "0.weight" in message, message
    assert len(message) < 300
    assert path.read_bytes() == before


def test_an_expanded_tensor_of_a_huge_shape_is_refused_before_anything_is_copied(tmp_path):
    huge = torch.zeros(1).expand(2**40)  # 4 TiB if anything copied it
    path = save(payload_with(two_linears(), k_0_bias=huge), tmp_path / "huge.pt")
    with pytest.raises(ProjectFileError, match="stride 0"):
        load_project(path)


def test_parameters_and_grad_tensors_in_the_file_become_plain_values(tmp_path):
    project = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4)))
    payload = to_payload(project)
    state = dict(payload["state_dict"])
    state["1.running_mean"] = nn.Parameter(torch.full((4,), 0.5))  # a buffer saved as a Parameter
    state["0.bias"] = torch.ones(4).requires_grad_()
    payload["state_dict"] = state
    loaded = load_project(save(payload, tmp_path / "p.pt"))
    assert [name for name, _ in loaded.model.named_parameters()] == ["0.weight", "0.bias", "1.weight", "1.bias"]
    assert torch.all(loaded[1].running_mean == 0.5)
    loaded.model.train()
    loaded.model(torch.randn(3, 4))  # running statistics update in place: no grad-leaf error


def test_weights_that_do_not_fit_are_named_in_our_words(tmp_path):
    cases = {
        "shape": (payload_with(two_linears(), k_0_weight=torch.zeros(5, 4)), "'0.weight' has shape (5, 4), but the "
                                                                              "design needs (4, 4)"),
        "missing": (to_payload(two_linears()), "no value for '2.bias'"),
        "extra": (payload_with(two_linears(), k_9_weight=torch.zeros(1)), "'9.weight' belongs to no block"),
    }
    del cases["missing"][0]["state_dict"]["2.bias"]
    for name, (payload, words) in cases.items():
        with pytest.raises(ProjectFileError) as info:
            load_project(save(payload, tmp_path / f"{name}.pt"))
        assert words in str(info.value), str(info.value)
        assert "Error(s) in loading" not in str(info.value) and len(str(info.value)) < 300


def test_files_with_rules_and_frozen_layers_still_open(tmp_path):
    project = EXAMPLES["mlp"](3)
    project.initialize("xavier_uniform_", kind="Linear")
    project.initialize("uniform_", parameters="bias", expression="where(abs(w) < 0.01, 0, w)", a=-0.1, b=0.1)
    project.save(tmp_path / "ok.pt")
    loaded = Project.load(tmp_path / "ok.pt")
    assert len(loaded.init_rules) == 2
    assert all(torch.equal(a, b) for a, b in zip(loaded.model.state_dict().values(),
                                                 project.model.state_dict().values(), strict=True))
