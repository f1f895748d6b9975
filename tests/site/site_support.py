"""Helpers for the site tests (imported by conftest.py and the test modules).

Fixtures live in conftest.py; this module has a unique name so that
``from site_support import ...`` never picks up another folder's conftest.
It also puts ``hooks/`` on ``sys.path`` so tests import the hook's modules
and the renderer as the hook does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

from operations_index import as_list  # noqa: E402 (hooks/ is on sys.path from here on)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
ARTIFACTS = ROOT / "build" / "test-artifacts"


def mkdocs_env(**extra: str) -> dict[str, str]:
    """Environment for an ``mkdocs`` subprocess: no remote rendering, quiet."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WSD_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


@dataclass
class BuildResult:
    """Outcome of one ``mkdocs build`` subprocess."""

    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        """The HTML of a built page, e.g. ``operations/reboot/``."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def run_build(project: Path, site: Path, *, strict: bool = True, env: dict[str, str] | None = None) -> BuildResult:
    """Run ``mkdocs build`` for ``project`` into ``site`` (from the project folder)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    cmd.append("--strict" if strict else "--no-strict")
    proc = subprocess.run(
        cmd, cwd=project, env=env or mkdocs_env(), capture_output=True, text=True, timeout=300
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


@dataclass(frozen=True)
class OperationPage:
    """An operation page of the real site, from its front matter."""

    path: Path
    meta: dict
    body: str

    @property
    def url(self) -> str:
        """Its directory URL in the built site, e.g. ``operations/reboot/``."""
        return f"operations/{self.path.stem}/"

    def names(self, key: str) -> list[str]:
        """The ``operation.<key>`` names as a list, read as the hook reads them."""
        return as_list(self.meta["operation"].get(key))


def operation_pages() -> list[OperationPage]:
    """Every docs/operations/*.md that has ``operation:`` front matter (collection time)."""
    import yaml

    pages = []
    for path in sorted((ROOT / "docs" / "operations").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            _, head, body = text.split("---", 2)
            meta = yaml.safe_load(head) or {}
            if isinstance(meta.get("operation"), dict):
                pages.append(OperationPage(path, meta, body))
    return pages


FIXTURE_MKDOCS = """\
site_name: Fixture
strict: true
validation:
  links:
    not_found: warn
    unrecognized_links: warn
theme:
  name: material
plugins: []
hooks:
  - {hook}
extra:
  diagrams:
    cache_dir: {cache}
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
"""


GOOD_WSD = """\
title Fixture flow
autonumber
participant "nova-api" as API
participant "nova-compute" as Compute
# link: https://example.org/api.py#L1 API.reboot
API->>Compute: reboot_instance (cast)
note over Compute: task_state = REBOOTING
Compute-->API: done
"""

BROKEN_WSD = """\
title Broken flow
participant "nova-api" as API
API->>: reboot_instance (cast)
"""
