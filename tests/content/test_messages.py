"""Every log or exception message a troubleshooting section quotes is a literal of Nova's source.

See tests/content/messages.py for the convention and the two checks, and
tests/content/messages_reviewed.tsv for the flagged quotes a reviewer has looked at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .messages import messages, pattern, problems, sources, troubleshooting_sentences
from .nova_source import DOCS, header

PAGES = sorted(DOCS.rglob("*.md"))
REVIEWED = Path(__file__).with_name("messages_reviewed.tsv")


def reviewed() -> dict[tuple[str, str], str]:
    rows = {}
    for line in REVIEWED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            page, quote, verdict, _why = line.split("\t")
            assert verdict in ("true", "pending"), line
            rows[(page, quote)] = verdict
    return rows


def _flagged(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems(path.read_text(encoding="utf-8")):
        quote = re.match(r"\d+: `(.*?)`: ", problem).group(1)
        found.setdefault(quote, []).append(problem)
    return found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_quoted_messages_are_nova_literals(path):
    page = str(path.relative_to(DOCS))
    known = {quote for (p, quote) in reviewed() if p == page}
    flagged = _flagged(path)
    bad = [line for quote, lines in flagged.items() if quote not in known for line in lines]
    assert not bad, f"{page}: quoted messages Nova's source does not back:\n" + "\n".join(bad)
    stale = sorted(known - set(flagged))
    assert not stale, f"{page}: rows of {REVIEWED.name} the checker no longer flags, delete them: {stale}"


def test_index_is_pinned_commit():
    first = (DOCS.parent / "data" / "nova" / "messages.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first == header()
    assert len(messages()) > 3000


def test_wildcards_and_placeholders():
    assert pattern("Host '...' is not mapped to any cell").search("Host '%(host)s' is not mapped to any cell")
    assert not pattern("Host '...' is not mapped").search("Host is mapped")
    assert [t for t, _ in sources("Volume <id> did not finish being created even after we waited ...")] == [
        "Volume %(volume_id)s did not finish being created even after we waited %(seconds)s seconds or "
        "%(attempts)s attempts. And its status is %(volume_status)s."
    ]
    assert sources("The token '***' is invalid or has expired")
    assert not sources("Instance failed block device set up")


def _page(item: str) -> str:
    return f'## 排错 · When it fails\n\n=== "English"\n\n    - {item}\n'


def test_checker_rejects_the_old_block_device_claim():
    old = (
        "**Stuck in block_device_mapping.** While a volume stays in creating, nova-compute keeps polling every "
        "`block_device_allocate_retries_interval` seconds until `block_device_allocate_retries` runs out, then "
        "logs `Failure prepping block device` and the build fails without a reschedule."
    )
    bad = problems(_page(old))
    assert len(bad) == 1 and "`Failure prepping block device`: comes from ComputeManager._build_resources" in bad[0]


def test_checker_accepts_the_corrected_claim():
    new = (
        "**Stuck in block_device_mapping.** nova-compute checks the volume `block_device_allocate_retries` + 1 "
        "times and raises VolumeNotCreated; `_prep_block_device` logs `Instance failed block device setup` and "
        "the fault reads `Volume ... did not finish being created even after we waited ...`. "
        "Unrelated builds can log `Failure prepping block device.` as well."
    )
    assert problems(_page(new)) == []


def test_checker_rejects_invented_and_filled_in_messages():
    bad = problems(_page("Look for `Instance failed to shutdown in 60 seconds.` or `Nova exploded politely`."))
    assert [b.split(": ", 2)[1] for b in bad] == [
        "`Instance failed to shutdown in 60 seconds.`",
        "`Nova exploded politely`",
    ]


def test_only_troubleshooting_sections_are_read():
    text = "## 用途 · What it is for\n\n    - It logs `Nova exploded politely`.\n" + _page("`Getting vnc console`")
    assert [s for _, s in troubleshooting_sentences(text)] == ["- `Getting vnc console`"]
    assert problems(text) == []
