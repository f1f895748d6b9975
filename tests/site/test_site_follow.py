"""Side by side, zoom gestures and the phone's picture (Playwright, Debian chromium).

On the reboot page: at 1700x1000 the diagram sits in a sticky pane beside
the text and follows the paragraph being read (its steps scrolled into the
pane's view and marked lightly); at 1440x900 the page keeps one column; a
toggle turns it off and is remembered, also across Material's instant
navigation.  Ctrl+wheel (a trackpad pinch) and a two-finger pinch zoom the
diagram, the plain wheel scrolls the page.  On a 390x844 phone a step link,
a step address and "Show diagram" open the picture at the step.  The page
never scrolls sideways.  Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import pytest
from site_support import ARTIFACTS
from test_site_browser import CHROMIUM, CHROMIUM_ARGS, base_url  # noqa: F401 (fixture)

playwright_api = pytest.importorskip("playwright.sync_api")

PAGE = "operations/reboot/"
WIDE, DESKTOP, PHONE = (1700, 1000), (1440, 900), (390, 844)

# The step's badge and label, and whether they lie inside its frame's visible
# box and the window (client coordinates).
STEP_IN_VIEW = """n => {
    const g = document.getElementById('reboot-step-' + n);
    const rects = [...g.querySelectorAll('.b, .mt')].map(e => e.getBoundingClientRect());
    const f = g.closest('.wsd-diagram').getBoundingClientRect();
    const box = {left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)),
                 top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom))};
    const inside = box.left >= f.left - 1 && box.right <= f.right + 1 && box.top >= f.top - 1
        && box.bottom <= f.bottom + 1 && box.top >= 0 && box.bottom <= innerHeight && box.right > 0;
    return {inside, box, frame: {left: f.left, right: f.right, top: f.top, bottom: f.bottom},
            near: g.classList.contains('wsd-step--near'), on: g.classList.contains('wsd-step--on')};
}"""

# The diagram point (in SVG units) under a client point, and back.
UNDER = """([x, y]) => { const svg = document.querySelector('.wsd-diagram > svg');
    const r = svg.getBoundingClientRect(), k = r.width / svg.viewBox.baseVal.width;
    return [(x - r.left) / k, (y - r.top) / k]; }"""
WHERE = """([u, v]) => { const svg = document.querySelector('.wsd-diagram > svg');
    const r = svg.getBoundingClientRect(), k = r.width / svg.viewBox.baseVal.width;
    return [r.left + u * k, r.top + v * k]; }"""

# Put a block (paragraph or list item) at the reading line: a third down the
# screen below the header.
TO_READING_LINE = """block => {
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const line = header + (innerHeight - header) * 0.3;
    window.scrollTo(0, window.scrollY + block.getBoundingClientRect().top - line + 4);
}"""


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, base_url: str):  # noqa: F811 (fixture)
    """``open_page(size, **context options)``: a fresh tab on the reboot page."""
    contexts = []

    def open_(size: tuple[int, int], url: str = PAGE, **options):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + url)
        page.wait_for_selector(".wsd-figure .wsd-sticky", state="attached")
        return page

    yield open_
    for context in contexts:
        context.close()


def _side(page) -> dict:
    return page.evaluate(
        """() => {
            const pane = document.querySelector('.wsd-pane');
            const text = document.querySelector('.wsd-side-text');
            const fig = document.querySelector('figure.wsd-figure');
            const toggle = document.querySelector('.wsd-side-toggle');
            return {side: !!document.querySelector('.wsd-side'), pane: !!pane,
                    inPane: !!(pane && pane.contains(fig)),
                    beside: !!(pane && text && pane.getBoundingClientRect().left >= text.getBoundingClientRect().right),
                    paneTop: pane ? pane.getBoundingClientRect().top : null,
                    header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                    listAfterFigure: !!(fig.nextElementSibling && fig.nextElementSibling.matches('.wsd-steps')),
                    toggle: toggle && toggle.offsetParent !== null,
                    pressed: toggle && toggle.getAttribute('aria-pressed'),
                    stored: localStorage.getItem('wsd-side'),
                    sideways: document.scrollingElement.scrollWidth > innerWidth};
        }"""
    )


def _steps_of(ref) -> list[int]:
    first, _, last = ref.get_attribute("data-steps").partition("-")
    return [int(first), int(last or first)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_side_by_side_from_1600_px(open_page, scheme: str) -> None:
    page = open_page(WIDE, color_scheme=scheme)
    state = _side(page)
    assert state["side"] and state["inPane"] and state["beside"], state
    assert state["toggle"] and state["pressed"] == "true", state
    page.evaluate("window.scrollTo(0, 4000)")
    page.wait_for_timeout(200)
    state = _side(page)
    assert 0 <= state["paneTop"] - state["header"] < 40, f"the pane does not stick below the header: {state}"
    assert not state["sideways"], state
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reboot-side-{scheme}.png"))


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "phone"])
def test_one_column_below_1600_px(open_page, size) -> None:
    page = open_page(size)
    state = _side(page)
    assert not state["side"] and not state["pane"] and state["listAfterFigure"], state
    assert not state["toggle"], state
    assert not state["sideways"], state


def test_the_paragraph_being_read_brings_its_steps_into_view(open_page) -> None:
    page = open_page(WIDE)
    refs = page.locator(".wsd-side-text a.wsd-step-ref:visible")
    count = refs.count()
    assert count > 20
    # Two paragraphs far apart: the diagram follows the first, then the second.
    for ref in (refs.nth(count // 2), refs.nth(count - 3)):
        first, last = _steps_of(ref)
        block = ref.evaluate_handle("a => a.closest('li, p, td')")
        assert not page.evaluate(STEP_IN_VIEW, first)["inside"] or first < 5
        page.evaluate(TO_READING_LINE, block)
        page.wait_for_function(f"({STEP_IN_VIEW})({first}).inside", timeout=5000)  # smooth scroll settles
        found = page.evaluate(STEP_IN_VIEW, first)
        assert found["near"] and not found["on"], found
        marked = page.evaluate("[...document.querySelectorAll('.wsd-step--near')].map(g => +g.dataset.step)")
        assert min(marked) == first and max(marked) >= last, marked
        assert page.evaluate("document.querySelector('.wsd-reading')") is not None


def test_toggle_turns_it_off_and_is_remembered(open_page, base_url: str) -> None:  # noqa: F811
    page = open_page(WIDE)
    page.locator(".wsd-side-toggle").click()
    state = _side(page)
    assert not state["side"] and state["listAfterFigure"] and state["stored"] == "off", state
    assert state["toggle"] and state["pressed"] == "false", state
    page.reload()
    page.wait_for_selector(".wsd-figure .wsd-sticky", state="attached")
    assert not _side(page)["side"]
    page.locator(".wsd-side-toggle").click()
    assert _side(page)["side"] and _side(page)["stored"] == "on"
    # Material's instant navigation: the next page is side by side and follows too.
    page.locator(".md-nav a[href$='stop-start/']").first.click()
    page.wait_for_function("location.pathname.endsWith('stop-start/') && !!document.querySelector('.wsd-pane')")
    assert page.evaluate("document.querySelectorAll('.wsd-pane > .wsd-figure').length") == 3
    ref = page.locator(".wsd-side-text a.wsd-step-ref:visible").nth(4)
    stem = ref.get_attribute("data-wsd-ref")
    first = _steps_of(ref)[0]
    page.evaluate(TO_READING_LINE, ref.evaluate_handle("a => a.closest('li, p, td')"))
    step = f"document.getElementById('{stem}-step-{first}')"
    page.wait_for_function(
        f"{step}.classList.contains('wsd-step--near') && {step}.closest('figure').classList.contains('wsd-figure--active')",
        timeout=5000,
    )


@pytest.mark.parametrize("size", [DESKTOP, WIDE], ids=["1440", "1700"])
def test_ctrl_wheel_zooms_the_diagram_and_the_plain_wheel_scrolls_the_page(open_page, size) -> None:
    page = open_page(size)
    page.evaluate("window.scrollTo(0, 200)")
    box = page.locator(".wsd-diagram").first.bounding_box()
    width = "document.querySelector('.wsd-diagram > svg').getBoundingClientRect().width"
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"], 600) / 2
    before = page.evaluate(width)
    spot = page.evaluate(UNDER, [x, y])
    page.mouse.move(x, y)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_function(f"{width} > {before} * 1.2", timeout=3000)
    assert page.evaluate("visualViewport.scale") == 1
    # The point of the diagram under the pointer stays under it.
    after = page.evaluate(WHERE, spot)
    assert abs(after[0] - x) < 3 and abs(after[1] - y) < 3, (x, y, after)
    scrolled = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"window.scrollY > {scrolled} + 100", timeout=3000)


def _pinch(page, x: float, y: float, start: float, end: float) -> None:
    """Two fingers on (x ± start, y) moving apart to (x ± end, y), through CDP."""
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, spread: float) -> None:
        points = [] if kind == "touchEnd" else [
            {"x": x - spread, "y": y, "id": 1}, {"x": x + spread, "y": y, "id": 2}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start)
    for i in range(1, 9):
        touch("touchMove", start + (end - start) * i / 8)
    touch("touchEnd", end)


def test_pinch_zooms_the_diagram_not_the_page(open_page) -> None:
    page = open_page(PHONE, has_touch=True, is_mobile=True)
    page.locator(".wsd-show").first.click()
    frame = page.locator(".wsd-diagram").first
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    width = "document.querySelector('.wsd-diagram > svg').getBoundingClientRect().width"
    before = page.evaluate(width)
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"], 400) / 2
    spot = page.evaluate(UNDER, [x, y])
    _pinch(page, x, y, 40, 80)
    page.wait_for_timeout(100)
    after = page.evaluate(width)
    assert after > before * 1.6, (before, after)
    assert page.evaluate("visualViewport.scale") == 1
    moved = page.evaluate(WHERE, spot)  # what was between the fingers still is
    assert abs(moved[0] - x) < 4 and abs(moved[1] - y) < 4, (x, y, moved)
    # The − button goes on from the zoom the pinch left.
    page.locator(".wsd-zoom-step", has_text="−").first.click()
    assert abs(page.evaluate(width) - after / 1.25) < 2
    page.screenshot(path=str(ARTIFACTS / "reboot-pinch-phone.png"))


def _far_right_ref(page):
    """A visible step link whose first step's label lies beyond the phone's first screen of the picture."""
    index = page.evaluate(
        """() => [...document.querySelectorAll('a.wsd-step-ref')].findIndex(a => a.offsetParent
            && +document.querySelector(`#reboot-step-${a.dataset.steps.split('-')[0]} .mt`).getAttribute('x') > 600)"""
    )
    assert index >= 0
    return page.locator("a.wsd-step-ref").nth(index)


def test_phone_step_link_opens_the_picture_at_the_step(open_page) -> None:
    page = open_page(PHONE)
    assert page.evaluate("!document.querySelector('.wsd-figure').classList.contains('wsd-figure--shown')")
    ref = _far_right_ref(page)
    first = _steps_of(ref)[0]
    ref.click()
    page.wait_for_function(f"({STEP_IN_VIEW})({first}).inside", timeout=5000)
    assert page.evaluate("document.querySelector('.wsd-show').getAttribute('aria-expanded')") == "true"
    assert page.evaluate("document.querySelector('.wsd-diagram').scrollLeft") > 100
    page.screenshot(path=str(ARTIFACTS / "reboot-step-phone.png"))


def test_phone_step_address_opens_the_picture_at_the_step(open_page) -> None:
    page = open_page(PHONE)
    first = _steps_of(_far_right_ref(page))[0]
    page.goto(page.url.split("#")[0] + f"#reboot-step-{first}")
    page.wait_for_function(f"({STEP_IN_VIEW})({first}).inside", timeout=5000)


def test_phone_show_diagram_opens_at_the_paragraph_last_read(open_page) -> None:
    page = open_page(PHONE)
    ref = _far_right_ref(page)
    first = _steps_of(ref)[0]
    page.evaluate(TO_READING_LINE, ref.evaluate_handle("a => a.closest('li, p, td')"))
    page.wait_for_timeout(200)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    page.locator(".wsd-show").first.click()
    page.wait_for_function(f"({STEP_IN_VIEW})({first}).inside", timeout=5000)
    assert not page.evaluate("document.scrollingElement.scrollWidth > innerWidth")


def test_narrowing_the_window_below_1600_px_restores_one_column(open_page) -> None:
    page = open_page(WIDE)
    assert _side(page)["side"]
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    page.wait_for_function("!document.querySelector('.wsd-side')")
    state = _side(page)
    assert state["listAfterFigure"] and not state["sideways"], state
    assert page.evaluate("document.querySelectorAll('.wsd-step--near, .wsd-reading').length") == 0
    page.set_viewport_size({"width": WIDE[0], "height": WIDE[1]})
    page.wait_for_function("!!document.querySelector('.wsd-pane figure')")


def test_dragging_pans_the_pane_up_and_down(open_page) -> None:
    page = open_page(WIDE)
    frame = page.locator(".wsd-pane .wsd-diagram").first
    box = frame.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 60, box["y"] + 60, steps=8)
    page.mouse.up()
    scrolled = page.evaluate("[document.querySelector('.wsd-pane .wsd-diagram').scrollTop, window.scrollY]")
    assert scrolled[0] > 200 and scrolled[1] == 0, scrolled
