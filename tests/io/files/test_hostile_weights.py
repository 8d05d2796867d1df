"""Loading weights is all or nothing: every tensor is checked before any is copied, and a refusal names the key."""

from __future__ import annotations

import pytest
import torch

from editor import ProjectFileError, ValidationError
from editor.io.files.weights import load_tensor, read_state_dict
from editor.model.examples import mlp


def _snapshot(project):
    return {k: v.detach().clone() for k, v in project.model.state_dict().items()}


def _unchanged(project, before) -> bool:
    now = project.model.state_dict()
    return list(now) == list(before) and all(torch.equal(now[k], v) for k, v in before.items())


LAST = {
    "sparse": (lambda t: t.to_sparse(), "sparse_coo tensor"),
    "meta": (lambda t: torch.empty_like(t, device="meta"), "meta device"),
    "complex": (lambda t: t.to(torch.complex64), "complex64, but the design's tensor is float32"),
    "integers": (lambda t: t.to(torch.int64), "int64, but the design's tensor is float32"),
    "quantized": (lambda t: torch.quantize_per_tensor(t, 0.1, 0, torch.qint8), "quantized"),
}


@pytest.mark.filterwarnings("ignore:.*(quantiz|Sparse CSR).*:UserWarning")
@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("kind", LAST)
def test_a_bad_last_tensor_loads_nothing(kind, strict):
    project = mlp(0)
    steps = []
    project.events.transaction_done.connect(steps.append)  # as the app's undo stack listens
    before = _snapshot(project)
    state = {k: torch.full_like(v, 0.25) for k, v in before.items()}
    last = list(state)[-1]
    make, words = LAST[kind]
    state[last] = make(state[last])
    with pytest.raises(ValidationError) as info:
        project.load_state(state, strict=strict)
    message = str(info.value)
    assert words in message and repr(last) in message and message.startswith("Nothing was loaded"), message
    assert _unchanged(project, before)
    assert steps == []  # no undo step: nothing happened


def test_a_bad_tensor_inside_a_transaction_leaves_nothing_to_undo():
    project = mlp(0)
    before = _snapshot(project)
    state = {k: torch.zeros_like(v) for k, v in before.items()}
    state["2.bias"] = state["2.bias"].to_sparse()
    with project.transaction() as tx, pytest.raises(ValidationError):
        project.load_state(state)
    assert not tx.steps and _unchanged(project, before)


def test_other_float_precisions_load_converted_as_load_state_dict_does():
    project = mlp(0)
    state = {k: torch.full_like(v, 0.5, dtype=torch.float64) for k, v in project.model.state_dict().items()}
    assert project.load_state(state).exact
    assert project[0].weight.dtype == torch.float32 and torch.all(project[0].weight == 0.5)


def test_weights_report_refuses_what_is_not_a_state_dict():
    with pytest.raises(ValidationError, match="state_dict"):
        mlp(0).weights_report(["not", "a", "dict"])  # type: ignore[arg-type]


@pytest.mark.filterwarnings("ignore:.*(quantiz|Sparse CSR).*:UserWarning")
@pytest.mark.parametrize("kind", ["sparse", "meta", "complex", "quantized"])
def test_weights_files_with_unusable_tensors_are_refused_when_read(tmp_path, kind):
    project = mlp(0)
    state = dict(project.model.state_dict())
    state["2.bias"] = LAST[kind][0](state["2.bias"].detach())
    torch.save(state, tmp_path / "w.pt")
    with pytest.raises(ProjectFileError) as info:
        read_state_dict(tmp_path / "w.pt")
    assert info.value.reason == "unsupported_tensor" and "'2.bias'" in str(info.value)
    assert len(str(info.value)) < 300


def test_weights_and_tensor_files_come_back_plain(tmp_path):
    torch.save({"0.weight": torch.nn.Parameter(torch.ones(2))}, tmp_path / "w.pt")
    value = read_state_dict(tmp_path / "w.pt")["0.weight"]
    assert type(value) is torch.Tensor and not value.requires_grad
    torch.save(torch.zeros(1).expand(10**9), tmp_path / "x.pt")
    with pytest.raises(ProjectFileError, match="stride 0"):
        load_tensor(tmp_path / "x.pt")
