"""Model -> positioned model: absolute boxes, lines and text, nothing else.

The result (:class:`Layout`) is plain slotted records that serialise to JSON
(:func:`to_dict`), which is what the golden tests store and what
:mod:`wsd.svg` draws. Layout is linear in the number of events: participant
centres come from one forward pass over distance constraints, and every
event takes its own row, so nothing needs pairwise overlap checks, except
inside a ``parallel`` row (at most ``builder.MAX_PARALLEL`` messages), whose
labels are stacked where they would overlap (:class:`_Row`).
Messages from and to the diagram's edge get their outer end last, once the
width is known (:meth:`_Engine._edge_ends`).
"""

from __future__ import annotations

from . import constants as C
from .model import (
    Activation,
    Delay,
    Destroy,
    Diagram,
    Divider,
    GroupElse,
    GroupEnd,
    GroupStart,
    Message,
    Note,
    ParallelEnd,
    ParallelStart,
    Space,
)
from .positioned import (
    Arrow,
    Badge,
    Bar,
    Cross,
    Frame,
    Gap,
    Head,
    Layout,
    Lifeline,
    NoteBox,
    Rule,
    Separator,
    Text,
    to_dict,
)
from .textmetrics import text_width
from .wrap import wrap

__all__ = ["Text", "Head", "Lifeline", "Bar", "Arrow", "Badge", "NoteBox", "Frame",
           "Separator", "Rule", "Gap", "Cross", "Layout", "layout", "to_dict", "measure"]


MAX_DELAY_SEGMENTS = 100_000  # beyond this many lifeline x delay pieces, delays are not dotted


def measure(text: str, size: float = C.FONT_SIZE, bold: bool = False,
            width: float | None = None) -> tuple[list[str], float]:
    """Split ``text`` into lines (at newlines, and to fit ``width`` px if given) and
    measure the widest one (px)."""
    if "\n" not in text and (width is None or text_width(text, size, bold) <= width):
        return [text], text_width(text, size, bold)
    lines = wrap(text, width, size, bold)
    return lines, max(text_width(ln, size, bold) for ln in lines)


def _frame_label(label: str) -> str:
    """A frame condition or else label as drawn: in brackets."""
    return f"[{label}]" if label else ""


def _text(text: str, x: float, top: float, anchor: str = "middle", size: float = C.FONT_SIZE,
          bold: bool = False, line_h: float = C.LINE_HEIGHT, width: float | None = None) -> Text:
    lines, w = measure(text, size, bold, width)
    return Text(x, top + C.ASCENT * size / C.FONT_SIZE, lines, anchor, size, bold, w,
                len(lines) * line_h)


def _badge_w(number: int | None) -> float:
    if number is None:
        return 0.0
    return max(C.BADGE_H, text_width(str(number), C.SMALL_SIZE, True) + 2 * C.BADGE_PAD)


def _head_size(kind: str, label: str) -> tuple[float, float]:
    lines, tw = _head_lines(label)
    th = len(lines) * C.LINE_HEIGHT
    if kind == "actor":
        return max(C.ACTOR_FIG_W + 16, tw + C.TEXT_SLACK), C.ACTOR_FIG_H + C.ACTOR_LABEL_GAP + th
    w = max(C.PART_MIN_W, tw + 2 * C.PART_PAD_X + C.TEXT_SLACK)
    h = th + 2 * C.PART_PAD_Y
    if kind == "database":
        h += 2 * C.DB_CAP
    return w, h


def _head_lines(label: str) -> tuple[list[str], float]:
    """A participant name's lines: wrapped at spaces beyond ``C.HEAD_WRAP``, words kept whole."""
    lines, tw = measure(label, C.FONT_SIZE, True)
    if tw <= C.HEAD_WRAP:
        return lines, tw
    out: list[str] = []
    for line in lines:
        words = line.split(" ")
        cur = words[0]
        for word in words[1:]:
            if text_width(cur + " " + word, C.FONT_SIZE, True) <= C.HEAD_WRAP:
                cur += " " + word
            else:
                out.append(cur)
                cur = word
        out.append(cur)
    return out, max(text_width(ln, C.FONT_SIZE, True) for ln in out)


def _note_size(note: Note, wrap_w: float | None) -> tuple[float, float, Text]:
    anchor = "middle" if note.kind == "state" else "start"
    t = _text(note.text, 0, 0, anchor, width=wrap_w)
    w = t.width + 2 * C.NOTE_PAD_X + C.TEXT_SLACK
    h = t.height + 2 * C.NOTE_PAD_Y
    if note.kind == "note":
        w += C.NOTE_FOLD / 2
    elif note.kind == "ref":
        h += C.REF_TAB_H
        w = max(w, C.REF_TAB_W + 2 * C.NOTE_PAD_X)
        t.anchor = "middle"
    elif note.kind == "state":
        w += C.STATE_RADIUS
    return w, h, t


def _note_inner(w: float, kind: str) -> float:
    """The text width available in a note box ``w`` px wide (inverse of :func:`_note_size`)."""
    inner = w - 2 * C.NOTE_PAD_X - C.TEXT_SLACK
    if kind == "note":
        inner -= C.NOTE_FOLD / 2
    elif kind == "state":
        inner -= C.STATE_RADIUS
    return inner


