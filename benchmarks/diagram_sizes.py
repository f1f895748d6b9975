#!/usr/bin/env python3
"""Width and height of every site diagram as the local renderer lays it out.

    python benchmarks/diagram_sizes.py [--limit 1200]

Prints one row per diagrams/*.wsd (px, with the number of wrap steps the
compact layout needed) and a summary line: how many diagrams are at most
``--limit`` px wide. The reading goal (issue 7): at least 20 of the site's
diagrams at most 1,200 px wide and none above 1,600, with 13 px text.
No assertions: it prints a table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import wsd  # noqa: E402
from wsd import constants  # noqa: E402
from wsd.layout import _Engine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=constants.TARGET_WIDTH)
    args = parser.parse_args()
    rows = []
    for path in sorted((ROOT / "diagrams").glob("*.wsd")):
        diagram = wsd.parse_diagram(path.read_text(encoding="utf-8"), path=str(path))
        engine = _Engine(diagram)
        lay = engine.run()
        rows.append((path.name, lay.width, lay.height, engine.wrap_w))
    print(f"{'diagram':32s} {'width':>7s} {'height':>7s} {'wrap at':>8s}")
    for name, width, height, wrap_w in rows:
        print(f"{name:32s} {width:7.0f} {height:7.0f} {wrap_w:8.0f}")
    within = sum(1 for _, w, _, _ in rows if w <= args.limit)
    widest = max((w for _, w, _, _ in rows), default=0)
    print(f"{within} of {len(rows)} diagrams at most {args.limit:.0f} px wide; widest {widest:.0f} px")


if __name__ == "__main__":
    main()
