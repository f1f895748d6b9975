"""Every state a page's tables or diagrams name is a state Nova 2026.1 defines.

The state tables have columns headed ``vm_state``, ``task_state`` and
``power_state``; each UPPER_CASE word in those columns must be a constant of
``nova/compute/vm_states.py``, ``task_states.py`` or ``power_state.py``. The
diagrams' notes say ``task_state = X`` and ``vm_state = X``; X is checked too.
"""

from __future__ import annotations

import re

import pytest

from .nova_source import DIAGRAMS, DOCS, states

PAGES = sorted((DOCS / "operations").glob("*.md"))
KINDS = ("vm_state", "task_state", "power_state")
_WORD = re.compile(r"\b[A-Z][A-Z_]{3,}\b")
_ASSIGNED = re.compile(r"\b(vm_state|task_state|power_state)\s*(?:=|->|→)\s*([A-Z][A-Z_]+)\b")


def _tables(text: str):
    """(header cells, rows of cells) for every Markdown table in ``text``."""
    block: list[list[str]] = []
    for line in text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            block.append([cell.strip() for cell in stripped.strip("|").split("|")])
        elif block:
            if len(block) > 2:
                yield block[0], block[2:]
            block = []


def _state_cells(text: str):
    for header, rows in _tables(text):
        for col, name in enumerate(header):
            kind = name.strip("` ")
            if kind in KINDS:
                for row in rows:
                    if col < len(row):
                        yield kind, row[col]


def test_states_index_is_complete():
    assert {"ACTIVE", "SHELVED_OFFLOADED", "RESCUED"} <= states()["vm_state"]
    assert {"REBOOT_STARTED_HARD", "IMAGE_UPLOADING", "SPAWNING"} <= states()["task_state"]
    assert {"RUNNING", "SHUTDOWN"} <= states()["power_state"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_state_tables_name_real_states(path):
    text = path.read_text(encoding="utf-8")
    cells = list(_state_cells(text))
    assert cells, f"{path.name}: no table with vm_state/task_state/power_state columns"
    wrong = sorted(
        {f"{kind}: {word}" for kind, cell in cells for word in _WORD.findall(cell) if word not in states()[kind]}
    )
    assert not wrong, f"{path.name}: not states of Nova 2026.1: {wrong}"


@pytest.mark.parametrize("path", sorted(DIAGRAMS.glob("*.wsd")), ids=lambda p: p.name)
def test_diagram_state_notes_name_real_states(path):
    text = path.read_text(encoding="utf-8")
    wrong = sorted(
        {f"{kind} = {word}" for kind, word in _ASSIGNED.findall(text) if word not in states()[kind]}
    )
    assert not wrong, f"{path.name}: not states of Nova 2026.1: {wrong}"


def test_the_check_catches_a_made_up_state():
    table = "| Step | vm_state | task_state |\n|---|---|---|\n| 1 | ACTIVE | REBOOTING_SOFT (API) |\n"
    words = [(kind, w) for kind, cell in _state_cells(table) for w in _WORD.findall(cell)]
    assert words == [("vm_state", "ACTIVE"), ("task_state", "REBOOTING_SOFT")]
    assert "REBOOTING_SOFT" not in states()["task_state"]
    assert _ASSIGNED.findall("note over C: task_state = IMAGE_UPLOADING") == [("task_state", "IMAGE_UPLOADING")]


def test_states_reference_covers_every_state():
    text = (DOCS / "states.md").read_text(encoding="utf-8")
    for kind, names in states().items():
        cells = " ".join(cell for k, cell in _state_cells(text) if k == kind)
        missing = sorted(name for name in names if not re.search(rf"\b{name}\b", cells))
        assert not missing, f"states.md: the {kind} tables leave out {missing}"
    wrong = sorted(
        {f"{k}: {w}" for k, cell in _state_cells(text) for w in _WORD.findall(cell) if w not in states()[k]}
    )
    assert not wrong, f"states.md: not states of Nova 2026.1: {wrong}"
