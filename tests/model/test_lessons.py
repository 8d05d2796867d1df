"""Every lesson design equals the plain PyTorch code its lesson text shows: print(model), counts, shapes, tensors."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor.model import lessons
from editor.model.errors import ValidationError
from editor.model.project.project import Project


def unique_count(net: nn.Module) -> int:
    return sum(p.numel() for p in net.parameters())  # parameters() yields a shared tensor once


def block_names(p: Project) -> list[str]:
    """The qualified module name (``net.get_submodule``) of each block of the design, in design order."""
    names = {id(m): name for name, m in p.model.named_modules()}  # a shared module: its first name
    return [names[id(p[path])] for path, node in p.walk() if getattr(node, "layer", None) is not None]


def called_shapes(net: nn.Module, names: list[str], x: torch.Tensor) -> list[tuple[int, ...]]:
    """The output shape of the modules ``names`` of ``net``, in the order the forward pass calls them."""
    shapes: list[tuple[int, ...]] = []
    hooks = [net.get_submodule(name).register_forward_hook(lambda m, i, o: shapes.append(tuple(o.shape)))
             for name in dict.fromkeys(names)]
    try:
        with torch.no_grad():
            net(x)
    finally:
        for hook in hooks:
            hook.remove()
    return shapes


def design_shapes(p: Project) -> list[tuple[int, ...]]:
    inferred = p.infer_shapes(p.input_shape)
    return [tuple(inferred[path]) for path, node in p.walk() if getattr(node, "layer", None) is not None]


def assert_same(p: Project, net: nn.Sequential, x: torch.Tensor | None = None) -> None:
    """``p`` is ``net``: the same print, parameter count, state_dict (bit for bit) and, for ``x``, shapes."""
    assert str(p.model) == str(net)
    assert p.count_parameters() == unique_count(net)
    ours, theirs = p.model.state_dict(), net.state_dict()
    assert list(ours) == list(theirs)
    for key in ours:
        assert ours[key].dtype == theirs[key].dtype and torch.equal(ours[key], theirs[key]), key
    if x is not None:
        assert tuple(p.input_shape) == tuple(x.shape)
        assert design_shapes(p) == called_shapes(net, block_names(p), x)


def seeded_input(*shape: int) -> torch.Tensor:
    """The Run tab's ``rand`` input from seed 0, written as plain code writes it."""
    torch.manual_seed(0)
    return torch.rand(*shape)


def test_every_lesson_design_is_built_from_seed_zero():
    for name, build in lessons.DESIGNS.items():
        p = build()
        assert p.seed == lessons.SEED == 0, name
        assert p.weights_from_seed, name


def test_lesson_1_is_the_first_mlp():
    p = lessons.first_mlp()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    x = seeded_input(2, 20)
    assert_same(p, net, x)
    assert p.count_parameters() == 20 * 256 + 256 + 256 * 10 + 10 == 7946
    result = p.run(batch=2, generator="rand", seed=0)
    assert torch.equal(result.output, net(x))
    assert result.output.shape == (2, 10)


def test_lesson_2_edits_like_a_list():
    p = lessons.sequential_as_list()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Dropout(0.1), nn.Linear(10, 5))
    assert_same(p, net, seeded_input(3, 20))
    assert len(p) == len(net) == 4
    assert str(p[0]) == str(net[0]) and str(p[-1]) == str(net[-1])

    p[1] = nn.Sigmoid()
    net[1] = nn.Sigmoid()
    assert str(p.model) == str(net)
    del p[2]
    del net[2]
    assert str(p.model) == str(net)  # indices stay contiguous: the last Linear is now net[2]
    p.append_layer("Linear", out_features=2)  # in_features follows the input
    net.append(nn.Linear(5, 2))
    assert str(p.model) == str(net)
    assert p.count_parameters() == unique_count(net) == 20 * 10 + 10 + 10 * 5 + 5 + 5 * 2 + 2
    kept = ["0.weight", "0.bias", "2.weight", "2.bias"]  # the layers that were there from the start
    assert all(torch.equal(p.model.state_dict()[k], net.state_dict()[k]) for k in kept)
    assert design_shapes(p) == called_shapes(net, block_names(p), torch.rand(3, 20))


