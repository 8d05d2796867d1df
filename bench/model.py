"""Foundation goals: edits in a 1,000-block design (≤ 5× a plain edit, ≤ 1/100 of a meta-device forward), and
adopting a 1,000-block Sequential."""

from __future__ import annotations

import torch
from torch import nn

from bench.common import Ratio, measure, report
from editor import Project

N = 1000
WIDTH = 64


def build() -> nn.Sequential:
    return nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(N)])


def meta_forward_floor() -> float:
    with torch.device("meta"):
        meta = nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(N)])
    x = torch.empty(3, WIDTH, device="meta")
    meta(x)  # warm up the dispatcher
    return measure(lambda: meta(x), repeat=5)


def run() -> bool:
    torch.manual_seed(0)
    meta = meta_forward_floor()
    plain = build()
    relu = nn.ReLU()

    def plain_back_to_n():
        while len(plain) > N:
            plain.pop(N // 2)

    plain_insert = measure(lambda: plain.insert(N // 2, relu), setup=plain_back_to_n)
    plain_back_to_n()
    plain_delete = measure(lambda: plain.__delitem__(N // 2), setup=lambda: plain.insert(N // 2, relu))
    plain_replace = measure(lambda: plain.__setitem__(N // 2, nn.Linear(WIDTH, WIDTH, bias=False)))

    project = Project.from_module(build())
    project.input_shape = (3, WIDTH)
    middle = str(N // 2)

    def undo_insert():
        if len(project) != N:
            del project[N // 2]

    insert = measure(lambda: project.insert(N // 2, nn.ReLU()), setup=undo_insert)
    undo_insert()
    delete = measure(lambda: project.__delitem__(N // 2), setup=lambda: project.insert(N // 2, nn.ReLU()))
    bias = [True]

    def flip_bias():
        bias[0] = not bias[0]
        project.set_hyperparameters(middle, bias=bias[0])

    set_param = measure(flip_bias)
    construct = measure(build, repeat=5)
    adopt_source = [build() for _ in range(5)]
    adopt = measure(lambda: Project.from_module(adopt_source.pop()), repeat=5)

    return report(f"Foundation ({N} Linear({WIDTH}, {WIDTH}) blocks; meta forward {meta * 1e3:.1f} ms)", [
        Ratio("insert in the middle / meta-device forward", insert, meta, 1 / 100),
        Ratio("delete in the middle / meta-device forward", delete, meta, 1 / 100),
        Ratio("set a hyperparameter in the middle / meta-device forward", set_param, meta, 1 / 100),
        Ratio("insert in the middle / plain nn.Sequential.insert", insert, plain_insert, 5),
        Ratio("delete in the middle / plain del nn.Sequential[i]", delete, plain_delete, 5),
        Ratio("set a hyperparameter / plain seq[i] = new Linear", set_param, plain_replace, 5),
        Ratio("Project.from_module / constructing the Sequential", adopt, construct, 2),
    ])


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
