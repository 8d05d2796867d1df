"""The command line: ``layerlab [PROJECT]`` opens the GUI; ``summary``, ``export`` and ``import`` work without it."""

from editor.cli.main import main

__all__ = ["main"]
