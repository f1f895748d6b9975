"""Remote rendering against a local imitation of the websequencediagrams.com API."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import pytest

from site_support import GOOD_WSD, mkdocs_env, run_build
from diagram_cache import DiagramCache
from diagram_render import STATS, DiagramRenderer
from imitation_wsd import REMOTE_SVG, SLOW_SECONDS, ImitationServer
from remote_wsd import PNG_MAGIC, RemoteDiagramError, RemoteError, RemoteRenderer


@pytest.fixture
def service() -> Iterator[ImitationServer]:
    server = ImitationServer().start()
    yield server
    server.shutdown()
    server.server_close()


def remote(service: ImitationServer, **kw) -> RemoteRenderer:
    return RemoteRenderer(url=service.url, style="modern-blue", timeout=kw.pop("timeout", 0.5), **kw)


def test_png_without_api_key(service: ImitationServer) -> None:
    image = remote(service).render(GOOD_WSD)
    assert image.fmt == "png" and image.data.startswith(PNG_MAGIC)
    (form,) = service.posts
    assert form["message"] == [GOOD_WSD]
    assert form["style"] == ["modern-blue"] and form["apiVersion"] == ["1"] and form["format"] == ["png"]
    assert "apikey" not in form
    assert service.gets == ["/?png=msc1"]


def test_svg_with_api_key(service: ImitationServer) -> None:
    image = remote(service, api_key="secret").render(GOOD_WSD)
    assert image.fmt == "svg" and image.data == REMOTE_SVG
    assert service.posts[0]["apikey"] == ["secret"] and service.posts[0]["format"] == ["svg"]


def test_one_retry_after_http_500(service: ImitationServer) -> None:
    service.mode = "flaky"
    assert remote(service).render(GOOD_WSD).fmt == "png"
    assert len(service.posts) == 2


@pytest.mark.parametrize(
    ("mode", "reason"),
    [("http500", "HTTP 500"), ("slow", "timed out"), ("malformed", "not JSON"), ("bad-image", "not a PNG")],
)
def test_failures_raise_after_one_bounded_retry(service: ImitationServer, mode: str, reason: str) -> None:
    service.mode = mode
    started = time.monotonic()
    with pytest.raises(RemoteError, match=reason):
        remote(service).render(GOOD_WSD)
    assert len(service.posts) == 2  # first try + exactly one retry
    assert time.monotonic() - started < 2 * SLOW_SECONDS


def test_rejected_diagram_is_not_retried(service: ImitationServer) -> None:
    service.mode = "diagram-error"
    with pytest.raises(RemoteDiagramError, match="Syntax error"):
        remote(service).render(GOOD_WSD)
    assert len(service.posts) == 1


def test_renderer_caches_remote_results(service: ImitationServer, tmp_path: Path) -> None:
    renderer = DiagramRenderer(DiagramCache(tmp_path), remote(service))
    STATS.reset()
    first = renderer.render(GOOD_WSD, "diagrams/a.wsd")
    second = renderer.render(GOOD_WSD, "diagrams/a.wsd")
    assert first.artifact == second.artifact and first.artifact.fmt == "png"
    assert len(service.posts) == 1
    assert STATS.remote == ["diagrams/a.wsd"] and STATS.cache_hits == ["diagrams/a.wsd"]


@pytest.mark.parametrize("mode", ["http500", "slow", "malformed"])
def test_failure_falls_back_to_local_with_one_warning(service: ImitationServer, tmp_path: Path, mode: str) -> None:
    service.mode = mode
    warnings: list[str] = []
    renderer = DiagramRenderer(DiagramCache(tmp_path), remote(service), warn=warnings.append)
    first = renderer.render(GOOD_WSD, "diagrams/a.wsd")
    second = renderer.render(GOOD_WSD.replace("done", "ok"), "diagrams/b.wsd")
    assert first.artifact is not None and first.artifact.fmt == "svg"  # local renderer took over
    assert second.artifact is not None and second.artifact.fmt == "svg"
    assert len(warnings) == 1 and warnings[0].startswith("diagrams/a.wsd: remote renderer failed")
    assert len(service.posts) == 2  # the service is not hammered for b.wsd


def _remote_project(make_project) -> Path:
    return make_project(docs={"index.md": "# Home\n\n![Flow](../diagrams/flow.wsd)\n"}, diagrams={"flow.wsd": GOOD_WSD})


def test_build_with_remote_png_embeds_data_uri(service: ImitationServer, make_project) -> None:
    project = _remote_project(make_project)
    env = mkdocs_env(WSD_RENDERER="remote", WSD_URL=service.url, WSD_TIMEOUT="1")
    result = run_build(project, project / "site", env=env)
    assert result.returncode == 0, result.output
    html = result.page("")
    assert '<img src="data:image/png;base64,' in html
    assert 'href="diagrams/flow.png"' in html
    assert (project / "site" / "diagrams" / "flow.png").read_bytes().startswith(PNG_MAGIC)


def test_build_with_failing_service_warns_and_renders_locally(service: ImitationServer, make_project) -> None:
    service.mode = "http500"
    project = _remote_project(make_project)
    env = mkdocs_env(WSD_RENDERER="remote", WSD_URL=service.url, WSD_TIMEOUT="1")
    result = run_build(project, project / "site", strict=False, env=env)
    assert result.returncode == 0, result.output
    assert "WARNING -  diagrams/flow.wsd: remote renderer failed (HTTP 500" in result.output
    assert "Traceback" not in result.output
    assert "<svg" in result.page("")
