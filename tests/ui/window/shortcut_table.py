"""What every platform binds to the standard keys LayerLab uses, and who in a window claims which key.

Qt gives a ``QKeySequence.StandardKey`` different keys under each platform
theme's keyboard scheme (``QPlatformThemePrivate::keyBindings`` in
qtbase/src/gui/kernel/qplatformtheme.cpp; the table in the QKeySequence
documentation). A test machine shows only its own, and the offscreen platform
uses the Windows scheme, where StandardKey.Delete is Del alone; on X11 it is
Del and Ctrl+D, which took Ctrl+D away from Duplicate. So the tests expand
every action's standard key under every scheme from :data:`STANDARD_KEYS`.

The Windows, X11, KDE and GNOME columns are what Qt 6.11 returns here
(offscreen, and xcb with ``QT_QPA_PLATFORMTHEME`` generic, kde and gnome);
tests check them against the running Qt where they can. The macOS column is
Qt's table (the ``KB_Mac`` and ``KB_All`` rows): in Qt's notation Ctrl is ⌘
and Meta is the Control key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from editor.ui.window.editing import FALLBACK_KEYS, STANDARD_KEY

SCHEMES = ("windows", "macos", "x11", "kde", "gnome")

_UNIX = {
    "New": ["Ctrl+N", "New"], "Open": ["Ctrl+O", "Open"], "Save": ["Ctrl+S", "Save"],
    "SaveAs": ["Ctrl+Shift+S", "Shift+Save"], "Quit": ["Ctrl+Q", "Exit"], "Undo": ["Ctrl+Z", "F14", "Undo"],
    "Redo": ["Ctrl+Shift+Z", "Redo"], "Cut": ["Ctrl+X", "Shift+Del", "F20", "Cut"],
    "Copy": ["Ctrl+C", "Ctrl+Ins", "F16", "Copy"], "Paste": ["Ctrl+V", "Ctrl+Shift+Ins", "Shift+Ins", "F18", "Paste"],
    "Delete": ["Del", "Ctrl+D"], "SelectAll": ["Ctrl+A"], "ZoomIn": ["Ctrl++", "Zoom In"],
    "ZoomOut": ["Ctrl+-", "Zoom Out"], "HelpContents": ["F1", "Help"],
}
_WINDOWS = {
    "New": ["Ctrl+N", "New"], "Open": ["Ctrl+O", "Open"], "Save": ["Ctrl+S", "Save"],
    "SaveAs": ["Ctrl+Shift+S", "Shift+Save"], "Quit": [], "Undo": ["Ctrl+Z", "Alt+Backspace", "Undo"],
    "Redo": ["Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z", "Redo"], "Cut": ["Ctrl+X", "Shift+Del", "Cut"],
    "Copy": ["Ctrl+C", "Ctrl+Ins", "Copy"], "Paste": ["Ctrl+V", "Shift+Ins", "Paste"], "Delete": ["Del"],
    "SelectAll": ["Ctrl+A"], "ZoomIn": ["Ctrl++", "Zoom In"], "ZoomOut": ["Ctrl+-", "Zoom Out"],
    "HelpContents": ["F1", "Help"],
}
_MACOS = {
    "New": ["Ctrl+N", "New"], "Open": ["Ctrl+O", "Open"], "Save": ["Ctrl+S", "Save"],
    "SaveAs": ["Ctrl+Shift+S", "Shift+Save"], "Quit": ["Ctrl+Q", "Exit"], "Undo": ["Ctrl+Z", "Undo"],
    "Redo": ["Ctrl+Shift+Z", "Redo"], "Cut": ["Ctrl+X", "Meta+K", "Cut"], "Copy": ["Ctrl+C", "Copy"],
    "Paste": ["Ctrl+V", "Meta+Y", "Paste"], "Delete": ["Del", "Meta+D"], "SelectAll": ["Ctrl+A"],
    "ZoomIn": ["Ctrl++", "Zoom In"], "ZoomOut": ["Ctrl+-", "Zoom Out"], "HelpContents": ["Ctrl+?", "Help"],
}
STANDARD_KEYS: dict[str, dict[str, list[str]]] = {
    "windows": _WINDOWS, "macos": _MACOS, "x11": _UNIX, "kde": _UNIX, "gnome": _UNIX}
"""scheme → standard key name → its key sequences, in Qt's portable text."""


def portable(key: str | QKeySequence) -> str:
    """One spelling per key sequence ("ctrl+d" and "Ctrl+D" are one key)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


@dataclass
class Claim:
    """Something in the window that answers keys: an action, a QShortcut or a menu title's Alt+letter."""

    name: str
    standard: str | None  # the StandardKey it follows (its keys depend on the scheme), or None
    fallback: str | None  # its keys where the standard key has none
    keys: list[str]  # its own keys (when ``standard`` is None)

    def keys_under(self, scheme: str) -> set[str]:
        if self.standard is None:
            return {portable(k) for k in self.keys}
        keys = STANDARD_KEYS[scheme][self.standard] or ([self.fallback] if self.fallback else [])
        return {portable(k) for k in keys}


def claims(window: QWidget) -> list[Claim]:
    """Every action and shortcut of ``window`` (menus and panels included) and the menu bar's mnemonics."""
    found: list[Claim] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen:
            continue
        seen.add(id(action))
        standard = action.property(STANDARD_KEY)
        own = [portable(k) for k in action.shortcuts()]
        if standard or own:
            name = action.objectName() or action.text().replace("&", "")
            found.append(Claim(name, standard or None, action.property(FALLBACK_KEYS) or None, own))
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        keys = [portable(k) for k in shortcut.keys()]  # noqa: SIM118 - a QShortcut, not a dict
        found.append(Claim(f"QShortcut of {owner.objectName() or type(owner).__name__}", None, None, keys))
    bar = getattr(window, "menuBar", None)
    if bar is not None:
        for action in bar().actions():
            mnemonic = QKeySequence.mnemonic(action.text())
            if not mnemonic.isEmpty():
                found.append(Claim(f"menu {action.text().replace('&', '')}", None, None, [portable(mnemonic)]))
    return found


def clashes(found: Iterable[Claim]) -> dict[str, dict[str, list[str]]]:
    """scheme → key → the names of two or more claims that bind it (empty when every key has one owner)."""
    out: dict[str, dict[str, list[str]]] = {}
    found = list(found)
    for scheme in SCHEMES:
        owners: dict[str, list[str]] = defaultdict(list)
        for claim in found:
            for key in claim.keys_under(scheme):
                owners[key].append(claim.name)
        bad = {key: names for key, names in owners.items() if len(names) > 1}
        if bad:
            out[scheme] = bad
    return out
