"""The user's own library of definitions: one JSON file per definition in a folder the caller chooses.

The app passes a folder under ``QStandardPaths.AppDataLocation``; scripts and
tests pass any folder. Files hold data only (:mod:`editor.model.custom.data`),
``{"format": "layerlab-definition", "version": 1, "definition": {...}}``,
read with :mod:`json` (never executed) and checked like a project file's
definitions. A file is named after its definition (``MyLinear.json``); names
are identifiers, so no name can reach outside the folder. Writes go to a
temporary file in the same folder, then replace the old file in one step.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

from editor.model.custom.data import definition_from_data, definition_to_data
from editor.model.custom.definitions import MAX_DEFINITIONS, Definition, DefinitionError
from editor.model.custom.language import name_problem
from editor.model.words import format_bytes, say

FORMAT = "layerlab-definition"
VERSION = 1
MAX_FILE_BYTES = 1 << 20
"""The largest library file read (a definition is a few KB)."""


class Library:
    """The definitions saved in ``folder`` (created on the first save)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _file(self, name: str) -> Path:
        problem = name_problem(name, "definition")
        if problem is not None:
            raise DefinitionError(say("{problem}.", problem=problem), field="name")
        return self.folder / f"{name}.json"

    def names(self) -> list[str]:
        """The names of the saved definitions, sorted (files that are not definitions' are skipped)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json"))[:MAX_DEFINITIONS]:
            if name_problem(path.stem, "definition") is None:
                found.append(path.stem)
        return found

    def load(self, name: str) -> Definition:
        """The definition saved as ``name``; :class:`DefinitionError` in words when it is missing or damaged."""
        path = self._file(name)
        try:
            info = path.stat()
        except OSError:
            raise DefinitionError(say("There is no {name} in your library ({folder}).", name=name,
                                      folder=self.folder)) from None
        if not stat.S_ISREG(info.st_mode):
            raise DefinitionError(say("{path} in your library is not a regular file.", path=path.name))
        if info.st_size > MAX_FILE_BYTES:
            raise DefinitionError(say("{path} in your library is larger than {size}, so it is not a "
                                      "definition LayerLab wrote.", path=path.name, size=format_bytes(MAX_FILE_BYTES)))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise DefinitionError(say("{path} in your library cannot be read: {reason}", path=path.name,
                                      reason=str(exc)[:120])) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DefinitionError(say("{path} in your library is not a LayerLab definition.", path=path.name))
        if data.get("version") != VERSION:
            raise DefinitionError(say("{path} in your library was written by another LayerLab version ({version}).",
                                      path=path.name, version=str(data.get("version"))[:20]))
        definition = definition_from_data(data.get("definition"), path.name)
        if definition.name != name:
            raise DefinitionError(say("{path} in your library holds {definition!r}, not {name!r}.", path=path.name,
                                      definition=definition.name, name=name))
        return definition

    def load_all(self) -> tuple[list[Definition], list[str]]:
        """Every definition that loads, and a sentence for each file that does not."""
        definitions, problems = [], []
        for name in self.names():
            try:
                definitions.append(self.load(name))
            except DefinitionError as exc:
                problems.append(str(exc))
        return definitions, problems

    def save(self, definition: Definition) -> Path:
        """Save ``definition`` (replacing one of the same name); returns its file."""
        path = self._file(definition.name)
        text = json.dumps({"format": FORMAT, "version": VERSION, "definition": definition_to_data(definition)},
                          indent=2, ensure_ascii=False)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{definition.name}.", suffix=".saving", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path

    def remove(self, name: str) -> None:
        """Delete the saved definition ``name`` (nothing happens when there is none)."""
        self._file(name).unlink(missing_ok=True)


__all__ = ["Library"]