def _fit(d: Diagram, sizes: list[tuple[float, float]]
         ) -> tuple[float, dict[int, tuple[float, float, Text]], list[float]]:
    """The widest label wrap width (of ``C.WRAP_STEPS``) whose layout stays within
    ``C.TARGET_WIDTH``, with the note sizes and participant centres it gives.

    Narrower steps are tried only while they still make the diagram narrower, so
    a diagram whose width comes from its participants alone costs one pass more.
    """
    best = None
    last_est = float("inf")
    notes = {k: _note_size(ev, C.NOTE_WRAP) for k, ev in enumerate(d.events) if isinstance(ev, Note)}
    labels = _LabelWidths()
    for wrap_w in C.WRAP_STEPS:
        cx = _centres(d, sizes, wrap_w, labels)
        est = _estimate_width(d, sizes, notes, cx)
        if best is None or est < last_est - 1:
            best, last_est = (wrap_w, notes, cx), est
        if est <= C.TARGET_WIDTH - C.FIT_SLACK:
            break
    assert best is not None
    return best


def _estimate_width(d: Diagram, sizes: list[tuple[float, float]],
                    notes: dict[int, tuple[float, float, Text]], cx: list[float]) -> float:
    """Roughly the finished width: heads, plus side notes past the outer lifelines
    (notes over participants are kept within the heads, see ``_Engine.note``)."""
    n = len(cx)
    if not n:
        return 0.0
    lo = cx[0] - sizes[0][0] / 2
    hi = cx[-1] + sizes[-1][0] / 2
    for k, (w, _h, _t) in notes.items():
        ev = d.events[k]
        p = ev.participants[0]
        if ev.position == "right":
            hi = max(hi, cx[p] + C.ACT_W + C.NOTE_GAP + w)
        elif ev.position == "left":
            lo = min(lo, cx[p] - C.ACT_W - C.NOTE_GAP - w)
    return hi - lo + 2 * C.MARGIN


class _LabelWidths:
    """Each message's label width at a wrap width, for the passes of :func:`_fit`.

    A label is measured once; only labels wider than the wrap width are wrapped, and
    each distinct (label, width) pair only once, so every pass stays linear.
    """

    __slots__ = ("natural", "wrapped", "badges")

    def __init__(self) -> None:
        self.natural: dict[str, float] = {}
        self.wrapped: dict[tuple[str, float | None], float] = {}
        self.badges: dict[int, float] = {}  # number -> badge width plus its gap

    def width(self, label: str, wrap_w: float | None) -> float:
        w = self.natural.get(label)
        if w is None:
            w = self.natural[label] = measure(label)[1]
        if "\n" not in label and (wrap_w is None or w <= wrap_w):
            return w
        key = (label, wrap_w)
        got = self.wrapped.get(key)
        if got is None:
            got = self.wrapped[key] = measure(label, width=wrap_w)[1]
        return got

    def badge(self, number: int) -> float:
        got = self.badges.get(number)
        if got is None:
            got = self.badges[number] = _badge_w(number) + C.BADGE_GAP
        return got


def _centres(d: Diagram, sizes: list[tuple[float, float]],
             wrap_w: float | None = None, labels: _LabelWidths | None = None) -> list[float]:
    """Participant centres from left-to-right distance constraints, in one forward pass.

    Heads and message labels set the distances. Notes do not: a note is an opaque
    box on a row of its own, so it may cover the lifelines next to it.
    """
    n = len(d.participants)
    need: list[dict[int, float]] = [dict() for _ in range(n)]

    def want(a: int, b: int, dist: float) -> None:
        if a > b:
            a, b = b, a
        if a == b or a < 0 or b >= n:
            return
        row = need[b]
        if row.get(a, 0.0) < dist:
            row[a] = dist

    for i in range(n - 1):
        want(i, i + 1, sizes[i][0] / 2 + sizes[i + 1][0] / 2 + C.PART_GAP)
    if labels is None:
        labels = _LabelWidths()
    for ev in d.events:
        if isinstance(ev, Message) and not ev.edge:  # edge messages: see _Engine.edge_message
            lw = labels.width(ev.label, wrap_w)
            if ev.number is not None:
                lw += labels.badge(ev.number)
            if ev.src == ev.dst:
                want(ev.src, ev.src + 1, max(C.SELF_W + C.ACT_W + C.ARROW_LEN,
                                             C.ACT_W + C.SELF_LABEL_DX + lw + C.MSG_LABEL_PAD
                                             - C.LABEL_OVERHANG))
            else:
                dist = max(lw + 2 * C.MSG_LABEL_PAD + C.ACT_W - C.LABEL_OVERHANG,
                           C.ACT_W + 2 * C.MSG_LABEL_PAD)
                if ev.create:
                    dist = max(dist, sizes[ev.dst][0] / 2 + C.CREATE_GAP + C.ARROW_LEN + 30)
                want(ev.src, ev.dst, dist)
    xs = [0.0] * n
    if n:
        xs[0] = sizes[0][0] / 2
    for b in range(1, n):
        best = xs[b - 1]
        for a, dist in need[b].items():
            cand = xs[a] + dist
            if cand > best:
                best = cand
        xs[b] = best
    return xs


