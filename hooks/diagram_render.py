"""Turn diagram sources into cached artifacts (SVG, or PNG from the remote API).

:class:`DiagramRenderer` is the one place that decides *how* a diagram is
rendered: look in the cache, else ask the remote service if it is switched on
(falling back to the local renderer when it fails), else the local ``wsd``
renderer.  Results with errors are never cached.  :data:`STATS` counts what
happened in the current build so tests and the benchmark can prove that a
rebuild re-rendered only what changed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import wsd
from diagram_cache import Artifact, DiagramCache, cache_key
from remote_wsd import RemoteDiagramError, RemoteError, RemoteRenderer
from wsd.model import Diagram

_LOG = logging.getLogger("mkdocs.plugins.diagrams")

#: Largest diagram source accepted (characters); bigger is an error.
MAX_SOURCE_CHARS = 200_000


@dataclass
class RenderStats:
    """What the renderer did since the last :meth:`reset` (one build)."""

    rendered: list[str] = field(default_factory=list)
    cache_hits: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: Wall time spent on diagrams: :meth:`DiagramRenderer.render` (cache
    #: included) plus the hook's code tables and step lists built from the sources and
    #: the step links it adds to every page.
    seconds: float = 0.0

    def reset(self) -> None:
        """Forget everything (called at the start of every build)."""
        for items in (self.rendered, self.cache_hits, self.remote, self.failed):
            items.clear()
        self.seconds = 0.0


STATS = RenderStats()


@dataclass(frozen=True)
class Problem:
    """One error or warning at a 1-based ``line``/``column`` of ``path``."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Outcome:
    """Result of rendering one source: an artifact, or errors and an excerpt."""

    artifact: Artifact | None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    excerpt: str = ""
    #: The parsed source when this outcome drew it locally (None from the cache or
    #: the remote service): the hook builds the step list from it without a second parse.
    diagram: Diagram | None = None

    @property
    def ok(self) -> bool:
        """True when there is something to show."""
        return self.artifact is not None


class DiagramRenderer:
    """Render with cache, optional remote service and local fallback."""

    def __init__(
        self,
        cache: DiagramCache | None,
        remote: RemoteRenderer | None = None,
        warn: Callable[[str], None] = _LOG.warning,
    ) -> None:
        self.cache = cache
        self.remote = remote
        self._warn = warn
        self._remote_down = False

    def render(self, source: str, path: str, step_prefix: str | None = None) -> Outcome:
        """Render ``source`` (read from ``path``, used in messages); ``step_prefix``
        names the steps' anchors (``reboot-step-`` gives ``reboot-step-12``)."""
        started = time.perf_counter()
        try:
            return self._render(source, path, step_prefix)
        finally:
            STATS.seconds += time.perf_counter() - started

    def _render(self, source: str, path: str, step_prefix: str | None = None) -> Outcome:
        if len(source) > MAX_SOURCE_CHARS:
            problem = Problem(path, 1, 1, f"diagram source too large (> {MAX_SOURCE_CHARS} characters)")
            STATS.failed.append(path)
            return Outcome(None, errors=(problem,), excerpt=problem.message)
        if self.remote is not None and not self._remote_down:
            outcome = self._render_remote(source, path)
            if outcome is not None:
                return outcome
        return self._render_local(source, path, step_prefix)

    # -- local ---------------------------------------------------------------

    def _render_local(self, source: str, path: str, step_prefix: str | None = None) -> Outcome:
        key = cache_key(source, wsd.__version__, {"renderer": "local", "steps": step_prefix or ""})
        cached = self._cache_get(key, path)
        if cached is not None:
            return Outcome(cached, warnings=_problems(path, cached.warnings))
        found: list = []
        try:
            svg, diagram = wsd.render_parsed(source, path=path, warnings=found, step_prefix=step_prefix)
        except wsd.DiagramError as err:
            STATS.failed.append(path)
            problems = [_problem(path, p) for p in (getattr(err, "problems", None) or [err])]
            return Outcome(None, errors=tuple(problems), excerpt=_excerpt(err))
        except RecursionError:
            problem = Problem(path, 1, 1, "diagram too deeply nested")
            STATS.failed.append(path)
            return Outcome(None, errors=(problem,), excerpt=problem.message)
        notes = tuple((int(w.line), int(w.column), str(w.message)) for w in found)
        artifact = Artifact("svg", svg.encode("utf-8"), notes)
        STATS.rendered.append(path)
        self._cache_put(key, artifact)
        return Outcome(artifact, warnings=_problems(path, notes), diagram=diagram)

    # -- remote --------------------------------------------------------------

    def _render_remote(self, source: str, path: str) -> Outcome | None:
        assert self.remote is not None
        key = cache_key(source, wsd.__version__, self.remote.options())
        cached = self._cache_get(key, path)
        if cached is not None:
            return Outcome(cached)
        try:
            image = self.remote.render(source)
        except RemoteError as err:
            self._warn(f"{path}: remote renderer failed ({err}); using the local renderer")
            # One warning per problem: after a service failure (not a
            # rejected diagram) the rest of this build stays local.
            self._remote_down = not isinstance(err, RemoteDiagramError)
            return None
        artifact = Artifact(image.fmt, image.data)
        STATS.rendered.append(path)
        STATS.remote.append(path)
        self._cache_put(key, artifact)
        return Outcome(artifact)

    # -- cache ---------------------------------------------------------------

    def _cache_get(self, key: str, path: str) -> Artifact | None:
        if self.cache is None:
            return None
        artifact = self.cache.get(key)
        if artifact is not None:
            STATS.cache_hits.append(path)
        return artifact

    def _cache_put(self, key: str, artifact: Artifact) -> None:
        if self.cache is None:
            return
        try:
            self.cache.put(key, artifact)
        except OSError as err:
            self._warn(f"diagram cache not writable ({err.strerror}): {self.cache.root}")
            self.cache = None


def _problem(path: str, item: object) -> Problem:
    kind = "" if getattr(item, "severity", "error") == "error" else "warning: "
    return Problem(
        path,
        int(getattr(item, "line", 0) or 0),
        int(getattr(item, "column", 0) or 0),
        kind + str(getattr(item, "message", item)),
    )


def _problems(path: str, notes: tuple[tuple[int, int, str], ...]) -> tuple[Problem, ...]:
    return tuple(Problem(path, line, column, message) for line, column, message in notes)


def _excerpt(err: Exception) -> str:
    excerpt = getattr(err, "excerpt", None)
    return excerpt() if callable(excerpt) else str(err)
