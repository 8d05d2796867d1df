"""``nn.Module`` classes of the file, read as data (never run) and turned into custom-layer definitions.

Modules, from the bottom up: ``ir`` (a class as data), ``context`` (what
reading a class needs from the code reader), ``translate`` (Python
expressions into LayerLab's safe expression language), ``init_method`` and
``forward_method`` (the two methods), ``analyze`` (a whole class).
"""

from editor.io.pycode.read.classes.analyze import analyze_class
from editor.io.pycode.read.classes.context import ClassContext
from editor.io.pycode.read.classes.ir import REQUIRED, ChildIR, ClassIR, Hyperparameter, InitCall, ParameterIR

__all__ = ["REQUIRED", "ChildIR", "ClassContext", "ClassIR", "Hyperparameter", "InitCall", "ParameterIR",
           "analyze_class"]
