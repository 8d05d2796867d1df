"""Update and compile LayerLab's translations (run from anywhere with the project's Python).

    python resources/translations/build.py          # lupdate, then lrelease: the .ts and the .qm
    python resources/translations/build.py update   # only collect the texts into the .ts files
    python resources/translations/build.py release  # only compile the .ts files into .qm files

``update`` runs PySide6's ``lupdate`` over ``editor/ui`` (every ``self.tr(...)`` and
``translate("Context", ...)``) and over the catalog's texts, which are plain data
the catalog cannot mark for Qt: they are written to a temporary file of
``translate("Catalog", ...)`` calls first. New texts arrive unfinished; a
translator fills them in (Qt Linguist: ``pyside6-linguist``), then ``release``.
Source locations are left out, so the .ts changes only when texts do.

The tests (``tests/ui/test_i18n_catalog.py``) use :func:`extract` and
:func:`read_ts` to check that every text has a finished Chinese translation and
that the committed .qm files hold what the .ts files say.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS_FILES = (HERE / "layerlab_zh_CN.ts",)
TIMEOUT_S = 300


def tool(name: str) -> str:
    """The path of PySide6's ``pyside6-<name>`` (next to this Python, or on PATH)."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}", shutil.which(f"pyside6-{name}")):
        if candidate is not None and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit(f"pyside6-{name} was not found: install PySide6 into this Python "
                     f"(pip install PySide6-Essentials).")


def catalog_texts() -> list[str]:
    """Every text of the model's data a learner reads, in order, each once.

    The catalog (categories, layer descriptions, hyperparameter help, worded count
    formulas; "My blocks", the section of custom layers), the ``nn.init`` functions and their
    arguments, the explanations of ``state_dict``, buffers and plain tensor attributes, and the
    example titles. The ui shows them through
    ``i18n.catalog_text``.
    """
    sys.path.insert(0, str(ROOT))
    try:
        from editor.model.catalog import CATEGORIES, CUSTOM_CATEGORY, KINDS
        from editor.model.init.functions import INIT_FUNCTIONS
        from editor.model.stats.parameters import BUFFERS_EXPLANATION, PLAIN_EXPLANATION, STATE_DICT_EXPLANATION
    finally:
        sys.path.remove(str(ROOT))
    texts: list[str] = []
    for category in (*CATEGORIES, CUSTOM_CATEGORY):
        texts += [category.name, category.description]
    for kind in KINDS:
        texts += [kind.description, kind.count_text, *(p.help for p in kind.params)]
    for function in INIT_FUNCTIONS.values():
        texts += [function.doc, *(a.doc for a in function.args)]
    texts += [STATE_DICT_EXPLANATION, BUFFERS_EXPLANATION, PLAIN_EXPLANATION]
    texts += list(_example_titles())
    texts += list(_lesson_descriptions())
    return list(dict.fromkeys(t for t in texts if t))


def _lesson_descriptions() -> tuple[str, ...]:
    """What the lessons' own layers and blocks say they do (shown like the catalog's descriptions)."""
    sys.path.insert(0, str(ROOT))
    try:
        from editor.model.lessons import DESCRIPTIONS
    finally:
        sys.path.remove(str(ROOT))
    return DESCRIPTIONS


def _example_titles() -> tuple[str, ...]:
    """The titles of File → Open Example (the examples module may name them elsewhere one day)."""
    try:
        from editor.model.examples import TITLES
    except ImportError:
        return ()
    return tuple(TITLES.values())


def model_texts() -> list[str]:
    """Every template the model, io and command layers say with ``say("...")`` (``editor.model.words``), each once.

    Read from the source with ``ast`` (nothing is imported or run). A ``say`` whose first
    argument is not a literal string cannot be translated: the test suite refuses it. A
    template of fields and spaces alone (``"{where}{problem}"``) has nothing to translate.
    """
    texts: list[str] = []
    for folder in (ROOT / "editor" / "model", ROOT / "editor" / "io", ROOT / "editor" / "commands"):
        for path in sorted(folder.rglob("*.py")):
            texts += [template for template, _line in say_calls(path.read_text(encoding="utf-8"))
                      if template is not None and _words_of(template).strip()]
    return list(dict.fromkeys(texts))


def _words_of(template: str) -> str:
    """``template`` without its fields: a template of fields and spaces alone has nothing to translate."""
    import string

    try:
        return "".join(literal for literal, *_ in string.Formatter().parse(template))
    except ValueError:
        return template


def say_calls(source: str) -> list[tuple[str | None, int]]:
    """(template, line) of each ``say(...)`` call in ``source``; template None where it is not a literal."""
    import ast

    calls = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "say":
            first = node.args[0] if node.args else None
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            calls.append((first.value if literal else None, node.lineno))
    return calls


def _catalog_source(folder: Path) -> Path:
    """A Python file of ``translate("Catalog", ...)`` and ``translate("Model", ...)`` calls for lupdate to read."""
    path = folder / "catalog_texts.py"
    lines = [f'translate("Catalog", {text!r})' for text in catalog_texts()]
    lines += [f'translate("Model", {text!r})' for text in model_texts()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lupdate(ts_files: tuple[Path, ...], *, quiet: bool = True) -> None:
    """Collect every text of ``editor/ui`` and the catalog into ``ts_files`` (kept translations stay).

    Only the ui and the commands speak Qt (import-linter keeps Qt out of the model and io), so
    only they call ``tr``; the model's texts come in through :func:`catalog_texts` and
    :func:`model_texts`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        sources = [ROOT / "editor" / "ui", ROOT / "editor" / "commands", _catalog_source(Path(tmp))]
        args = [tool("lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                *map(str, sources), "-ts", *map(str, ts_files)]
        if quiet:
            args.insert(1, "-silent")
        subprocess.run(args, check=True, timeout=TIMEOUT_S, cwd=ROOT)


def lrelease(ts_files: tuple[Path, ...], qm_folder: Path | None = None) -> list[Path]:
    """Compile each .ts into its .qm (next to it, or in ``qm_folder``); returns the .qm paths."""
    out = []
    for ts in ts_files:
        qm = (qm_folder or ts.parent) / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=TIMEOUT_S)
        out.append(qm)
    return out


def extract(folder: Path) -> Path:
    """A fresh .ts of every text in the code now (nothing translated), written in ``folder``."""
    ts = folder / "extracted.ts"
    lupdate((ts,))
    return ts


def read_ts(ts: Path) -> dict[tuple[str, str], str | None]:
    """{(context, source): translation, or None where it is unfinished or empty} of a .ts file."""
    messages: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            messages[(name, source)] = (translation.text or None) if done and translation is not None else None
    return messages


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "all"
    if what not in ("all", "update", "release"):
        print(__doc__)
        return 2
    if what in ("all", "update"):
        lupdate(TS_FILES, quiet=False)
        for ts in TS_FILES:
            missing = [key for key, value in read_ts(ts).items() if value is None]
            print(f"{ts.name}: {len(missing)} text(s) still to translate")
    if what in ("all", "release"):
        for qm in lrelease(TS_FILES):
            print(f"compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
