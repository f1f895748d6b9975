"""Nova's release table (``data/nova/releases.tsv``) and the release names and versions a page cites.

``scripts/nova_releases.py`` writes the table from Nova's git: code names from
``ComputeAPI.VERSION_ALIASES``, versions from the ``NN.0.0`` tags, series from the stable branches
and end-of-life tags. A page pairs a code name with a version as ``Victoria 22.0.0``,
``Victoria (22.0.0)`` or ``22.0.0 (Victoria)``, and with a series as ``2026.1 Gazpacho`` or
``2026.1 (Gazpacho)``; :func:`mismatches` lists every pairing the table contradicts, including a
capitalised word in a code name's place that is no Nova code name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .nova_source import DATA


@dataclass(frozen=True)
class Release:
    series: str
    code_name: str
    version: str
    tag: str
    branch: str

    @property
    def major(self) -> int:
        return int(self.version.split(".")[0])


@cache
def releases() -> tuple[Release, ...]:
    rows = []
    for line in (DATA / "releases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(Release(*line.split("\t")))
    return tuple(rows)


_OPEN, _CLOSE = r"[(（]", r"[)）]"
_WORD = r"\b([A-Z][a-z]+)"
_VERSION = r"\b(\d{2})\.\d+\.\d+\b"
_SERIES = r"\b(20\d\d\.\d)\b"
# Name 22.0.0, Name (22.0.0), Name（22.0.0）
NAME_VERSION = re.compile(_WORD + rf"\s?{_OPEN}?\s?" + _VERSION)
# 22.0.0 (Name)
VERSION_NAME = re.compile(_VERSION + rf"\s?{_OPEN}\s?" + _WORD + rf"\s?{_CLOSE}")
# 2026.1 Name, 2026.1 (Name)
SERIES_NAME = re.compile(_SERIES + rf"\s?{_OPEN}?\s?" + _WORD)


def mismatches(text: str) -> list[str]:
    """``line: what the page says -> what the table says`` for each wrong pairing in ``text``."""
    by_name = {r.code_name: r for r in releases()}
    by_major = {r.major: r for r in releases()}
    by_series = {r.series: r for r in releases()}
    first = min(by_major)
    bad = []

    def check_version(n: int, name: str, major: int, said: str) -> None:
        if major < first:
            return
        want = by_major.get(major)
        if name not in by_name:
            bad.append(f"{n}: {said!r}: {name} is not a Nova code name (data/nova/releases.tsv)")
        elif want is None or want.code_name != name:
            other = f", {major}.0.0 is {want.code_name}" if want else ""
            bad.append(f"{n}: {said!r}: {name} is {by_name[name].version}{other}")

    for n, line in enumerate(text.split("\n"), start=1):
        for m in NAME_VERSION.finditer(line):
            check_version(n, m.group(1), int(m.group(2)), m.group(0))
        for m in VERSION_NAME.finditer(line):
            check_version(n, m.group(2), int(m.group(1)), m.group(0))
        for m in SERIES_NAME.finditer(line):
            series, name = m.groups()
            want = by_series.get(series)
            if want is None:
                bad.append(f"{n}: {m.group(0)!r}: no Nova series {series}")
            elif want.code_name != name:
                bad.append(f"{n}: {m.group(0)!r}: {series} is {want.code_name}")
    return bad
