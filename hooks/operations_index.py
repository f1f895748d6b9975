"""Operation front matter: hidden search keywords and the home page's index table.

A page describing an operation carries front matter such as::

    operation:
      en: Reboot
      zh: [重启, 软重启, 硬重启]
      rest: [reboot]
      cli: [openstack server reboot, nova reboot]
      horizon: [Soft Reboot Instance, Hard Reboot Instance]
      extra: [soft reboot, hard reboot]

:func:`search_tags` flattens that into ``page.meta["tags"]`` (Material's
search indexes page tags with a large boost and, with the tags plugin off,
never shows them).  :func:`index_table` writes the Markdown table that
replaces ``<!-- operations-index -->``.  Knows nothing about MkDocs objects.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

INDEX_MARKER_RE = re.compile(r"^[ \t]*<!--\s*operations-index\s*-->[ \t]*$", re.MULTILINE)
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
TAG_KEYS = ("en", "zh", "rest", "cli", "horizon", "extra")


def as_list(value: Any) -> list[str]:
    """A front-matter value (string, list or nothing) as a list of strings."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [str(value).strip()]


REQUIRED_KEYS = ("en", "zh")


def problem(operation: Any) -> str | None:
    """What is wrong with an ``operation:`` front matter value, or None."""
    if not isinstance(operation, Mapping):
        return (
            f"front matter 'operation' must be a mapping (en:, zh:, rest:, cli:, horizon:), "
            f"not {type(operation).__name__}"
        )
    unknown = sorted(str(k) for k in operation if k not in TAG_KEYS + ("method", "order"))
    if unknown:
        return f"front matter 'operation' has unknown keys {unknown} (known: {', '.join(TAG_KEYS)}, method, order)"
    missing = [k for k in REQUIRED_KEYS if not as_list(operation.get(k))]
    if missing:
        return f"front matter 'operation' needs {' and '.join(missing)} (the page's English and Chinese names)"
    return None


def search_tags(operation: Mapping[str, Any]) -> list[str]:
    """Every name of an operation, in a stable order, without duplicates.

    Material's query segmenter never ends a Chinese word on the query's last
    character; docs/javascripts/search-options.js works around that for every
    query, so the tags are the names as written.
    """
    seen: dict[str, None] = {}
    for key in TAG_KEYS:
        for name in as_list(operation.get(key)):
            seen.setdefault(name, None)
    return list(seen)


@dataclass(frozen=True)
class OperationEntry:
    """One row of the operations index."""

    src_uri: str
    operation: Mapping[str, Any]
    position: int
    order: float | None = None

    @property
    def sort_key(self) -> tuple[float, int]:
        """Explicit ``order:`` first, then navigation order."""
        return (self.order if self.order is not None else float("inf"), self.position)


def collect(pages: Iterable[tuple[str, Mapping[str, Any]]]) -> list[OperationEntry]:
    """Entries for the pages (``(src_uri, meta)`` in nav order) with ``operation:``."""
    entries = []
    for position, (src_uri, meta) in enumerate(pages):
        operation = meta.get("operation")
        if not isinstance(operation, Mapping):
            continue
        order = meta.get("order", operation.get("order"))
        try:
            order = float(order) if order is not None else None
        except (TypeError, ValueError):
            order = None
        entries.append(OperationEntry(src_uri, operation, position, order))
    return sorted(entries, key=lambda e: e.sort_key)


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def _codes(values: list[str]) -> str:
    return "<br>".join(f"`{_cell(v)}`" for v in values) or "—"


def index_table(entries: list[OperationEntry], from_src_uri: str) -> str:
    """The Markdown table of ``entries`` with links relative to ``from_src_uri``."""
    here = posixpath.dirname(from_src_uri)
    rows = [
        "| 操作 · Operation | REST | CLI | Horizon |",
        "| --- | --- | --- | --- |",
    ]
    for entry in entries:
        op = entry.operation
        zh, en = as_list(op.get("zh")), as_list(op.get("en"))
        name = " · ".join(filter(None, [zh[0] if zh else "", en[0] if en else ""])) or entry.src_uri
        link = posixpath.relpath(entry.src_uri, here or ".")
        rest = as_list(op.get("rest"))
        rows.append(
            f"| [{_cell(name)}]({link}) | {_codes(rest)} | {_codes(as_list(op.get('cli')))} "
            f"| {'<br>'.join(_cell(h) for h in as_list(op.get('horizon'))) or '—'} |"
        )
    return "\n".join(rows)


def replace_index_marker(markdown: str, table: str) -> str:
    """Put ``table`` where the page has a ``<!-- operations-index -->`` line.

    Lines inside fenced code blocks are left alone, so a page can show the
    marker as an example.
    """
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines(keepends=True):
        opener = FENCE_RE.match(line)
        if fence is None and opener:
            fence = opener.group(1)
        elif fence is not None and line.strip().startswith(fence) and not line.strip(fence[0] + " \t\n"):
            fence = None
        elif fence is None and INDEX_MARKER_RE.fullmatch(line.rstrip("\n")):
            out.append("\n" + table + "\n\n")
            continue
        out.append(line)
    return "".join(out)
