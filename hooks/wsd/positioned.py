"""The positioned model: plain slotted records with absolute coordinates.

Produced by :mod:`wsd.layout`, drawn by :mod:`wsd.svg`, stored as JSON by the golden
tests (:func:`to_dict`). No syntax and no theme colours: boxes, lines and measured text,
plus ``fill``, the colour an author wrote for a head, note or frame (``#rrggbb`` or empty;
set after layout by :func:`wsd.paint.paint`, which never moves anything).
"""

from __future__ import annotations

from .model import Link

__all__ = ["Text", "Head", "Lifeline", "Bar", "Arrow", "Badge", "NoteBox", "Frame",
           "Separator", "Rule", "Gap", "Cross", "Layout", "to_dict"]


class _Record:
    """Base of the positioned-model records: plain slotted objects (cheap to import and
    create), compared and printed field by field, serialised by :func:`to_dict`."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(
            getattr(self, f) == getattr(other, f) for f in self.__slots__)

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{type(self).__name__}({inner})"

    __hash__ = None  # type: ignore[assignment]


class Text(_Record):
    """Lines of text. ``x`` is the anchor (``start`` or ``middle``), ``y`` the first baseline."""

    __slots__ = ("x", "y", "lines", "anchor", "size", "bold", "width", "height")

    def __init__(  # noqa: D107
        self, x: float, y: float, lines: list[str], anchor: str, size: float, bold: bool,
        width: float, height: float,
    ) -> None:
        self.x = x
        self.y = y
        self.lines = lines
        self.anchor = anchor
        self.size = size
        self.bold = bold
        self.width = width  # measured width of the widest line
        self.height = height  # number of lines times the line height


class Head(_Record):
    """A participant's box (or figure) at the top, the bottom, or where it is created."""

    __slots__ = ("participant", "kind", "where", "x", "y", "w", "h", "label", "link", "fill")

    def __init__(  # noqa: D107
        self, participant: int, kind: str, where: str, x: float, y: float, w: float, h: float,
        label: Text, link: Link | None,
    ) -> None:
        self.participant = participant
        self.kind = kind
        self.where = where  # top, bottom or created
        self.x = x
        self.y = y
        self.w = w
        self.h = h
        self.label = label
        self.link = link
        self.fill = ""


class Lifeline(_Record):
    """A lifeline segment; ``style`` is ``line`` or ``delay``."""

    __slots__ = ("participant", "x", "y1", "y2", "style")

    def __init__(self, participant: int, x: float, y1: float, y2: float, style: str) -> None:  # noqa: D107
        self.participant = participant
        self.x = x
        self.y1 = y1
        self.y2 = y2
        self.style = style


class Bar(_Record):
    """An activation bar; ``level`` 0 is the outermost."""

    __slots__ = ("participant", "level", "x", "y1", "y2", "w")

    def __init__(  # noqa: D107
        self, participant: int, level: int, x: float, y1: float, y2: float, w: float,
    ) -> None:
        self.participant = participant
        self.level = level
        self.x = x
        self.y1 = y1
        self.y2 = y2
        self.w = w


class Badge(_Record):
    """An autonumber badge: a pill with the step number."""

    __slots__ = ("x", "y", "w", "h", "number")

    def __init__(self, x: float, y: float, w: float, h: float, number: int) -> None:  # noqa: D107
        self.x = x
        self.y = y
        self.w = w
        self.h = h
        self.number = number


class Arrow(_Record):
    """A message. Straight from (x1, y1) to (x2, y2), or a self loop out to ``loop_x``."""

    __slots__ = (
        "index", "src", "dst", "x1", "y1", "x2", "y2", "loop_x", "dotted", "open_head",
        "both_ends", "label", "badge", "link", "hit", "edge", "fill"
    )

    def __init__(  # noqa: D107
        self, index: int, src: int, dst: int, x1: float, y1: float, x2: float, y2: float,
        loop_x: float | None, dotted: bool, open_head: bool, both_ends: bool, label: Text,
        badge: Badge | None, link: Link | None, hit: tuple[float, float, float, float],
    ) -> None:
        self.index = index
        self.src = src
        self.dst = dst
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
        self.loop_x = loop_x
        self.dotted = dotted
        self.open_head = open_head
        self.both_ends = both_ends
        self.label = label
        self.badge = badge
        self.link = link
        self.hit = hit  # x, y, w, h of the clickable area
        self.edge = ""  # an edge message's other end (wsd.model.EDGES); src == dst then
        self.fill = ""  # the author's frame or branch colour under the label ("" for the page)


