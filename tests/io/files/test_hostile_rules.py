"""Init rules in a stranger's project file: one that could not be replayed is refused when the file is opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor import Project, ProjectFileError
from editor.io.files.project_file import load_project, to_payload
from editor.model.examples import mlp
from tests.io.files.hostile import rule, save

ROOT = Path(__file__).resolve().parents[3]

BAD_RULES = {
    "kaiming_on_bias": (rule("kaiming_uniform_", parameters="bias"), "needs at least 2 dimensions"),
    "overflowing_expression": (rule("uniform_", expression="exp(w * 1000)"), "NaN or infinite values"),
    "not_finite_expression": (rule("uniform_", expression="log(w - 2)"), "NaN or infinite values"),
    "huge_std": (rule("normal_", args={"std": 1e300}), "NaN or infinite values"),
    "rule_field_in_args": (rule("uniform_", args={"parameters": "bias"}), "is a field of the rule"),
    "layers_in_args": (rule("uniform_", args={"layers": [0]}), "is a field of the rule"),
    "unknown_function": (rule("os.system"), "There is no init function"),
    "fan_in_on_bias": (rule("uniform_", parameters="bias", expression="w / fan_in"), "fan_in or fan_out"),
}


def _file(tmp_path: Path, name: str, rules: list) -> Path:
    payload = to_payload(mlp(0))
    payload["init_rules"] = rules
    return save(payload, tmp_path / f"{name}.pt")


@pytest.mark.parametrize("name", BAD_RULES)
def test_a_rule_that_cannot_apply_is_refused_on_open(tmp_path, name):
    bad, words = BAD_RULES[name]
    path = _file(tmp_path, name, [bad])
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    message = str(info.value)
    assert info.value.reason == "init_rule" and words in message, message
    assert len(message) < 300 and "make_rule" not in message and "got multiple values" not in message


def test_a_rule_refused_on_open_is_the_only_broken_one_of_several(tmp_path):
    good = rule("xavier_uniform_")
    path = _file(tmp_path, "second", [good, rule("kaiming_normal_", parameters="bias")])
    with pytest.raises(ProjectFileError, match=r"init_rules\[1\]"):
        load_project(path)


def test_files_with_good_rules_open_and_replay(tmp_path):
    bias_rule = rule("uniform_", parameters="bias", args={"a": -0.1, "b": 0.1}, expression="where(abs(w) < 0.05, 0, w)")
    path = _file(tmp_path, "good", [rule("xavier_uniform_"), bias_rule])
    project = load_project(path)
    assert len(project.init_rules) == 2
    project.reset_parameters()  # replays both rules
    assert project.weights_from_seed


@pytest.mark.parametrize("name", ["kaiming_on_bias", "overflowing_expression", "rule_field_in_args"])
def test_summary_cli_says_the_same_clear_thing(tmp_path, name):
    path = _file(tmp_path, name, [BAD_RULES[name][0]])
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "summary", str(path)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip() == f"layerlab summary: {info.value}"
    assert "Traceback" not in result.stderr


def test_a_rule_the_design_outgrew_is_left_out_with_a_notice_and_the_project_opens(tmp_path):
    from torch import nn

    from editor.io.files.project_file import open_project

    project = mlp(0)
    project.initialize("xavier_uniform_")  # every weight of the design: two Linears, then ...
    project.append(nn.BatchNorm1d(5))  # ... a 1-D weight it cannot fill, added afterwards
    assert len(project.init_rules[0].layers) == 2  # LayerLab narrows the rule to the two Linears at the edit ...
    payload = to_payload(project)
    payload["init_rules"][0]["layers"] = None  # ... a file from elsewhere (or an older LayerLab) does not
    save(payload, tmp_path / "grown.pt")
    opened = open_project(tmp_path / "grown.pt")
    assert opened.project.init_rules == ()
    assert len(opened.notices) == 1 and "no longer fits this design" in opened.notices[0]
    assert "BatchNorm1d block at 3" in opened.notices[0] and len(opened.notices[0]) < 300
    for key, value in project.model.state_dict().items():  # the weights are as saved
        assert value.equal(opened.project.model.state_dict()[key])
    opened.project.reset_parameters()  # nothing left to fail when replayed
