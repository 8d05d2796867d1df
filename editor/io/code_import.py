"""Deprecated home of the code reader: it moved to :mod:`editor.io.pycode.read`.

Kept so that scripts written for earlier versions keep working; importing it warns.
"""

import warnings

from editor.io.pycode.read import ImportResult, ModelCandidate, find_models, import_code, import_model

__all__ = ["ImportResult", "ModelCandidate", "find_models", "import_code", "import_model"]

warnings.warn("editor.io.code_import moved to editor.io.pycode.read; import find_models and import_code from there.",
              DeprecationWarning, stacklevel=2)
