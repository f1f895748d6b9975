"""Fixtures for the site tests: the real site built once, small fixture projects.

``built_site`` runs ``mkdocs build --strict`` on the real repository (as a
subprocess, exactly as CI and authors do) into a temporary folder, once per
test session.  ``make_project`` writes a tiny MkDocs project that uses the
real hook, for the hook's edge cases (broken and missing diagrams, fences,
caching) without depending on the content pages.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import pytest

from site_support import FIXTURE_MKDOCS, HOOKS, ROOT, BuildResult, mkdocs_env, run_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built strictly once per session into a temporary folder."""
    tmp = tmp_path_factory.mktemp("real-site")
    result = run_build(ROOT, tmp / "site", env=mkdocs_env(WSD_CACHE_DIR=str(tmp / "cache")))
    assert result.returncode == 0, f"strict build of the real site failed:\n{result.output}"
    return result


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Write a fixture project: ``make_project(docs={...}, diagrams={...})``."""

    def make(docs: dict[str, str], diagrams: dict[str, str] | None = None, extra_yml: str = "") -> Path:
        project = tmp_path / "project"
        for rel, text in docs.items():
            path = project / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        for rel, text in (diagrams or {}).items():
            path = project / "diagrams" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        config = FIXTURE_MKDOCS.format(hook=HOOKS / "diagrams.py", cache=tmp_path / "cache") + extra_yml
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        return project

    return make
