"""Torch's CPU threads in the app: all of them for the background jobs, one for the GUI thread.

torch runs its parallel CPU kernels on OpenMP, and each thread that runs one gets a
team of worker threads of its own, kept while that thread lives. With GNU OpenMP
(torch's Linux wheels), once a process has more of those threads than the machine
has cores, an idle worker spins only 100 times before it sleeps instead of about
3 ms, and most parallel regions then wait for a sleeping worker to be woken. The Run
tab's work runs in a job, beside the GUI thread: on a 2-core machine the forward of
a 100-layer MLP took 5.0-5.4 ms there (7.1-7.6 ms with its statistics), where
``model(x)`` in a script takes about 3.9 ms.

So the GUI thread runs torch on itself alone and never makes a team (it builds and
edits designs; long work runs in jobs), and each job's thread runs with all of
torch's threads: the same forward then took 3.7-4.0 ms (4.9-5.5 ms with its
statistics). The price is paid by the few heavy ops left on the GUI thread:
``nn.init.orthogonal_`` of a 4096x4096 weight (the Initialize dialog, and
Materialize… replaying it) took 3.2 s instead of 1.8 s, the seed check of such a
weight 69 ms instead of 42 ms; random fills (``kaiming_uniform_``, ``normal_``) run
on one thread anyway. Two jobs of different runners within a second of each other
still make two teams (5.4 ms instead of 4.0 ms for that forward meanwhile).
"""

from __future__ import annotations

from editor.ui import jobs

_job_threads = 1
"""torch's thread count for a job's thread (the machine's default, as torch found it)."""


def share_torch_threads() -> int:
    """Call on the GUI thread once torch is loaded, before it runs any: torch's thread count for jobs.

    Nothing changes on a machine with one core (the count is 1).
    """
    global _job_threads
    import torch

    count = torch.get_num_threads()  # (first, so that torch settles this thread's own count now: set after it, the
    # count stays this thread's; set before, torch would set it again from the count of the last job to set one)
    if count > 1 and _give_job_threads not in jobs.BEFORE_EACH_JOB:
        _job_threads = count
        torch.set_num_threads(1)  # this thread's count (and, until a job sets its own, new threads')
        jobs.BEFORE_EACH_JOB.append(_give_job_threads)
    return max(count, _job_threads)


def _give_job_threads() -> None:
    """On a job's thread, before its job: all of torch's threads (a thread's count is its own, kept between jobs)."""
    import torch

    if torch.get_num_threads() != _job_threads:
        torch.set_num_threads(_job_threads)