def _frame_spans(d: Diagram) -> dict[int, tuple[int, int]]:
    """For each frame (by the index of its GroupStart event), the lowest and highest
    participant its content touches; frames with no content are left out."""
    spans: dict[int, tuple[int, int]] = {}
    open_: list[list[int]] = []  # [event index, lo, hi]

    def close() -> None:
        k0, lo, hi = open_.pop()
        if hi >= 0:
            spans[k0] = (lo, hi)
            if open_:  # the parent frame holds what its child holds
                open_[-1][1] = min(open_[-1][1], lo)
                open_[-1][2] = max(open_[-1][2], hi)

    for k, ev in enumerate(d.events):
        kind = type(ev)
        if kind is GroupStart:
            open_.append([k, 1 << 30, -1])
            continue
        if kind is GroupEnd:
            if open_:
                close()
            continue
        if not open_:
            continue
        if kind is Message:
            ps: tuple[int, ...] = (ev.src, ev.dst)  # type: ignore[union-attr]
        elif kind is Note:
            ps = ev.participants  # type: ignore[union-attr]
        elif kind in (Activation, Destroy):
            ps = (ev.participant,)  # type: ignore[union-attr]
        else:
            continue
        top = open_[-1]
        top[1] = min(top[1], *ps)
        top[2] = max(top[2], *ps)
    while open_:
        close()
    return spans


class _FrameState:
    __slots__ = ("start", "depth", "x1", "x2", "seps", "tab_y", "label_h", "wrap_w")

    def __init__(self, start: GroupStart, depth: int, tab_y: float) -> None:
        self.start = start
        self.depth = depth
        self.x1 = float("inf")
        self.x2 = float("-inf")
        self.seps: list[tuple[float, str]] = []
        self.tab_y = tab_y
        self.label_h = 0.0
        self.wrap_w = float(C.FRAME_LABEL_WRAP)


class _Row:
    """Where the labels of one parallel row go: every arrow on the row's y, each label
    right above it unless it would overlap an earlier label of the row, which it then
    sits above (the row grows; labels never move sideways, so each stays on its arrow).
    """

    __slots__ = ("boxes", "y", "lift")

    def __init__(self) -> None:
        self.boxes: list[tuple[int, float, float, float, float]] = []  # k, left, right, height, offset
        self.y: float | None = None        # the row's arrow y, once settled
        self.lift: dict[int, float] = {}   # how far each label sits above its usual place

    def record(self, k: int, a: Arrow, top: float) -> None:
        """First pass: the label box of arrow ``a`` and its arrow's depth under the row's top."""
        if self.y is not None:
            return
        t = a.label
        left = t.x - t.width / 2 if t.anchor == "middle" else t.x
        right = left + t.width
        if a.badge is not None:
            left = min(left, a.badge.x)
        width = right - left if (t.width or a.badge is not None) else 0.0
        self.boxes.append((k, left, right if width else left, t.height, a.y1 - top))

    def settle(self, top: float) -> None:
        """Stack the labels that would overlap and fix the row's arrow y."""
        placed: list[tuple[float, float, float, float]] = []   # left, right, upper, lower (above y)
        depth = 0.0
        for k, left, right, height, offset in self.boxes:
            lift = 0.0
            if right > left:
                while True:
                    lower = lift + C.MSG_LABEL_GAP
                    upper = lower + height
                    clash = [up for (l2, r2, up, low) in placed
                             if l2 < right + C.PARALLEL_LABEL_SEP and left < r2 + C.PARALLEL_LABEL_SEP
                             and low < upper and lower < up]
                    if not clash:
                        break
                    lift = max(clash) + C.PARALLEL_LABEL_GAP - C.MSG_LABEL_GAP
                placed.append((left, right, lift + C.MSG_LABEL_GAP + height, lift + C.MSG_LABEL_GAP))
            self.lift[k] = lift
            depth = max(depth, offset + lift)
        self.y = top + depth

    def place(self, k: int, top: float, y: float, label_h: float) -> tuple[float, float]:
        """(label top, arrow y) of event ``k``: as laid out alone in the first pass, in
        the row's place in the second."""
        if self.y is None:
            return top, y
        return self.y - label_h - C.MSG_LABEL_GAP - self.lift[k], self.y


