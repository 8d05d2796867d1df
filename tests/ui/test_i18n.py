"""English and Simplified Chinese at run time: the language menu, the system locale, and a window with no English left.

The window is walked as a learner sees it: the menu bar and every menu, every
action's text, tooltip and status tip, the dock and tab titles, the toolbar, and
every label and button. In Chinese none may be left in English, except for
names that are names in both languages (PyTorch identifiers, layer kinds, LayerLab).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)
from torch import nn

from editor import Project
from editor.model import catalog
from editor.model.init.functions import INIT_FUNCTIONS, NONLINEARITIES
from editor.ui import i18n
from editor.ui.window.language import LANGUAGE_KEY, apply_saved_language, saved_choice
from editor.ui.window.settings import app_settings
from tests.ui.helpers import settle

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{3,}")
PHRASE = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")
NAMES = {"LayerLab", "PyTorch", "Sequential", "Transformer", "English", "torch", "model", "print", "net", "auto",
         "True", "False", "None", "cpu", "cuda", "mps", "GPU", "KiB", "MiB", "GiB", "TiB", "Python", "Adam", "SGD",
         "randn", "rand", "zeros", "ones", "arange", "shape", "dtype", "device", "numel", "Ctrl", "Shift", "Alt", "Del",
         "Esc", "Enter"}
"""Words a Chinese text may keep: names, and torch's own names (the tensor attributes head the parameter table)."""
STAYS_ENGLISH = ("undoView", "devicePicker", "initCode", "initGainFrom")
"""Where English is expected: the undo history shows the commands' own names (editor.commands), and the
device picker's reasons come from torch and the model (see README, Languages); code is code."""
CODE = re.compile(r"<code>.*?</code>|\b[\w.]*[._(][\w.()\[\]'\"=, *]*|\b[A-Z][a-z]+[A-Z0-9]\w*|\b\w+\d\w*")


def english_left(text: str) -> list[str]:
    """The English words of ``text`` that are not code, a layer kind or hyperparameter, or a name in both languages."""
    names = (NAMES | {k.name for k in catalog.kinds()} | {p.name for k in catalog.kinds() for p in k.params}
             | set(NONLINEARITIES) | {a.name for f in INIT_FUNCTIONS.values() for a in f.args})
    plain = CODE.sub(" ", re.sub(r"<[^>]+>", " ", text.replace("&", "")))
    return [w for w in WORD.findall(plain) if w not in names]


def english_phrase(text: str) -> bool:
    """Whether ``text`` holds three or more English words in a row that are not all names."""
    plain = CODE.sub(" ", re.sub(r"<[^>]+>", " ", text.replace("&", "")))
    return any(english_left(phrase) for phrase in PHRASE.findall(plain))


