"""The textbook's custom layers, as LayerLab definitions and as the hand-written classes they stand for."""

from __future__ import annotations

import torch
import torch.nn.functional as F  # noqa: N812 - the textbook's spelling
from torch import nn

from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, ParameterSpec

CENTERED = LayerDefinition("CenteredLayer", "x - x.mean()", description="Subtracts the mean.")

MY_LINEAR = LayerDefinition(
    "MyLinear", "relu(x @ weight + bias)", (("in_units", 20), ("units", 10)),
    (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",))))

NET = BlockDefinition(
    "Net", (("input_nodes", 784), ("hidden_nodes", 256), ("output_nodes", 8)),
    (ChildSpec("hidden", "Linear", (("in_features", "input_nodes"), ("out_features", "hidden_nodes"))),
     ChildSpec("out", "Linear", (("in_features", "hidden_nodes"), ("out_features", "output_nodes")))),
    "out(relu(hidden(x)))")

PLAIN_LINEAR = LayerDefinition(
    "PlainLinear", "x @ weight + bias", (("in_units", 4), ("units", 3)),
    (ParameterSpec("weight", ("in_units", "units"), registered=False), ParameterSpec("bias", ("units",), "zeros")))


class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):  # noqa: N803 - the textbook's spelling
        return X - X.mean()


class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))

    def forward(self, X):  # noqa: N803 - the textbook's spelling
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


class Net(nn.Module):
    def __init__(self, input_nodes, hidden_nodes, output_nodes):
        super().__init__()
        self.hidden = nn.Linear(input_nodes, hidden_nodes)
        self.out = nn.Linear(hidden_nodes, output_nodes)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))
