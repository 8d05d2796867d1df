"""Exporting a design as a plain PyTorch script that needs nothing but torch.

:func:`export_code` gives the script's text and :func:`write_code` saves it
safely; with the project's seed, running the script gives the very same
parameters. :func:`shadowing_note` warns about script names that would hide a
module the script imports, :func:`check_weights_name` checks the name of a
weights file the script loads, and :func:`rule_program` shows one init rule as
the code that does it.

Modules: ``names`` (variable names from labels), ``calls`` (layer
constructor calls), ``init_code`` (init rules and freezing), ``writer`` (the
whole script).
"""

from editor.io.pycode.export.init_code import rule_program
from editor.io.pycode.export.writer import check_weights_name, export_code, shadowing_note, write_code

__all__ = ["check_weights_name", "export_code", "rule_program", "shadowing_note", "write_code"]
