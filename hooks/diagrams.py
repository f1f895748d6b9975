"""MkDocs hook: render ``diagrams/**/*.wsd`` into the pages that ask for them.

Authors write ``![重启流程 · Reboot flow](../../diagrams/reboot.wsd)`` (path
relative to the page) or a ```` ```wsd ```` fenced block.  This module is
glue only:

* ``on_config``  picks the renderer (local ``wsd``; remote API if opted in),
  registers the Markdown extension, the ```` ```wsd ```` fence and the
  generated palette stylesheet;
* ``on_files``   renders every diagram (cached) and adds the standalone
  ``diagrams/<name>.svg`` files and the stylesheet as generated files;
* ``on_nav``     reads every page's ``operation:`` front matter;
* ``on_page_markdown`` turns it into hidden search tags and fills
  ``<!-- operations-index -->``;
* ``on_post_page`` swaps slot markers for inline SVG figures (each with the
  table of code behind its steps, :mod:`code_index`) or error boxes;
* ``on_startup`` notes whether this process is ``mkdocs serve``;
* ``on_serve``   watches ``diagrams/``.

Problems are logged on ``mkdocs.plugins.diagrams``, one line each, as
``diagrams/x.wsd:12:5: message`` so ``mkdocs build --strict`` fails on them.
Under ``mkdocs serve`` the same lines are printed (as warnings) but not
counted by strict mode: a strict rebuild that aborts leaves the server
waiting for a good build, so every page would hang while a diagram is broken.
There the page shows the error box instead and the site keeps being served.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import code_index
import diagram_html
import operations_index
import search_keys
import step_list
import step_refs
import wsd
from diagram_cache import DiagramCache
from diagram_markdown import DiagramExtension, fence_spec
from diagram_render import STATS, DiagramRenderer, Outcome
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler
from mkdocs.utils import meta as front_matter
from remote_wsd import DEFAULT_URL, RemoteRenderer

if TYPE_CHECKING:
    from livereload import Server  # type: ignore[import-not-found]
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.diagrams")
# jieba (loaded by Material's search plugin) prints its dictionary loading
# to stderr at DEBUG level; keep successful builds quiet.
logging.getLogger("jieba").setLevel(logging.WARNING)

DIAGRAMS_DIR = "diagrams"
THEME_CSS = "assets/stylesheets/wsd-theme.css"
UNCOVERED_JS = "assets/javascripts/uncovered-actions.js"
IDENTIFIERS_TSV = "data/search/identifiers.tsv"
ACTIONS_TSV = "data/nova/server_actions.tsv"
DARK_SELECTOR = '[data-md-color-scheme="slate"]'
FENCE_OPEN_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?wsd\b")


class DiagramSite:
    """Per-build state shared by the hook events and the Markdown extension."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.docs_dir = Path(config.docs_dir).resolve()
        self.diagrams_dir = self.root / DIAGRAMS_DIR
        settings = _settings(config)
        cache_dir = Path(settings.get("cache_dir") or self.root / ".cache" / "diagrams")
        self.renderer = DiagramRenderer(
            DiagramCache(cache_dir if cache_dir.is_absolute() else self.root / cache_dir),
            _remote(settings),
            warn=problem,
        )
        self.config = config
        self.outcomes: dict[str, Outcome] = {}
        self.standalone: dict[str, File] = {}
        self.code_indexes: dict[str, str] = {}
        self.step_lists: dict[str, str] = {}
        self.step_numbers: dict[str, set[int]] = {}
        self.slot_stems: dict[int, str] = {}
        self.files: Files | None = None
        self.operations: list[operations_index.OperationEntry] = []
        self.identifier_owners: dict[str, str] = {}
        self.identifier_words: dict[str, list[str]] = {}
        self.slots: dict[int, str] = {}
        self.ids_on_page: set[str] = set()
        self.dark_css = wsd.theme_css(light="", dark=":root")
        self.page: Page | None = None
        self.fence_lines: list[int] = []
        self.fences_seen = 0

    # -- paths ---------------------------------------------------------------

    def rel(self, path: Path) -> str:
        """``path`` relative to the project root, POSIX style."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def page_path(self) -> str:
        """The current page's source, relative to the project root."""
        assert self.page is not None
        return self.rel(self.docs_dir / self.page.file.src_path)

    # -- rendering -----------------------------------------------------------

    def render_all(self, files: Files) -> None:
        """Render every ``diagrams/**/*.wsd`` and add its standalone file."""
        if not self.diagrams_dir.is_dir():
            return
        for source in sorted(self.diagrams_dir.rglob("*.wsd")):
            key = self.rel(source)
            outcome = self.render_file(source, key)
            if outcome.artifact is None:
                continue
            site_path = posixpath.splitext(key)[0] + "." + outcome.artifact.fmt
            if files.get_file_from_path(site_path) is not None:
                files.remove(files.get_file_from_path(site_path))
            content = diagram_html.standalone_svg(outcome.artifact, self.dark_css)
            generated = File.generated(self.config, site_path, content=content)
            files.append(generated)
            self.standalone[key] = generated

    def render_file(self, source: Path, key: str) -> Outcome:
        """Render one diagram file (once per build) and report its problems."""
        if key not in self.outcomes:
            try:
                text = source.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as err:
                problem(f"{key}: cannot read diagram ({err})")
                outcome = Outcome(None, excerpt=f"cannot read {key}: {err}")
            else:
                stem = step_stem(key)
                outcome = self.renderer.render(text, key, f"{stem}-step-")
                _report(outcome)
                if outcome.artifact is not None:
                    started = time.perf_counter()
                    diagram = outcome.diagram if outcome.diagram is not None else step_list.parse(text)
                    refs = code_index.refs_of(diagram) if diagram is not None else []
                    self.code_indexes[key] = code_index.index_html(refs)
                    self.step_lists[key] = step_list.step_list_html(diagram, f"{stem}-step-")
                    self.step_numbers[stem] = set(step_list.step_numbers(diagram))
                    STATS.seconds += time.perf_counter() - started
            self.outcomes[key] = outcome
        return self.outcomes[key]

    # -- SlotSink (called from Markdown while a page renders) -----------------

    def image_slot(self, target: str, alt: str) -> str:
        """Marker for ``![alt](target.wsd)`` on the current page."""
        assert self.page is not None
        page_dir = (self.docs_dir / self.page.file.src_path).parent
        source = (page_dir / target).resolve()
        key = self.rel(source)
        if not source.is_file() or not source.is_relative_to(self.root):
            problem(f"{self.page_path()}: diagram not found: {target} (looked for {key})")
            html = diagram_html.error_html(
                f"Diagram not found · 找不到图: {target}", f"{self.page_path()} refers to {key}, which does not exist."
            )
            return self._slot(html)
        outcome = self.render_file(source, key)
        full = self.standalone.get(key)
        href = full.url_relative_to(self.page.file) if full is not None else None
        marker = self._slot(self._figure(outcome, alt, href, key, self.code_indexes.get(key, "")))
        if outcome.artifact is not None:
            self.slot_stems[len(self.slots) - 1] = key
        return marker

    def fence_slot(self, source: str) -> str:
        """Marker for a ```` ```wsd ```` block on the current page."""
        page_path = self.page_path() if self.page is not None else "<page>"
        index = self.fences_seen
        self.fences_seen += 1
        offset = self.fence_lines[index] if index < len(self.fence_lines) else 0
        # Blank lines in front make the renderer's line numbers (log line and
        # error box alike) those of the page; WSD ignores blank lines.
        outcome = self.renderer.render("\n" * offset + source, page_path)
        _report(outcome)
        href = None
        if outcome.artifact is not None and self.files is not None and self.page is not None:
            href = self._add_inline_file(outcome)
        return self._slot(self._figure(outcome, "", href, f"{page_path}:{offset + 1}"))

    def _add_inline_file(self, outcome: Outcome) -> str:
        assert outcome.artifact is not None and self.files is not None and self.page is not None
        digest = hashlib.sha256(outcome.artifact.data).hexdigest()[:16]
        site_path = f"{DIAGRAMS_DIR}/inline/{digest}.{outcome.artifact.fmt}"
        file = self.files.get_file_from_path(site_path)
        if file is None:
            content = diagram_html.standalone_svg(outcome.artifact, self.dark_css)
            file = File.generated(self.config, site_path, content=content)
            self.files.append(file)
        return file.url_relative_to(self.page.file)

    def _figure(self, outcome: Outcome, alt: str, href: str | None, where: str, after: str = "") -> str:
        if outcome.artifact is not None:
            return diagram_html.figure_html(outcome.artifact, alt, href, self.ids_on_page, after)
        return diagram_html.error_html(f"Diagram error · 图有错误: {where}", outcome.excerpt)

    def _slot(self, html: str) -> str:
        number = len(self.slots)
        self.slots[number] = html
        return diagram_html.slot_marker(number)


