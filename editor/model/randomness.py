"""torch's global random numbers, shared by every thread: whoever sets or draws them for exact results takes turns.

A layer built from the seed on the GUI thread (``fork_rng``, then the seed
stream's state) and a training's Dropout in a worker both use the one global
generator. Interleaved, each disturbed the other: a layer's values were no
longer the seed's (4 of 614 seeded builds during a training with Dropout), and
the training's losses no longer repeated. Every such use goes through
:data:`RANDOM` (:func:`forked` for the ones that set the state and give it
back), so one waits for the other: at most one training step, or one run.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence

import torch

RANDOM = threading.RLock()
"""Held while a thread sets or draws torch's global random numbers for exact results."""


@contextlib.contextmanager
def forked(devices: Sequence[int] = ()) -> Iterator[None]:
    """``torch.random.fork_rng(devices)`` while no other thread uses the global generators: what is drawn inside
    neither sees nor moves anyone else's numbers."""
    with RANDOM, torch.random.fork_rng(devices=list(devices)):
        yield
