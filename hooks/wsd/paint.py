"""The author's colours (``participant A #lightblue``, ``note over A #pink: x``,
``alt #lightgreen ok``, ``else #pink other``) copied from the model onto the positioned model.

A separate pass after :mod:`wsd.layout`: colours never move anything, so layout
stays about geometry.  Heads are matched by participant index; notes and frames
by source order (layout emits notes in event order; frames, which it emits as
they close, are put back in opening order by their top edge and depth).
"""

from __future__ import annotations

from .model import Diagram, GroupElse, GroupEnd, GroupStart, Message, Note
from .positioned import Layout

__all__ = ["paint"]


def paint(diagram: Diagram, lay: Layout) -> Layout:
    """Set ``fill`` on the heads, notes and frames of ``lay`` that the author coloured."""
    colours = [p.colour for p in diagram.participants]
    if any(colours):
        for head in lay.heads:
            head.fill = colours[head.participant]
    notes = [ev.colour for ev in diagram.events if isinstance(ev, Note)]
    if any(notes):
        for box, colour in zip(lay.notes, notes):
            box.fill = colour
    frames = [ev.colour for ev in diagram.events if isinstance(ev, GroupStart)]
    if any(frames):
        opened = sorted(lay.frames, key=lambda f: (f.y, f.depth))
        for frame, colour in zip(opened, frames):
            frame.fill = colour
    branches = _else_colours(diagram)
    if any(any(cs) for cs in branches):
        opened = sorted(lay.frames, key=lambda f: (f.y, f.depth))
        for frame, colours in zip(opened, branches):
            for sep, colour in zip(frame.separators, colours):
                sep.fill = colour
    if any(frames) or any(any(cs) for cs in branches):
        grounds = _grounds(diagram)
        for arrow in lay.arrows:
            arrow.fill = grounds.get(arrow.index, "")
    return lay


def _grounds(diagram: Diagram) -> dict[int, str]:
    """Event index of every message drawn on an author's frame or branch colour -> that colour
    (the innermost coloured one: an uncoloured frame is transparent)."""
    out: dict[int, str] = {}
    open_: list[list[str]] = []   # per open frame: [its colour, the current branch's colour]
    for k, ev in enumerate(diagram.events):
        if isinstance(ev, GroupStart):
            open_.append([ev.colour, ""])
        elif isinstance(ev, GroupElse) and open_:
            open_[-1][1] = ev.colour
        elif isinstance(ev, GroupEnd) and open_:
            open_.pop()
        elif isinstance(ev, Message) and open_:
            for frame, branch in reversed(open_):
                if branch or frame:
                    out[k] = branch or frame
                    break
    return out


def _else_colours(diagram: Diagram) -> list[list[str]]:
    """For each frame in opening order, the colours of its ``else`` branches."""
    out: list[list[str]] = []
    open_: list[list[str]] = []
    for ev in diagram.events:
        if isinstance(ev, GroupStart):
            out.append([])
            open_.append(out[-1])
        elif isinstance(ev, GroupElse) and open_:
            open_[-1].append(ev.colour)
        elif isinstance(ev, GroupEnd) and open_:
            open_.pop()
    return out
