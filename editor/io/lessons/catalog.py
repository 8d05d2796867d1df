"""Lesson texts: ``resources/examples/NN-name.json``, next to the lesson's project file ``NN-name.pt``.

A lesson file is plain data (format ``layerlab-lesson``, version 1)::

    {"format": "layerlab-lesson", "version": 1,
     "number": 3,                              # its place in the Lessons menu
     "design": "03-nested-mismatch",           # the project file, without .pt
     "focus": "parameters",                    # optional: the tab to bring forward
     "select": "1.0",                          # optional: the block (path) to select on opening
     "title":   {"en": "...", "zh_CN": "..."},
     "summary": {"en": "one line", "zh_CN": "..."},
     "text":    {"en": ["Markdown paragraph", ...], "zh_CN": [...]},
     "extras":  [{"design": "03-nested-fixed", "label": {"en": "...", "zh_CN": "..."}}],   # optional
     "when":    {"cuda": {"en": [...], ...}, "no_cuda": {...}}}                          # optional

Every text is given in each of :data:`LANGUAGES`: the lesson shows the one
the app speaks. ``when`` adds paragraphs that hold only on a machine with
(``cuda``) or without (``no_cuda``) a CUDA GPU. Files are checked as they are
read; anything wrong is a :class:`ProjectFileError` naming the file and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import Opened, open_project
from editor.model.words import format_bytes, message_of, say
from editor.resources import examples_folder

FORMAT = "layerlab-lesson"
VERSION = 1
LANGUAGES = ("en", "zh_CN")
"""The languages every lesson text is written in; the first is the fallback."""
FOCUS = ("parameters", "histogram", "code", "run", "print")
"""The bottom tabs a lesson may bring forward."""
CONDITIONS = ("cuda", "no_cuda")
MAX_LESSONS = 100
MAX_FILE_BYTES = 256 * 1024
MAX_PARAGRAPHS = 60


@dataclass(frozen=True)
class Extra:
    """Another design that belongs to a lesson (e.g. the fixed version), opened from the lesson panel."""

    design: str
    label: Mapping[str, str]

    def label_in(self, language: str) -> str:
        return _pick(self.label, language)


@dataclass(frozen=True)
class Lesson:
    """One lesson: its number, design file, and texts in every language of :data:`LANGUAGES`."""

    number: int
    design: str
    title: Mapping[str, str]
    summary: Mapping[str, str]
    text: Mapping[str, tuple[str, ...]]
    folder: Path
    extras: tuple[Extra, ...] = ()
    focus: str | None = None
    select: str | None = None
    when: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The lesson's name: its design file without ``.pt`` (``"01-first-mlp"``)."""
        return self.design

    def title_in(self, language: str) -> str:
        return _pick(self.title, language)

    def summary_in(self, language: str) -> str:
        return _pick(self.summary, language)

    def text_in(self, language: str, cuda: bool | None = None) -> str:
        """The lesson text as Markdown; with ``cuda`` known, the paragraphs that hold on this machine are added."""
        paragraphs = list(_pick(self.text, language))
        condition = None if cuda is None else ("cuda" if cuda else "no_cuda")
        if condition in self.when:
            paragraphs += _pick(self.when[condition], language)
        return "\n\n".join(paragraphs)

    def design_path(self, design: str | None = None) -> Path:
        """The project file of the lesson (or of one of its extras)."""
        return self.folder / f"{design or self.design}.pt"


def _pick(texts: Mapping[str, Any], language: str) -> Any:
    return texts.get(language) or texts[LANGUAGES[0]]


# ------------------------------------------------------------------ reading
def _fail(path: Path, problem: str) -> ProjectFileError:
    return ProjectFileError(say("The lesson file {path} is damaged: {problem}. Reinstall LayerLab, or run "
                                "'python tools/build_lessons.py' in a checkout.",
                                path=path.name, problem=problem), "lesson", str(path))


