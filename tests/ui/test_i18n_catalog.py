"""The translations are complete and current: every visible text has real Chinese, and the .qm says the same.

``lupdate`` (PySide6's) collects every ``self.tr``/``translate`` text of ``editor/``
and the catalog's texts into a fresh .ts; each must have a finished translation
in the committed ``layerlab_zh_CN.ts``, and the committed ``.qm`` must give that
translation. Fields (``{name}``), mnemonics (``&``) and markup survive translation.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "layerlab_zh_CN.ts"
QM = TRANSLATIONS / "layerlab_zh_CN.qm"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FIELD = re.compile(r"\{[A-Za-z_]*\}")
TAG = re.compile(r"</?(?:a|b|i|p|br|code|span|ul|li|h3)\b[^>]*>")

# Translations that may stay as they are: formulas, code, names of things that are names in Chinese too.
SAME_IN_CHINESE = {"Dropout", "Transformer", "U(a, b)", "N(mean, std²)", "auto {names}", "{number}. {title}"}


def _build():
    spec = importlib.util.spec_from_file_location("translations_build", TRANSLATIONS / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations_build", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return _build()


@pytest.fixture(scope="module")
def committed(build):
    return build.read_ts(TS)


@pytest.fixture(scope="module")
def extracted(build, tmp_path_factory):
    return build.read_ts(build.extract(tmp_path_factory.mktemp("lupdate")))


def test_every_visible_text_has_a_finished_chinese_translation(extracted, committed):
    assert len(extracted) > 700  # the whole ui and the catalog, not an empty scan
    missing = sorted(key for key in extracted if committed.get(key) is None)
    assert not missing, (f"{len(missing)} texts have no Chinese translation yet: run "
                         f"`python resources/translations/build.py`, translate them in layerlab_zh_CN.ts "
                         f"(pyside6-linguist), then run it again. First ones: {missing[:10]}")


def test_every_text_is_found_in_a_named_context(extracted):
    """A bare ``tr("…")`` (not ``self.tr``) lands in an empty context that nothing at run time asks for."""
    assert not [source for context, source in extracted if not context]


def test_the_committed_ts_holds_no_text_the_code_no_longer_has(extracted, committed):
    assert not sorted(set(committed) - set(extracted))


def test_the_committed_qm_gives_every_translation_of_the_ts(committed):
    translator = QTranslator()
    assert translator.load(str(QM))
    wrong = [(context, source) for (context, source), text in committed.items()
             if text is not None and translator.translate(context, source) != text]
    assert not wrong, f"layerlab_zh_CN.qm is older than the .ts: run resources/translations/build.py. {wrong[:5]}"


def test_translations_keep_fields_mnemonics_and_markup(committed):
    for (context, source), text in committed.items():
        assert text is not None
        where = f"{context}: {source!r} → {text!r}"
        assert sorted(FIELD.findall(text)) == sorted(FIELD.findall(source)), where
        assert ("&" in text) == ("&" in source), where
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), where
        assert text.count("\n") == source.count("\n"), where


def test_translations_are_chinese_and_keep_pytorch_names(committed):
    for (context, source), text in committed.items():
        words = re.findall(r"[A-Za-z]+", source)
        if CJK.search(text) is None:
            assert source in SAME_IN_CHINESE or not any(len(w) > 2 and w.islower() for w in words), (context, source)
        for name in ("nn.Parameter", "state_dict", "requires_grad", "nn.Sequential", "model.eval()", "model.train()"):
            if name in source:
                assert name in text, (context, source, text)


def test_the_catalog_texts_are_collected_and_translated(build, committed):
    texts = build.catalog_texts()
    assert "Fully connected layer: multiplies by a weight matrix and adds a bias." in texts
    assert "Size of each input sample (the last dimension)." in texts
    assert all(committed.get(("Catalog", text)) for text in texts)


def test_no_translation_hides_where_lupdate_cannot_see_it():
    """``lupdate`` skips ``tr()`` inside an f-string's braces and calls through an alias: such texts never translate."""
    import ast

    hidden = []
    for path in sorted((ROOT / "editor").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue):
                for inner in ast.walk(node.value):
                    if isinstance(inner, ast.Call) and _called(inner) in ("tr", "translate") \
                            and any(isinstance(a, ast.Constant) for a in inner.args):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} (bare tr)")
            if isinstance(node, ast.Call) and _called(node) in ("tr", "translate") and node.args \
                    and isinstance(node.args[-1 if _called(node) == "tr" else 1], ast.JoinedStr):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} (an f-string to translate)")
    assert not hidden


def _called(call) -> str:
    import ast

    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
