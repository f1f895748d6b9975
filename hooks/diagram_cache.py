"""Content-addressed cache of rendered diagrams (``.cache/diagrams/``).

An entry is named by the SHA-256 of everything that decides the output:
the diagram source, the renderer version and the render options.  Each entry
is a small JSON document that also stores the SHA-256 of its payload, so a
truncated or edited entry is noticed, deleted and rebuilt rather than
served.  Writes go to a temporary file in the same folder and are renamed
into place (``os.replace``), so a crash mid-write never leaves a half entry
under a real name.

Stdlib only; knows nothing about MkDocs or the renderer.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: Bumped when the entry layout changes; part of every key.
CACHE_FORMAT = "1"


@dataclass(frozen=True)
class Artifact:
    """A rendered diagram: ``fmt`` is ``"svg"`` (text) or ``"png"`` (bytes)."""

    fmt: str
    data: bytes
    #: Renderer warnings as ``(line, column, message)``, replayed on cache hits.
    warnings: tuple[tuple[int, int, str], ...] = ()

    @property
    def text(self) -> str:
        """The payload decoded as UTF-8 (SVG)."""
        return self.data.decode("utf-8")


def cache_key(source: str, version: str, options: Mapping[str, object]) -> str:
    """Return the hex SHA-256 naming the output of ``source`` under ``options``."""
    h = hashlib.sha256()
    for part in (
        CACHE_FORMAT,
        version,
        json.dumps(dict(options), sort_keys=True, default=str),
        source,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class DiagramCache:
    """A folder of ``<key>.json`` entries; see the module docstring."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """Where the entry for ``key`` lives."""
        return self.root / f"{key}.json"

    def get(self, key: str) -> Artifact | None:
        """Return the stored artifact, or ``None`` if absent or damaged.

        A damaged entry (unreadable JSON, wrong key, payload hash mismatch)
        is deleted so the caller re-renders and stores a good one.
        """
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = json.loads(raw)
            data = base64.b64decode(entry["data"], validate=True)
            ok = (
                entry.get("key") == key
                and entry.get("fmt") in ("svg", "png")
                and hashlib.sha256(data).hexdigest() == entry.get("sha256")
            )
            notes = tuple((int(a), int(b), str(c)) for a, b, c in entry.get("warnings", []))
        except (ValueError, KeyError, TypeError, AttributeError):
            ok = False
        if not ok:
            path.unlink(missing_ok=True)
            return None
        return Artifact(entry["fmt"], data, notes)

    def put(self, key: str, artifact: Artifact) -> None:
        """Store ``artifact`` under ``key`` atomically (temp file + rename)."""
        self.root.mkdir(parents=True, exist_ok=True)
        entry = {
            "data": base64.b64encode(artifact.data).decode("ascii"),
            "fmt": artifact.fmt,
            "key": key,
            "sha256": hashlib.sha256(artifact.data).hexdigest(),
            "warnings": [list(w) for w in artifact.warnings],
        }
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, sort_keys=True)
            os.replace(tmp, self.path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
