"""Model -> positioned model: absolute boxes, lines and text, nothing else.

The result (:class:`Layout`) is plain slotted records that serialise to JSON
(:func:`to_dict`), which is what the golden tests store and what
:mod:`wsd.svg` draws. Layout is linear in the number of events: participant
centres come from one forward pass over distance constraints, and every
event takes its own row, so nothing needs pairwise overlap checks.
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

__all__ = ["Text", "Head", "Lifeline", "Bar", "Arrow", "Badge", "NoteBox", "Frame",
           "Separator", "Rule", "Gap", "Cross", "Layout", "layout", "to_dict", "measure"]


MAX_DELAY_SEGMENTS = 100_000  # beyond this many lifeline x delay pieces, delays are not dotted


def measure(text: str, size: float = C.FONT_SIZE, bold: bool = False) -> tuple[list[str], float]:
    """Split ``text`` into lines and measure the widest one (px)."""
    if "\n" not in text:
        return [text], text_width(text, size, bold)
    lines = text.split("\n")
    return lines, max(text_width(ln, size, bold) for ln in lines)


def _text(text: str, x: float, top: float, anchor: str = "middle", size: float = C.FONT_SIZE,
          bold: bool = False, line_h: float = C.LINE_HEIGHT) -> Text:
    lines, w = measure(text, size, bold)
    return Text(x, top + C.ASCENT * size / C.FONT_SIZE, lines, anchor, size, bold, w,
                len(lines) * line_h)


def _badge_w(number: int | None) -> float:
    if number is None:
        return 0.0
    return max(C.BADGE_H, text_width(str(number), C.SMALL_SIZE, True) + 2 * C.BADGE_PAD)


def _head_size(kind: str, label: str) -> tuple[float, float]:
    lines, tw = measure(label, C.FONT_SIZE, True)
    th = len(lines) * C.LINE_HEIGHT
    if kind == "actor":
        return max(C.ACTOR_FIG_W + 16, tw + C.TEXT_SLACK), C.ACTOR_FIG_H + C.ACTOR_LABEL_GAP + th
    w = max(C.PART_MIN_W, tw + 2 * C.PART_PAD_X + C.TEXT_SLACK)
    h = th + 2 * C.PART_PAD_Y
    if kind == "database":
        h += 2 * C.DB_CAP
    return w, h


def _note_size(note: Note) -> tuple[float, float, Text]:
    anchor = "middle" if note.kind == "state" else "start"
    t = _text(note.text, 0, 0, anchor)
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


def _centres(d: Diagram, sizes: list[tuple[float, float]],
             note_sizes: dict[int, tuple[float, float, Text]]) -> list[float]:
    """Participant centres from left-to-right distance constraints, in one forward pass."""
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
    for k, ev in enumerate(d.events):
        if isinstance(ev, Message):
            _, lw = measure(ev.label)
            if ev.number is not None:
                lw += _badge_w(ev.number) + C.BADGE_GAP
            if ev.src == ev.dst:
                want(ev.src, ev.src + 1, max(C.SELF_W + C.ACT_W + C.ARROW_LEN,
                                             C.ACT_W + C.SELF_LABEL_DX + lw + C.MSG_LABEL_PAD))
            else:
                dist = lw + 2 * C.MSG_LABEL_PAD + C.ACT_W
                if ev.create:
                    dist = max(dist, sizes[ev.dst][0] / 2 + C.CREATE_GAP + C.ARROW_LEN + 30)
                want(ev.src, ev.dst, dist)
        elif isinstance(ev, Note):
            w = note_sizes[k][0]
            ps = ev.participants
            if ev.position == "right":
                want(ps[0], ps[0] + 1, C.ACT_W + C.NOTE_GAP + w + C.NOTE_GAP)
            elif ev.position == "left":
                want(ps[0] - 1, ps[0], C.ACT_W + C.NOTE_GAP + w + C.NOTE_GAP)
            else:
                lo, hi = min(ps), max(ps)
                if lo == hi:
                    want(lo - 1, lo, w / 2 + C.NOTE_GAP)
                    want(lo, lo + 1, w / 2 + C.NOTE_GAP)
                else:
                    want(lo, hi, w - 2 * C.NOTE_OVERHANG)
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


class _FrameState:
    __slots__ = ("start", "depth", "x1", "x2", "seps", "tab_y", "label_h")

    def __init__(self, start: GroupStart, depth: int, tab_y: float) -> None:
        self.start = start
        self.depth = depth
        self.x1 = float("inf")
        self.x2 = float("-inf")
        self.seps: list[tuple[float, str]] = []
        self.tab_y = tab_y
        self.label_h = 0.0


class _Engine:
    """The vertical pass: walks events top to bottom with a y cursor."""

    def __init__(self, d: Diagram) -> None:
        self.d = d
        self.out = Layout(0, 0, None)
        n = len(d.participants)
        self.sizes = [_head_size(p.kind, p.label) for p in d.participants]
        self.note_sizes = {k: _note_size(ev) for k, ev in enumerate(d.events)
                           if isinstance(ev, Note)}
        self.cx = _centres(d, self.sizes, self.note_sizes)
        self.stacks: list[list[float]] = [[] for _ in range(n)]
        self.life_start = [0.0] * n
        self.life_end: list[float | None] = [None] * n
        self.frames: list[_FrameState] = []
        self.last_y: float | None = None          # arrow y of the previous event if a message
        self.last_pair: tuple[int, int] = (-1, -1)
        self.arrow_y: float | None = None          # y of the last arrow drawn (bars left open end there)
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
        lines, tw = measure(label)
        lh = len(lines) * C.LINE_HEIGHT
        top = self.y
        if m.src == m.dst:
            self.self_message(k, m, lines, tw, lh, badge_w)
            return
        side = 1 if self.cx[m.dst] > self.cx[m.src] else -1
        ay = top + lh + C.MSG_LABEL_GAP
        head = None
        if m.create:
            w, h = self.sizes[m.dst]
            ay = max(ay, top + h / 2)
        x1 = self.edge(m.src, side)
        if m.create:
            x2 = self.cx[m.dst] - side * (self.sizes[m.dst][0] / 2 + C.CREATE_GAP)
        elif m.activate:
            x2 = self.edge(m.dst, -side, len(self.stacks[m.dst]) + 1)
        else:
            x2 = self.edge(m.dst, -side)
        total = tw + (badge_w + C.BADGE_GAP if badge_w else 0)
        mid = (x1 + x2) / 2
        left = mid - total / 2
        badge = None
        if badge_w:
            badge = Badge(left, top + (C.LINE_HEIGHT - C.BADGE_H) / 2, badge_w, C.BADGE_H,
                          m.number or 0)
            text = _text(label, left + badge_w + C.BADGE_GAP, top, "start")
        else:
            text = _text(label, mid, top, "middle")
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
        x1 = self.edge(p, 1)
        left = x1 + C.SELF_LABEL_DX
        badge = None
        if badge_w:
            badge = Badge(left, top + (C.LINE_HEIGHT - C.BADGE_H) / 2, badge_w, C.BADGE_H,
                          m.number or 0)
            text = _text(m.label, left + badge_w + C.BADGE_GAP, top, "start")
        else:
            text = _text(m.label, left, top, "start")
        total = tw + (badge_w + C.BADGE_GAP if badge_w else 0)
        y1 = top + lh + C.MSG_LABEL_GAP
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
            if lo != hi:
                w = max(w, hi - lo + 2 * C.NOTE_OVERHANG)
            x = (lo + hi) / 2 - w / 2
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

    def group_start(self, g: GroupStart) -> None:
        f = _FrameState(g, len(self.frames), self.y)
        kw, _ = measure(g.kind)
        lines, lw = measure(g.label) if g.label else ([], 0.0)
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
        h = len(g.label.split("\n")) * C.LINE_HEIGHT if g.label else 0
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
        label_text = "" if is_group else (f"[{g.label}]" if g.label else "")
        label = _text(label_text, x1 + tab_w + C.GROUP_LABEL_GAP, f.tab_y + 2, "start")
        need = tab_w + (C.GROUP_LABEL_GAP + label.width + C.GROUP_TAB_PAD if label_text else 0)
        seps = []
        for sy, stext in f.seps:
            t = _text(f"[{stext}]" if stext else "", x1 + C.GROUP_TAB_PAD, sy + 2, "start")
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

    # -- whole diagram ------------------------------------------------------------
    def _head_label(self, p: int, x: float, y: float) -> Text:
        part = self.d.participants[p]
        w, h = self.sizes[p]
        if part.kind == "actor":
            return _text(part.label, x + w / 2, y + C.ACTOR_FIG_H + C.ACTOR_LABEL_GAP, bold=True)
        top = y + C.PART_PAD_Y + (C.DB_CAP * 1.5 if part.kind == "database" else 0)
        return _text(part.label, x + w / 2, top, bold=True)

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
        others = {Activation: self.activation, GroupStart: self.group_start,
                  GroupElse: self.group_else, GroupEnd: lambda _ev: self.group_end(),
                  Divider: self.divider, Delay: self.delay, Destroy: self.destroy,
                  Space: self.space}
        for k, ev in enumerate(d.events):
            kind = type(ev)
            if kind is Message:
                message(k, ev)  # type: ignore[arg-type]
            elif kind is Note:
                note(k, ev)  # type: ignore[arg-type]
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
        content = hi - lo
        title_w = out.title.width + C.TEXT_SLACK if out.title else 0.0
        width = max(content, title_w) + 2 * C.MARGIN
        dx = C.MARGIN - lo + max(0.0, (title_w - content) / 2)
        _shift(out, dx)
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
