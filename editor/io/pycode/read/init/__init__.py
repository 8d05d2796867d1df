"""Init rules and frozen parameters, read from code: ``model.apply(fn)`` and ``requires_grad_(False)``.

While the code reader goes through a file, :func:`read_call` and
:func:`read_assign` record these statements (never running them), with the
init function read as data (:class:`~editor.io.pycode.read.init.program.Program`).
After the import, :func:`restore_rules` turns the records that concern the
imported model into the project's init rules and frozen flags.

Modules, from the bottom up: ``program`` (an init function as data),
``expressions`` and ``body`` (reading one), ``run`` (following one over real
modules), ``statements`` (the records), ``restore`` (records to rules).
"""

from editor.io.pycode.read.init.restore import restore_rules
from editor.io.pycode.read.init.statements import Application, Freeze, read_assign, read_call

__all__ = ["Application", "Freeze", "read_assign", "read_call", "restore_rules"]
