"""The code packages' shape: modules never import their own package, and the entry points each offers.

Import cycles anywhere are caught by tests/test_architecture.py.
"""

from __future__ import annotations

import importlib

import pytest

grimp = pytest.importorskip("grimp")  # installed with import-linter (the test extra)

PACKAGES = ("editor.io.pycode", "editor.io.pycode.export", "editor.io.pycode.read", "editor.io.pycode.read.init",
            "editor.io.pycode.read.classes")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("editor", exclude_type_checking_imports=False, cache_dir=None)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_imports_its_own_package(graph, package):
    """A package's ``__init__`` imports its modules; they import their siblings directly, never the package."""
    inside = [m for m in graph.find_children(package) if m not in PACKAGES]
    assert [m for m in inside if package in graph.find_modules_directly_imported_by(m)] == []


@pytest.mark.parametrize(("package", "names"), [
    ("editor.io.pycode", {"export_code": "export.writer", "write_code": "export.writer",
                          "import_code": "read.reader", "import_model": "read.reader", "find_models": "read.reader"}),
    ("editor.io.pycode.export", {"export_code": "writer", "write_code": "writer", "shadowing_note": "writer",
                                 "check_weights_name": "writer", "rule_program": "init_code"}),
    ("editor.io.pycode.read", {"import_code": "reader", "import_model": "reader", "find_models": "reader",
                               "ImportResult": "reader", "ModelCandidate": "models"}),
    ("editor.io.pycode.read.init", {"restore_rules": "restore", "read_call": "statements",
                                    "read_assign": "statements", "Application": "statements",
                                    "Freeze": "statements"}),
    ("editor.io.pycode.read.classes", {"analyze_class": "analyze", "ClassContext": "context", "REQUIRED": "ir",
                                       "ChildIR": "ir", "ClassIR": "ir", "Hyperparameter": "ir", "InitCall": "ir",
                                       "ParameterIR": "ir"}),
])
def test_packages_offer_their_entry_points(package, names):
    module = importlib.import_module(package)
    assert module.__doc__ and module.__doc__.strip()
    assert set(module.__all__) == set(names)
    for name, home in names.items():
        assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{home}"), name)
