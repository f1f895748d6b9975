"""Each operation page exists, names the release, and carries both languages."""

from __future__ import annotations

import re

import pytest

from .nova_source import CODENAME, DIAGRAMS, DOCS, RELEASE
from .pages import OPERATIONS, SECTIONS, cjk_share, load


@pytest.fixture(params=OPERATIONS)
def page(request):
    return load(request.param)


def test_front_matter_names_the_operation(page):
    op = page.meta["operation"]
    for key in ("en", "zh", "rest", "cli"):
        assert op.get(key), f"{page.path.name}: operation.{key} is missing"
    assert "horizon" in op, f"{page.path.name}: operation.horizon is missing"
    if not op["horizon"]:  # no Horizon action: both languages must say so where the commands are
        tabs = [body for _, body in page.tabs("请求与命令 · Request and commands")]
        assert all("Horizon" in body for body in tabs), (
            f"{page.path.name}: operation.horizon is empty: say in both 请求与命令 tabs that Horizon lacks it"
        )
    assert any(c.startswith("openstack ") for c in op["cli"])
    assert any(c.startswith("nova ") for c in op["cli"])
    assert cjk_share(str(op["zh"])) > 0.5
    assert "·" in page.meta["title"] and cjk_share(page.meta["title"]) > 0.1


def test_release_is_named(page):
    assert str(page.meta["nova_release"]).startswith(RELEASE)
    assert f"Nova {RELEASE} ({CODENAME})" in page.body


def test_every_section_is_there_in_both_languages(page):
    sections = page.sections
    missing = [s for s in SECTIONS if s not in sections]
    assert not missing, f"{page.path.name}: missing sections {missing}"
    for title in SECTIONS:
        tabs = page.tabs(title)
        labels = [label for label, _ in tabs]
        assert labels and labels == ["中文", "English"] * (len(labels) // 2), (
            f"{page.path.name} / {title}: tabs {labels}, expected 中文 / English pairs"
        )
        for (_, zh), (_, en) in zip(tabs[::2], tabs[1::2]):
            assert cjk_share(zh) > 0.4, f"{page.path.name} / {title}: a 中文 tab is not Chinese"
            assert cjk_share(en) < 0.02, f"{page.path.name} / {title}: an English tab holds Chinese"
            assert len(en.split()) >= 15, f"{page.path.name} / {title}: an English tab is too thin"


def test_diagrams_exist_and_come_first(page):
    assert page.diagrams, f"{page.path.name} embeds no diagram"
    for target in page.diagrams:
        assert (page.path.parent / target).resolve().is_file(), f"{page.path.name}: {target} not found"
    first_section = page.body.index("\n## ")
    assert page.body.index(page.diagrams[0]) < first_section, "the diagram sits above the walkthrough"


def test_every_diagram_is_used_by_a_page():
    used = {
        (DOCS / "operations" / target).resolve()
        for name in OPERATIONS
        if (DOCS / "operations" / f"{name}.md").exists()
        for target in load(name).diagrams
    }
    orphans = [p.name for p in DIAGRAMS.glob("*.wsd") if p.resolve() not in used and not p.name.startswith("_")]
    assert not orphans, f"diagrams no page shows: {orphans}"


def test_state_table_is_a_table(page):
    for lang in ("中文", "English"):
        text = "".join(body for label, body in page.tabs("状态变化 · State transitions") if label == lang)
        assert "task_state" in text and "|" in text, f"{page.path.name}: no state table in {lang}"


@pytest.mark.parametrize("name", ["states.md", "glossary.md", "index.md"])
def test_reference_pages_name_the_release_and_carry_both_languages(name):
    text = (DOCS / name).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    assert f"Nova {RELEASE} ({CODENAME})" in body
    sections = re.split(r"^## +.+$", body, flags=re.M)[1:]
    assert len(sections) >= 3
    for section in sections:
        labels = re.findall(r'^=== "([^"]+)"', section, flags=re.M)
        if not labels:  # only generated or language-neutral content, such as the operations index
            assert not re.sub(r"<!--.*?-->|```.*?```", "", section, flags=re.S).strip(), (
                f"{name}: prose outside 中文 / English tabs"
            )
            continue
        assert labels[:2] == ["中文", "English"], f"{name}: a section without 中文 / English tabs"
