"""A time bound on reading a file: the read is stopped once it has run longer than it may.

Size and memory are bounded before a read starts (:mod:`~editor.io.files.limits`),
but a small description part can still take very long to unpickle: a dict of
80,000 keys whose hashes collide took 40 s from 1 MB, and some containers are
copied once per use. torch's ``weights_only`` unpickler is Python code, so the
thread that reads can be stopped between two of its steps: a timer thread raises
:class:`ReadTooLong` in it once the time is up (``PyThreadState_SetAsyncExc``).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

READ_FLOOR_S = 10.0
"""Seconds any read may take."""
READ_S_PER_MIB = 4.0
"""And this many more per MiB of its description part (torch.load of LayerLab's own files takes about 0.7 s per
MiB on a 2-core machine: a design of 10,000 blocks has 3 MiB)."""
READ_S_PER_DATA_MIB = 0.1
"""And this many per MiB of everything it holds, tensors included (a disk as slow as 10 MiB/s: a USB stick, a
network share)."""


class ReadTooLong(BaseException):
    """Raised in a thread whose read ran past its time. A BaseException, so that no ``except Exception`` on the way
    (torch wraps what its unpickler raises) turns it into another error."""


def read_seconds(pickle_bytes: int, data_bytes: int = 0) -> float:
    """How long reading a file may take whose description part has ``pickle_bytes`` bytes, and all of it
    ``data_bytes``."""
    return READ_FLOOR_S + (READ_S_PER_MIB * pickle_bytes + READ_S_PER_DATA_MIB * data_bytes) / 2**20


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, stopped with :class:`ReadTooLong` once it has run ``seconds``.

    The exception comes between two Python steps of ``work``: a single long step in C finishes first. Once
    ``work`` has returned, none comes (a pending one is taken back).
    """
    me = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(me), ctypes.py_object(ReadTooLong))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:  # raised too late to stop the work: taken back, if it has not come yet
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(me), None)
        timer.cancel()
