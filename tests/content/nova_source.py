"""The kept index of Nova's source at the pinned release, and the link lines of our diagrams.

``data/nova/files.txt`` and ``data/nova/symbols.tsv`` are written by
``scripts/nova_index.py`` from a checkout of the pinned branch; tests read
them so that no test needs the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "nova"
DIAGRAMS = ROOT / "diagrams"
DOCS = ROOT / "docs"

RELEASE = "2026.1"
CODENAME = "Gazpacho"
BRANCH = f"stable/{RELEASE}"
OPENDEV_BASE = f"https://opendev.org/openstack/nova/src/branch/{BRANCH}/"

_LINKBASE = re.compile(r"^\s*#\s*linkbase:\s*(\S+)\s*$")
_LINK = re.compile(r"^\s*#\s*link:\s*(\S+)(?:\s+(.*?))?\s*$")


@dataclass(frozen=True)
class SourceLink:
    """One ``# link:`` directive of a diagram, resolved against its linkbase."""

    diagram: str
    line: int
    url: str
    tooltip: str


def header() -> str:
    """The ``# nova BRANCH COMMIT`` line both index files start with."""
    return (DATA / "files.txt").read_text(encoding="utf-8").splitlines()[0]


@cache
def files() -> frozenset[str]:
    """Every path in Nova's tree at the pinned commit."""
    lines = (DATA / "files.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def symbols() -> frozenset[tuple[str, str, int]]:
    """Every (path, qualified name, def line) of ``nova/**/*.py``."""
    rows = set()
    for line in (DATA / "symbols.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            path, name, lineno = line.split("\t")
            rows.add((path, name, int(lineno)))
    return frozenset(rows)


@cache
def states() -> dict[str, frozenset[str]]:
    """The state names Nova defines: ``{"vm_state": {...}, "task_state": ..., "power_state": ...}``."""
    found: dict[str, set[str]] = {}
    for line in (DATA / "states.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, name = line.split("\t")
            found.setdefault(kind, set()).add(name)
    return {kind: frozenset(names) for kind, names in found.items()}


def diagram_links(path: Path) -> list[SourceLink]:
    """The link directives of one diagram, in source order."""
    base = ""
    links = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if m := _LINKBASE.match(text):
            base = m.group(1)
        elif m := _LINK.match(text):
            target = m.group(1)
            url = target if re.match(r"^[a-z]+:", target) else base + target
            links.append(SourceLink(path.name, number, url, m.group(2) or ""))
    return links
