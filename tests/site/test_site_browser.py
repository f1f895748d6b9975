"""The built site in a real browser (Playwright driving Debian's chromium).

Search finds every operation by its English and Chinese names, REST actions,
CLI commands and Horizon labels, and the first result leads to its page; diagrams are
visible at a real size; the dark palette recolours them; the reader's
language tab follows them to the next page.  Screenshots of a page in light
and dark are kept under build/test-artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import threading
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from site_support import ARTIFACTS, BuildResult, OperationPage, operation_pages

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = operation_pages()


def _as_query(name: str) -> str:
    """A name as a reader would type or paste it: CLI options included.

    In Material's query syntax a leading ``-`` excludes a word;
    ``javascripts/search-options.js`` keeps ``--hard`` from hiding the page.
    """
    return name


def _unique_queries() -> list[tuple[str, str, str]]:
    """(page url, kind, query) for every name that belongs to one page only."""
    owners: dict[str, set[str]] = {}
    for op in PAGES:
        for kind in ("en", "zh", "rest", "cli", "horizon"):
            for name in op.names(kind):
                owners.setdefault(_as_query(name).lower(), set()).add(op.url)
    cases: dict[tuple[str, str], str] = {}
    for op in PAGES:
        for kind in ("en", "zh", "rest", "cli", "horizon"):
            for name in op.names(kind):
                query = _as_query(name)
                if owners[query.lower()] == {op.url}:
                    cases.setdefault((op.url, query), kind)
    return [(url, kind, query) for (url, query), kind in cases.items()]


QUERIES = _unique_queries()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(built_site: BuildResult) -> Iterator[str]:
    """The built site served on 127.0.0.1 from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def search_page(browser, base_url: str):
    """One tab on the home page, reused by every search (instant navigation)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.goto(base_url)
    yield page
    context.close()


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, color_scheme="light")
    tab = context.new_page()
    yield tab
    context.close()


def assert_ranked_first(page, query: str, url: str) -> None:
    """``query`` puts the page at ``url`` (relative, e.g. ``operations/create/``) first."""
    results = search(page, query)
    assert results and results[0] == "/" + url, f"{query!r} ranked {results[:3]}"


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search; return result paths, best first."""
    box = page.locator("input.md-search__input")
    meta = "document.querySelector('.md-search-result__meta').textContent"
    box.click()
    box.fill("")
    box.press("End")  # Material reads the query on keyup
    page.wait_for_function(f"!/结果|result/.test({meta})", polling=50)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"/结果|result/.test({meta})", polling=50, timeout=15000)
    hrefs = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return [urlsplit(h).path for h in hrefs]


@pytest.mark.parametrize(("url", "kind", "query"), QUERIES, ids=[f"{u.split('/')[1]}-{k}-{q}" for u, k, q in QUERIES])
def test_search_puts_the_operation_first(search_page, url: str, kind: str, query: str) -> None:
    results = search(search_page, query)
    assert results, f"no results for {query!r}"
    assert results[0] == "/" + url, f"{query!r} ({kind}) ranked {results[:3]}"


MIXED_QUERIES = [
    ("shelve 搁置", "operations/shelve/"),
    ("evacuate 疏散", "operations/evacuate/"),
    ("createImage 快照", "operations/snapshot/"),
    ("createBackup 备份", "operations/backup/"),
    ("changePassword 修改密码", "operations/change-password/"),
    ("os-resetState 重置状态", "operations/reset-state/"),
    ("硬重启 hard reboot", "operations/reboot/"),
    ("VNC 控制台 token", "operations/vnc-console/"),
    ("rescue 救援", "operations/rescue/"),
    ("boot 创建虚拟机", "operations/create/"),
    ("anti-affinity 反亲和性", "operations/server-groups/"),
    ("os-server-groups 服务器组", "operations/server-groups/"),
    ("server list 列出云主机", "operations/list-servers/"),
    ("volume migration 卷迁移", "operations/volume-swap/"),
    ("swap volume 交换卷", "operations/volume-swap/"),
]