@pytest.fixture
def chinese(qapp):
    """Simplified Chinese for one test; English again afterwards (the other tests read English)."""
    assert i18n.languages().install(i18n.CHINESE)
    yield
    i18n.languages().install(i18n.ENGLISH)


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text the window shows or would show on hover."""
    found: list[tuple[str, str]] = []

    def action_texts(action: QAction, where: str) -> None:
        if type(action.parent()).__module__.startswith("pyqtgraph"):
            return  # the plots' own context menus: pyqtgraph has no translations (see README → Languages)
        for kind, text in (("text", action.text()), ("tip", action.statusTip())):
            if text and not action.isSeparator():
                found.append((f"{where} {action.objectName() or action.text()} {kind}", text))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            found.append((f"{where} {action.objectName()} tooltip", action.toolTip()))
        if action.menu() is not None:
            menu_texts(action.menu(), f"{where} > {action.text()}")

    def menu_texts(menu: QMenu, where: str) -> None:
        found.append((f"menu {where}", menu.title()))
        for action in menu.actions():
            action_texts(action, where)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            action_texts(action, "menubar")
    for action in window.findChildren(QAction):
        action_texts(action, "action")
    for dock in window.findChildren(QDockWidget):
        found.append((f"dock {dock.objectName()}", dock.windowTitle()))
    for bar in window.findChildren(QTabBar):
        found += [(f"tab {i}", bar.tabText(i)) for i in range(bar.count())]
    for view in window.findChildren(QAbstractItemView):
        found += model_texts(view.model(), f"view {_names(view)}")
    for combo in window.findChildren(QComboBox):
        found += [(f"combo {_names(combo)}", combo.itemText(i)) for i in range(combo.count())]
    scene = getattr(window, "scene", None)
    if scene is not None:
        found += [(f"canvas {type(item).__name__}", item.toolTip()) for item in scene.items() if item.toolTip()]
    if isinstance(window, QDialog):
        found.append(("dialog title", window.windowTitle()))
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            found.append((f"{type(widget).__name__} {widget.objectName()}", widget.text()))
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append((f"placeholder {widget.objectName()}", widget.placeholderText()))
        if widget.toolTip():
            found.append((f"tooltip {type(widget).__name__} {_names(widget)}", widget.toolTip()))
    return found


def _names(widget: QWidget) -> str:
    """The object names of ``widget`` and its parents, innermost first (a popup's list is inside its combo)."""
    names = []
    while widget is not None:
        names.append(widget.objectName())
        widget = widget.parentWidget()
    return "/".join(n for n in names if n)


def _count(method) -> int:
    """rowCount / columnCount of any model (a list model's columnCount is private in PySide: one column)."""
    for args in ((QModelIndex(),), ()):
        try:
            return method(*args)
        except TypeError:
            continue
    return 1


def model_texts(model: QAbstractItemModel | None, where: str, rows: int = 40) -> list[tuple[str, str]]:
    """Headers, cells and their tooltips of a table or list (the first ``rows`` rows)."""
    if model is None:
        return []
    found = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    columns = _count(model.columnCount)
    for column in range(columns):
        for role in roles:
            text = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(text, str) and text:
                found.append((f"{where} header {column}", text))
    for row in range(min(_count(model.rowCount), rows)):
        for column in range(columns):
            for role in roles:
                text = model.index(row, column).data(role)
                if isinstance(text, str) and text:
                    found.append((f"{where} cell {row},{column}", text))
    return found


def untranslated(window: QWidget) -> list[tuple[str, str]]:
    """Texts in English: no Chinese at all, or an English phrase (three words or more) amid the Chinese."""
    return [(where, text) for where, text in visible_texts(window)
            if not any(n in where for n in STAYS_ENGLISH)
            and ((not CJK.search(text) and english_left(text)) or english_phrase(text))]


def test_the_language_follows_the_system_and_the_choice():
    assert i18n.resolve("system", ["zh-Hans-CN", "zh-CN", "en-US"]) == "zh_CN"
    assert i18n.resolve("system", ["zh-Hant-TW"]) == "zh_CN"  # the only Chinese there is
    assert i18n.resolve("system", ["de-DE", "en-GB"]) == "en"
    assert i18n.resolve("system", ["fr-FR"]) == "en"
    assert i18n.resolve("system", ["C"]) == "en"
    assert i18n.resolve("zh_CN", ["en-US"]) == "zh_CN" and i18n.resolve("en", ["zh-CN"]) == "en"


def test_installing_a_language_translates_and_english_comes_back(qapp):
    languages = i18n.languages()
    seen: list[str] = []
    languages.changed.connect(seen.append)
    try:
        assert languages.install("zh_CN") and i18n.current_language() == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Parameters") == "参数"
        assert i18n.catalog_text("Learn an additive bias.") == "学习一个加性偏置。"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's own, for standard buttons
        languages.install("en")
        assert QCoreApplication.translate("MainWindow", "Parameters") == "Parameters"
        assert i18n.catalog_text("Learn an additive bias.") == "Learn an additive bias."
    finally:
        languages.changed.disconnect(seen.append)
        languages.install("en")
    assert seen == ["zh_CN", "en"]
    with pytest.raises(ValueError, match="does not speak"):
        languages.install("fr")


def test_a_missing_translation_file_leaves_english(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_folder", lambda: tmp_path)
    try:
        assert not i18n.languages().install("zh_CN")
        assert i18n.current_language() == "en"
        assert QCoreApplication.translate("MainWindow", "Parameters") == "Parameters"
    finally:
        i18n.languages().install("en")


def test_the_saved_choice_is_applied_at_start(qapp):
    settings = app_settings()
    assert saved_choice() == "system"
    try:
        settings.setValue(LANGUAGE_KEY, "zh_CN")
        assert apply_saved_language() == "zh_CN"
        settings.setValue(LANGUAGE_KEY, "en")
        assert apply_saved_language() == "en"
        settings.setValue(LANGUAGE_KEY, "klingon")  # a hand-edited settings file: the system's language
        assert saved_choice() == "system"
        expected = i18n.resolve("system", QLocale.system().uiLanguages())
        assert apply_saved_language() == expected
    finally:
        i18n.languages().install("en")


def test_view_language_switches_at_once_and_is_remembered(window):
    view = window.menus["view"]
    menu = next(a.menu() for a in view.actions() if a.menu() is not None and a.menu().objectName() == "menuLanguage")
    names = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert set(names) == {"actionLanguage_system", "actionLanguage_en", "actionLanguage_zh_CN"}
    assert names["actionLanguage_zh_CN"].text() == "简体中文" and names["actionLanguage_en"].text() == "English"
    assert names["actionLanguage_system"].isChecked()
    try:
        names["actionLanguage_zh_CN"].trigger()
        settle()
        assert app_settings().value(LANGUAGE_KEY) == "zh_CN" and names["actionLanguage_zh_CN"].isChecked()
        assert window.menus["file"].title() == "文件(&F)" and menu.title() == "语言(&L)"
        assert window.docks["inspector"].windowTitle() == "检查器"
        assert window.file_actions.save.text() == "保存(&S)"
        names["actionLanguage_en"].trigger()
        settle()
        assert app_settings().value(LANGUAGE_KEY) == "en"
        assert window.menus["file"].title() == "&File" and window.docks["inspector"].windowTitle() == "Inspector"
        assert window.file_actions.save.text() == "&Save"
    finally:
        i18n.languages().install("en")


def _design_with_everything(window) -> None:
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10), nn.ReLU(),
                                                         nn.Sequential(nn.Linear(10, 5), nn.Dropout()))))
    window.project.input_shape = (3, 20)
    settle()


