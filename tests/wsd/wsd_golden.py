"""Helpers for the renderer tests: paths, golden comparison and the update switch.

Set ``UPDATE_GOLDENS=1`` to rewrite every golden file from the current output.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
ERRORS = HERE / "errors"
UPDATE = os.environ.get("UPDATE_GOLDENS", "") not in ("", "0")


def read_source(path: Path) -> str:
    """Read a .wsd file exactly (CRLF kept)."""
    return path.read_bytes().decode("utf-8")


def check_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file at ``path``; rewrite it when updating."""
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8", newline="\n")
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist; written. Re-run to check it.")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True),
            fromfile=f"{path.name} (golden)", tofile=f"{path.name} (actual)", n=2))
        if len(diff) > 20_000:
            diff = diff[:20_000] + "\n... (diff truncated)\n"
        pytest.fail(f"{path.name} differs from its golden (UPDATE_GOLDENS=1 rewrites it):\n"
                    f"{diff}", pytrace=False)