def step_stem(key: str) -> str:
    """The anchor name of diagram ``key``: ``diagrams/reboot.wsd`` -> ``reboot``."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", posixpath.splitext(posixpath.basename(key))[0]).strip("-")
    return stem if stem[:1].isalpha() else f"d-{stem}"


def _settings(config: MkDocsConfig) -> dict[str, Any]:
    """``extra: diagrams:`` from mkdocs.yml, overridden by ``WSD_*`` variables."""
    settings = dict((config.extra or {}).get("diagrams") or {})
    for name in ("renderer", "url", "style", "api_key", "timeout", "cache_dir"):
        value = os.environ.get(f"WSD_{name.upper()}")
        if value:
            settings[name] = value
    return settings


def _remote(settings: dict[str, Any]) -> RemoteRenderer | None:
    """The remote renderer if ``renderer: remote`` was asked for."""
    choice = str(settings.get("renderer") or "local").strip().lower()
    if choice == "local":
        return None
    if choice != "remote":
        problem(f"extra.diagrams.renderer: unknown renderer {choice!r}; using local")
        return None
    try:
        timeout = float(settings.get("timeout") or 10)
    except ValueError:
        timeout = 10.0
    return RemoteRenderer(
        url=str(settings.get("url") or DEFAULT_URL),
        style=str(settings.get("style") or "modern-blue"),
        api_key=str(settings["api_key"]) if settings.get("api_key") else None,
        timeout=timeout,
    )


def _report(outcome: Outcome) -> None:
    """Log each error (warning) and renderer warning (info), one line each."""
    for error in outcome.errors:
        problem(str(error))
    for warning in outcome.warnings:
        log.info(str(warning))


#: True in a ``mkdocs serve`` process (set by :func:`on_startup`).
_serving = False


def problem(message: str) -> None:
    """Log one problem: a warning that fails ``--strict`` builds; under serve, uncounted.

    Under ``mkdocs serve`` the record goes to every handler a warning would
    reach except MkDocs' strict-mode counters, so the terminal still shows it.
    """
    if not _serving:
        log.warning(message)
        return
    if not log.isEnabledFor(logging.WARNING):
        return
    record = log.makeRecord(log.name, logging.WARNING, __file__, 0, message, None, None)
    logger: logging.Logger | None = log
    while logger is not None:
        for handler in logger.handlers:
            if not isinstance(handler, CountHandler) and record.levelno >= handler.level:
                handler.handle(record)
        logger = logger.parent if logger.propagate else None


# -- MkDocs events -------------------------------------------------------------

_site: DiagramSite | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process serves the site (problems must not abort it)."""
    global _serving
    _serving = command == "serve" or _called_from_serve()