@pytest.mark.parametrize(("query", "url"), MIXED_QUERIES, ids=[q for q, _ in MIXED_QUERIES])
def test_mixed_language_queries(search_page, query: str, url: str) -> None:
    assert_ranked_first(search_page, query, url)


def test_hidden_keywords_stay_hidden_in_results(search_page) -> None:
    search(search_page, "shelve")
    tags = search_page.locator(".md-search-result .md-tags")
    assert tags.count() > 0, "Material no longer renders tags in results: revisit the CSS"
    assert all(not tags.nth(i).is_visible() for i in range(tags.count()))


@pytest.mark.parametrize("op", PAGES, ids=lambda op: op.path.stem)
def test_clicking_the_first_result_lands_on_the_page(search_page, op: OperationPage) -> None:
    query = op.names("zh")[0]
    search(search_page, query)
    search_page.locator("li.md-search-result__item > a.md-search-result__link").first.click()
    search_page.wait_for_url(f"**/{op.url}**")
    heading = search_page.locator("article h1").first.inner_text()
    assert op.meta["title"].split(" · ")[-1].split(" / ")[0] in heading


@pytest.mark.parametrize("op", PAGES, ids=lambda op: op.path.stem)
def test_diagram_is_visible_with_a_real_size(page, base_url: str, op: OperationPage) -> None:
    page.goto(base_url + op.url)
    svg = page.locator("figure.wsd-figure .wsd-diagram > svg").first
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 300, box
    link = page.locator("figure.wsd-figure a.wsd-full-size").first
    assert link.is_visible() and link.get_attribute("href").split("#")[0].endswith(".svg")


def _scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _colours(page) -> dict[str, str]:
    return page.evaluate(
        """() => {
            const svg = document.querySelector('figure.wsd-figure .wsd-diagram > svg');
            const box = svg.querySelector('.p');
            const text = svg.querySelector('text');
            return {box: getComputedStyle(box).fill, text: getComputedStyle(text).fill};
        }"""
    )


