"""What is painted over what: a frame never hides a lifeline or an activation bar.

A frame spans every participant between the leftmost and the rightmost one its
content touches, so participants that take no part in it (B below) lie inside
its box. Their bars must stay on top of the frame's box and else lines; only
the frame's tab and its labels are drawn over them, and those labels carry a
halo in the page colour so a bar under them does not make them unreadable.
"""

from __future__ import annotations

import re

import wsd

SOURCE = """\
participant A
participant B
participant C
A->+B: start
alt a condition long enough to run across the bar of B
A->C: inside
else the other branch
C->A: back
end
B-->-A: done
"""


def _order(svg: str, pattern: str) -> list[int]:
    return [m.start() for m in re.finditer(pattern, svg)]


def test_frame_box_and_else_lines_are_painted_under_lifelines_and_bars() -> None:
    svg = wsd.render(SOURCE)
    frame_box = _order(svg, r'<rect class="f"')
    else_line = _order(svg, r'<path class="fs"')
    lifelines = _order(svg, r'<path class="l"')
    bars = _order(svg, r'<rect class="a"')
    assert frame_box and else_line and lifelines and bars
    assert max(frame_box + else_line) < min(lifelines) < min(bars)


def test_frame_labels_over_bars_have_a_halo() -> None:
    svg = wsd.render(SOURCE)
    bars = _order(svg, r'<rect class="a"')
    labels = re.findall(r'<text class="fl mt"[^>]*>', svg)
    assert len(labels) >= 2  # the condition and the else label
    assert min(_order(svg, r'<text class="fl mt"')) > max(bars)
    halo = re.search(r"\.mt\{([^}]*)\}", svg)
    assert halo and "paint-order:stroke" in halo.group(1).replace(" ", "")
