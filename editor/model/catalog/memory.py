"""How much memory this process may still allocate: the host's, a process limit's and a container's.

``/proc/meminfo``'s ``MemAvailable`` is what the host could give; a process
may be held to less by ``RLIMIT_AS`` (``ulimit -v``) or by its cgroup
(``memory.max`` in cgroup v2, ``memory.limit_in_bytes`` in v1, as Docker and
systemd set them). :func:`available_memory` is the smallest of those that
apply, so ``nn.Linear(50000, 50000)`` is refused with a clear message instead
of dying in the allocator. :func:`allocation_failure` recognizes what torch
raises when an allocation fails anyway.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

FALLBACK = 8 * 1024**3
"""What to assume when nothing can be read (not Linux, no /proc)."""

CGROUP_ROOT = Path("/sys/fs/cgroup")


def _read_int(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text or text == "max":
        return None
    try:
        return int(text.split()[0])
    except ValueError:
        return None


def host_available() -> int | None:
    """``MemAvailable`` from ``/proc/meminfo`` (or the free pages sysconf reports)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def address_space_left() -> int | None:
    """What ``RLIMIT_AS`` still allows this process to map (None when unlimited)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft in (resource.RLIM_INFINITY, -1) or soft <= 0:
        return None
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
        used = pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        used = 0
    return max(soft - used, 0)


def _own_cgroup(root: Path) -> tuple[Path | None, Path | None]:
    """This process's cgroup folders: (v2 unified, v1 memory controller), each None when absent."""
    try:
        lines = Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines()
    except OSError:
        lines = []
    unified = v1 = None
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, relative = parts
        relative = relative.lstrip("/")
        if controllers == "":
            unified = root / relative
        elif "memory" in controllers.split(","):
            v1 = root / "memory" / relative
    return unified, v1


def cgroup_left(root: Path = CGROUP_ROOT) -> int | None:
    """What the process's cgroup memory limit still allows (None when there is no limit)."""
    unified, v1 = _own_cgroup(root)
    candidates: list[tuple[Path, str, str]] = []
    for folder in (unified, root):
        if folder is not None:
            candidates.append((folder, "memory.max", "memory.current"))
    for folder in (v1, root / "memory"):
        if folder is not None:
            candidates.append((folder, "memory.limit_in_bytes", "memory.usage_in_bytes"))
    for folder, limit_name, usage_name in candidates:
        limit = _read_int(folder / limit_name)
        if limit is None or limit >= 1 << 60:  # v1 says "no limit" with a huge number
            continue
        usage = _read_int(folder / usage_name) or 0
        return max(limit - usage, 0)
    return None


SOURCES: tuple[Callable[[], int | None], ...] = (host_available, address_space_left, cgroup_left)


_last: tuple[float, int] | None = None
MARGIN = 1.1
"""Allocating a layer's parameters needs their bytes times this free (the allocator's own, and a copy while one
is swapped in): a layer that needs more is kept unallocated, and materializing one is refused."""

FRESH_S = 0.25  # building thousands of layers asks thousands of times: read the files at most this often


def available_memory() -> int:
    """Bytes this process could still allocate: the smallest of the host's, RLIMIT_AS's and the cgroup's."""
    global _last
    now = time.monotonic()
    if _last is not None and now - _last[0] < FRESH_S:
        return _last[1]
    found = [value for source in SOURCES if (value := source()) is not None]
    value = min(found) if found else FALLBACK
    _last = (now, value)
    return value


def allocation_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is an allocation that failed (torch's CPU or CUDA allocator, or Python's)."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and ("can't allocate memory" in text or "out of memory" in text
                                               or "not enough memory" in text)
