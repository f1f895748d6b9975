"""The real site, built strictly once: diagrams in pages, tabs, index, search data."""

from __future__ import annotations

import subprocess

import json
import re
from html import unescape

import pytest

from site_support import ROOT, BuildResult, OperationPage, operation_pages

PAGES = operation_pages()
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.wsd)\)")


def ids(page: OperationPage) -> str:
    return page.path.stem


@pytest.fixture(scope="module")
def search_index(built_site: BuildResult) -> dict:
    return json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_there_are_operation_pages() -> None:
    assert PAGES, "no docs/operations/*.md with operation: front matter"


@pytest.mark.parametrize("op", PAGES, ids=ids)
def test_page_holds_its_rendered_diagrams_and_both_languages(built_site: BuildResult, op: OperationPage) -> None:
    html = built_site.page(op.url)
    wanted = IMAGE_RE.findall(op.body)
    assert wanted, f"{op.path.name} embeds no diagram"
    figures = re.findall(r'<figure class="wsd-figure".*?</figure>', html, re.S)
    assert len(figures) >= len(wanted)
    assert "wsd-error" not in html
    for figure in figures:
        assert "<svg" in figure and "<?xml" not in figure
    for target in wanted:
        svg = target.split("diagrams/", 1)[1].replace(".wsd", ".svg")
        assert (built_site.site / "diagrams" / svg).is_file()
        assert f'href="../../diagrams/{svg}"' in html
    labels = re.findall(r'<div class="tabbed-labels"><label[^>]*>([^<]+)</label><label[^>]*>([^<]+)</label>', html)
    assert labels and all(pair == ("中文", "English") for pair in labels)
    assert "https://opendev.org/openstack/nova/src/branch/stable/2026.1/" in html  # code links survive
    for figure in figures:  # each diagram lists the code behind its steps
        index = re.search(r'<details class="wsd-code-index">.*?</details>', figure, re.S)
        assert index, "a diagram without its code table"
        assert re.search(r'<a href="https://opendev\.org/openstack/nova/src/branch/stable/2026\.1/nova/[^"#]+#L\d+">', index[0])


def test_home_page_lists_every_operation(built_site: BuildResult) -> None:
    html = built_site.page("")
    assert "operations-index" not in html
    table = html[html.index("操作 · Operation") :]
    table = table[: table.index("</table>")]
    for op in PAGES:
        assert f'href="{op.url}"' in table, op.path.name
        for rest in op.names("rest"):
            assert f"<code>{rest}</code>" in unescape(table)


@pytest.mark.parametrize("op", PAGES, ids=ids)
def test_operation_names_are_hidden_search_tags(built_site: BuildResult, search_index: dict, op: OperationPage) -> None:
    entries = [d for d in search_index["docs"] if d["location"].startswith(op.url)]
    assert entries
    for key in ("en", "zh", "rest", "cli"):
        for name in op.names(key):
            assert name in entries[0]["tags"]
    assert 'class="md-tag' not in built_site.page(op.url)  # tags are not shown on the page


@pytest.mark.parametrize("op", PAGES, ids=ids)
def test_diagram_text_stays_out_of_the_search_index(built_site: BuildResult, search_index: dict, op: OperationPage) -> None:
    text = " ".join(d["text"] for d in search_index["docs"] if d["location"].startswith(op.url))
    assert "<svg" not in text and "wsd-" not in text
    # The step list (issue #7) is indexed on purpose: message labels are
    # searchable; the rest of the picture (notes, frame conditions) is not.
    page = built_site.page(op.url)
    steps = " ".join(unescape(t) for t in re.findall(r'class="wsd-steps-(?:label|who|cond)">(.*?)</span>', page))
    steps = re.sub(r"<[^>]+>", "", steps)
    assert steps, "no step list on the page"
    source = op.body
    for target in IMAGE_RE.findall(op.body):
        svg = (built_site.site / "diagrams" / target.split("diagrams/", 1)[1].replace(".wsd", ".svg")).read_text()
        labels = {unescape(t) for t in re.findall(r"<text[^>]*>([^<]{12,})</text>", svg)}
        only_in_diagram = [t for t in labels if t not in source and t not in steps]
        assert not [t for t in only_in_diagram if t in text]


def test_palette_stylesheet_and_search_config(built_site: BuildResult, search_index: dict) -> None:
    css = (built_site.site / "assets" / "stylesheets" / "wsd-theme.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"]' in css
    assert "assets/stylesheets/wsd-theme.css" in built_site.page("")
    config = search_index["config"]
    assert config["lang"] == ["en", "zh"] and "\\u200b" in config["separator"]
    assert "stemmer" not in config["pipeline"]


def test_no_wsd_source_is_published(built_site: BuildResult) -> None:
    assert not list(built_site.site.rglob("*.wsd"))
    assert not re.search(r'src="[^"]+\.wsd"', built_site.page(PAGES[0].url))


def test_cache_folder_is_git_ignored() -> None:
    """The cache and build output are ignored, the test sources are not."""
    paths = [".cache/diagrams/x.svg", "build/test-artifacts/x.png", "site/index.html", "tests/site/test_x.py"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == paths[:3]