class _Engine:
    """The vertical pass: walks events top to bottom with a y cursor."""

    def __init__(self, d: Diagram) -> None:
        self.d = d
        self.out = Layout(0, 0, None)
        n = len(d.participants)
        self.sizes = [_head_size(p.kind, p.label) for p in d.participants]
        self.wrap_w, self.note_sizes, self.cx = _fit(d, self.sizes)
        self.frame_spans = _frame_spans(d)
        self.stacks: list[list[float]] = [[] for _ in range(n)]
        self.life_start = [0.0] * n
        self.life_end: list[float | None] = [None] * n
        self.frames: list[_FrameState] = []
        self.last_y: float | None = None          # arrow y of the previous event if a message
        self.last_pair: tuple[int, int] = (-1, -1)
        self.arrow_y: float | None = None          # y of the last arrow drawn (bars left open end there)
        self.edge_arrows: list[Arrow] = []         # arrows from or to the diagram's edge (see _edge_ends)
        self.row: _Row | None = None               # the parallel row being laid out
        self.row_items: list[tuple[int, object]] | None = None  # its events, while they are read
        self.y = float(C.MARGIN)
        if n:
            self.span = (self.cx[0] - self.sizes[0][0] / 2, self.cx[-1] + self.sizes[-1][0] / 2)
        else:
            self.span = (0.0, float(C.EMPTY_GROUP_W))

    # -- helpers ----------------------------------------------------------------
    def touch(self, x1: float, x2: float) -> None:
        if self.frames:
            f = self.frames[-1]
            if x1 < f.x1:
                f.x1 = x1
            if x2 > f.x2:
                f.x2 = x2

    def bars_extent(self, p: int) -> tuple[float, float]:
        """Horizontal extent of participant ``p``'s open activation bars (its centre if none)."""
        lv = len(self.stacks[p])
        if lv == 0:
            return self.cx[p], self.cx[p]
        return self.cx[p] - C.ACT_W / 2, self.cx[p] + (lv - 1) * C.ACT_NEST_DX + C.ACT_W / 2

    def edge(self, p: int, side: int, level: int | None = None) -> float:
        """x where an arrow meets participant ``p`` from ``side`` (+1 right, -1 left)."""
        lv = len(self.stacks[p]) if level is None else level
        if lv == 0:
            return self.cx[p]
        return self.cx[p] + (lv - 1) * C.ACT_NEST_DX + side * C.ACT_W / 2

    def push(self, p: int, y: float) -> None:
        self.stacks[p].append(y)

    def pop(self, p: int, y: float) -> None:
        if not self.stacks[p]:
            return
        level = len(self.stacks[p]) - 1
        y1 = self.stacks[p].pop()
        y2 = max(y, y1 + C.ACT_MIN_H)
        x = self.cx[p] + level * C.ACT_NEST_DX - C.ACT_W / 2
        self.out.bars.append(Bar(p, level, x, y1, y2, C.ACT_W))
        self.touch(x, x + C.ACT_W)

    def anchor_y(self, p: int) -> float:
        """y for an activate/deactivate/destroy: the previous arrow if it touched ``p``."""
        if self.last_y is not None and p in self.last_pair:
            return self.last_y
        return self.y

    # -- events -----------------------------------------------------------------
    def message(self, k: int, m: Message) -> None:
        label = m.label
        badge_w = _badge_w(m.number)
        top = self.y
        if m.edge:
            self.edge_message(k, m, badge_w)
            return
        if m.src == m.dst:
            lines, tw = measure(label, width=self.wrap_w)
            self.self_message(k, m, lines, tw, len(lines) * C.LINE_HEIGHT, badge_w)
            return
        side = 1 if self.cx[m.dst] > self.cx[m.src] else -1
        x1 = self.edge(m.src, side)
        if m.create:
            x2 = self.cx[m.dst] - side * (self.sizes[m.dst][0] / 2 + C.CREATE_GAP)
        elif m.activate:
            x2 = self.edge(m.dst, -side, len(self.stacks[m.dst]) + 1)
        else:
            x2 = self.edge(m.dst, -side)
        badge_room = badge_w + C.BADGE_GAP if badge_w else 0
        # A long arrow has room for longer lines than the wrap width.
        room = min(abs(x2 - x1) - 2 * C.MSG_LABEL_PAD - badge_room, C.LABEL_MAX)
        wrap_w = max(self.wrap_w, room)
        lines, tw = measure(label, width=wrap_w)
        lh = len(lines) * C.LINE_HEIGHT
        ay = top + lh + C.MSG_LABEL_GAP
        head = None
        if m.create:
            w, h = self.sizes[m.dst]
            ay = max(ay, top + h / 2)
        if self.row is not None:
            top, ay = self.row.place(k, top, ay, lh)
        total = tw + badge_room
        mid = (x1 + x2) / 2
        long_arrow = abs(x2 - x1) > C.LONG_ARROW and total + 2 * C.MSG_LABEL_PAD <= abs(x2 - x1)
        if long_arrow:  # next to the sender, where a reader following the arrow starts
            left = x1 + C.MSG_LABEL_PAD if side > 0 else x1 - C.MSG_LABEL_PAD - total
        else:
            left = mid - total / 2
        badge = None
        if badge_w:
            badge = Badge(left, top + (C.LINE_HEIGHT - C.BADGE_H) / 2, badge_w, C.BADGE_H,
                          m.number or 0)
            text = _text(label, left + badge_w + C.BADGE_GAP, top, "start", width=wrap_w)
        elif long_arrow:
            text = _text(label, left, top, "start", width=wrap_w)
        else:
            text = _text(label, mid, top, "middle", width=wrap_w)
        bottom = ay
        if m.create:
            w, h = self.sizes[m.dst]
            hx = self.cx[m.dst] - w / 2
            head = Head(m.dst, self.d.participants[m.dst].kind, "created", hx, ay - h / 2, w, h,
                        self._head_label(m.dst, hx, ay - h / 2), self.d.participants[m.dst].link)
            self.out.heads.append(head)
            self.life_start[m.dst] = ay + h / 2
            bottom = ay + h / 2
            self.touch(hx, hx + w)
        lo, hi = min(x1, x2), max(x1, x2)
        hit = (min(lo, left) - C.CORNER_LINK, top - C.CORNER_LINK,
               max(hi, left + total) - min(lo, left) + 2 * C.CORNER_LINK,
               ay - top + 5 + C.CORNER_LINK)
        self.out.arrows.append(Arrow(k, m.src, m.dst, x1, ay, x2, ay, None, m.dotted,
                                     m.open_head, m.both_ends, text, badge, m.link, hit))
        s1, s2 = self.bars_extent(m.src)
        d1, d2 = self.bars_extent(m.dst)
        self.touch(min(lo, left, s1, d1), max(hi, left + total, s2, d2))
        if m.deactivate:
            self.pop(m.src, ay)
        if m.activate:
            self.push(m.dst, ay)
        self.last_y = self.arrow_y = ay
        self.last_pair = (m.src, m.dst)
        self.y = bottom + C.ROW_GAP

    def self_message(self, k: int, m: Message, lines: list[str], tw: float, lh: float,
                     badge_w: float) -> None:
        p = m.src
        top = self.y
        if self.row is not None:
            top, _ = self.row.place(k, top, top + lh + C.MSG_LABEL_GAP, lh)
        x1 = self.edge(p, 1)
        left = x1 + C.SELF_LABEL_DX
        badge = None
        if badge_w:
            badge = Badge(left, top + (C.LINE_HEIGHT - C.BADGE_H) / 2, badge_w, C.BADGE_H,
                          m.number or 0)
            text = _text(m.label, left + badge_w + C.BADGE_GAP, top, "start", width=self.wrap_w)
        else:
            text = _text(m.label, left, top, "start", width=self.wrap_w)
        total = tw + (badge_w + C.BADGE_GAP if badge_w else 0)
        y1 = top + lh + C.MSG_LABEL_GAP
        if self.row is not None and self.row.y is not None:  # a lifted label leaves the loop on the row
            y1 = self.row.y
        y2 = y1 + C.SELF_H
        if m.deactivate:
            self.pop(p, y1)
        x2 = self.edge(p, 1, len(self.stacks[p]) + (1 if m.activate else 0))
        loop_x = max(x1, x2) + C.SELF_W
        hit = (x1 - C.CORNER_LINK, top - C.CORNER_LINK,
               max(loop_x, left + total) - x1 + 2 * C.CORNER_LINK,
               y2 - top + 5 + C.CORNER_LINK)
        self.out.arrows.append(Arrow(k, p, p, x1, y1, x2, y2, loop_x, m.dotted, m.open_head,
                                     m.both_ends, text, badge, m.link, hit))
        b1, _ = self.bars_extent(p)
        self.touch(min(x1, b1), max(loop_x, left + total))
        if m.activate:
            self.push(p, y2)
        self.last_y = self.arrow_y = y2
        self.last_pair = (p, p)
        self.y = y2 + C.ROW_GAP

    def note(self, k: int, n: Note) -> None:
        w, h, t = self.note_sizes[k]
        ps = n.participants
        if n.position == "right":
            p = ps[0]
            x = self.edge(p, 1) + C.NOTE_GAP if self.stacks[p] else self.cx[p] + C.NOTE_GAP
        elif n.position == "left":
            p = ps[0]
            x = (self.edge(p, -1) if self.stacks[p] else self.cx[p]) - C.NOTE_GAP - w
        else:
            lo = min(self.cx[i] for i in ps)
            hi = max(self.cx[i] for i in ps)
            if lo != hi and hi - lo + 2 * C.NOTE_OVERHANG > w:
                w = hi - lo + 2 * C.NOTE_OVERHANG
                if len(t.lines) > 1:  # a wide note: rewrap its text to the width it has
                    t = _text(n.text, 0, 0, t.anchor, width=_note_inner(w, n.kind))
                    h = t.height + 2 * C.NOTE_PAD_Y + (C.REF_TAB_H if n.kind == "ref" else 0)
            x = (lo + hi) / 2 - w / 2
            # Stay within the heads (a note is opaque on its own row, so it may cover
            # neighbouring lifelines): still over its participants, as it is at least
            # as wide as the distance it moves.
            left, right = self.span
            if w <= right - left:
                x = min(max(x, left), right - w)
        y = self.y
        if t.anchor == "middle":
            t.x = x + w / 2
        else:
            t.x = x + C.NOTE_PAD_X
        t.y = y + C.NOTE_PAD_Y + C.ASCENT + (C.REF_TAB_H if n.kind == "ref" else 0)
        self.out.notes.append(NoteBox(n.kind, x, y, w, h, t, n.link))
        self.touch(x, x + w)
        self.y = y + h + C.ROW_GAP
        self.last_y = None

    def group_start(self, k: int, g: GroupStart) -> None:
        f = _FrameState(g, len(self.frames), self.y)
        span = self.frame_spans.get(k)
        if span is not None:  # conditions wrap to the width the frame's content gives it
            kw_w = text_width(g.kind, C.FONT_SIZE, True) + 2 * C.GROUP_TAB_PAD + C.GROUP_TAB_CUT
            inner = self.cx[span[1]] - self.cx[span[0]] + 2 * C.GROUP_PAD_X - kw_w \
                - C.GROUP_LABEL_GAP - C.GROUP_TAB_PAD - C.TEXT_SLACK
            f.wrap_w = max(C.FRAME_LABEL_MIN, min(C.FRAME_LABEL_WRAP, inner))
        lines, _ = measure(_frame_label(g.label), width=f.wrap_w) if g.label else ([], 0.0)
        f.label_h = max(C.GROUP_TAB_H, len(lines) * C.LINE_HEIGHT + 2)
        self.frames.append(f)
        self.y += f.label_h + C.GROUP_TOP_GAP
        self.last_y = None

    def group_else(self, g: GroupElse) -> None:
        if not self.frames:
            return
        f = self.frames[-1]
        y = self.y - C.ROW_GAP / 2
        f.seps.append((y, g.label))
        h = len(measure(_frame_label(g.label), width=f.wrap_w)[0]) * C.LINE_HEIGHT \
            if g.label else 0
        self.y = y + h + C.ELSE_GAP
        self.last_y = None

    def group_end(self) -> None:
        if not self.frames:
            return
        f = self.frames.pop()
        bottom = self.y - C.ROW_GAP + C.GROUP_BOTTOM_GAP
        if f.x1 > f.x2:
            f.x1, f.x2 = self.span[0] + C.GROUP_PAD_X, self.span[0] + C.GROUP_PAD_X + \
                C.EMPTY_GROUP_W
        x1 = f.x1 - C.GROUP_PAD_X
        x2 = f.x2 + C.GROUP_PAD_X
        g = f.start
        is_group = g.kind == "group"
        kw_text = g.label if is_group and g.label else g.kind
        keyword = _text(kw_text, x1 + C.GROUP_TAB_PAD, f.tab_y + 2, "start", bold=True)
        tab_w = keyword.width + 2 * C.GROUP_TAB_PAD + C.GROUP_TAB_CUT + C.TEXT_SLACK
        tab_h = max(C.GROUP_TAB_H, keyword.height + 4)
        label_text = "" if is_group else _frame_label(g.label)
        label = _text(label_text, x1 + tab_w + C.GROUP_LABEL_GAP, f.tab_y + 2, "start",
                      width=f.wrap_w)
        need = tab_w + (C.GROUP_LABEL_GAP + label.width + C.GROUP_TAB_PAD if label_text else 0)
        seps = []
        for sy, stext in f.seps:
            t = _text(_frame_label(stext), x1 + C.GROUP_TAB_PAD, sy + 2, "start",
                      width=f.wrap_w)
            need = max(need, t.width + 2 * C.GROUP_TAB_PAD)
            seps.append(Separator(sy, t))
        if x2 - x1 < need:
            x2 = x1 + need
        self.out.frames.append(Frame(g.kind, f.depth, x1, f.tab_y, x2 - x1, bottom - f.tab_y,
                                     tab_w, tab_h, keyword, label, seps))
        self.y = bottom + C.ROW_GAP
        self.touch(x1, x2)
        self.last_y = None

    def divider(self, dv: Divider) -> None:
        x1 = self.span[0] - C.DIVIDER_OVERHANG
        x2 = self.span[1] + C.DIVIDER_OVERHANG
        t = _text(dv.label, (x1 + x2) / 2, self.y + (C.DIVIDER_H - C.LINE_HEIGHT) / 2 + 1)
        lines = len(t.lines)
        bh = C.DIVIDER_H + (lines - 1) * C.LINE_HEIGHT
        bw = t.width + 2 * C.DIVIDER_PAD_X + C.TEXT_SLACK if dv.label else 0
        if bw > x2 - x1:
            x1, x2 = (x1 + x2) / 2 - bw / 2, (x1 + x2) / 2 + bw / 2
        self.out.rules.append(Rule(x1, x2, self.y + bh / 2, bw, bh, t))
        self.touch(x1, x2)
        self.y += bh + C.ROW_GAP
        self.last_y = None

    def delay(self, dl: Delay) -> None:
        x = (self.span[0] + self.span[1]) / 2
        t = _text(dl.label, x, self.y + 4)
        h = max(C.DELAY_H, t.height + 8) if dl.label else C.DELAY_H
        t.y = self.y + (h - t.height) / 2 + C.ASCENT
        self.out.gaps.append(Gap(self.y, self.y + h, t))
        if dl.label:
            self.touch(x - t.width / 2, x + t.width / 2)
        self.y += h + C.ROW_GAP
        self.last_y = None

    def space(self, sp: Space) -> None:
        self.y += sp.pixels or C.SPACE_H
        self.last_y = None

    def activation(self, a: Activation) -> None:
        # A bar ends at the arrow just drawn even if that arrow did not touch it
        # (as WebSequenceDiagrams draws it), not one row further down.
        off_row = not a.on and self.last_y is not None
        y = self.last_y if off_row else self.anchor_y(a.participant)
        assert y is not None
        if a.on:
            self.push(a.participant, y)
        else:
            self.pop(a.participant, y)
        if y == self.y:  # standalone: leave a little room so the bar is visible
            self.y += C.ACT_TAIL

    def destroy(self, ds: Destroy) -> None:
        p = ds.participant
        y = self.anchor_y(p)
        if y < self.life_start[p]:
            # right after '->*': the cross goes under the new head, not over it
            y = self.life_start[p] + C.DESTROY_GAP + C.DESTROY_R
            self.y = max(self.y, y + C.DESTROY_R + C.ROW_GAP)
        elif y == self.y:
            y += C.DESTROY_R
            self.y += 2 * C.DESTROY_R + C.ROW_GAP
        while self.stacks[p]:
            self.pop(p, y)
        self.life_end[p] = y
        self.out.crosses.append(Cross(p, self.cx[p], y))
        self.touch(self.cx[p] - C.DESTROY_R, self.cx[p] + C.DESTROY_R)
        self.last_y = None

    # -- messages from and to the diagram's edge ----------------------------------------
    def edge_message(self, k: int, m: Message, badge_w: float) -> None:
        """``[->A`` / ``A->]``: an arrow between ``A`` and the diagram's left or right edge.

        The label sits next to the participant (inside any frame around it); the arrow's
        other end is set when the diagram's width is known (:meth:`_edge_ends`).
        """
        p = m.src
        out_side = -1 if m.edge.endswith("left") else 1    # from the participant towards the edge
        incoming = m.edge.startswith("from-")
        level = len(self.stacks[p]) + 1 if incoming and m.activate else None
        px = self.edge(p, out_side, level)
        lines, tw = measure(m.label, width=self.wrap_w)
        lh = len(lines) * C.LINE_HEIGHT
        badge_room = badge_w + C.BADGE_GAP if badge_w else 0
        total = tw + badge_room
        length = max(C.EDGE_MIN_LEN, total + 2 * C.MSG_LABEL_PAD)
        outer = px + out_side * length   # provisional: the margin, once the width is known
        top = self.y
        ay = top + lh + C.MSG_LABEL_GAP
        if self.row is not None:
            top, ay = self.row.place(k, top, ay, lh)
        left = px - C.MSG_LABEL_PAD - total if out_side < 0 else px + C.MSG_LABEL_PAD
        badge = None
        if badge_w:
            badge = Badge(left, top + (C.LINE_HEIGHT - C.BADGE_H) / 2, badge_w, C.BADGE_H,
                          m.number or 0)
        text = _text(m.label, left + badge_room, top, "start", width=self.wrap_w)
        x1, x2 = (outer, px) if incoming else (px, outer)
        lo, hi = min(x1, x2), max(x1, x2)
        hit = (lo - C.CORNER_LINK, top - C.CORNER_LINK, hi - lo + 2 * C.CORNER_LINK,
               ay - top + 5 + C.CORNER_LINK)
        arrow = Arrow(k, p, p, x1, ay, x2, ay, None, m.dotted, m.open_head, m.both_ends, text,
                      badge, m.link, hit)
        arrow.edge = m.edge
        self.out.arrows.append(arrow)
        self.edge_arrows.append(arrow)
        b1, b2 = self.bars_extent(p)
        self.touch(min(px, left, b1), max(px, left + total, b2))
        if m.deactivate:
            self.pop(p, ay)
        if m.activate:
            self.push(p, ay)
        self.last_y = self.arrow_y = ay
        self.last_pair = (p, p)
        self.y = ay + C.ROW_GAP

    def _edge_room(self, lo: float, hi: float) -> tuple[float, float]:
        """The content's extent widened by ``C.EDGE_GAP`` on each side an edge arrow uses."""
        sides = {a.edge.rpartition("-")[2] for a in self.edge_arrows}
        return (lo - C.EDGE_GAP if "left" in sides else lo,
                hi + C.EDGE_GAP if "right" in sides else hi)

    def _edge_ends(self, width: float) -> None:
        """Run every edge arrow out to the diagram's margin (after the final shift)."""
        for a in self.edge_arrows:
            outer = C.MARGIN if a.edge.endswith("left") else width - C.MARGIN
            if a.edge.startswith("from-"):
                a.x1 = outer
            else:
                a.x2 = outer
            hx, hy, hw, hh = a.hit
            lo, hi = min(hx, outer - C.CORNER_LINK), max(hx + hw, outer + C.CORNER_LINK)
            a.hit = (lo, hy, hi - lo, hh)

    # -- parallel rows ------------------------------------------------------------------
    def collect_row(self, k: int, ev: object) -> None:
        """Gather the events of a ``parallel`` row; lay them out at its end."""
        kind = type(ev)
        if kind is ParallelStart:
            self.row_items = []
        elif kind is ParallelEnd:
            items, self.row_items = self.row_items or [], None
            if items:
                self.parallel_row(items)
        else:
            assert self.row_items is not None
            self.row_items.append((k, ev))

    def parallel_row(self, items: list[tuple[int, object]]) -> None:
        """Messages (and activations) of one ``parallel`` row, every arrow on one y.

        Laid out twice: the first pass only finds where each label would go (and
        is undone), the second draws the row with the labels stacked (:class:`_Row`).
        """
        top = self.y
        saved = self._row_state()
        self.row = _Row()
        self._row_pass(items, top)
        self._row_restore(saved)
        self.row.settle(top)
        bottom = self._row_pass(items, top)
        self.row = None
        self.y = bottom

    def _row_pass(self, items: list[tuple[int, object]], top: float) -> float:
        assert self.row is not None
        bottom = top
        for k, ev in items:
            self.y = top
            before = len(self.out.arrows)
            if type(ev) is Message:
                self.message(k, ev)  # type: ignore[arg-type]
            else:
                self.activation(ev)  # type: ignore[arg-type]
            if len(self.out.arrows) > before:
                self.row.record(k, self.out.arrows[-1], top)
            bottom = max(bottom, self.y)
        return bottom

    def _row_state(self) -> tuple:
        f = self.frames[-1] if self.frames else None
        out = self.out
        return (len(out.arrows), len(out.heads), len(out.bars), len(self.edge_arrows),
                [list(s) for s in self.stacks], list(self.life_start),
                (f.x1, f.x2) if f else None, self.last_y, self.arrow_y, self.last_pair)

    def _row_restore(self, saved: tuple) -> None:
        (arrows, heads, bars, edges, stacks, life_start, frame_x, self.last_y, self.arrow_y,
         self.last_pair) = saved
        out = self.out
        del out.arrows[arrows:], out.heads[heads:], out.bars[bars:], self.edge_arrows[edges:]
        self.stacks, self.life_start = stacks, life_start
        if frame_x is not None:
            self.frames[-1].x1, self.frames[-1].x2 = frame_x

    # -- whole diagram ------------------------------------------------------------
    def _head_label(self, p: int, x: float, y: float) -> Text:
        part = self.d.participants[p]
        w, h = self.sizes[p]
        if part.kind == "actor":
            top = y + C.ACTOR_FIG_H + C.ACTOR_LABEL_GAP
        else:
            top = y + C.PART_PAD_Y + (C.DB_CAP * 1.5 if part.kind == "database" else 0)
        lines, tw = _head_lines(part.label)
        return Text(x + w / 2, top + C.ASCENT, lines, "middle", C.FONT_SIZE, True, tw,
                    len(lines) * C.LINE_HEIGHT)

    def run(self) -> Layout:
        d, out = self.d, self.out
        if d.title:
            out.title = _text(d.title, 0, self.y, size=C.TITLE_SIZE, bold=True,
                              line_h=C.TITLE_LINE)
            self.y += out.title.height + C.TITLE_GAP
        head_h = max((h for (w, h), p in zip(self.sizes, d.participants) if not p.created),
                     default=0.0)
        head_bottom = self.y + head_h
        for p, (w, h) in zip(d.participants, self.sizes):
            if p.created:
                continue
            x, y = self.cx[p.index] - w / 2, head_bottom - h
            out.heads.append(Head(p.index, p.kind, "top", x, y, w, h,
                                  self._head_label(p.index, x, y), p.link))
            self.life_start[p.index] = head_bottom
        self.y = head_bottom + C.FIRST_ROW_GAP
        message, note = self.message, self.note
        others = {Activation: self.activation,
                  GroupElse: self.group_else, GroupEnd: lambda _ev: self.group_end(),
                  Divider: self.divider, Delay: self.delay, Destroy: self.destroy,
                  Space: self.space}
        for k, ev in enumerate(d.events):
            kind = type(ev)
            if self.row_items is not None or kind is ParallelStart:
                self.collect_row(k, ev)
                continue
            if kind is Message:
                message(k, ev)  # type: ignore[arg-type]
            elif kind is Note:
                note(k, ev)  # type: ignore[arg-type]
            elif kind is GroupStart:
                self.group_start(k, ev)  # type: ignore[arg-type]
            else:
                others[kind](ev)  # type: ignore[operator]
        while self.frames:
            self.group_end()
        end = self.y - C.ROW_GAP + C.LAST_ROW_GAP
        # Bars still open end at the last arrow, not after the notes that follow it.
        close = end - C.LAST_ROW_GAP / 2 if self.arrow_y is None else self.arrow_y
        for p in range(len(d.participants)):
            while self.stacks[p]:
                self.pop(p, close)
        bottom = end
        for p, (w, h) in zip(d.participants, self.sizes):
            stop = self.life_end[p.index]
            if stop is None:
                if d.footer:
                    x = self.cx[p.index] - w / 2
                    out.heads.append(Head(p.index, p.kind, "bottom", x, end, w, h,
                                          self._head_label(p.index, x, end), p.link))
                    bottom = max(bottom, end + h)
                    stop = end
                else:
                    stop = end - C.LAST_ROW_GAP + C.LIFELINE_TAIL
                    bottom = max(bottom, stop)
            self._lifeline(p.index, self.life_start[p.index], stop)
        self._finish(bottom)
        return out

    def _lifeline(self, p: int, y1: float, y2: float) -> None:
        x = self.cx[p]
        gaps = self.out.gaps
        if len(gaps) * len(self.cx) > MAX_DELAY_SEGMENTS:
            gaps = []  # absurdly many delays: plain lifelines keep the output linear
        for g in gaps:
            if g.y2 <= y1 or g.y1 >= y2:
                continue
            if g.y1 > y1:
                self.out.lifelines.append(Lifeline(p, x, y1, g.y1, "line"))
            self.out.lifelines.append(Lifeline(p, x, max(y1, g.y1), min(y2, g.y2), "delay"))
            y1 = g.y2
        if y2 > y1:
            self.out.lifelines.append(Lifeline(p, x, y1, y2, "line"))

    def _finish(self, bottom: float) -> None:
        out = self.out
        xs: list[float] = []
        for hd in out.heads:
            xs += (hd.x, hd.x + hd.w, hd.label.x - hd.label.width / 2,
                   hd.label.x + hd.label.width / 2)
        for a in out.arrows:
            xs += (a.hit[0], a.hit[0] + a.hit[2])
        for nb in out.notes:
            xs += (nb.x, nb.x + nb.w)
        for fr in out.frames:
            xs += (fr.x, fr.x + fr.w)
        for r in out.rules:
            xs += (r.x1, r.x2)
        for g in out.gaps:
            xs += (g.label.x - g.label.width / 2, g.label.x + g.label.width / 2)
        for b in out.bars:
            xs += (b.x, b.x + b.w)
        lo, hi = (min(xs), max(xs)) if xs else (0.0, 0.0)
        lo, hi = self._edge_room(lo, hi)
        content = hi - lo
        title_w = out.title.width + C.TEXT_SLACK if out.title else 0.0
        width = max(content, title_w) + 2 * C.MARGIN
        dx = C.MARGIN - lo + max(0.0, (title_w - content) / 2)
        _shift(out, dx)
        self._edge_ends(width)
        if out.title and width > C.TITLE_CENTRE_MAX:
            out.title.x, out.title.anchor = C.MARGIN, "start"
        elif out.title:
            out.title.x = width / 2
        out.width = round(width, 2)
        out.height = round(bottom + C.MARGIN, 2)


def _shift(out: Layout, dx: float) -> None:
    """Move every x coordinate of ``out`` by ``dx`` (one explicit pass: this runs per element)."""
    for h in out.heads:
        h.x += dx
        h.label.x += dx
    for ln in out.lifelines:
        ln.x += dx
    for b in out.bars:
        b.x += dx
    for a in out.arrows:
        a.x1 += dx
        a.x2 += dx
        if a.loop_x is not None:
            a.loop_x += dx
        a.label.x += dx
        if a.badge is not None:
            a.badge.x += dx
        hx, hy, hw, hh = a.hit
        a.hit = (hx + dx, hy, hw, hh)
    for n in out.notes:
        n.x += dx
        n.text.x += dx
    for f in out.frames:
        f.x += dx
        f.keyword.x += dx
        f.label.x += dx
        for sep in f.separators:
            sep.label.x += dx
    for r in out.rules:
        r.x1 += dx
        r.x2 += dx
        r.label.x += dx
    for g in out.gaps:
        g.label.x += dx
    for c in out.crosses:
        c.x += dx


def layout(d: Diagram) -> Layout:
    """Position every element of ``d``."""
    return _Engine(d).run()
