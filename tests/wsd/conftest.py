"""Renderer tests: put ``hooks/`` on ``sys.path`` so that ``import wsd`` works.

Golden helpers live in ``wsd_golden.py`` (set ``UPDATE_GOLDENS=1`` to rewrite goldens).
"""

from __future__ import annotations

import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

