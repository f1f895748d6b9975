"""The hook in real MkDocs builds of small fixture projects.

Covers how authors embed diagrams (image link, fenced block, inside tabs),
what they must not trigger (code spans and blocks), broken and missing
diagrams (one warning line, strict build fails without a traceback, error
box on the page, other pages fine), the cache (hit on rebuild, only the edited
diagram re-rendered, damaged entries rebuilt) and ``mkdocs serve``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import wsd
from diagram_render import STATS
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from site_support import BROKEN_WSD, GOOD_WSD, run_build


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "mkdocs.plugins.diagrams":
            self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_in_process(project: Path, *, strict: bool = True) -> list[str]:
    """Build ``project`` in this process; return the hook's log lines (INFO and up)."""
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=strict)
        build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return handler.lines


def page(project: Path, url: str = "") -> str:
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


def first_error_line(source: str, path: str) -> str:
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render(source, path=path)
    return str(info.value).splitlines()[0]


HOME_WITH_TABS = """\
# Home

![重启 · Reboot <flow>](../diagrams/reboot.wsd)

=== "中文"

    ![内嵌](../diagrams/sub/inner.wsd)

=== "English"

    Text.
"""


def test_image_links_become_inline_svg_figures(make_project) -> None:
    project = make_project(
        docs={"index.md": HOME_WITH_TABS, "ops/page.md": "# Page\n\n![Flow](../../diagrams/reboot.wsd)\n"},
        diagrams={"reboot.wsd": GOOD_WSD, "sub/inner.wsd": GOOD_WSD.replace("done", "finished")},
    )
    assert build_in_process(project) == []
    home, other = page(project), page(project, "ops/page")
    assert home.count('<figure class="wsd-figure" data-search-exclude>') == 2
    assert "<svg" in home and "<?xml" not in home
    assert "https://example.org/api.py#L1" in home  # the diagram's links survive
    assert "重启 · Reboot &lt;flow&gt;" in home  # alt text escaped, used as caption
    assert 'href="diagrams/reboot.svg"' in home and 'href="diagrams/sub/inner.svg"' in home
    assert 'href="../../diagrams/reboot.svg"' in other
    assert "查看大图" in other and "Full size" in other
    assert not re.search(r'<img[^>]+\.wsd"', home + other)
    standalone = (project / "site" / "diagrams" / "reboot.svg").read_text(encoding="utf-8")
    assert standalone.lstrip().startswith(("<svg", "<?xml"))
    # the palette stylesheet is generated and linked from every page
    assert "assets/stylesheets/wsd-theme.css" in home
    css = (project / "site" / "assets" / "stylesheets" / "wsd-theme.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"]' in css and "--wsd-" in css
    assert not (project / "docs" / "diagrams").exists()  # nothing written into docs/


def test_same_diagram_twice_on_a_page_gets_distinct_ids(make_project) -> None:
    embed = "![One](../diagrams/reboot.wsd)\n\n![Two](../diagrams/reboot.wsd)\n"
    project = make_project(docs={"index.md": f"# Home\n\n{embed}"}, diagrams={"reboot.wsd": GOOD_WSD})
    assert build_in_process(project) == []
    home = page(project)
    roots = re.findall(r'<svg\b[^>]*?\sid="([^"]+)"', home)
    assert len(roots) == 2 and len(set(roots)) == 2
    ids = re.findall(r'\sid="([^"]+)"', home)
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
    second = home[home.index(f'id="{roots[1]}"'):]
    assert f"#{roots[1]}" in second  # its style sheet follows the new scope


def test_full_size_file_follows_the_system_dark_preference(make_project) -> None:
    project = make_project(docs={"index.md": "# Home\n\n![Flow](../diagrams/reboot.wsd)\n"},
                           diagrams={"reboot.wsd": GOOD_WSD})
    assert build_in_process(project) == []
    standalone = (project / "site" / "diagrams" / "reboot.svg").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in standalone and "--wsd-text:" in standalone
    assert "@media (prefers-color-scheme: dark)" not in page(project)  # inline ones follow the palette toggle
    import xml.etree.ElementTree as ET

    ET.fromstring(standalone)


