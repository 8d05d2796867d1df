"""A design read from code keeps its construction order in a file, however many layers were added since (#17).

Every layer inserted after another in a design read from code gets a rank one
entry longer than that one's; written as they were, 64 insertions in a row
made a file that did not open ("design.layers[64].rank: expected a list of
integers"). A file keeps the order only.
"""

from __future__ import annotations

from editor import Project
from editor.io.files.design_data import design_to_data

SOURCE = "import torch.nn as nn\n\nmodel = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))\n"


def test_many_layers_added_one_after_another_still_open_in_construction_order(tmp_path):
    project = Project.from_code(SOURCE)
    for _ in range(70):  # each after the one added before it
        project.insert_layer(len(project) - 1, "Linear", out_features=4)
    project.insert_layer(1, "Tanh")  # and one in the middle
    order = project.construction_order()
    assert all(len(entry["rank"]) == 1 for entry in design_to_data(project)["layers"])
    project.save(tmp_path / "grown.pt")
    opened = Project.load(tmp_path / "grown.pt")
    assert opened.construction_order() == order
    assert repr(opened.model) == repr(project.model)
    opened.insert_layer(1, "ReLU")  # an opened design goes on ranking new layers, and saves again
    order = opened.construction_order()
    opened.save(tmp_path / "again.pt")
    assert Project.load(tmp_path / "again.pt").construction_order() == order
