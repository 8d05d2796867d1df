"""The layer catalog: complete, consistent with torch, and free of torch imports."""

import random
import subprocess
import sys

import pytest
import torch

from editor.model import catalog
from editor.model.catalog.build import build_module, constructor_kwargs, kind_of, read_params, torch_class
from editor.model.catalog.hyperparameters import block_label, param_count, validate_params

REQUIRED = {
    "Linear": {"Linear", "Identity"},
    "Convolution": {"Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d"},
    "Pooling": {"MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d",
                "AdaptiveMaxPool2d"},
    "Normalization": {"BatchNorm1d", "BatchNorm2d", "LayerNorm", "GroupNorm", "InstanceNorm2d"},
    "Dropout": {"Dropout", "Dropout2d", "AlphaDropout"},
    "Activation": {"ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU", "SELU", "GELU", "SiLU", "Mish", "Sigmoid", "Tanh",
                   "Softmax", "LogSoftmax", "Softplus", "Hardtanh", "Hardswish"},
    "Shape": {"Flatten", "Unflatten"},
}


def test_catalog_has_every_required_kind_in_its_category():
    assert len(catalog.kinds()) >= 30
    for category, names in REQUIRED.items():
        assert names <= {k.name for k in catalog.kinds_in(category)}, category
    assert catalog.has_kind("Embedding") and catalog.has_kind("TransformerEncoderLayer")


@pytest.mark.parametrize("kind", catalog.kinds(), ids=lambda k: k.name)
def test_kind_is_complete_data(kind):
    assert kind.description.endswith(".") and len(kind.description) < 120
    assert kind.docs_url.startswith("https://docs.pytorch.org/docs/stable/generated/torch.nn.")
    assert kind.category in {c.name for c in catalog.categories()}
    cls = torch_class(kind)
    assert cls.__name__ == kind.name
    # every constructor hyperparameter is declared (device/dtype and private/deprecated ones aside)
    import inspect

    skipped = {"self", "device", "dtype", "args", "kwargs", "_weight", "_freeze", "min_value", "max_value"}
    declared = set(kind.param_names)
    assert {n for n in inspect.signature(cls.__init__).parameters} - skipped <= declared
    for hp in kind.params:
        assert hp.help, f"{kind.name}.{hp.name} needs a help text"
        assert hp.describe_valid()


@pytest.mark.parametrize("kind", catalog.kinds(), ids=lambda k: k.name)
def test_defaults_build_and_read_back(kind):
    params = validate_params(kind, kind.defaults())
    module = build_module(kind, params)
    assert kind_of(module) is kind
    back = read_params(kind, module)
    assert validate_params(kind, back) is not None
    rebuilt = torch_class(kind)(**constructor_kwargs(kind, back))
    assert repr(rebuilt) == repr(module)
    assert block_label(kind, back).startswith(kind.name)


@pytest.mark.parametrize("kind", catalog.kinds(), ids=lambda k: k.name)
def test_parameter_count_formula_matches_torch(kind):
    rng = random.Random(kind.name)
    tried = 0
    for _ in range(80):
        params = kind.defaults()
        for hp in kind.params:
            if hp.type == "int" and hp.name != "nhead":
                params[hp.name] = rng.choice([1, 2, 4, 6, 8]) if not hp.nullable else params[hp.name]
            elif hp.type == "bool" and not hp.choices:
                params[hp.name] = rng.random() < 0.5
            elif hp.type == "size" and hp.name == "kernel_size":
                params[hp.name] = tuple(rng.randint(1, 4) for _ in range(hp.arity))
            elif hp.type == "shape" and hp.name == "normalized_shape":
                params[hp.name] = tuple(rng.randint(1, 4) for _ in range(rng.randint(1, 3)))
        try:
            params = validate_params(kind, params)
        except Exception:
            continue
        module = build_module(kind, params)
        actual = sum(p.numel() for p in module.parameters())
        assert param_count(kind, read_params(kind, module)) == actual, (kind.name, params)
        tried += 1
    assert tried >= 10


def test_search_ranks_name_matches_first():
    hits = catalog.search("relu")
    assert hits[0].name == "ReLU"
    assert {"ReLU6", "LeakyReLU", "PReLU"} <= {k.name for k in hits}
    assert catalog.search("")[0] is catalog.kinds()[0]
    assert catalog.search("zzzz") == []


def test_catalog_imports_no_torch():
    code = "import sys, editor.model.catalog as c; c.kinds(); assert 'torch' not in sys.modules, 'torch loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_param_formula_text_is_readable():
    assert catalog.kind("Linear").formula_text == "in_features × out_features + out_features (bias)"


def test_torch_is_the_real_thing():
    assert torch_class(catalog.kind("Linear")) is torch.nn.Linear
