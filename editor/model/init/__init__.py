"""Initialization: the ``torch.nn.init`` functions as data (``functions``), the rules a project keeps and
replays (``rules``) and the distributions they draw from, for the histogram's overlay (``distributions``).
"""
