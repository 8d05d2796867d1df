"""Shape inference: analytic rules against real torch, messages, fixes and auto values."""

import random

import pytest
import torch
from torch import nn

from editor import Project, ShapeError
from editor.model import catalog
from editor.model.catalog.build import constructor_kwargs, torch_class
from editor.model.catalog.hyperparameters import example_input, validate_params
from editor.model.catalog.shape_rules import Spec, meta_spec, output_spec
from editor.model.errors import ShapeError as ShapeErrorClass

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _random_params(kind, rng):
    params = kind.defaults()
    derived = {"in_features", "in_channels", "num_features", "num_channels", "d_model", "num_embeddings",
               "dim_feedforward"}
    for hp in kind.params:
        if hp.name in derived:
            continue
        if hp.type == "int":
            if hp.nullable and rng.random() < 0.3:
                params[hp.name] = None
                continue
            low = int(hp.minimum) if hp.minimum is not None else -3
            params[hp.name] = rng.randint(low, low + 5)
        elif hp.type == "size":
            if hp.nullable and rng.random() < 0.3:
                params[hp.name] = None
                continue
            low = int(hp.minimum or 0)
            params[hp.name] = (rng.randint(low, low + 3) if rng.random() < 0.5
                               else tuple(rng.randint(low, low + 3) for _ in range(hp.arity)))
        elif hp.type == "bool" and not hp.choices:
            params[hp.name] = rng.random() < 0.5
        elif hp.type == "padding":
            params[hp.name] = rng.choice([0, 1, 2, "same", "valid"])
    if kind.name == "TransformerEncoderLayer":
        params.update(d_model=8, dim_feedforward=16, nhead=rng.choice([1, 2, 4]))
    return params


def _real(kind, kwargs, spec):
    module = torch_class(kind)(**kwargs)  # a fresh module is in training mode, as the rules assume
    x = torch.randint(0, 5, spec.shape) if spec.dtype == "long" else torch.randn(spec.shape)
    try:
        with torch.no_grad():
            out = module(x)
    except Exception as exc:
        return None, exc
    return Spec(tuple(out.shape), "long" if out.dtype == torch.long else "float"), None


@pytest.mark.parametrize("kind", catalog.kinds(), ids=lambda k: k.name)
def test_analytic_rules_agree_with_real_torch(kind):
    rng = random.Random(kind.name)
    checked = 0
    for _ in range(200):
        if checked == 40:
            break
        try:
            params = validate_params(kind, _random_params(kind, rng))
        except Exception:
            continue
        shape = tuple(rng.randint(1, 9) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.5 and kind.example_input:
            shape = tuple(min(s, 12) if i > 1 else s for i, s in enumerate(example_input(kind, params) or shape))
        spec = Spec(shape, kind.input_dtype)
        try:
            mine = output_spec(kind, params, spec)
        except ShapeErrorClass:
            mine = None
        real, error = _real(kind, constructor_kwargs(kind, params), spec)
        assert mine == real, f"{kind.name}{constructor_kwargs(kind, params)} on {shape}: {mine} vs {real} ({error})"
        checked += 1
    assert checked >= 15


def test_meta_fallback_agrees_on_defaults():
    def outcome(run):
        try:
            return run()
        except ShapeErrorClass:
            return "error"

    for kind in catalog.kinds():
        params = validate_params(kind, kind.defaults())
        for shape in (example_input(kind, params), (2, 8, 16), (2, 784)):
            if shape is None:
                continue
            spec = Spec(shape, kind.input_dtype)
            kwargs = constructor_kwargs(kind, params)
            analytic = outcome(lambda k=kind, s=spec, v=params: output_spec(k, v, s))
            if analytic == "error":
                continue  # meta kernels check less than CPU ones (e.g. ConvTranspose channels)
            meta = outcome(lambda k=kind, kw=kwargs, s=spec: meta_spec(lambda: torch_class(k)(**kw), s))
            assert meta == analytic, (kind.name, shape)


def test_infer_shapes_of_the_first_lesson():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)))
    assert p.input_shape == (1, 20)  # inferred from the first layer
    assert p.infer_shapes((3, 20)) == {"0": (3, 10), "1": (3, 10), "2": (3, 5)}
    assert p.input_shape == (1, 20)  # infer_shapes does not change the project
    p.input_shape = (3, 20)
    assert p.output_shape == (3, 5)
    assert p.infer_shapes() == {"0": (3, 10), "1": (3, 10), "2": (3, 5)}


