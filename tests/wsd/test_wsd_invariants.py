"""Layout invariants on generated diagrams (hypothesis)."""

from __future__ import annotations

import wsd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wsd import constants as C
from wsd.layout import Layout
from wsd.model import ParallelEnd, ParallelStart
from wsd.textmetrics import text_width

NAMES = ["A", "B", "nova-api", "Compute", "计算节点", "DB", "x"]
WORDS = ["call", "reply", "task_state = REBOOTING", "重启", "POST /v2.1/servers", "数据库",
         "a", "", "long message label with several words", "multi\\nline", "ÉÀ", "W" * 12,
         "a long label that wraps over several lines because it is much wider than any gap",
         "计算节点把实例的任务状态改为重启中，然后调用虚拟化驱动完成重启",
         "mixed 混合文本 with nova/compute/manager.py:ComputeManager._reboot_instance 和中文",
         "x" * 90]
EPS = 0.02
ARROWS = ["->", "-->", "->>", "-->>", "<->", "<-->"]


@st.composite
def edge_message(draw, names: list[str], text: str) -> str:
    """``[->A``, ``]->A``, ``A->]`` or ``A->[``, with any arrow and the markers each allows."""
    a = draw(st.sampled_from(names))
    arrow = draw(st.sampled_from(ARROWS))
    side = draw(st.sampled_from(["[", "]"]))
    if draw(st.booleans()):
        return f"{side}{arrow}{draw(st.sampled_from(['', '+']))}{a}: {text}"
    return f"{a}{arrow}{draw(st.sampled_from(['', '-']))}{side}: {text}"


@st.composite
def parallel_block(draw, names: list[str]) -> list[str]:
    """``parallel {`` ... ``}`` or ``parallel on`` ... ``off`` around messages (edge and self ones too)."""
    body = []
    for _ in range(draw(st.integers(0, 5))):
        text = draw(st.sampled_from(WORDS))
        how = draw(st.integers(0, 4))
        if how == 0:
            body.append(draw(edge_message(names, text)))
        elif how == 1:
            body.append(f"activate {draw(st.sampled_from(names))}")
        else:
            a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
            marker = draw(st.sampled_from(["", "", "+", "-"]))
            body.append(f"{a}{draw(st.sampled_from(ARROWS))}{marker}{b}: {text}")
    if draw(st.booleans()):
        return ["parallel {"] + ["  " + ln for ln in body] + ["}"]
    return ["parallel on"] + body + ["parallel off"]



@st.composite
def diagrams(draw) -> str:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    lines = []
    if draw(st.booleans()):
        lines.append("title " + draw(st.sampled_from(WORDS[:6] + ["标题"])) + " T")
    if draw(st.booleans()):
        lines.append("autonumber")
    for n in names:
        kind = draw(st.sampled_from(["participant", "actor", "participant:database"]))
        lines.append(f'{kind} "{n}" as {n}')
    depth = 0
    for _ in range(draw(st.integers(0, 25))):
        what = draw(st.integers(0, 14))
        a = draw(st.sampled_from(names))
        b = draw(st.sampled_from(names))
        text = draw(st.sampled_from(WORDS))
        if what <= 4:
            arrow = draw(st.sampled_from(["->", "-->", "->>", "-->>", "<->", "<-->"]))
            marker = draw(st.sampled_from(["", "", "+", "-", "*"]))
            lines.append(f"{a}{arrow}{marker}{b}: {text}")
            if marker == "*" and draw(st.booleans()):
                lines.append(f"destroy {b}")
        elif what == 5:
            pos = draw(st.sampled_from(["left of", "right of", "over"]))
            lines.append(f"note {pos} {a}: {text}")
        elif what == 6:
            lines.append(f"note over {a},{b}: {text}")
        elif what == 7:
            lines.append(draw(st.sampled_from(["alt", "opt", "loop", "par", "group"])) + " " + text)
            depth += 1
        elif what == 8 and depth:
            lines.append("end")
            depth -= 1
        elif what == 8:
            lines.append(f"state over {a}: {text}")
        elif what == 9:
            lines.append(draw(st.sampled_from([f"activate {a}", f"deactivate {a}"])))
        elif what == 10:
            lines.append(draw(st.sampled_from(["== " + text + " ==", "...", "..." + text + "..."])))
        elif what == 11 and depth:
            lines.append("else " + draw(st.sampled_from(["", "#pink ", "#a0c4ff "])) + text)
        elif what == 13:
            lines.append(draw(edge_message(names, text)))
        elif what == 14:
            lines += draw(parallel_block(names))
        else:
            lines.append(f"ref over {a}: {text}")
    lines += ["end"] * depth
    return "\n".join(lines) + "\n"


