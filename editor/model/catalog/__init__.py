"""The layer catalog: every ``torch.nn`` layer kind LayerLab knows, as plain data.

Each :class:`LayerKind` names its torch class by string and declares its
hyperparameters (type, default, valid range or choices, how to read them back
from a live module, which ones can follow the input shape), a one-line
description, the PyTorch docs link, its parameter-count formula and its
output-shape rule. Formulas are expressions in :mod:`editor.model.custom.expr`.

This module imports no torch, so the palette can be drawn before torch has
loaded.
"""

from __future__ import annotations

from collections.abc import Iterable

from editor.model.catalog.layers import CATEGORIES, CUSTOM_CATEGORY, KINDS
from editor.model.catalog.schema import AUTO, Category, Constraint, HyperParam, LayerKind
from editor.model.words import closest

__all__ = ["AUTO", "CATEGORIES", "CUSTOM_CATEGORY", "KINDS", "Category", "Constraint", "HyperParam", "LayerKind",
           "categories", "category", "has_kind", "kind", "kinds", "kinds_in", "search", "suggested_kind"]

_BY_NAME: dict[str, LayerKind] = {k.name: k for k in KINDS}
_CATEGORY_BY_NAME: dict[str, Category] = {c.name: c for c in (*CATEGORIES, CUSTOM_CATEGORY)}


def kinds() -> tuple[LayerKind, ...]:
    """Every layer kind, in palette order."""
    return KINDS


def categories() -> tuple[Category, ...]:
    """Every palette category, in palette order."""
    return CATEGORIES


def category(name: str) -> Category:
    """The category called ``name`` (the catalog's, or ``CUSTOM_CATEGORY`` of custom layers and blocks)."""
    return _CATEGORY_BY_NAME[name]


def kind(name: str) -> LayerKind:
    """The layer kind called ``name`` (e.g. ``"Linear"``); ``KeyError`` when unknown."""
    return _BY_NAME[name]


def has_kind(name: str) -> bool:
    """Whether the catalog knows a kind called ``name``."""
    return name in _BY_NAME


def suggested_kind(name: object, extra: Iterable[str] = ()) -> str | None:
    """The kind (of the catalog, or of ``extra``: a design's own definitions) that ``name`` most likely meant
    (``relu``, ``nn.RelU``, ``Linaer``); None when nothing is near, or when ``name`` is a real torch layer the
    catalog lacks (``GLU`` is no misspelt ``GELU``)."""
    from torch import nn  # (here: the catalog itself is read before torch is imported)

    if not isinstance(name, str) or hasattr(nn, name.removeprefix("torch.").removeprefix("nn.")):
        return None
    return closest(name, [*(k.name for k in KINDS), *extra])


def kinds_in(category_name: str) -> tuple[LayerKind, ...]:
    """The kinds of one category, in palette order."""
    return tuple(k for k in KINDS if k.category == category_name)


def search(text: str, within: Iterable[LayerKind] | None = None) -> list[LayerKind]:
    """Kinds whose name, category or description contain ``text`` (case-insensitive).

    Name matches come first, then prefix matches of the name, then the rest.
    """
    needle = text.strip().lower()
    pool = list(within if within is not None else KINDS)
    if not needle:
        return pool

    def rank(k: LayerKind) -> int:
        name = k.name.lower()
        if name == needle:
            return 0
        if name.startswith(needle):
            return 1
        if needle in name:
            return 2
        return 3

    hits = [k for k in pool if needle in f"{k.name} {k.category} {k.description}".lower()]
    return sorted(hits, key=rank)


__all__ = [
    "AUTO",
    "CUSTOM_CATEGORY",
    "Category",
    "Constraint",
    "HyperParam",
    "LayerKind",
    "categories",
    "category",
    "has_kind",
    "kind",
    "kinds",
    "kinds_in",
    "search",
]
