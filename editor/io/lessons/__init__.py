"""The lessons in ``resources/examples``: each a project file (``NN-name.pt``) and its lesson text (``NN-name.json``).

- ``catalog``: :class:`Lesson` (title, one-line summary and text, in English
  and Simplified Chinese), read from the JSON files; :func:`read_lessons`,
  :func:`find_lesson`, :func:`open_lesson_design`.
- ``designs``: writing the project files from :mod:`editor.model.lessons`, and
  checking that the committed ones are what it builds (``tools/build_lessons.py``).
"""

from editor.io.lessons.catalog import LANGUAGES, Extra, Lesson, find_lesson, open_lesson_design, read_lessons

__all__ = ["LANGUAGES", "Extra", "Lesson", "find_lesson", "open_lesson_design", "read_lessons"]
