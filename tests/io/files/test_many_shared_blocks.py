"""A file of 20,000 blocks that share one module opens and summarizes in time linear in the blocks (#17).

Absolute times are never asserted (machines are shared and noisy): 10x the blocks must cost far less than the
100x a quadratic open took (2,000 / 4,000 / 8,000 blocks opened in 2.2 / 6.6 / 23.2 s, summary of 5,000 in 62 s).
"""

from __future__ import annotations

import time

import pytest
from torch import nn

from editor import Project


def open_and_summarize(path) -> tuple[float, Project]:
    start = time.perf_counter()
    project = Project.load(path)
    project.summary()
    return time.perf_counter() - start, project


@pytest.mark.slow
def test_twenty_thousand_shared_blocks_open_in_linear_time(tmp_path):
    shared = nn.Linear(4, 4)
    timings = {}
    for count in (2_000, 20_000):
        path = tmp_path / f"shared_{count}.pt"
        Project.from_module(nn.Sequential(*[shared] * count)).save(path)
        open_and_summarize(path)  # warm up
        seconds, project = open_and_summarize(path)
        timings[count] = seconds
        assert len(project) == count and project.model[0] is project.model[count - 1]
        assert project.count_parameters() == 20
    assert timings[20_000] / timings[2_000] < 30, timings  # linear: about 10; quadratic: about 100
