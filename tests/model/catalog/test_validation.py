"""Bad input: invalid hyperparameters, impossible sizes and paths are refused and change nothing."""

import pytest
import torch
from torch import nn

from editor import LayerLabError, Project, ShapeError, ValidationError
from editor.model.errors import MemoryLimitError, PathError, StructureError


def design():
    p = Project(seed=0)
    p.append_layer("Conv2d", in_channels=1, out_channels=4, kernel_size=3)
    p.append_layer("ReLU")
    p.append_layer("Flatten")
    p.append_layer("Linear", out_features=10)
    p.append_layer("Dropout", p=0.5)
    return p


def fingerprint(p: Project):
    return repr(p.model), [id(m) for m in p.model.modules()], {k: v.clone() for k, v in p.model.state_dict().items()}


def unchanged(p, before):
    after = fingerprint(p)
    assert after[0] == before[0] and after[1] == before[1]
    assert all(torch.equal(after[2][k], before[2][k]) for k in before[2])


@pytest.mark.parametrize("changes, field, words", [
    ({"out_channels": 0}, "out_channels", "≥ 1"),
    ({"out_channels": -3}, "out_channels", "≥ 1"),
    ({"out_channels": 2.5}, "out_channels", "integer"),
    ({"out_channels": "8"}, "out_channels", "integer"),
    ({"out_channels": True}, "out_channels", "integer"),
    ({"kernel_size": (3,)}, "kernel_size", "2 entries"),
    ({"padding": "sometimes"}, "padding", "'same'"),
    ({"padding_mode": "mirror"}, "padding_mode", "one of"),
    ({"groups": 3}, "groups", "divisible"),
    ({"bias": 1}, "bias", "True or False"),
    ({"stride": 2, "padding": "same"}, "padding", "stride 1"),
    ({"kernel_size": 50}, "kernel_size", "larger than the padded input"),
    ({"colour": "red"}, "colour", "no hyperparameter"),
])
def test_invalid_conv_values_are_refused(changes, field, words):
    p = design()
    before = fingerprint(p)
    with pytest.raises(ValidationError) as info:
        p.set_hyperparameters("0", **changes)
    assert info.value.field == field
    assert words in str(info.value)
    assert "Block 0" in str(info.value)
    unchanged(p, before)


def test_probability_outside_unit_interval():
    p = design()
    before = fingerprint(p)
    for bad in (-0.1, 1.5, float("nan"), float("inf")):
        with pytest.raises(ValidationError, match=r"p must be a number ≥ 0 and ≤ 1|finite"):
            p.set_hyperparameters("4", p=bad)
    unchanged(p, before)


def test_errors_are_layerlab_errors_with_valid_range():
    p = design()
    with pytest.raises(LayerLabError) as info:
        p.set_hyperparameters("3", out_features=0)
    assert info.value.valid == "an integer ≥ 1"


def test_huge_layer_is_refused_before_allocating():
    p = design()
    before = fingerprint(p)
    with pytest.raises(MemoryLimitError) as info:
        p.set_hyperparameters("3", in_features=10**6, out_features=10**6)
    message = str(info.value)
    assert "1,000,001,000,000 parameters" in message and "TiB" in message
    unchanged(p, before)
    with pytest.raises(MemoryLimitError):
        p.append_layer("Embedding", num_embeddings=10**9, embedding_dim=10**5)
    unchanged(p, before)


def test_auto_only_for_values_that_follow_the_input():
    p = design()
    with pytest.raises(ValidationError, match="cannot be 'auto'"):
        p.set_hyperparameters("3", out_features="auto")


def test_groups_have_no_hyperparameters():
    p = design()
    p.group(["1", "2"])
    with pytest.raises(StructureError, match="group"):
        p.set_hyperparameters("1", p=0.3)


def test_paths_that_lead_nowhere():
    p = design()
    with pytest.raises(PathError, match="out of range"):
        p["7"]
    with pytest.raises(PathError, match="not a group"):
        p["0.1"]
    with pytest.raises(PathError, match="not a block path"):
        p["one"]
    with pytest.raises(IndexError):
        p.insert("9", nn.ReLU())
    with pytest.raises(TypeError):
        p[None]


def test_grouping_needs_adjacent_siblings():
    p = design()
    before = fingerprint(p)
    with pytest.raises(StructureError, match="adjacent"):
        p.group(["0", "2"])
    p.group(["1", "2"])
    with pytest.raises(StructureError, match="side by side"):
        p.group(["0", "1.0"])
    with pytest.raises(StructureError):
        p.ungroup("0")
    del before


def test_failed_multi_step_operation_rolls_back():
    p = design()
    before = fingerprint(p)
    with pytest.raises(TypeError):
        p.extend([nn.ReLU(), nn.Tanh(), "not a module"])
    unchanged(p, before)


def test_moving_a_group_into_itself_is_impossible():
    p = design()
    p.group(["1", "2", "3"])
    with pytest.raises(PathError):
        p.move("1", "1.1.0")


def test_a_design_cannot_contain_itself():
    p = design()
    with pytest.raises(LayerLabError, match="itself"):
        p.append(p.model)


