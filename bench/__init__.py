"""Benchmarks: each prints ratios against a floor measured in the same run.

Run them all with ``python -m bench`` (or ``make bench``), one with
``python -m bench model``. They are not part of the test run: these machines
are shared and noisy, so absolute times mean little and tests never assert them.
"""