def test_dark_palette_recolours_the_diagram(page, base_url: str) -> None:
    op = PAGES[0]
    page.goto(base_url + op.url)
    assert _scheme(page) == "default"
    light = _colours(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{op.path.stem}-light.png"))
    for _ in range(3):  # system -> light -> dark, whichever comes first
        if _scheme(page) == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert _scheme(page) == "slate"
    dark = _colours(page)
    assert dark["box"] != light["box"] and dark["text"] != light["text"]
    page.screenshot(path=str(ARTIFACTS / f"{op.path.stem}-dark.png"))
    page.screenshot(path=str(ARTIFACTS / f"{op.path.stem}-dark-full.png"), full_page=True)


def test_language_choice_follows_the_reader(page, base_url: str) -> None:
    first, second = PAGES[0], PAGES[1]
    page.goto(base_url + first.url)
    page.locator(".tabbed-labels label", has_text="English").first.click()

    def checked_labels() -> list[str]:
        return page.evaluate(
            """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
                const input = set.querySelector(':scope > input:checked');
                return set.querySelector(`label[for="${input.id}"]`).innerText.trim();
            })"""
        )

    assert set(checked_labels()) == {"English"}
    page.locator(f'nav.md-nav a[href$="{second.path.stem}/"]').first.click()  # instant navigation
    page.wait_for_url(f"**/{second.url}")
    page.wait_for_function("document.querySelector('.tabbed-set')")
    assert set(checked_labels()) == {"English"}
    page.goto(base_url + first.url)  # full load keeps it too
    assert set(checked_labels()) == {"English"}


def test_fit_width_button_follows_the_window_size(page, base_url: str) -> None:
    page.goto(base_url + "/")  # the home page legend is small
    legend = page.locator("figure.wsd-figure").first
    legend.wait_for()
    assert not legend.locator("button.wsd-fit").is_visible()
    page.set_viewport_size({"width": 420, "height": 900})
    button = legend.locator("button.wsd-fit")
    button.wait_for(state="visible", timeout=5000)
    button.click()
    assert legend.evaluate("f => f.classList.contains('wsd-figure--fit')")
    frame = legend.locator(".wsd-diagram")
    assert frame.evaluate("d => d.scrollWidth <= d.clientWidth + 1")
    button.click()
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.wait_for_function(
        "() => { const b = document.querySelector('figure.wsd-figure button.wsd-fit'); return b && b.hidden; }",
        timeout=5000,
    )


# Code identifiers a reader pastes from a log or a traceback, and the page that
# explains each.  The separator splits them into words ("NoValidHost" ->
# "no valid host", and "no" also matches "novnc"); search-options.js adds the
# folded identifier, which only pages writing it in code carry as a tag.
IDENTIFIER_QUERIES = [
    ("NoValidHost", "operations/create/"),
    ("network-vif-plugged", "operations/create/"),
    ("build_and_run_instance", "operations/create/"),
    ("reboot_instance", "operations/reboot/"),
    ("rescue_instance", "operations/rescue/"),
    ("unrescue_instance", "operations/rescue/"),
    ("pre_live_migration", "operations/live-migration/"),
    ("resize_instance", "operations/resize/"),
    ("finish_resize", "operations/resize/"),
    ("reserve_block_device_name", "operations/volume-attach/"),
    ("rebuild_instance", "operations/rebuild/"),
    ("terminate_instance", "operations/delete/"),
    ("reclaim_instance_interval", "operations/delete/"),
    ("GroupAffinityViolation", "operations/server-groups/"),
    ("max_server_per_host", "operations/server-groups/"),
    ("_validate_instance_group_policy", "operations/server-groups/"),
    ("list_records_by_skipping_down_cells", "operations/list-servers/"),
    ("CELL_TIMEOUT", "operations/list-servers/"),
    ("MarkerNotFound", "operations/list-servers/"),
]


@pytest.mark.parametrize(("query", "url"), IDENTIFIER_QUERIES, ids=[q for q, _ in IDENTIFIER_QUERIES])
def test_code_identifiers_find_the_page_that_explains_them(search_page, query: str, url: str) -> None:
    assert_ranked_first(search_page, query, url)


def _hint(page) -> str:
    return page.evaluate("(document.querySelector('.md-search-result .osw-search-hint') || {}).textContent || ''")


# injectNetworkInfo is a real Nova server action (admin_actions.py in
# nova/api/openstack/compute/, data/nova/server_actions.tsv) that no page covers.
@pytest.mark.parametrize("query", ["injectNetworkInfo", "Inject network info", "注入网络信息"])
def test_an_operation_without_a_page_says_so(search_page, query: str) -> None:
    search(search_page, query)
    hint = _hint(search_page)
    assert "injectNetworkInfo" in hint and "no page" in hint and "尚无" in hint, hint
    link = search_page.locator(".osw-search-hint a")
    href = urlsplit(link.get_attribute("href")).path
    assert href == "/", href  # the operations index is on the home page
    link.click()
    search_page.wait_for_function("document.querySelector('article table a[href*=\"operations/\"]')")


@pytest.mark.parametrize("query", ["reboot", "os-migrateLive", "重启", "trigger_crash_dump", "os-getConsoleOutput"])
def test_an_operation_with_a_page_has_no_hint(search_page, query: str) -> None:
    search(search_page, query)
    assert _hint(search_page) == ""


def test_the_hint_survives_instant_navigation(search_page, base_url: str) -> None:
    search_page.goto(base_url)
    search(search_page, "reboot")
    search_page.locator("li.md-search-result__item > a.md-search-result__link").first.click()
    search_page.wait_for_url("**/operations/reboot/**")
    search(search_page, "injectNetworkInfo")
    assert "injectNetworkInfo" in _hint(search_page)