def test_bad_input_shapes_and_seeds():
    p = design()
    for bad in ((0, 3), (1, -1), (), "abc", (1.5, 2), tuple(range(1, 10)), (100000, 100000)):
        with pytest.raises(ValidationError):
            p.input_shape = bad
    with pytest.raises(ValidationError):
        Project(seed="zero")
    with pytest.raises(ValidationError):
        p.seed = 2**70


def test_bad_device_names():
    p = design()
    with pytest.raises(ValidationError):
        p.to("gpu please")
    if not torch.cuda.is_available():
        with pytest.raises(ValidationError, match="CUDA is not available"):
            p.to("cuda")
    p.to("cpu")
    assert p.device == "cpu"


def test_labels_are_checked():
    p = design()
    p.set_label("0", "features")
    assert next(iter(p.model._modules)) == "features" and p.model.features is p[0]
    for bad in ("1", "a.b", "forward"):
        with pytest.raises(ValidationError):
            p.set_label("1", bad)
    with pytest.raises(ValidationError, match="already called"):
        p.set_label("1", "features")


def test_kernel_larger_than_input_from_an_inserted_module_is_a_shape_error():
    p = Project.from_module(nn.Sequential(nn.Conv2d(1, 4, 3)))
    p.input_shape = (1, 1, 8, 8)
    p.append(nn.Conv2d(4, 4, 9))
    error = p.shape_error
    assert isinstance(error, ShapeError) and error.path == "1" and "larger" in str(error)


def test_move_to_counts_the_group_as_it_is_now():
    p = Project.from_module(nn.Sequential(nn.ReLU(), nn.Tanh(), nn.Sigmoid(), nn.Sequential(nn.ELU())))
    relu = p[0]
    assert p.move_to("0", None, 2) == "1"  # dropped between Tanh and Sigmoid
    assert [type(m).__name__ for m in p] == ["Tanh", "ReLU", "Sigmoid", "Sequential"]
    assert p.move_to("1", "3", 1) == "2.1"  # into the group, after ELU
    assert p["2.1"] is relu
    with pytest.raises(StructureError):
        p.move_to("2", "2", 0)
    with pytest.raises(PathError):
        p.move_to("0", None, 9)


def test_direct_edits_to_project_model_are_adopted_in_order():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU()))
    resets = []
    p.events.reset.connect(lambda: resets.append(True))
    p.model.append(nn.Linear(10, 5))
    p.append(nn.Sigmoid())
    assert [type(m).__name__ for m in p] == ["Linear", "ReLU", "Linear", "Sigmoid"]
    assert len(p.model) == len(p) == 4 and resets == [True]
    p.model[0] = nn.Linear(20, 10, bias=False)
    assert p[0] is p.model[0] and p.hyperparameters("0")["bias"] is False
    del p.model[1]
    assert [type(m).__name__ for m in p] == ["Linear", "Linear", "Sigmoid"] and p.shape_error is None
    p.model.append(nn.Module())
    with pytest.raises(StructureError, match="cannot hold"):
        len(p)
    assert len(p.model) == 3  # the unsupported change was put back


def test_saved_and_copied_models_do_not_depend_on_layerlab():
    import copy
    import pickle

    p = Project.from_module(nn.Sequential(nn.Linear(2, 2)))
    assert type(copy.deepcopy(p.model)._modules) is dict
    assert type(pickle.loads(pickle.dumps(p.model))._modules) is dict


def test_shared_module_errors_never_offer_a_fix_that_breaks_the_other_place():
    from editor.model.examples import tied

    p = tied(0)
    p.set_hyperparameters("0", out_features=6)
    (error,) = p.shape_errors()
    assert error.fix is None and "shared with block 2" in str(error)


def test_labels_cannot_collide_through_moves_or_ungrouping():
    q = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.Sequential(nn.ReLU())))
    q.set_label("0", "act")
    q.set_label("1.0", "act")
    with pytest.raises(StructureError, match="already has a block called 'act'"):
        q.move("1.0", "0")
    with pytest.raises(StructureError, match="already has a block called 'act'"):
        q.ungroup("1")
    assert len(q.model) == 2 and len(q.model[1]) == 1
    with pytest.raises(ValidationError):
        q.set_label("0", "training")


def test_a_larger_dilation_is_refused_like_a_larger_kernel():
    p = Project.from_module(nn.Sequential(nn.Conv2d(1, 4, 3)))
    p.input_shape = (1, 1, 8, 8)
    with pytest.raises(ValidationError) as info:
        p.set_hyperparameters("0", dilation=5)
    assert info.value.field == "dilation"


def test_weights_changed_behind_the_projects_back_are_noticed():
    from editor.model.examples import cnn, mlp

    p = mlp(0)
    assert p.weights_from_seed
    p[0].weight.data.zero_()
    assert not p.weights_from_seed
    c = cnn(0)
    assert c.weights_from_seed
    c.model(torch.randn(8, 1, 28, 28))  # a training-mode forward pass updates BatchNorm statistics
    assert not c.weights_from_seed
