"""Reading a long diagram in a real browser (Playwright, Debian chromium).

At 1440x900, 1700x1000 (side by side) and 390x844 on the reboot page, one
page load per viewport:
participant names stay in sight (the sticky strip lines up with the
lifelines) with the diagram scrolled to its middle; a step link brings its
step into view and marks it; the page never scrolls sideways; the wheel over
the diagram scrolls the page; the step lists hold every message label; the
English tabs are ``lang="en"``.  Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest
from site_support import ARTIFACTS, ROOT
from test_site_browser import CHROMIUM, CHROMIUM_ARGS, base_url  # noqa: F401 (fixture)

playwright_api = pytest.importorskip("playwright.sync_api")

VIEWPORTS = {"desktop": (1440, 900), "wide": (1700, 1000), "phone": (390, 844)}
PAGE = "operations/reboot/"


def _labels(source: str) -> list[str]:
    """Every numbered message label of a diagram source, on one line."""
    out = []
    for line in source.splitlines():
        m = re.match(r"\s*[^#\s:][^:]*?(?:-+>+|<-+)[^:]*:\s*(.+)$", line)
        if m and not line.lstrip().startswith(("note", "Note", "ref", "state")):
            out.append(" ".join(m.group(1).replace("\\n", " ").split()))
    return out


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def reading(request, base_url: str):  # noqa: F811 (fixture)
    """(viewport name, page) with the reboot page loaded once per viewport."""
    width, height = VIEWPORTS[request.param]
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
        page = context.new_page()
        page.goto(base_url + PAGE)
        page.wait_for_selector(".wsd-figure .wsd-sticky", state="attached")
        yield request.param, page
        context.close()
        browser.close()


def _show_picture(page) -> None:
    button = page.locator(".wsd-figure .wsd-show").first
    if button.is_visible() and button.get_attribute("aria-expanded") == "false":
        button.click()


def _scroll_to_middle(page) -> None:
    """The diagram's middle on screen: the page scrolls, or (side by side) the pane's frame."""
    page.evaluate(
        """() => { const frame = document.querySelector('.wsd-diagram');
                   if (frame.closest('.wsd-pane')) { frame.scrollTop = (frame.scrollHeight - frame.clientHeight) / 2; return; }
                   const r = frame.getBoundingClientRect();
                   window.scrollTo(0, window.scrollY + r.top + r.height / 2 - innerHeight / 2); }"""
    )
    page.wait_for_timeout(100)


def test_participant_names_stay_in_sight(reading) -> None:
    name, page = reading
    _show_picture(page)
    _scroll_to_middle(page)
    page.evaluate("document.querySelector('.wsd-diagram').scrollLeft = 150")
    page.wait_for_timeout(100)
    found = page.evaluate(
        """() => {
            const fig = document.querySelector('.wsd-figure');
            const strip = fig.querySelector('.wsd-sticky');
            const s = strip.getBoundingClientRect();
            const frame = fig.querySelector('.wsd-diagram');  /* side by side: the heads top its frame */
            const header = frame.closest('.wsd-pane') ? frame.getBoundingClientRect().top
                : document.querySelector('.md-header').getBoundingClientRect().bottom;
            const own = fig.querySelector('.wsd-diagram > svg .p');
            const copy = strip.querySelector('svg .p');
            return {on: strip.classList.contains('wsd-sticky--on'), visibility: getComputedStyle(strip).visibility,
                    top: s.top, header, height: s.height,
                    own: own.getBoundingClientRect().left, copy: copy.getBoundingClientRect().left,
                    ids: strip.querySelectorAll('[id]').length, rootId: strip.querySelector('svg').id,
                    text: strip.querySelector('svg text.pt').getBoundingClientRect().height};
        }"""
    )
    assert found["on"] and found["visibility"] == "visible", found
    assert abs(found["top"] - found["header"]) < 2 and found["height"] > 20, found
    assert abs(found["own"] - found["copy"]) < 3, f"strip not aligned with the lifelines: {found}"
    assert found["ids"] == 1 and found["rootId"].endswith("-heads"), found
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reboot-middle-{name}.png"))


def test_no_horizontal_page_scroll(reading) -> None:
    _name, page = reading
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


def test_wheel_over_the_diagram_scrolls_the_page(reading) -> None:
    _name, page = reading
    _show_picture(page)
    _scroll_to_middle(page)
    box = page.locator(".wsd-diagram").first.bounding_box()
    before = page.evaluate("window.scrollY")
    page.mouse.move(box["x"] + min(box["width"] / 2, 150), page.viewport_size["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"window.scrollY > {before} + 100", timeout=3000)


def test_step_link_brings_its_step_into_view(reading) -> None:
    _name, page = reading
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    ref = page.locator("a.wsd-step-ref:visible", has_text=re.compile(r"\d+[–-]\d+")).last
    steps = ref.get_attribute("data-steps")
    first = steps.split("-")[0]
    ref.click()
    page.wait_for_function(  # smooth scroll: wait until it settles in view
        f"""() => {{ const r = document.getElementById('reboot-step-{first}').getBoundingClientRect();
                     return r.top >= 0 && r.bottom <= innerHeight; }}""",
        timeout=5000,
    )
    # Material's navigation.tracking may rewrite the hash while the page scrolls;
    # the step's anchor must be back once scrolling has settled.
    page.wait_for_function(f"location.hash === '#reboot-step-{first}'", timeout=5000)
    state = page.evaluate(
        f"""() => {{
            const g = document.getElementById('reboot-step-{first}');
            const r = g.getBoundingClientRect();
            return {{on: g.classList.contains('wsd-step--on'), top: r.top, bottom: r.bottom,
                     left: r.left, right: r.right,
                     marked: document.querySelectorAll('.wsd-step--on').length}};
        }}"""
    )
    size = page.viewport_size
    assert state["on"] and state["marked"] == int(steps.split("-")[-1]) - int(first) + 1, state
    assert 0 <= state["top"] and state["bottom"] <= size["height"], state
    assert state["right"] > 0 and state["left"] < size["width"], state
    # The address settles on the step: Material's navigation.tracking rewrites
    # it to the section's some 500 ms after a scroll ends; the step's comes back.
    # Poll rather than sleep once: under load either rewrite may come late.
    settled = f"() => location.hash === '#reboot-step-{first}'"
    page.wait_for_function(settled, timeout=15000)
    page.wait_for_timeout(1500)
    page.wait_for_function(settled, timeout=15000)
    highlight = page.evaluate(
        f"getComputedStyle(document.querySelector('#reboot-step-{first} .m')).strokeWidth"
    )
    assert highlight == "3px"


def test_step_list_holds_every_message_label(reading) -> None:
    _name, page = reading
    listed = page.evaluate(
        "[...document.querySelectorAll('.wsd-steps .wsd-steps-label')].map(e => e.textContent)"
    )
    expected = _labels((ROOT / "diagrams" / "reboot.wsd").read_text(encoding="utf-8"))
    assert expected and len(listed) == len(expected)
    assert listed == expected
    if _name == "phone":  # the text comes first there, open
        assert page.evaluate("document.querySelector('.wsd-steps').open")


def test_english_tabs_are_marked_english(reading) -> None:
    _name, page = reading
    marks = page.evaluate(
        """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
            const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')].map(l => l.innerText.trim());
            const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')];
            return labels.map((l, i) => [l, blocks[i].getAttribute('lang')]);
        }).flat()"""
    )
    assert marks and all((lang == "en") == (label == "English") for label, lang in marks), marks


def test_step_lists_are_searchable(built_site) -> None:  # noqa: F811
    """The step list is in Material's search index (a step label finds its page)."""
    index = json.loads((Path(built_site.site) / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(PAGE))
    labels = _labels((ROOT / "diagrams" / "reboot.wsd").read_text(encoding="utf-8"))
    missing = [label for label in labels if escape(label, quote=False) not in text]
    assert labels and not missing, f"step labels not in the search index: {missing}"


def test_badge_leads_to_its_paragraph_and_full_size_keeps_the_palette(reading) -> None:
    name, page = reading
    if name == "phone":
        pytest.skip("one viewport is enough for the badge and the link")
    _show_picture(page)
    ref = page.locator("a.wsd-step-ref:visible").nth(3)
    first = int(ref.get_attribute("data-steps").split("-")[0])
    badge = page.locator(f"#reboot-step-{first} .b")
    badge.scroll_into_view_if_needed()
    badge.click()
    page.wait_for_selector(".wsd-explained", timeout=3000)
    widths = page.evaluate(
        f"""() => {{
            const width = a => {{ const [f, l] = a.dataset.steps.split('-').map(Number);
                                  return f <= {first} && {first} <= (l || f) ? (l || f) - f : null; }};
            const all = [...document.querySelectorAll('a.wsd-step-ref')].filter(a => a.offsetParent);
            const here = [...document.querySelector('.wsd-explained').querySelectorAll('a.wsd-step-ref')];
            return {{here: here.map(width).filter(w => w !== null), all: all.map(width).filter(w => w !== null)}};
        }}"""
    )
    assert widths["here"] and min(widths["here"]) == min(widths["all"]), widths  # the narrowest explanation
    assert page.url.split("#")[0].endswith(PAGE)  # the badge did not follow the Nova link
    href = page.locator("a.wsd-full-size").first.get_attribute("href")
    assert href.endswith("#scheme=default"), href
