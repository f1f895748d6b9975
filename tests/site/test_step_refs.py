"""Step references, step lists, step anchors and the full-size palette (hook side)."""

from __future__ import annotations

import re

import diagram_html
import step_list
import step_refs
import wsd
from diagram_cache import Artifact

STEPS = {"shelve": set(range(1, 29)), "unshelve": set(range(1, 30))}
ORDER = ["shelve", "unshelve"]


def link(html: str) -> tuple[str, list[str]]:
    problems: list[str] = []
    return step_refs.link_step_refs(html, ORDER, STEPS, problems.append), problems


def refs(html: str) -> list[tuple[str, str]]:
    return re.findall(r'href="#([\w-]+)-step-\d+" data-wsd-ref="[\w-]+" data-steps="([\d-]+)"', html)


def test_every_written_form_becomes_a_link() -> None:
    html, problems = link("<p>步骤 12、步骤 11–18、步骤 2-4、步骤 3~5、步骤 6至7, Step 6, Steps 11–18, steps 1-2, step 9</p>")
    assert refs(html) == [("shelve", s) for s in ["12", "11-18", "2-4", "3-5", "6-7", "6", "11-18", "1-2", "9"]]
    assert not problems


def test_code_links_and_headings_are_left_alone() -> None:
    html, _ = link("<h2>Step 1</h2><p><code>step 2</code> <a href='x'>step 3</a> <pre>step 4</pre> step 5</p>")
    assert refs(html) == [("shelve", "5")]


def test_markers_choose_the_diagram_until_the_next_tab() -> None:
    html, _ = link(
        '<div class="tabbed-block"><p>步骤 1</p><p data-wsd="unshelve"><strong>x</strong></p><p>步骤 29</p></div>'
        '<div class="tabbed-block"><p>Step 2</p></div>'
    )
    assert refs(html) == [("shelve", "1"), ("unshelve", "29"), ("shelve", "2")]


def test_ordinals_and_inline_spans_name_the_diagram_for_one_reference() -> None:
    html, _ = link(
        '<table><tr><td>图二步骤 29</td><td>步骤 3</td></tr></table><p>diagram 2, step 29 and step 28</p>'
        '<p><span data-wsd="unshelve">取消搁置图</span> 步骤 29</p><p>步骤 4</p>'
    )
    assert refs(html) == [("unshelve", "29"), ("shelve", "3"), ("unshelve", "29"), ("shelve", "28"),
                          ("unshelve", "29"), ("shelve", "4")]


def test_a_step_the_diagram_lacks_is_reported() -> None:
    html, problems = link("<p>Steps 28–29</p>")
    assert refs(html) == [] and "Steps 28–29" in html
    assert len(problems) == 1 and "'shelve'" in problems[0] and "1–28" in problems[0]


def test_english_tab_blocks_get_lang_en() -> None:
    html = (
        '<div class="tabbed-set"><div class="tabbed-labels"><label for="a">中文</label><label for="b">English</label>'
        '</div><div class="tabbed-content"><div class="tabbed-block">中</div><div class="tabbed-block">en</div>'
        "</div></div>"
    )
    out = step_refs.mark_english_tabs(html)
    assert out.count('lang="en"') == 1 and '<div class="tabbed-block" lang="en">en</div>' in out


SOURCE = """\
participant "nova-api" as API
participant Compute
autonumber 1
# link: https://example.org/api.py#L1 API.reboot
API->Compute: reboot_instance (cast)
alt hard
API->>Compute: fire and forget
else soft
Compute-->API: done
end
"""


def test_step_list_lists_kinds_frames_and_links() -> None:
    html = step_list.step_list_html(step_list.parse(SOURCE), "reboot-step-")
    items = re.findall(r'<li id="(reboot-step-\d+-text)".*?wsd-steps-kind--(\w+)', html)
    assert items == [("reboot-step-1-text", "cast"), ("reboot-step-2-text", "cast"), ("reboot-step-3-text", "reply")]
    assert "nova-api → Compute" in html and 'href="https://example.org/api.py#L1"' in html
    assert "<b>alt</b> hard" in html and "<b>else</b> soft" in html and 'lang="en"' in html
    assert 'href="#reboot-step-2"' in html and "Step list (3)" in html


def test_step_list_names_the_diagram_edge_as_written() -> None:
    source = "autonumber\n[->API: POST /servers\nAPI->>]: notify\nparallel {\n]->API: x\nAPI->[: y\n}\n"
    html = step_list.step_list_html(step_list.parse(source), "s-")
    who = re.findall(r'wsd-steps-who">(.*?)</span>', html)
    assert who == ["[ → API", "API → ]", "] → API", "API → ["]


def test_svg_steps_are_groups_with_stable_ids_kept_unique_on_a_page() -> None:
    svg = wsd.render(SOURCE, step_prefix="reboot-step-")
    assert re.findall(r'<g class="wsd-step" data-step="(\d)" id="reboot-step-\1">', svg) == ["1", "2", "3"]
    assert wsd.render(SOURCE, step_prefix="reboot-step-") == svg  # deterministic
    seen: set[str] = set()
    first = diagram_html.with_unique_ids(svg, seen)
    second = diagram_html.with_unique_ids(svg, seen)
    ids = re.findall(r'\sid="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) and 'id="reboot-step-1"' in first and 'id="reboot-2-step-1"' in second


def test_full_size_file_follows_the_scheme_in_its_address() -> None:
    svg = wsd.render(SOURCE)
    data = diagram_html.standalone_svg(Artifact("svg", svg.encode()), wsd.theme_css(light="", dark=":root"))
    text = data.decode()
    assert "location.hash" in text and ':root[data-scheme="slate"]{--wsd-bg' in text
    assert '@media (prefers-color-scheme: dark){:root:not([data-scheme="default"]){' in text