def test_fenced_wsd_block_renders_inline(make_project) -> None:
    project = make_project(docs={"index.md": "# Home\n\n```wsd\nA->B: hello fence\nB-->A: ok\n```\n"})
    assert build_in_process(project) == []
    home = page(project)
    assert '<figure class="wsd-figure"' in home and "hello fence" in home
    assert "```" not in home and 'class="language-wsd' not in home
    (link,) = re.findall(r'href="(diagrams/inline/[0-9a-f]+\.svg)"', home)
    assert (project / "site" / link).is_file()


def test_code_spans_and_code_blocks_are_left_alone(make_project) -> None:
    doc = """\
    # Guide

    Write `![Flow](../diagrams/missing.wsd)` on the page.

    ```markdown
    ![Flow](../diagrams/missing.wsd)
    ```
    """
    project = make_project(docs={"index.md": doc})
    assert build_in_process(project) == []
    home = page(project)
    text = re.sub(r"<[^>]+>", "", home)  # code blocks are highlighted token by token
    assert text.count("![Flow](../diagrams/missing.wsd)") == 2
    assert "wsd-figure" not in home and "wsd-error" not in home


def test_broken_diagram_fails_strict_build_with_one_line_per_problem(make_project) -> None:
    project = make_project(
        docs={"index.md": "# Home\n\n![Bad](../diagrams/bad.wsd)\n", "ok.md": "# OK\n\n![Good](../diagrams/good.wsd)\n"},
        diagrams={"bad.wsd": BROKEN_WSD, "good.wsd": GOOD_WSD},
    )
    expected = first_error_line(BROKEN_WSD, "diagrams/bad.wsd")
    assert re.match(r"diagrams/bad\.wsd:\d+:\d+: ", expected)
    strict = run_build(project, project / "site")
    assert strict.returncode != 0
    assert f"WARNING -  {expected}" in strict.output
    assert "Traceback" not in strict.output
    warnings = [line for line in strict.output.splitlines() if line.startswith("WARNING")]
    assert all(line.startswith("WARNING -  diagrams/bad.wsd:") for line in warnings)

    lenient = run_build(project, project / "site2", strict=False)
    assert lenient.returncode == 0, lenient.output
    home = lenient.page("")
    box = re.search(r'<div class="admonition failure wsd-error".*?</div>', home, re.S)
    assert box, "error box missing"
    source_line = BROKEN_WSD.splitlines()[2]
    from html import escape

    assert escape(source_line, quote=False) in box.group(0)
    assert "^" in box.group(0)
    assert "<svg" in lenient.page("ok")  # the other page builds normally


def test_missing_diagram_names_page_and_path(make_project) -> None:
    project = make_project(docs={"guide/page.md": "# Page\n\n![Gone](../../diagrams/gone.wsd)\n", "index.md": "# Home\n"})
    with pytest.raises(Abort):
        lines = build_in_process(project)
    lines = build_in_process(project, strict=False)
    assert lines == [
        "WARNING: docs/guide/page.md: diagram not found: ../../diagrams/gone.wsd (looked for diagrams/gone.wsd)"
    ]
    html = page(project, "guide/page")
    assert "wsd-error" in html and "diagrams/gone.wsd" in html


def test_malformed_operation_front_matter_is_a_warning(make_project) -> None:
    project = make_project(docs={"index.md": "---\noperation: reboot\n---\n# Home\n"})
    lines = build_in_process(project, strict=False)
    assert lines == [
        "WARNING: docs/index.md: front matter 'operation' must be a mapping "
        "(en:, zh:, rest:, cli:, horizon:), not str"
    ]


