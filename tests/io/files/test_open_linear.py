"""Opening a project file is linear in its blocks: torch's state_dict loading is counted, never timed (#16).

``model.load_state_dict`` on the whole design scans the state_dict once per child (quadratic); opening
gives each distinct module exactly its own entries instead, one small load per module that has any, and
the weights, sharing and labels come back bit for bit.
"""

from __future__ import annotations

import torch
from torch import nn

from editor import Project
from editor.io.files.project_file import open_project, save_project


def test_opening_loads_each_distinct_module_once_and_never_the_whole_design(tmp_path, monkeypatch):
    torch.manual_seed(3)
    shared = nn.Linear(5, 5)
    inner = nn.Sequential(nn.Linear(5, 5), shared, nn.BatchNorm1d(5))
    blocks = [nn.Linear(5, 5) for _ in range(120)]
    project = Project.from_module(nn.Sequential(*blocks, shared, nn.ReLU(), inner, shared))
    project.set_label("122", "body")
    path = tmp_path / "many.pt"
    save_project(project, path)
    saved = {k: v.clone() for k, v in project.model.state_dict().items()}

    loads: list[tuple[type, int]] = []
    real = nn.Module.load_state_dict

    def counting(self, state_dict, *args, **kwargs):
        loads.append((type(self), len(state_dict)))
        return real(self, state_dict, *args, **kwargs)

    monkeypatch.setattr(nn.Module, "load_state_dict", counting)
    opened = open_project(path).project
    monkeypatch.undo()

    assert all(kind is not nn.Sequential for kind, _ in loads)  # never the whole design, nor a group
    assert len(loads) == 120 + 3  # the 120 Linears, the shared one, the inner Linear and the BatchNorm
    assert sum(size for _, size in loads) == 2 * 122 + 5  # each entry once, however often a module is used
    model = opened.model
    assert model[120] is model.body[1] is model[123] and list(model._modules) == [
        *map(str, range(122)), "body", "123"]
    state = model.state_dict()
    assert list(state) == list(saved) and all(torch.equal(state[k], saved[k]) for k in saved)
    assert all(state[k].dtype == saved[k].dtype for k in saved)