def test_lesson_3_shows_the_mismatch_then_its_fix():
    p = lessons.nested_mismatch()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Sequential(nn.Linear(15, 10), nn.ReLU(), nn.Linear(10, 5)),
                        nn.Sequential(nn.Linear(25, 15), nn.ReLU(), nn.Linear(15, 10)))
    assert_same(p, net)
    with pytest.raises(RuntimeError, match="cannot be multiplied"):
        net(torch.rand(2, 15))
    error = p.shape_error
    assert error is not None and error.path == "1.0"
    assert "25" in str(error) and "(2, 5)" in str(error)
    p.apply_fix(error.fix)
    assert p.shape_error is None
    assert p.run(batch=2).output.shape == (2, 10)

    fixed = lessons.nested_fixed()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Sequential(nn.Linear(30, 25), nn.ReLU(), nn.Linear(25, 20)),
                        nn.Sequential(nn.Linear(20, 15), nn.ReLU(), nn.Linear(15, 10)))
    x = seeded_input(2, 30)
    assert_same(fixed, net, x)
    assert str(fixed["1.0"]) == str(net[1][0])
    assert torch.equal(fixed.run(batch=2, generator="rand", seed=0).output, net(x))


def test_lesson_4_is_a_block_of_blocks():
    def block1():
        return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())

    def block2():
        net = nn.Sequential()
        for i in range(4):
            net.add_module(f"block {i}", block1())
        return net

    torch.manual_seed(0)
    rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
    p = lessons.block_of_blocks()
    x = seeded_input(2, 4)
    assert_same(p, rgnet, x)
    assert p.count_parameters() == 4 * 76 + 5 == 309
    assert torch.equal(p.model[0][1][0].bias, rgnet[0][1][0].bias)
    assert "0.block 1.0.bias" in p.model.state_dict()
    assert torch.equal(p.run(batch=2, generator="rand", seed=0).output, rgnet(x))


def test_lesson_5_centers_after_a_linear():
    class CenteredLayer(nn.Module):
        def forward(self, X):  # noqa: N803 - the textbook's name
            return X - X.mean()

    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(64, 30), CenteredLayer())
    p = lessons.centered_layer()
    x = seeded_input(4, 64)
    assert_same(p, net, x)
    assert p.count_block_parameters("1") == 0
    y = p.run(batch=4, generator="rand", seed=0).output
    assert torch.equal(y, net(x))
    assert abs(float(y.detach().mean())) < 1e-6


def test_lesson_6_is_net_784_256_8():
    class Net(nn.Module):
        def __init__(self, num_inputs, num_hiddens, num_outputs):
            super().__init__()
            self.hidden = nn.Linear(num_inputs, num_hiddens)
            self.out = nn.Linear(num_hiddens, num_outputs)

        def forward(self, X):  # noqa: N803 - the textbook's name
            return self.out(nn.functional.relu(self.hidden(X)))

    torch.manual_seed(0)
    net = nn.Sequential(Net(784, 256, 8))
    p = lessons.constructor_hyperparameters()
    x = seeded_input(2, 784)
    assert_same(p, net, x)
    assert p.count_parameters() == 203_016
    assert p.hyperparameters("0") == {"num_inputs": 784, "num_hiddens": 256, "num_outputs": 8}
    assert torch.equal(p.run(batch=2, generator="rand", seed=0).output, net(x))
    p.set_hyperparameters("0", num_hiddens=128)
    assert str(p.model) == str(nn.Sequential(Net(784, 128, 8))) and p.count_parameters() == 101_512


def test_lesson_7_registers_parameters_but_not_the_plain_tensor():
    class MyLinear(nn.Module):
        def __init__(self, in_units, units):
            super().__init__()
            self.weight = nn.Parameter(torch.randn(in_units, units))
            self.bias = nn.Parameter(torch.randn(units))
            self.fixed = torch.randn(units)

        def forward(self, X):  # noqa: N803 - the textbook's name
            return nn.functional.relu(X @ self.weight + self.bias)

    torch.manual_seed(0)
    net = nn.Sequential(MyLinear(5, 3))
    p = lessons.parameter_or_tensor()
    x = seeded_input(2, 5)
    assert_same(p, net, x)
    assert [name for name, _ in p.model.named_parameters()] == ["0.weight", "0.bias"]
    assert list(p.model.state_dict()) == ["0.weight", "0.bias"] and p.count_parameters() == 18
    assert torch.equal(p.model[0].fixed, net[0].fixed)  # drawn third, as the plain __init__ draws it
    assert not isinstance(p.model[0].fixed, nn.Parameter)
    assert torch.equal(p.run(batch=2, generator="rand", seed=0).output, net(x))