def test_fence_error_reports_the_page_line(make_project) -> None:
    doc = "# Home\n\nIntro.\n\n```wsd\n" + BROKEN_WSD + "```\n"
    project = make_project(docs={"index.md": doc})
    lines = build_in_process(project, strict=False)
    expected = first_error_line(BROKEN_WSD, "docs/index.md")
    _path, line, rest = expected.split(":", 2)
    assert lines[0] == f"WARNING: docs/index.md:{int(line) + 5}:{rest}"
    assert "wsd-error" in page(project)


def test_rebuild_rerenders_only_what_changed(make_project) -> None:
    project = make_project(
        docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n\n![B](../diagrams/b.wsd)\n"},
        diagrams={"a.wsd": GOOD_WSD, "b.wsd": GOOD_WSD.replace("done", "b done")},
    )
    build_in_process(project)
    assert sorted(STATS.rendered) == ["diagrams/a.wsd", "diagrams/b.wsd"]

    build_in_process(project)
    assert STATS.rendered == [] and sorted(STATS.cache_hits) == ["diagrams/a.wsd", "diagrams/b.wsd"]

    (project / "diagrams" / "a.wsd").write_text(GOOD_WSD.replace("done", "edited"), encoding="utf-8")
    build_in_process(project)
    assert STATS.rendered == ["diagrams/a.wsd"] and STATS.cache_hits == ["diagrams/b.wsd"]
    assert "edited" in page(project)


def test_damaged_cache_entries_are_rebuilt(make_project, tmp_path: Path) -> None:
    project = make_project(docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n"}, diagrams={"a.wsd": GOOD_WSD})
    build_in_process(project)
    good = page(project)
    entries = list((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 1
    entries[0].write_text(entries[0].read_text()[:100], encoding="utf-8")  # torn write
    build_in_process(project)
    assert STATS.rendered == ["diagrams/a.wsd"] and STATS.cache_hits == []
    assert page(project) == good


STEPS_WSD = """\
title Steps
autonumber
participant "nova-api" as API
participant "nova-compute" as C
alt soft
# link: nova/compute/manager.py#L10 ComputeManager.reboot_instance
API->>C: reboot_instance (cast) with a label long enough to be wrapped in the picture
else hard
C->C: _hard_reboot()
end
C-->API: done
"""


def test_cold_and_warm_builds_give_the_same_page(make_project) -> None:
    """A cold build draws each diagram and builds its step list and code table from
    the same parse; a warm build takes the SVG from the cache and parses again. If
    drawing changed the parsed diagram, the two pages would differ."""
    project = make_project(docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n"},
                           diagrams={"a.wsd": STEPS_WSD})
    build_in_process(project)
    assert STATS.rendered == ["diagrams/a.wsd"]
    cold = page(project)
    assert 'class="wsd-steps"' in cold and "_hard_reboot()" in cold
    build_in_process(project)
    assert STATS.cache_hits == ["diagrams/a.wsd"] and STATS.rendered == []
    assert page(project) == cold


def test_local_render_hands_back_the_diagram_it_drew() -> None:
    from diagram_render import DiagramRenderer
    from step_list import parse, step_list_html

    outcome = DiagramRenderer(cache=None).render(STEPS_WSD, "a.wsd", "a-step-")
    assert outcome.ok and outcome.diagram is not None
    assert step_list_html(outcome.diagram, "a-step-") == step_list_html(parse(STEPS_WSD), "a-step-")


def test_a_step_reference_to_no_step_fails_the_strict_build(make_project) -> None:
    """A walkthrough's "Step 9" on a diagram with three steps is reported with its page
    (through the hook's ``problem()``, so ``mkdocs serve`` keeps serving) and fails --strict."""
    project = make_project(docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n\nStep 2 and Step 9.\n"},
                           diagrams={"a.wsd": GOOD_WSD})
    strict = run_build(project, project / "site")
    assert strict.returncode != 0
    assert "WARNING -  docs/index.md: step reference 'Step 9' points at no step of diagram 'a'" in strict.output
    assert "Traceback" not in strict.output
    lenient = run_build(project, project / "site2", strict=False)
    assert lenient.returncode == 0
    assert 'href="#a-step-2"' in lenient.page("")
