"""Safe Python names for exported code: variables from labels and layer kinds, comments from any text.

Labels are whatever a user typed (quotes, newlines, emoji, ``__import__``);
only letters, digits and underscores of them survive into a variable name,
and a name never shadows a keyword, a builtin or a name the exported file
itself uses (``torch``, ``nn``, ``model`` …). Keys and strings are written
with ``repr`` elsewhere; this module covers identifiers and comments.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

# Names the exported file defines or imports; a variable must never hide one of them.
FILE_NAMES = frozenset({
    "torch", "nn", "math", "OrderedDict", "Path", "SEED", "WEIGHTS", "build_model", "model", "device",
    "x", "y", "p", "main",
})
RESERVED = FILE_NAMES | frozenset(dir(builtins)) | frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)

_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


def snake_case(kind_name: str) -> str:
    """A variable-style name for a layer kind: ``BatchNorm2d`` → ``batch_norm2d``, ``ReLU`` → ``relu``."""
    return _CAMEL_BREAK.sub("_", kind_name).lower()


def identifier(text: str) -> str:
    """The letters, digits and underscores of ``text`` as a lowercase identifier ('' when none survive)."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = "".join(ch if ("a" + ch).isidentifier() else "_" for ch in text)
    name = re.sub(r"_+", "_", kept).strip("_")
    if name and not name[0].isidentifier():  # starts with a digit
        name = "_" + name
    # Python compares identifiers after NFKC; only keep what is already normal and valid.
    if not name.isidentifier() or unicodedata.normalize("NFKC", name) != name:
        return ""
    return name


def comment_text(text: str) -> str:
    """``text`` made safe for a ``#`` comment: no line breaks or other invisible control characters."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text))


class Namer:
    """Hands out unique identifiers that hide nothing the file relies on."""

    def __init__(self, taken: set[str] | frozenset[str] = frozenset()) -> None:
        self.used: set[str] = set(RESERVED) | set(taken)

    def take(self, base: str, fallback: str = "layer") -> str:
        """``base`` (sanitized) if free, else ``base_2``, ``base_3`` …"""
        name = identifier(base) or identifier(fallback) or "layer"
        if name in RESERVED:
            name += "_"
        candidate, n = name, 2
        while candidate in self.used:
            candidate = f"{name}_{n}"
            n += 1
        self.used.add(candidate)
        return candidate

    def reserve(self, name: str) -> None:
        """Mark ``name`` as used (e.g. an init function the file defines)."""
        self.used.add(name)