def test_nested_parts_that_do_not_line_up():
    # lesson 3: a 15 → … → 5 part followed by a 25 → … → 10 part cannot run
    bad = nn.Sequential(
        nn.Sequential(nn.Linear(15, 10), nn.ReLU(), nn.Linear(10, 5)),
        nn.Sequential(nn.Linear(25, 20), nn.ReLU(), nn.Linear(20, 10)),
    )
    with pytest.raises(RuntimeError):  # torch agrees it cannot run
        bad(torch.randn(2, 15))
    p = Project.from_module(bad)
    with pytest.raises(ShapeError) as info:
        p.infer_shapes((2, 15))
    error = info.value
    assert error.path == "1.0"
    assert error.in_shape == (2, 5)
    assert "25" in error.expected
    assert "last dimension is 25" in str(error) and "(2, 5)" in str(error)
    assert error.fix is not None and error.fix.steps[0].params == {"in_features": "auto"}
    assert error.fix.label == "Let in_features follow the input (5) on block 1.0"
    # the design stays editable and mirrored while it has the error
    assert p.shape_error is not None and p.shape_error.path == "1.0"
    p.append(nn.ReLU())
    assert len(p.model) == 3
    p.apply_fix(p.shape_error.fix)
    assert p.shape_error is None
    assert p["1.0"].in_features == 5 and p.auto("1.0") == {"in_features"}
    assert p.model(torch.randn(2, 15)).shape == (2, 10)
    good = nn.Sequential(
        nn.Sequential(nn.Linear(30, 25), nn.ReLU(), nn.Linear(25, 20)),
        nn.Sequential(nn.Linear(20, 15), nn.ReLU(), nn.Linear(15, 10)),
    )
    assert Project.from_module(good).infer_shapes((2, 30))["1"] == (2, 10)


def test_linear_after_conv_suggests_flatten():
    p = Project.from_module(nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.MaxPool2d(4), nn.Linear(3136, 10)))
    assert p.input_shape == (1, 1, 28, 28)
    error = p.shape_error
    assert error is not None and error.path == "2"
    assert "Flatten" in error.fix.label
    p.apply_fix(error.fix)
    assert isinstance(p[2], nn.Flatten) and p.shape_error is None
    assert p.output_shape == (1, 10)


def test_linear_after_conv_with_wrong_size_suggests_flatten_and_in_features():
    p = Project.from_module(nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.MaxPool2d(4), nn.Linear(100, 10)))
    fix = p.shape_error.fix
    assert [s.op for s in fix.steps] == ["set_params", "insert"]
    p.apply_fix(fix)
    assert p.shape_error is None and p[3].in_features == 3136


def test_auto_in_features_follows_and_only_that_block_is_rebuilt():
    p = Project(seed=0)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("ReLU")
    second = p.append_layer("Linear", out_features=5)
    third = p.append_layer("Linear", in_features=5, out_features=2)  # concrete: never follows
    relu = p[1]
    assert p.auto("2") == {"in_features"} and second.in_features == 10
    seen = []
    p.events.changed.connect(seen.append)
    p.set_hyperparameters("0", out_features=12)
    assert p[2].in_features == 12 and p[2] is not second
    assert p[1] is relu and p[3] is third
    assert seen == ["0", "2"]
    assert p.shape_error is None


def test_auto_can_be_switched_on_and_off():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.Linear(7, 3)))
    assert p.shape_error is not None
    p.set_hyperparameters("1", in_features="auto")
    assert p[1].in_features == 10 and p.shape_error is None
    p.set_hyperparameters("1", in_features=4)
    assert p.auto("1") == frozenset() and p.shape_error is not None


def test_embedding_must_come_first_and_sets_input_dtype():
    p = Project()
    p.append_layer("Embedding", num_embeddings=100, embedding_dim=16)
    p.append_layer("TransformerEncoderLayer", nhead=4, dim_feedforward=32)
    assert p.input_dtype == "long" and p.input_shape == (1, 16)
    assert p.output_shape == (1, 16, 16) and p.shape_error is None
    p.insert(0, nn.Linear(16, 16))
    assert "token ids" in str(p.shape_error) or "floating-point" in str(p.shape_error)


def test_unknown_input_when_first_layer_says_nothing():
    p = Project.from_module(nn.Sequential(nn.ReLU(), nn.MaxPool2d(2)))
    assert p.input_shape is None and p.output_shape is None
    with pytest.raises(ShapeError, match="input shape"):
        p.infer_shapes()
    p.input_shape = (1, 3, 8, 8)
    assert p.output_shape == (1, 3, 4, 4)


def test_batchnorm_batch_of_one_explains_and_fixes():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10)))
    error = p.shape_error
    assert error is not None and "batch of one" in str(error)
    p.apply_fix(error.fix)
    assert p.input_shape == (2, 20) and p.shape_error is None


def test_shapes_changed_event_only_reports_what_changed():
    p = Project.from_module(nn.Sequential(*[nn.Linear(8, 8) for _ in range(6)]))
    seen = []
    p.events.shapes_changed.connect(seen.append)
    p.insert(3, nn.ReLU())
    assert seen == [("3",)]  # the ReLU's output is new; everything after it receives what it did before


def test_meta_device_is_the_fallback_when_a_rule_is_missing(monkeypatch):
    from editor.model.catalog import shape_rules as shapes

    kind = catalog.kind("Conv2d")
    params = validate_params(kind, {**kind.defaults(), "in_channels": 3, "out_channels": 8, "kernel_size": 5})
    expected = output_spec(kind, params, Spec((2, 3, 32, 32)))
    monkeypatch.delitem(shapes.RULES, "conv")
    assert output_spec(kind, params, Spec((2, 3, 32, 32))) == expected == Spec((2, 8, 28, 28))
    with pytest.raises(ShapeErrorClass):
        output_spec(kind, params, Spec((2, 4, 32, 32)))