@pytest.mark.parametrize("selected", [None, "0", "3"])
def test_a_window_opened_in_chinese_has_no_english_left(chinese, qtbot, selected):
    from editor.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    _design_with_everything(window)
    if selected is not None:
        window.select_nodes([window.project.node(selected)])
        settle()
    left = untranslated(window)
    assert not left, left[:15]
    window.undo_stack.setClean()


def test_switching_to_chinese_retranslates_the_open_window(window):
    _design_with_everything(window)
    window.select_nodes([window.project.node("1")])
    settle()
    english = visible_texts(window)
    assert any(text == "&File" for _, text in english)
    try:
        i18n.languages().install("zh_CN")
        settle()
        left = untranslated(window)
        assert not left, left[:15]
        assert "关于 BatchNorm1d" in window.about_panel.title.text()
        assert window.status.params.text().endswith("个可训练 · 1.0 KiB") or "个可训练" in window.status.params.text()
    finally:
        i18n.languages().install("en")
        settle()
    assert window.menus["file"].title() == "&File"
    assert window.about_panel.title.text() == "About BatchNorm1d"
    assert window.edit_actions.undo.text().startswith("&Undo")
    window.undo_stack.setClean()


def test_the_dialogs_and_popups_speak_chinese_and_switch_back(chinese, qtbot):
    from editor.ui.dialogs.init_dialog import InitDialog
    from editor.ui.window.main_window import MainWindow
    from editor.ui.window.sharing import RepeatDialog

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    _design_with_everything(window)
    window.select_nodes([window.project.node("0")])
    window.open_init_dialog()
    settle()
    dialog = window.findChild(InitDialog, "initDialog")
    qtbot.waitUntil(lambda: "值" in dialog.preview.caption.text(), timeout=10000)
    repeat = RepeatDialog("块 0 · Linear", window)
    window.open_quick_add()
    settle()
    for widget in (dialog, repeat, window.quick_add, window.replace_picker):
        left = untranslated(widget)
        assert not left, left[:10]
    assert dialog.windowTitle() == "初始化参数" and repeat.windowTitle() == "重复"
    i18n.languages().install("en")
    settle()
    assert dialog.windowTitle() == "Initialize parameters" and dialog.apply_button.text() == "Apply"
    assert dialog.scope_selected.text() == "the selected block (1)"
    window.quick_add.hide()
    window.undo_stack.setClean()


def test_undo_and_redo_say_what_they_do_in_both_languages(window):
    window.edit_actions.insert_kind("0", "Linear")
    settle()
    assert window.edit_actions.undo.text() == "&Undo Insert Linear" and window.edit_actions.undo.isEnabled()
    assert not window.edit_actions.redo.isEnabled()
    try:
        i18n.languages().install("zh_CN")
        assert window.edit_actions.undo.text() == "撤销(&U) Insert Linear"
        window.edit_actions.undo.trigger()
        assert window.edit_actions.redo.text() == "重做(&R) Insert Linear" and window.edit_actions.redo.isEnabled()
    finally:
        i18n.languages().install("en")
    window.undo_stack.setClean()


def test_chinese_text_renders_with_a_cjk_font(chinese, qapp):
    """Each character has its own glyph (no missing-glyph boxes): otherwise see README → Languages."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no font with Simplified Chinese here: install fonts-noto-cjk (see README → Languages)")

    def draw(text: str) -> QImage:
        image = QImage(QSize(120, 40), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setPen(QColor("black"))
        painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
        return image

    first, second, blank = draw("模型"), draw("参数"), draw("")
    assert first != blank and second != blank and first != second


def test_the_valid_values_read_as_the_catalog_words_them_in_english_and_translate(qapp):
    """The editors word the valid values themselves (to translate them): in English exactly as the catalog does."""
    from editor.ui.panels.hyperparameter_editors import describe_valid

    params = [p for k in catalog.kinds() for p in k.params]
    assert len(params) > 100
    assert all(describe_valid(p) == p.describe_valid() for p in params)
    linear = catalog.kind("Linear").param("in_features")
    try:
        i18n.languages().install("zh_CN")
        assert describe_valid(linear) == "一个整数 ≥ 1"
    finally:
        i18n.languages().install("en")