def test_lesson_8_is_net_apply_init_normal():
    def init_normal(m):
        if type(m) == nn.Linear:  # noqa: E721 - the textbook's own test
            nn.init.normal_(m.weight, mean=0, std=0.01)
            nn.init.zeros_(m.bias)

    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    net.apply(init_normal)
    p = lessons.builtin_init()
    assert_same(p, net, seeded_input(2, 4))
    assert torch.equal(p.model[0].weight.data[0], net[0].weight.data[0])  # what the lesson prints
    assert torch.equal(p.model[0].bias.data, torch.zeros(8))
    assert [rule.function for rule in p.init_rules] == ["normal_", "zeros_"]


def test_lesson_9_is_net_apply_my_init():
    def my_init(m):
        if type(m) == nn.Linear:  # noqa: E721 - the textbook's own test
            nn.init.uniform_(m.weight, -10, 10)
            m.weight.data *= m.weight.data.abs() >= 5

    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    net.apply(my_init)
    p = lessons.custom_init()
    assert_same(p, net, seeded_input(2, 4))  # torch.equal: -0.0 (from w * False) equals 0.0
    weight = p.model[0].weight.data
    assert bool(((weight == 0) | (weight.abs() >= 5)).all())
    assert torch.equal(weight[:2], net[0].weight.data[:2])


def test_lesson_10_ties_one_linear_and_sums_its_gradients():
    torch.manual_seed(0)
    first = nn.Linear(4, 8)
    shared = nn.Linear(8, 8)
    net = nn.Sequential(first, nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))
    p = lessons.tied_weights()
    x = seeded_input(2, 4)
    assert_same(p, net, x)
    assert p.model[2] is p.model[4] and p.shared_with("2") == ["4"]
    assert p.count_parameters() == 121  # 40 + 72 + 9: the shared Linear counts once (193 if it did not)

    result = p.run(batch=2, generator="rand", seed=0, backward="sum")
    net(x).sum().backward()
    assert torch.equal(result.output.detach(), net(x).detach())
    assert torch.allclose(p.model[2].weight.grad, shared.weight.grad, rtol=0, atol=1e-6)
    assert p.model[4].weight.grad is p.model[2].weight.grad  # one tensor, one gradient: the sum of both uses


def test_lesson_11_saves_loads_and_compares_in_eval_mode(tmp_path):
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10))
    p = lessons.save_and_load()
    x = seeded_input(2, 20)
    assert_same(p, net, x)
    net.eval()
    y = net(x)
    assert torch.equal(p.run(batch=2, generator="rand", seed=0).output, y)  # train=False is model.eval()

    torch.save(p.model.state_dict(), tmp_path / "mlp.params")
    clone = lessons.save_and_load()
    clone.seed = 1
    clone.reset_parameters()
    assert not torch.equal(clone.run(x=x).output, y)  # a fresh model: other weights
    report = clone.load_state(torch.load(tmp_path / "mlp.params", weights_only=True))
    assert report.exact
    assert torch.equal(clone.run(x=x).output, y)  # Y_clone == Y
    trained = [clone.run(x=x, train=True).output for _ in range(2)]
    assert not torch.equal(trained[0], trained[1])  # Dropout in training mode: why eval() matters


def test_lesson_12_is_the_mlp_to_move_to_a_gpu():
    p = lessons.on_the_gpu()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    assert_same(p, net, seeded_input(2, 20))
    if not torch.cuda.is_available():
        with pytest.raises(ValidationError, match="CUDA is not available"):
            p.to("cuda")
        assert p.device == "cpu"


@pytest.mark.cuda
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_lesson_12_on_a_real_gpu_gives_the_plain_code_output():
    p = lessons.on_the_gpu()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    x = seeded_input(2, 20)
    p.to("cuda:0")
    net = net.to("cuda:0")
    x = x.to("cuda:0")
    assert all(t.device.type == "cuda" for t in p.model.state_dict().values())
    out = p.run(x=x).output
    assert out.device.type == "cuda"
    assert torch.equal(out, net(x))  # the same kernels on the same values
    assert torch.allclose(out.cpu(), lessons.on_the_gpu().model(x.cpu()), atol=1e-5)