class NoteBox(_Record):
    """A note, state or ref box."""

    __slots__ = ("kind", "x", "y", "w", "h", "text", "link", "fill")

    def __init__(  # noqa: D107
        self, kind: str, x: float, y: float, w: float, h: float, text: Text, link: Link | None,
    ) -> None:
        self.kind = kind
        self.x = x
        self.y = y
        self.w = w
        self.h = h
        self.text = text
        self.link = link
        self.fill = ""


class Separator(_Record):
    """An ``else`` line inside a frame, with its label (``fill``: the branch's colour)."""

    __slots__ = ("y", "label", "fill")

    def __init__(self, y: float, label: Text) -> None:  # noqa: D107
        self.y = y
        self.label = label
        self.fill = ""


class Frame(_Record):
    """A group frame with its tab (keyword) and condition label."""

    __slots__ = (
        "kind", "depth", "x", "y", "w", "h", "tab_w", "tab_h", "keyword", "label",
        "separators", "fill"
    )

    def __init__(  # noqa: D107
        self, kind: str, depth: int, x: float, y: float, w: float, h: float, tab_w: float,
        tab_h: float, keyword: Text, label: Text, separators: list[Separator],
    ) -> None:
        self.kind = kind
        self.depth = depth
        self.x = x
        self.y = y
        self.w = w
        self.h = h
        self.tab_w = tab_w
        self.tab_h = tab_h
        self.keyword = keyword
        self.label = label
        self.separators = separators
        self.fill = ""


class Rule(_Record):
    """A ``== divider ==`` across the diagram."""

    __slots__ = ("x1", "x2", "y", "box_w", "box_h", "label")

    def __init__(  # noqa: D107
        self, x1: float, x2: float, y: float, box_w: float, box_h: float, label: Text,
    ) -> None:
        self.x1 = x1
        self.x2 = x2
        self.y = y
        self.box_w = box_w
        self.box_h = box_h
        self.label = label


class Gap(_Record):
    """A ``...`` delay row."""

    __slots__ = ("y1", "y2", "label")

    def __init__(self, y1: float, y2: float, label: Text) -> None:  # noqa: D107
        self.y1 = y1
        self.y2 = y2
        self.label = label


class Cross(_Record):
    """The cross that ends a destroyed lifeline."""

    __slots__ = ("participant", "x", "y")

    def __init__(self, participant: int, x: float, y: float) -> None:  # noqa: D107
        self.participant = participant
        self.x = x
        self.y = y


class Layout(_Record):
    """Everything :mod:`wsd.svg` needs, in absolute coordinates inside (0, 0, width, height)."""

    __slots__ = (
        "width", "height", "title", "heads", "lifelines", "bars", "arrows", "notes",
        "frames", "rules", "gaps", "crosses"
    )

    def __init__(  # noqa: D107
        self, width: float, height: float, title: Text | None, heads: list[Head] | None = None,
        lifelines: list[Lifeline] | None = None, bars: list[Bar] | None = None,
        arrows: list[Arrow] | None = None, notes: list[NoteBox] | None = None,
        frames: list[Frame] | None = None, rules: list[Rule] | None = None,
        gaps: list[Gap] | None = None, crosses: list[Cross] | None = None,
    ) -> None:
        self.width = width
        self.height = height
        self.title = title
        self.heads = [] if heads is None else heads
        self.lifelines = [] if lifelines is None else lifelines
        self.bars = [] if bars is None else bars
        self.arrows = [] if arrows is None else arrows
        self.notes = [] if notes is None else notes
        self.frames = [] if frames is None else frames
        self.rules = [] if rules is None else rules
        self.gaps = [] if gaps is None else gaps
        self.crosses = [] if crosses is None else crosses


_ONLY_IF_SET = ("fill", "edge")


def to_dict(obj: object) -> object:
    """A JSON-ready view of a :class:`Layout` (or any part of it)."""
    if isinstance(obj, list | tuple):
        return [to_dict(o) for o in obj]
    if isinstance(obj, _Record):
        # ``fill`` and ``edge`` only when set: plain diagrams serialise as before.
        return {f: to_dict(getattr(obj, f)) for f in obj.__slots__
                if f not in _ONLY_IF_SET or getattr(obj, f)}
    if isinstance(obj, Link):
        return {"href": obj.href, "tooltip": obj.tooltip}
    if isinstance(obj, float):
        r = round(obj, 2)
        return int(r) if r == int(r) else r
    return obj
