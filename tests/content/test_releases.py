"""Every release name and version a page or diagram title cites agrees with data/nova/releases.tsv."""

from __future__ import annotations

import pytest

from .nova_source import CODENAME, DIAGRAMS, DOCS, RELEASE
from .releases import mismatches, releases

PAGES = sorted(DOCS.rglob("*.md"))
DIAGRAM_FILES = sorted(DIAGRAMS.glob("*.wsd"))


def test_table_covers_liberty_to_the_pinned_release():
    rows = releases()
    assert (rows[0].code_name, rows[0].version, rows[0].branch) == ("Liberty", "12.0.0", "liberty-eol")
    assert (rows[-1].series, rows[-1].code_name, rows[-1].version) == (RELEASE, CODENAME, "33.0.0")
    assert [r.major for r in rows] == list(range(12, 12 + len(rows)))
    assert len({r.code_name for r in rows}) == len(rows)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_release_names(path):
    bad = mismatches(path.read_text(encoding="utf-8"))
    assert not bad, f"{path.relative_to(DOCS)}: release name and version disagree:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", DIAGRAM_FILES, ids=lambda p: p.name)
def test_diagram_title_release(path):
    titles = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("title ")]
    assert titles, f"{path.name}: no title line"
    bad = mismatches("\n".join(titles))
    assert not bad, f"{path.name}: title names the wrong release:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    "text",
    [
        "RetryFilter removed in Victoria 22.0.0",
        "从 Ocata (15.0.0) 开始，Queens（17.0.0）加上",
        "arrived in 29.0.0 (Caracal)",
        "Nova 2026.1 Gazpacho, like 2025.1 (Epoxy)",
        "libvirt 10.0.0 and Python 3.12.1 are not release names",
    ],
)
def test_checker_accepts(text):
    assert mismatches(text) == []


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("removed in Wallaby 22.0.0", "Wallaby is 23.0.0, 22.0.0 is Victoria"),
        ("改名（Wallaby(22.0.0)）", "Wallaby is 23.0.0"),
        ("since 30.0.0 (Caracal)", "Caracal is 29.0.0, 30.0.0 is Dalmatian"),
        ("in Gazpaco 33.0.0", "Gazpaco is not a Nova code name"),
        ("Nova 2026.1 Flamingo", "2026.1 is Gazpacho"),
        ("Nova 2026.3 Gazpacho", "no Nova series 2026.3"),
    ],
)
def test_checker_rejects(text, complaint):
    bad = mismatches(text)
    assert len(bad) == 1 and complaint in bad[0], bad