def _texts(path: Path, data: Any, key: str, many: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(path, say("'{key}' must map each language to its text", key=key))
    out: dict[str, Any] = {}
    for language in LANGUAGES:
        value = data.get(language)
        if many:
            if (not isinstance(value, list) or not value or len(value) > MAX_PARAGRAPHS
                    or not all(isinstance(p, str) and p.strip() for p in value)):
                raise _fail(path, say("'{key}' needs 1 to {limit} paragraphs in {language}",
                                      key=key, limit=MAX_PARAGRAPHS, language=language))
            out[language] = tuple(value)
        else:
            if not isinstance(value, str) or not value.strip() or "\n" in value:
                raise _fail(path, say("'{key}' needs one line of text in {language}", key=key, language=language))
            out[language] = value
    return out


def _design_name(path: Path, value: Any, key: str) -> str:
    if not isinstance(value, str) or not value or not all(c.isalnum() or c in "-_" for c in value):
        raise _fail(path, say("'{key}' must name a project file in the same folder (letters, digits, - and _)",
                              key=key))
    if not (path.parent / f"{value}.pt").is_file():
        raise _fail(path, say("its design {value}.pt is missing", value=value))
    return value


def read_lesson(path: Path) -> Lesson:
    """The lesson in the JSON file ``path`` (checked; :class:`ProjectFileError` says what is wrong)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(path, say("it is larger than {size}", size=format_bytes(MAX_FILE_BYTES)))
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(path, say("it is not readable JSON ({reason})", reason=message_of(exc))) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(path, say("it is not a lesson (format {format!r})", format=FORMAT))
    if data.get("version") != VERSION:
        raise _fail(path, say("it has version {version!r}; this LayerLab reads version {readable}",
                              version=data.get("version"), readable=VERSION))
    number = data.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_LESSONS:
        raise _fail(path, say("'number' must be a whole number from 1 to {limit}", limit=MAX_LESSONS))
    focus = data.get("focus")
    if focus is not None and focus not in FOCUS:
        raise _fail(path, say("'focus' must be one of {choices}", choices=', '.join(FOCUS)))
    select = data.get("select")
    if select is not None and not (isinstance(select, str) and re.fullmatch(r"\d{1,4}(\.\d{1,4}){0,15}", select)):
        raise _fail(path, say("'select' must be a block path such as \"1.0\""))
    extras = data.get("extras", [])
    if not isinstance(extras, list) or not all(isinstance(e, dict) for e in extras):
        raise _fail(path, say("'extras' must be a list of {{design, label}}"))
    when = data.get("when", {})
    if not isinstance(when, dict) or not set(when) <= set(CONDITIONS):
        raise _fail(path, say("'when' may hold only {choices}", choices=', '.join(CONDITIONS)))
    return Lesson(
        number=number,
        design=_design_name(path, data.get("design"), "design"),
        title=_texts(path, data.get("title"), "title", many=False),
        summary=_texts(path, data.get("summary"), "summary", many=False),
        text=_texts(path, data.get("text"), "text", many=True),
        folder=path.parent,
        extras=tuple(Extra(_design_name(path, e.get("design"), "extras"),
                           _texts(path, e.get("label"), "extras label", many=False)) for e in extras),
        focus=focus,
        select=select,
        when={key: _texts(path, value, f"when {key}", many=True) for key, value in when.items()},
    )


def read_lessons(folder: Path | None = None) -> list[Lesson]:
    """Every lesson in ``folder`` (default: the installed ``resources/examples``), by number."""
    folder = examples_folder() if folder is None else Path(folder)
    files = sorted(folder.glob("*.json"))
    if len(files) > MAX_LESSONS:
        raise ProjectFileError(say("{folder} holds {count} lesson files; LayerLab reads at most {limit}.",
                                   folder=folder, count=len(files), limit=MAX_LESSONS),
                               "lesson", str(folder))
    lessons = sorted((read_lesson(f) for f in files), key=lambda lesson: lesson.number)
    numbers = [lesson.number for lesson in lessons]
    if len(set(numbers)) != len(numbers):
        twice = sorted({n for n in numbers if numbers.count(n) > 1})
        raise ProjectFileError(say("Two lessons in {folder} have the number {number}: give each its own.",
                                   folder=folder, number=twice[0]), "lesson",
                               str(folder))
    return lessons


def find_lesson(name: str | int, lessons: list[Lesson] | None = None) -> Lesson:
    """The lesson called ``name`` (``"01-first-mlp"``, ``"first-mlp"``) or numbered ``name`` (``1``)."""
    lessons = read_lessons() if lessons is None else lessons
    for lesson in lessons:
        if name in (lesson.number, lesson.name, str(lesson.number), lesson.name.split("-", 1)[-1]):
            return lesson
    known = ", ".join(lesson.name for lesson in lessons)
    raise ProjectFileError(say("There is no lesson {name!r}. The lessons are: {known}.",
                               name=name, known=known), "missing")


def open_lesson_design(lesson: Lesson, design: str | None = None) -> Opened:
    """Open the lesson's project file (or that of one of its extras), as File → Open would."""
    if design is not None and design != lesson.design and design not in {e.design for e in lesson.extras}:
        raise ProjectFileError(say("Lesson {number} has no design {design!r}.",
                                   number=lesson.number, design=design), "missing")
    return open_project(lesson.design_path(design))


__all__ = ["CONDITIONS", "FOCUS", "FORMAT", "LANGUAGES", "VERSION", "Extra", "Lesson", "find_lesson",
           "open_lesson_design", "read_lesson", "read_lessons"]
