"""The lessons in resources/examples: every text is complete in both languages, every design opens and is current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch

from editor.io.errors import ProjectFileError
from editor.io.lessons import LANGUAGES, find_lesson, open_lesson_design, read_lessons
from editor.io.lessons.catalog import read_lesson
from editor.io.lessons.designs import differences, stale_designs, write_designs
from editor.model import lessons as designs
from editor.resources import examples_folder

DONE = list(range(1, 13))


@pytest.fixture(scope="module")
def lessons():
    return read_lessons()


def test_the_lessons_are_read_in_order(lessons):
    numbers = [lesson.number for lesson in lessons]
    assert numbers == DONE
    assert len({lesson.name for lesson in lessons}) == len(lessons)


def test_every_text_is_written_in_every_language(lessons):
    for lesson in lessons:
        for language in LANGUAGES:
            assert lesson.title_in(language) and lesson.summary_in(language)
            assert lesson.text_in(language).strip()
        for extra in lesson.extras:
            assert all(extra.label_in(language) for language in LANGUAGES)
        assert lesson.title_in("en") != lesson.title_in("zh_CN")
        assert any("\u4e00" <= c <= "\u9fff" for c in lesson.text_in("zh_CN")), lesson.name  # real Chinese
        assert lesson.title_in("fr") == lesson.title_in("en")  # a language without texts falls back to English


def test_pytorch_names_stay_in_english_in_the_chinese_texts(lessons):
    for lesson in lessons:
        english, chinese = lesson.text_in("en"), lesson.text_in("zh_CN")
        for name in ("nn.Sequential", "nn.Linear", "state_dict", "nn.init", "eval()", "in_features"):
            assert (name in english) == (name in chinese), (lesson.name, name)


def test_every_design_belongs_to_a_lesson_and_every_lesson_design_is_built_here(lessons):
    used = {lesson.design for lesson in lessons} | {e.design for lesson in lessons for e in lesson.extras}
    assert used == set(designs.DESIGNS)


def test_the_committed_project_files_are_what_the_code_builds():
    assert stale_designs(examples_folder()) == {}


def test_a_changed_design_is_found_stale(tmp_path):
    folder = tmp_path / "examples"
    write_designs(folder)
    assert stale_designs(folder) == {}
    p = designs.first_mlp()
    p.set_hyperparameters("0", out_features=128)
    from editor.io.files.project_file import save_project

    save_project(p, folder / "01-first-mlp.pt")
    (folder / "04-block-of-blocks.pt").unlink()
    stale = stale_designs(folder)
    assert set(stale) == {"01-first-mlp", "04-block-of-blocks"}
    assert stale["04-block-of-blocks"] == ["the file is missing"]
    assert any("state_dict" in d or "design" in d for d in stale["01-first-mlp"])


def test_differences_compares_tensors_bit_for_bit():
    a = {"x": torch.tensor([0.0, 1.0]), "n": [1, 2], "app_version": "1"}
    assert differences(a, {"x": torch.tensor([0.0, 1.0]), "n": (1, 2), "app_version": "2"}) == []
    assert differences(a, {"x": torch.tensor([0.0, 1.5]), "n": [1, 2], "app_version": "1"}) == ["x differs"]
    assert differences(a, {"x": torch.tensor([0.0, 1.0], dtype=torch.float64), "n": [1, 2]}) == ["x differs"]
    assert differences(a, {"x": a["x"], "n": [1]}) == ["n has 1 items, not 2"]
    assert differences({"d": {"k": [1, 2]}}, {"d": {"k": [1, 3], "j": 0}}) == ["d.j is new", "d.k[1] differs"]


def test_every_lesson_opens_with_its_extras(lessons):
    for lesson in lessons:
        opened = open_lesson_design(lesson)
        assert str(opened.project.model) == str(designs.DESIGNS[lesson.design]().model)
        assert opened.notices == []
        for extra in lesson.extras:
            assert len(open_lesson_design(lesson, extra.design).project) > 0
    with pytest.raises(ProjectFileError, match="has no design"):
        open_lesson_design(lessons[0], "12-on-the-gpu")


def test_lessons_are_found_by_name_short_name_or_number(lessons):
    assert find_lesson("01-first-mlp", lessons).number == 1
    assert find_lesson("tied-weights", lessons).number == 10
    assert find_lesson(3, lessons).design == "03-nested-mismatch"
    assert find_lesson("12", lessons).design == "12-on-the-gpu"
    with pytest.raises(ProjectFileError, match=r"There is no lesson 'nope'\. The lessons are: 01-first-mlp"):
        find_lesson("nope", lessons)


def test_the_gpu_lesson_says_what_happens_with_and_without_a_gpu(lessons):
    lesson = find_lesson(12, lessons)
    assert "has no CUDA GPU" in lesson.text_in("en", cuda=False)
    assert "has a CUDA GPU" in lesson.text_in("en", cuda=True)
    assert "没有 CUDA GPU" in lesson.text_in("zh_CN", cuda=False)
    assert "CUDA GPU" not in lesson.text_in("en").split("```")[-1]  # unknown: neither paragraph


# ------------------------------------------------------------------ damaged lesson files
@pytest.fixture
def copy(tmp_path) -> Path:
    folder = tmp_path / "examples"
    shutil.copytree(examples_folder(), folder)
    return folder


def rewrite(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change, problem", [
    (lambda d: d.update(format="other"), "is not a lesson"),
    (lambda d: d.update(version=2), "version 2"),
    (lambda d: d.update(number=0), "'number' must be a whole number"),
    (lambda d: d.update(number=True), "'number' must be a whole number"),
    (lambda d: d["title"].pop("zh_CN"), "'title' needs one line of text in zh_CN"),
    (lambda d: d["summary"].update(en="two\nlines"), "'summary' needs one line"),
    (lambda d: d["text"].update(en=[]), "'text' needs 1 to 60 paragraphs in en"),
    (lambda d: d["text"].update(en=["ok", 3]), "'text' needs 1 to 60 paragraphs in en"),
    (lambda d: d.update(design="../../etc/passwd"), "'design' must name a project file"),
    (lambda d: d.update(design="99-missing"), "its design 99-missing.pt is missing"),
    (lambda d: d.update(focus="everything"), "'focus' must be one of"),
    (lambda d: d.update(when={"tpu": {}}), "'when' may hold only"),
    (lambda d: d.update(extras="03-nested-fixed"), "'extras' must be a list"),
])
def test_a_damaged_lesson_file_is_refused_in_words(copy, change, problem):
    path = copy / "01-first-mlp.json"
    rewrite(path, change)
    with pytest.raises(ProjectFileError, match=r"The lesson file 01-first-mlp\.json is damaged") as caught:
        read_lesson(path)
    assert problem in str(caught.value)
    assert caught.value.reason == "lesson"


def test_unreadable_oversized_and_duplicate_lesson_files_are_refused(copy):
    (copy / "01-first-mlp.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(ProjectFileError, match="not readable JSON"):
        read_lesson(copy / "01-first-mlp.json")
    (copy / "01-first-mlp.json").write_text(" " * (256 * 1024 + 1))
    with pytest.raises(ProjectFileError, match=r"larger than 256\.0 KiB"):
        read_lesson(copy / "01-first-mlp.json")
    shutil.copy(copy / "02-sequential-as-list.json", copy / "01-first-mlp.json")
    with pytest.raises(ProjectFileError, match=r"Two lessons .* have the number 2"):
        read_lessons(copy)


def test_the_chinese_texts_name_the_ui_as_the_chinese_ui_does(lessons):
    """A bold UI name in an English text (**Run forward**) appears in the Chinese text as the zh_CN UI shows it."""
    import re
    import xml.etree.ElementTree as ET

    from editor.resources import translations_folder

    source = translations_folder() / "layerlab_zh_CN.ts"
    if not source.is_file():
        pytest.skip("no zh_CN translation yet")
    names: dict[str, set[str]] = {}
    for message in ET.parse(source).getroot().iter("message"):
        text, done = message.findtext("source") or "", message.find("translation")
        if done is not None and done.text and done.get("type") not in ("unfinished", "obsolete", "vanished"):
            shown = re.sub(r"\(&\w\)|&", "", done.text)
            names.setdefault(text.replace("&", ""), set()).add(shown)
    checked = 0
    for lesson in lessons:
        chinese = lesson.text_in("zh_CN", cuda=True) + lesson.text_in("zh_CN", cuda=False)
        for term in re.findall(r"\*\*([^*]+)\*\*", lesson.text_in("en", cuda=True) + lesson.text_in("en", cuda=False)):
            if term in names:
                checked += 1
                assert any(name in chinese for name in names[term]), (lesson.name, term, names[term])
    assert checked >= 10
