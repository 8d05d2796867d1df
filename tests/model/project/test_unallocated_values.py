"""Values and layers kept unallocated: loading weights into them, the seed status around them and around memory
checks, and meta modules from outside the project."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.errors import StructureError, UnsupportedLayerError, ValidationError
from tests.conftest import FREE


def _design() -> Project:
    p = Project(seed=1)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: kept unallocated
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=2000, out_features=2)
    assert p.unallocated() == ["0"]
    return p


def _halves(p: Project, prefix: str = "") -> dict[str, torch.Tensor]:
    return {k: torch.full(v.shape, 0.5) for k, v in p.model.state_dict().items() if k.startswith(prefix)}


# ------------------------------------------------------------------ loading weights
def test_loaded_values_that_do_not_fit_in_memory_are_not_reported_as_loaded(free) -> None:
    """torch only warned ("copying … to a meta parameter … is a no-op"): block 0 kept nothing, yet its keys were
    reported loaded, and materializing it later gave the seed's values."""
    p = _design()
    done: list[object] = []
    p.events.transaction_done.connect(done.append)
    with pytest.raises(ValidationError, match=r"2 not loaded \(0\.weight, 0\.bias\): block 0 is not allocated, and "
                                              r"materializing it to take them needs 39\.1 KiB of memory, but only "
                                              r"29\.3 KiB is free"):
        p.load_state(_halves(p))
    assert done == []
    report = p.load_state(_halves(p), strict=False)
    assert report.loaded == ["2.weight", "2.bias"] and report.unallocated == ["0.weight", "0.bias"]
    assert not report.exact and "block 0 is not allocated" in report.describe()
    assert p.unallocated() == ["0"] and bool((p.model[2].weight == 0.5).all())
    report = p.load_state(_halves(p, "0."), strict=False)  # nothing it could load: no step at all
    assert report.loaded == [] and len(done) == 1
    free(10**9)
    p.materialize()
    torch.manual_seed(1)
    assert torch.equal(p.model[0].weight, nn.Linear(4, 2000).weight)  # the seed's: nothing was loaded into it


def test_loading_into_an_unallocated_block_materializes_it_when_memory_allows(free) -> None:
    p = _design()
    free(60_000)
    before = p.model[0]
    with p.transaction("Load") as tx:
        report = p.load_state(_halves(p, "0.bias"), strict=False)
    assert report.loaded == ["0.bias"] and report.unallocated == []
    assert p.unallocated() == [] and bool((p.model[0].bias == 0.5).all())
    torch.manual_seed(1)
    assert torch.equal(p.model[0].weight, nn.Linear(4, 2000).weight)  # what materializing gives
    assert not p.weights_from_seed
    p.revert(tx)
    assert p.unallocated() == ["0"] and p.model[0] is before and p.weights_from_seed
    p.replay(tx)
    assert p.unallocated() == [] and bool((p.model[0].bias == 0.5).all())


# ------------------------------------------------------------------ the seed status
def test_materializing_refreshes_the_seed_record(free) -> None:
    """The record's fingerprint was not refreshed: the new values read as changed in place, and the next check
    rebuilt the design from the seed, which the memory then free refused: "not the seed's"."""
    p = _design()
    free(60_000)
    p.materialize()
    assert not p.seeds.is_stale(p.layers())
    free(FREE)  # the materialized layer took the memory
    assert p.weights_from_seed and p.why_not_from_seed is None
    with torch.no_grad():
        p.model[2].weight.zero_()  # still noticed
    assert not p.weights_from_seed


def test_too_little_memory_to_compare_with_the_seed_is_not_known_and_says_why(free) -> None:
    """Rebuilding the design to compare was refused for memory and read as "not the seed's", for good."""
    free(200_000)
    p = Project(seed=2)
    p.append_layer("Linear", in_features=4, out_features=5000)  # 97.7 KiB, allocated
    p.append_layer("ReLU")
    free(FREE)
    p.mark_weights_changed()
    assert not p.weights_from_seed
    assert p.seeds.status is None
    assert "Whether the weights are the seed's is not known: comparing them with the seed's needs 97.7 KiB of memory " \
           "(to build block 0 again from the seed), but only 29.3 KiB is free" in (p.why_not_from_seed or "")
    assert "may not come from the seed" in p.to_code()
    free(10**9)
    assert p.weights_from_seed and p.why_not_from_seed is None


def test_a_block_opened_from_a_file_materializes_from_the_seed_whatever_memory_is_free(free, tmp_path: Path) -> None:
    """Working out the seed's stream before it rebuilt the layers before it under the memory check: the 97.7 KiB
    layer was refused in 58.6 KiB, and block 1 was drawn from torch's global generator instead."""
    free(200_000)
    p = Project(seed=2)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=5000)  # 97.7 KiB, allocated
    free(FREE)
    p.append_layer("Linear", in_features=5000, out_features=2)  # 39.1 KiB, kept unallocated
    p.save(tmp_path / "stream.pt")
    free(300_000)
    q = Project.load(tmp_path / "stream.pt")
    q.keep_unallocated = True
    assert q.unallocated() == ["1"]
    free(60_000)
    torch.manual_seed(999)
    q.materialize()
    torch.manual_seed(2)
    script = nn.Sequential(nn.Linear(4, 5000), nn.Linear(5000, 2))
    assert torch.equal(q.model[1].weight, script[1].weight) and torch.equal(q.model[1].bias, script[1].bias)
    free(10**9)
    assert q.weights_from_seed


# ------------------------------------------------------------------ meta modules from outside
def _meta_linear() -> nn.Linear:
    with torch.device("meta"):
        return nn.Linear(2, 3)


def test_a_meta_module_from_outside_is_refused_where_it_enters(free) -> None:
    """It was taken as an ordinary layer: torch's "Cannot copy out of meta tensor" on append; from_module took it
    with unallocated() == [], then run() and weights_from_seed failed and a saved file would not open."""
    p = _design()
    state = {k: v for k, v in p.model.state_dict().items() if not v.is_meta}
    fix = r"holds tensors on the meta device, which have shapes but no values \(weight, bias\).*to_empty"
    with pytest.raises(UnsupportedLayerError, match="Block 3 \\(Linear\\) " + fix):
        p.append(_meta_linear())
    with pytest.raises(UnsupportedLayerError, match="Block 1.1 \\(Linear\\) " + fix):
        p.insert(1, nn.Sequential(nn.ReLU(), _meta_linear()))
    with pytest.raises(UnsupportedLayerError, match="Block 2 \\(Linear\\) " + fix):
        p[2] = _meta_linear()
    p.model.append(_meta_linear())
    with pytest.raises(StructureError, match="project.model was changed directly.*Block 3 \\(Linear\\) " + fix):
        p.append_layer("ReLU")
    assert len(p.model) == 3 and p.unallocated() == ["0"]
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in state.items())
    for given in (_meta_linear(), nn.Sequential(_meta_linear())):
        with pytest.raises(UnsupportedLayerError, match="Block 0 \\(Linear\\) " + fix):
            Project.from_module(given)


def test_a_copy_of_a_layer_kept_unallocated_is_still_welcome(free) -> None:
    p = _design()
    p.append(p.model[0])  # the same module again: shared, as before
    assert p.unallocated() == ["0", "3"]