def _rows(text: str) -> dict[int, int]:
    """Event index -> parallel row number, for the events inside ``parallel`` rows."""
    rows: dict[int, int] = {}
    row = None
    for k, ev in enumerate(wsd.parse_diagram(text).events):
        if isinstance(ev, ParallelStart):
            row = k
        elif isinstance(ev, ParallelEnd):
            row = None
        elif row is not None:
            rows[k] = row
    return rows


def _label_box(a) -> tuple[float, float, float, float]:
    """x1, y1, x2, y2 of a message's label with its badge."""
    t = a.label
    left = t.x - t.width / 2 if t.anchor == "middle" else t.x
    x1 = min(left, a.badge.x) if a.badge else left
    return x1, t.y - C.ASCENT, left + t.width, t.y - C.ASCENT + t.height


def _check(lay: Layout, text: str) -> None:
    rows = _rows(text)
    heads = sorted((h for h in lay.heads if h.where != "bottom"), key=lambda h: h.participant)
    centre = {h.participant: h.x + h.w / 2 for h in heads}
    # participants left to right without overlap
    for h1, h2 in zip(heads, heads[1:]):
        assert h1.x + h1.w <= h2.x + EPS, (h1, h2)
    # each message horizontal, between its lifeline centres, pointing the right way
    tol = C.ACT_W / 2 + 25 * C.ACT_NEST_DX
    for a in lay.arrows:
        if a.edge:  # from or to the diagram's edge: from the margin to the lifeline (or its bars)
            assert a.y1 == a.y2
            outer = C.MARGIN if a.edge.endswith("left") else lay.width - C.MARGIN
            inner = a.x2 if a.edge.startswith("from-") else a.x1
            assert abs((a.x1 if a.edge.startswith("from-") else a.x2) - outer) < EPS, (a, text)
            assert abs(inner - centre[a.src]) <= tol, (a, text)
            assert (outer - inner) * (1 if a.edge.endswith("right") else -1) >= C.EDGE_MIN_LEN - EPS
            assert a.label.y - C.ASCENT + a.label.height <= a.y1 + EPS
            continue
        if a.src == a.dst:
            assert a.y2 > a.y1 and a.loop_x is not None and a.loop_x > a.x1
            continue
        assert a.y1 == a.y2
        c1, c2 = centre[a.src], centre[a.dst]
        assert min(c1, c2) - tol <= min(a.x1, a.x2) and max(a.x1, a.x2) <= max(c1, c2) + tol
        assert (a.x2 - a.x1) * (c2 - c1) > 0
        # the label wraps: it reaches past its lifelines by at most LABEL_OVERHANG in all
        assert a.label.width + (a.badge.w if a.badge else 0) <= abs(c2 - c1) + C.LABEL_OVERHANG
        assert a.label.width <= C.LABEL_MAX + EPS
        # ... and sits on its own row, above its arrow
        assert a.label.y - C.ASCENT + a.label.height <= a.y1 + EPS
    # messages in source order, top to bottom; only the messages of one parallel row share a y
    order = sorted(lay.arrows, key=lambda a: a.index)
    ys = [a.y1 for a in order]
    assert ys == sorted(ys), text
    for a1, a2 in zip(order, order[1:]):
        same_row = a1.index in rows and rows[a1.index] == rows.get(a2.index)
        assert (a1.y1 == a2.y1) == same_row, (a1, a2, text)
    # labels in a parallel row never overlap (they stack instead)
    by_row: dict[int, list] = {}
    for a in order:
        if a.index in rows and (a.label.width or a.badge):
            by_row.setdefault(rows[a.index], []).append(_label_box(a))
    for boxes in by_row.values():
        for i, (x1, y1, x2, y2) in enumerate(boxes):
            for u1, v1, u2, v2 in boxes[:i]:
                assert x2 <= u1 + EPS or u2 <= x1 + EPS or y2 <= v1 + EPS or v2 <= y1 + EPS, (boxes, text)
    # notes do not overlap each other
    notes = sorted(lay.notes, key=lambda n: n.y)
    for n1, n2 in zip(notes, notes[1:]):
        assert n1.y + n1.h <= n2.y + EPS
    # text boxes are wide enough for their text
    for h in lay.heads:
        need = max(text_width(ln, C.FONT_SIZE, True) for ln in h.label.lines)
        assert abs(need - h.label.width) < EPS
        if h.kind != "actor":
            assert h.w >= need + 2 * C.PART_PAD_X
    for n in lay.notes:
        need = max(text_width(ln, C.FONT_SIZE) for ln in n.text.lines)
        assert n.w >= need + 2 * C.NOTE_PAD_X
        assert n.h >= len(n.text.lines) * C.LINE_HEIGHT + 2 * C.NOTE_PAD_Y
    for n in lay.notes:  # wrapped note text stays inside its box (CJK included)
        left = n.text.x - n.text.width / 2 if n.text.anchor == "middle" else n.text.x
        assert n.x - EPS <= left and left + n.text.width <= n.x + n.w + EPS, (n, text)
        assert n.text.y - C.ASCENT + n.text.height <= n.y + n.h + EPS
    for f in lay.frames:
        assert f.w >= f.tab_w - EPS and f.tab_w >= f.keyword.width + 2 * C.GROUP_TAB_PAD
        # conditions and else labels wrap inside the frame
        for t in [f.label] + [s.label for s in f.separators]:
            if t.width:
                assert f.x <= t.x and t.x + t.width <= f.x + f.w + EPS, (f, text)
                assert t.width <= C.FRAME_LABEL_WRAP + EPS
    # everything inside the view box
    boxes = [(h.x, h.y, h.w, h.h) for h in lay.heads]
    boxes += [(n.x, n.y, n.w, n.h) for n in lay.notes]
    boxes += [(f.x, f.y, f.w, f.h) for f in lay.frames]
    boxes += [a.hit for a in lay.arrows]
    boxes += [(b.x, b.y1, b.w, b.y2 - b.y1) for b in lay.bars]
    boxes += [(r.x1, r.y - r.box_h / 2, r.x2 - r.x1, r.box_h) for r in lay.rules]
    texts = [h.label for h in lay.heads] + [a.label for a in lay.arrows] + \
        [n.text for n in lay.notes] + [g.label for g in lay.gaps]
    if lay.title:
        texts.append(lay.title)
    for t in texts:
        if not t.width:
            continue
        left = t.x - t.width / 2 if t.anchor == "middle" else t.x
        boxes.append((left, t.y - C.ASCENT, t.width, t.height))
    for x, y, w, h in boxes:
        assert -EPS <= x and x + w <= lay.width + EPS, ((x, y, w, h), lay.width, text)
        assert -EPS <= y and y + h <= lay.height + EPS, ((x, y, w, h), lay.height, text)
    for ln in lay.lifelines:
        assert 0 <= ln.x <= lay.width and 0 <= ln.y1 <= ln.y2 <= lay.height
    # a cross never sits on a head box of its participant (destroy right after '->*')
    for c in lay.crosses:
        for h in lay.heads:
            if h.participant == c.participant:
                assert c.y + C.DESTROY_R <= h.y + EPS or c.y - C.DESTROY_R >= h.y + h.h - EPS, (c, h, text)
    # a frame's bottom leaves its gap under every arrow inside it
    for f in lay.frames:
        for a in lay.arrows:
            low = max(a.y1, a.y2)
            if f.y < a.y1 < f.y + f.h:
                assert f.y + f.h >= low + C.GROUP_BOTTOM_GAP - EPS, (f.y + f.h, low, text)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_layout_invariants(text: str) -> None:
    _check(wsd.build_layout(text), text)


def test_invariants_hold_on_every_golden() -> None:
    from wsd_golden import CASES, read_source
    for src in sorted(CASES.glob("*.wsd")):
        text = read_source(src)
        _check(wsd.build_layout(text), text)
