"""The diagram cache: content-hash keys, atomic writes, damaged entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diagram_cache import Artifact, DiagramCache, cache_key


def test_key_depends_on_source_version_and_options() -> None:
    base = cache_key("A->B: x", "1.0", {"renderer": "local"})
    assert base == cache_key("A->B: x", "1.0", {"renderer": "local"})
    assert base != cache_key("A->B: y", "1.0", {"renderer": "local"})
    assert base != cache_key("A->B: x", "1.1", {"renderer": "local"})
    assert base != cache_key("A->B: x", "1.0", {"renderer": "remote"})
    assert len(base) == 64


def test_round_trip_keeps_payload_format_and_warnings(tmp_path: Path) -> None:
    cache = DiagramCache(tmp_path)
    art = Artifact("svg", "<svg>中文</svg>".encode(), ((3, 1, "unmatched deactivate"),))
    cache.put("k" * 64, art)
    assert cache.get("k" * 64) == art
    assert cache.get("m" * 64) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text(p.read_text()[:40]),  # truncated
        lambda p: p.write_text("not json"),
        lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "data": "PHN2Zz4="})),  # hash mismatch
        lambda p: p.write_bytes(b"\xff\xfe"),
    ],
    ids=["truncated", "garbage", "payload-edited", "binary"],
)
def test_damaged_entry_is_dropped_not_served(tmp_path: Path, damage) -> None:
    cache = DiagramCache(tmp_path)
    key = "a" * 64
    cache.put(key, Artifact("svg", b"<svg>ok</svg>"))
    damage(cache.path(key))
    assert cache.get(key) is None
    assert not cache.path(key).exists()


def test_crash_mid_write_leaves_old_entry_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    cache = DiagramCache(tmp_path)
    key = "b" * 64
    cache.put(key, Artifact("svg", b"<svg>old</svg>"))

    def explode(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(json, "dump", explode)
    with pytest.raises(KeyboardInterrupt):
        cache.put(key, Artifact("svg", b"<svg>new</svg>"))
    monkeypatch.undo()
    assert cache.get(key) == Artifact("svg", b"<svg>old</svg>")
    assert [p.name for p in tmp_path.iterdir()] == [f"{key}.json"]
