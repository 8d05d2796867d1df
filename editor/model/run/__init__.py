"""Running a design: the devices this machine has, inputs to feed it, a forward (and backward) pass with
per-block statistics, and a few training steps on a synthetic task. Pure torch; never imports Qt or io.

The Project offers these as ``p.run(...)`` and ``p.train_steps(...)`` (see ``project.running``).
"""
