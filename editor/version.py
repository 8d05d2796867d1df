"""LayerLab's version, on its own so that any layer can read it without importing the package's public face."""

__version__ = "0.1.0"