def _called_from_serve() -> bool:
    """True when MkDocs' ``serve`` command is on the call stack.

    ``mkdocs serve --clean`` tells plugins ``command="build"`` (its builds are
    clean ones), yet it is still the development server an author is editing
    against, so a broken diagram must not stop it either.
    """
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if code.co_name == "serve" and Path(code.co_filename).parts[-3:] == ("mkdocs", "commands", "serve.py"):
            return True
        frame = frame.f_back
    return False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Set up renderer, Markdown extension, ```` ```wsd ```` fence and palette CSS."""
    global _site
    STATS.reset()
    _site = DiagramSite(config)
    config.markdown_extensions.append(DiagramExtension(_site))  # type: ignore[arg-type]
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences.setdefault("custom_fences", []).append(fence_spec(_site))
    if THEME_CSS not in config.extra_css:
        config.extra_css.append(THEME_CSS)
    if UNCOVERED_JS not in config.extra_javascript:
        config.extra_javascript.append(UNCOVERED_JS)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Render all diagrams; add standalone images and the palette stylesheet."""
    assert _site is not None
    _site.files = files
    _site.render_all(files)
    css = wsd.theme_css(light=":root", dark=DARK_SELECTOR)
    files.append(File.generated(config, THEME_CSS, content=css))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Collect ``operation:`` front matter from every page, in nav order."""
    assert _site is not None
    in_nav = [page.file for page in nav.pages]
    rest = [f for f in files.documentation_pages() if f not in in_nav]
    pages = []
    for file in in_nav + rest:
        try:
            _body, meta = front_matter.get_data(file.content_string)
        except Exception:  # a broken page is reported by MkDocs itself
            continue
        pages.append((file.src_uri, meta))
    _site.operations = operations_index.collect(pages)
    _search_data(_site, {uri for uri, _meta in pages}, files, config)
    return nav


def _search_data(site: DiagramSite, pages: set[str], files: Files, config: MkDocsConfig) -> None:
    """Read which page explains which identifier; add the uncovered-actions script."""
    try:
        identifiers = site.root / IDENTIFIERS_TSV
        rows = search_keys.read_tsv(identifiers, 2, IDENTIFIERS_TSV) if identifiers.is_file() else []
        site.identifier_owners = search_keys.owners(rows, pages)
        site.identifier_words = search_keys.owned_identifiers(rows)
        actions_path = site.root / ACTIONS_TSV
        actions = search_keys.read_tsv(actions_path, 3, ACTIONS_TSV) if actions_path.is_file() else []
    except ValueError as error:
        problem(str(error))
        return
    covered = {name for entry in site.operations for name in operations_index.as_list(entry.operation.get("rest"))}
    index = next((e for e in files.documentation_pages() if "<!-- operations-index -->" in e.content_string), None)
    script = search_keys.uncovered_script(search_keys.uncovered(actions, covered), index.url if index else "")
    old = files.get_file_from_path(UNCOVERED_JS)
    if old is not None:
        files.remove(old)
    files.append(File.generated(config, UNCOVERED_JS, content=script))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remember the page; add hidden search tags; fill the operations index."""
    assert _site is not None
    _site.page = page
    _site.ids_on_page = set()
    _site.slot_stems = {}
    _site.fences_seen = 0
    _site.fence_lines = [n for n, line in enumerate(markdown.splitlines(), 1) if FENCE_OPEN_RE.match(line)]
    offset = _front_matter_lines(page)
    _site.fence_lines = [n + offset for n in _site.fence_lines]
    operation = page.meta.get("operation")
    if operation is not None and (trouble := operations_index.problem(operation)):
        problem(f"{_site.page_path()}: {trouble}")
    tags = operations_index.search_tags(operation) if isinstance(operation, dict) else []
    if isinstance(operation, dict):
        tags += search_keys.page_cli_keys(operations_index.as_list(operation.get("cli")))
    tags += search_keys.page_keys(markdown, page.file.src_uri, _site.identifier_owners)
    tags += _site.identifier_words.get(page.file.src_uri, [])
    if tags:
        page.meta["tags"] = tags
    if "operations-index" in markdown:
        table = operations_index.index_table(_site.operations, page.file.src_uri)
        markdown = operations_index.replace_index_marker(markdown, table)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link step references, mark English tabs, and put each step list under its figure.

    Runs before Material's search indexes the page, so step lists and links
    are searchable; the figures themselves are filled in :func:`on_post_page`.
    """
    assert _site is not None
    site = _site
    started = time.perf_counter()
    keys = [key for number, key in sorted(site.slot_stems.items()) if diagram_html.slot_marker(number) in html]
    if keys:
        where = site.page_path()
        order = list(dict.fromkeys(step_stem(key) for key in keys))
        html = step_refs.link_step_refs(
            html, order, site.step_numbers, lambda message: problem(f"{where}: {message}")
        )
    html = step_refs.mark_english_tabs(html)
    listed: set[str] = set()
    for number, key in site.slot_stems.items():
        if key in listed:  # the same diagram twice: one list, one set of anchors
            continue
        listed.add(key)
        marker = diagram_html.slot_marker(number)
        html = html.replace(marker, marker + site.step_lists.get(key, ""), 1)
    STATS.seconds += time.perf_counter() - started
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the diagrams (or error boxes) where their markers are."""
    assert _site is not None
    return diagram_html.fill_slots(output, _site.slots)


def on_serve(server: Server, config: MkDocsConfig, builder: Any) -> Server:
    """Rebuild and reload when a diagram source is saved."""
    assert _site is not None
    if _site.diagrams_dir.is_dir():
        server.watch(str(_site.diagrams_dir))
    return server


def _front_matter_lines(page: Page) -> int:
    """How many lines of the source file precede ``page.markdown``."""
    source = page.file.content_string
    body = page.markdown or ""
    index = source.find(body[:200]) if body else -1
    return source.count("\n", 0, index) if index > 0 else 0
