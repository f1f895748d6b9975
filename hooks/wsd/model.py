"""The semantic model of a sequence diagram: frozen dataclasses, no geometry.

Built by :mod:`wsd.builder` from the parser's statements. Participants are
referred to by index (their left-to-right order); events are in source order.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Link", "Participant", "Message", "Activation", "Destroy", "Note",
    "GroupStart", "GroupElse", "GroupEnd", "Divider", "Delay", "Space", "ParallelStart",
    "ParallelEnd", "Event", "Diagram", "EDGES",
]

#: Where an edge message's other end is: ``[->A`` comes from the left edge, ``A->]`` goes to the right one.
EDGES = ("from-left", "from-right", "to-left", "to-right")


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: absolute or relative ``href`` and a tooltip (may be empty).

    ``written`` is the target as the source wrote it, before ``# linkbase:``
    was joined (for a listing of the code behind a diagram).
    """

    href: str
    tooltip: str
    written: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    """A lifeline. ``kind`` is ``participant``, ``actor`` or ``database``."""

    index: int
    alias: str
    label: str
    kind: str
    link: Link | None
    created: bool      # appears at a ``->*`` message instead of at the top
    line: int
    colour: str = ""   # the author's fill (``participant A #lightblue``) as #rrggbb, or ""


@dataclass(frozen=True, slots=True)
class Message:
    """An arrow from ``src`` to ``dst`` (equal for a self message).

    An edge message (``[->A``, ``A->]``) has one participant: ``src == dst`` is that
    participant and ``edge`` (one of :data:`EDGES`) says where the other end is.
    """

    src: int
    dst: int
    label: str
    dotted: bool
    open_head: bool
    both_ends: bool
    activate: bool     # the receiver's activation starts here (``->+`` or ``activate`` next)
    deactivate: bool   # the sender's activation ends here (``->-`` or ``deactivate`` next)
    create: bool       # the receiver is created here (``->*``)
    number: int | None
    link: Link | None
    line: int
    edge: str = ""     # "" for a message between participants, else one of EDGES


@dataclass(frozen=True, slots=True)
class Activation:
    """``activate X`` (``on``) or ``deactivate X`` not attached to a message."""

    participant: int
    on: bool
    line: int


@dataclass(frozen=True, slots=True)
class Destroy:
    """``destroy X``: the lifeline ends with a cross."""

    participant: int
    line: int


@dataclass(frozen=True, slots=True)
class Note:
    """A note, state, ref or box. ``position`` is ``left``, ``right`` or ``over``.

    ``kind`` is note, state, ref, box (plain), rbox (rounded) or abox (angled corners).
    """

    kind: str
    position: str
    participants: tuple[int, ...]
    text: str
    link: Link | None
    line: int
    colour: str = ""   # the author's fill (``note over A #pink: x``) as #rrggbb, or ""


@dataclass(frozen=True, slots=True)
class GroupStart:
    """Opens a frame: ``kind`` is alt, opt, loop, par, group, break or critical."""

    kind: str
    label: str
    line: int
    colour: str = ""   # the author's fill of the frame (``alt #lightgreen ok``), or ""


@dataclass(frozen=True, slots=True)
class GroupElse:
    """An ``else`` separator inside the innermost open frame."""

    label: str
    line: int
    colour: str = ""   # the author's fill of the branch below it (``else #pink other``), or ""


@dataclass(frozen=True, slots=True)
class GroupEnd:
    """Closes the innermost frame."""

    line: int


@dataclass(frozen=True, slots=True)
class Divider:
    """``== label ==`` across the whole diagram."""

    label: str
    line: int


@dataclass(frozen=True, slots=True)
class Delay:
    """``...`` or ``...label...``: time passes."""

    label: str
    line: int


@dataclass(frozen=True, slots=True)
class Space:
    """``space`` or ``space N``: empty room of ``pixels`` (0: one default row)."""

    pixels: int
    line: int


@dataclass(frozen=True, slots=True)
class ParallelStart:
    """``parallel {`` or ``parallel on``: the messages up to :class:`ParallelEnd` share one row."""

    line: int


@dataclass(frozen=True, slots=True)
class ParallelEnd:
    """``}`` or ``parallel off``: the end of a parallel row."""

    line: int


Event = Message | Activation | Destroy | Note | GroupStart | GroupElse | GroupEnd | Divider | Delay | Space \
    | ParallelStart | ParallelEnd


@dataclass(frozen=True, slots=True)
class Diagram:
    """A whole diagram, ready for layout."""

    title: str
    participants: tuple[Participant, ...]
    events: tuple[Event, ...]
    footer: bool
