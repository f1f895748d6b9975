"""Positioned model + theme -> SVG text.

Sees only :class:`~wsd.positioned.Layout` (never the syntax). Output is
deterministic: fixed element and attribute order, one number format
(at most two decimals), ids all under the caller's prefix, every label and
URL XML-escaped. Colours come from a scoped style sheet that declares the
plain light colour first and then ``var(--wsd-*, light)``, so renderers
without custom properties still draw the light theme.
"""

from __future__ import annotations

from . import constants as C
from .model import Link
from .positioned import Arrow, Frame, Head, Layout, NoteBox, Text
from .textmetrics import FONT_FAMILY
from .theme import fallback, ink_for, var

__all__ = ["render_svg", "num", "esc"]

_NUMS: dict[float, str] = {}
_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def esc(s: str) -> str:
    """Escape text for XML content and double-quoted attributes."""
    return s.translate(_ESC)


def num(v: float) -> str:
    """The one number format: at most two decimals, no trailing zeros, no ``-0``."""
    s = _NUMS.get(v)
    if s is None:
        s = f"{v:.2f}"
        if s.endswith("00"):
            s = s[:-3]
        elif s.endswith("0"):
            s = s[:-1]
        if s == "-0":
            s = "0"
        if len(_NUMS) >= 50_000:
            # Start over rather than stop caching: numbers repeat close together
            # (one row's y in its arrow, label and bars), so the hit rate, and the
            # time per event, stays the same however long the diagram is.
            _NUMS.clear()
        _NUMS[v] = s
    return s


def _needs_preserve(lines: list[str]) -> bool:
    """True if some line has leading or repeated spaces that SVG would otherwise collapse."""
    return any(ln.startswith(" ") or "  " in ln or ln.endswith(" ") for ln in lines)


# (class, [(property, slot or literal)]) : the style sheet, scoped under the svg's id.
_RULES: list[tuple[str, list[tuple[str, str]]]] = [
    ("text", [("fill", "@text")]),
    (".tt", [("fill", "@title"), ("font-weight", "bold")]),
    (".f", [("fill", "none"), ("stroke", "@frame-stroke"), ("stroke-width", "1.1")]),
    (".ft", [("fill", "@frame-tab"), ("stroke", "@frame-stroke"), ("stroke-width", "1.1")]),
    (".fk", [("fill", "@frame-text"), ("font-weight", "bold")]),
    (".fs", [("stroke", "@frame-stroke"), ("stroke-dasharray", "6 4")]),
    (".l", [("stroke", "@lifeline"), ("stroke-dasharray", "5 4")]),
    (".ld", [("stroke", "@lifeline"), ("stroke-dasharray", "1 5"), ("stroke-linecap", "round"),
             ("stroke-width", "2")]),
    (".a", [("fill", "@act-fill"), ("stroke", "@act-stroke")]),
    (".p", [("fill", "@part-fill"), ("stroke", "@part-stroke"), ("stroke-width", "1.3")]),
    (".pr", [("fill", "none"), ("stroke", "@part-stroke"), ("stroke-width", "1.3")]),
    (".pt", [("fill", "@part-text"), ("font-weight", "bold")]),
    (".af", [("fill", "@part-fill"), ("stroke", "@part-stroke"), ("stroke-width", "1.6"),
             ("stroke-linecap", "round"), ("stroke-linejoin", "round")]),
    (".m", [("fill", "none"), ("stroke", "@arrow"), ("stroke-width", "1.3")]),
    (".md", [("stroke-dasharray", "6 4")]),
    (".h", [("fill", "@arrow"), ("stroke", "@arrow"), ("stroke-width", "1"),
            ("stroke-linejoin", "round")]),
    (".ho", [("fill", "none"), ("stroke", "@arrow"), ("stroke-width", "1.3"),
             ("stroke-linecap", "round"), ("stroke-linejoin", "round")]),
    (".mt", [("fill", "@text"), ("paint-order", "stroke"), ("stroke", "@bg"),
             ("stroke-width", "3px"), ("stroke-linejoin", "round")]),
    (".fl", [("fill", "@frame-text"), ("font-style", "italic")]),
    (".b", [("fill", "@badge-fill")]),
    (".bt", [("fill", "@badge-text"), ("font-weight", "bold"), ("font-size", "11px")]),
    (".n", [("fill", "@note-fill"), ("stroke", "@note-stroke")]),
    (".nf", [("fill", "@note-fold"), ("stroke", "@note-stroke"), ("stroke-linejoin", "round")]),
    (".nt", [("fill", "@note-text")]),
    (".s", [("fill", "@state-fill"), ("stroke", "@state-stroke")]),
    (".st", [("fill", "@state-text")]),
    (".r", [("fill", "@ref-fill"), ("stroke", "@ref-stroke")]),
    (".rt", [("fill", "@ref-text")]),
    (".rk", [("fill", "@ref-text"), ("font-weight", "bold"), ("font-size", "11px")]),
    (".dl", [("stroke", "@divider"), ("stroke-width", "1")]),
    (".db", [("fill", "@divider-fill"), ("stroke", "@divider")]),
    (".dt", [("fill", "@frame-text"), ("font-weight", "bold")]),
    (".gt", [("fill", "@muted"), ("font-style", "italic")]),
    (".x", [("stroke", "@arrow"), ("stroke-width", "2"), ("stroke-linecap", "round")]),
    (".hit", [("fill", "transparent"), ("stroke", "none")]),
    ("a .mt", [("fill", "@link")]),
    # Linked boxes stay quiet until pointed at: a busy page of notes would
    # otherwise be a page of underlines. Messages carry the link colour.
    ("a:hover .nt,a:focus .nt,a:hover .st,a:focus .st,a:hover .rt,a:focus .rt,a:hover .pt,a:focus .pt",
     [("text-decoration", "underline dotted")]),
    ("a:hover .mt,a:focus .mt", [("fill", "@link-hover"), ("text-decoration", "underline")]),
    ("a:hover .m,a:focus .m", [("stroke", "@link")]),
    ("a:hover .h,a:focus .h", [("fill", "@link"), ("stroke", "@link")]),
    ("a:hover .ho,a:focus .ho", [("stroke", "@link")]),
    ("a:hover .p,a:focus .p,a:hover .n,a:focus .n,a:hover .s,a:focus .s,a:hover .r,a:focus .r",
     [("stroke-width", "2")]),
    ("a:hover .hit,a:focus .hit", [("fill", "@link"), ("fill-opacity", "0.07")]),
    ("a:focus", [("outline", "none")]),
]


def _style(prefix: str) -> str:
    global _STYLE
    if _STYLE is None:
        _STYLE = _style_template()
    return _STYLE.replace("#@ ", f"#{prefix} ")


_STYLE: str | None = None


def _style_template() -> str:
    prefix = "@"
    parts = []
    for sel, decls in _RULES:
        scoped = ",".join(f"#{prefix} {s.strip()}" for s in sel.split(","))
        body = []
        for prop, value in decls:
            if value.startswith("@"):
                slot = value[1:]
                body.append(f"{prop}:{fallback(slot)};{prop}:{var(slot)}")
            else:
                body.append(f"{prop}:{value}")
        parts.append(f"{scoped}{{{';'.join(body)}}}")
    return "\n".join(parts)


class _Writer:
    def __init__(self, prefix: str, step_prefix: str | None = None) -> None:
        self.prefix = prefix
        self.step_prefix = step_prefix
        self.o: list[str] = []

    def text(self, t: Text, cls: str, *, spaces: bool = False, on: str = "") -> None:
        """Draw ``t``; ``on`` is an author's fill under it (the ink then follows that fill)."""
        if not t.lines or t.lines == [""]:
            return
        anchor = ' text-anchor="middle"' if t.anchor == "middle" else ""
        size = "" if t.size == C.FONT_SIZE else f' font-size="{num(t.size)}"'
        if on:
            # Labels with a halo (class mt) get a halo of the fill, not of the page.
            halo = f";stroke:{on}" if "mt" in cls.split() else ""
            size += f' style="fill:{ink_for(on)}{halo}"'
        lines = t.lines
        if spaces and _needs_preserve(lines):
            size += ' xml:space="preserve"'
        if len(lines) == 1:
            self.o.append(f'<text class="{cls}" x="{num(t.x)}" y="{num(t.y)}"{anchor}{size}>'
                          f"{esc(lines[0])}</text>")
            return
        lh = t.height / len(lines)
        spans = "".join(f'<tspan x="{num(t.x)}" y="{num(t.y + i * lh)}">{esc(ln)}</tspan>'
                        for i, ln in enumerate(lines) if ln)
        self.o.append(f'<text class="{cls}"{anchor}{size}>{spans}</text>')

    def open_link(self, link: Link | None) -> None:
        if link is None:
            return
        href = esc(link.href)
        self.o.append(f'<a href="{href}" xlink:href="{href}">'
                      f"<title>{esc(link.tooltip or link.href)}</title>")

    def close_link(self, link: Link | None) -> None:
        if link is not None:
            self.o.append("</a>")

    # -- shapes -------------------------------------------------------------------
    def head(self, h: Head) -> None:
        self.open_link(h.link)
        x, y, w, hh = h.x, h.y, h.w, h.h
        paint = _paint(h.fill)
        if h.kind == "actor":
            cx = x + w / 2
            r = C.ACTOR_HEAD_R
            top = y + 1
            arm = C.ACTOR_FIG_W / 2
            self.o.append(
                f'<g class="af"{paint}><circle cx="{num(cx)}" cy="{num(top + r)}" r="{r}"/>'
                f'<path d="M{num(cx)} {num(top + 2 * r)}V{num(top + 21)}'
                f'M{num(cx - arm)} {num(top + 14)}H{num(cx + arm)}'
                f'M{num(cx - arm + 2)} {num(top + C.ACTOR_FIG_H - 2)}L{num(cx)} {num(top + 21)}'
                f'L{num(cx + arm - 2)} {num(top + C.ACTOR_FIG_H - 2)}"/></g>')
        elif h.kind == "database":
            cap = C.DB_CAP
            rx = w / 2
            self.o.append(
                f'<path class="p"{paint} d="M{num(x)} {num(y + cap)}A{num(rx)} {cap} 0 0 1 {num(x + w)} '
                f'{num(y + cap)}V{num(y + hh - cap)}A{num(rx)} {cap} 0 0 1 {num(x)} '
                f'{num(y + hh - cap)}Z"/>'
                f'<path class="pr" d="M{num(x)} {num(y + cap)}A{num(rx)} {cap} 0 0 0 '
                f'{num(x + w)} {num(y + cap)}"/>')
        else:
            self.o.append(f'<rect class="p"{paint} x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                          f'height="{num(hh)}" rx="{C.PART_RADIUS}"/>')
        # An actor's name is under the figure, on the page: only boxes give it a fill.
        self.text(h.label, "pt", on="" if h.kind == "actor" else h.fill)
        self.close_link(h.link)

    def arrow_head(self, x: float, y: float, d: int, open_head: bool, ink: str = "") -> None:
        bx = x - d * C.ARROW_LEN
        if open_head:
            style = f' style="stroke:{ink}"' if ink else ""
            self.o.append(f'<path class="ho"{style} d="M{num(bx)} {num(y - C.ARROW_HALF)}L{num(x)} '
                          f'{num(y)}L{num(bx)} {num(y + C.ARROW_HALF)}"/>')
        else:
            style = f' style="fill:{ink};stroke:{ink}"' if ink else ""
            self.o.append(f'<path class="h"{style} d="M{num(x)} {num(y)}L{num(bx)} '
                          f'{num(y - C.ARROW_HALF)}L{num(bx)} {num(y + C.ARROW_HALF)}Z"/>')

    def arrow(self, a: Arrow) -> None:
        if a.badge is not None:
            step = a.badge.number
            sid = f' id="{self.step_prefix}{step}"' if self.step_prefix else ""
            self.o.append(f'<g class="wsd-step" data-step="{step}"{sid}>')
        self.open_link(a.link)
        if a.link is not None:
            hx, hy, hw, hh = a.hit
            self.o.append(f'<rect class="hit" x="{num(hx)}" y="{num(hy)}" width="{num(hw)}" '
                          f'height="{num(hh)}" rx="3"/>')
        cls = "m md" if a.dotted else "m"
        # On an author's frame colour the arrow takes that colour's ink (an edge arrow
        # runs out of its frame onto the page, so it keeps the theme's colour).
        ink = ink_for(a.fill) if a.fill and not a.edge else ""
        line = f' style="stroke:{ink}"' if ink else ""
        inset = 0.0 if a.open_head else C.ARROW_LEN - 1
        if a.loop_x is None:
            d = 1 if a.x2 >= a.x1 else -1
            x1 = a.x1 + (d * inset if a.both_ends else 0)
            x2 = a.x2 - d * inset
            self.o.append(f'<path class="{cls}"{line} d="M{num(x1)} {num(a.y1)}H{num(x2)}"/>')
            self.arrow_head(a.x2, a.y2, d, a.open_head, ink)
            if a.both_ends:
                self.arrow_head(a.x1, a.y1, -d, a.open_head, ink)
        else:
            x1 = a.x1 + (inset if a.both_ends else 0)
            self.o.append(f'<path class="{cls}"{line} d="M{num(x1)} {num(a.y1)}H{num(a.loop_x)}'
                          f'V{num(a.y2)}H{num(a.x2 + inset)}"/>')
            self.arrow_head(a.x2, a.y2, -1, a.open_head, ink)
            if a.both_ends:
                self.arrow_head(a.x1, a.y1, -1, a.open_head, ink)
        if a.badge is not None:
            b = a.badge
            self.o.append(f'<rect class="b" x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" '
                          f'height="{num(b.h)}" rx="{num(b.h / 2)}"/>'
                          f'<text class="bt" x="{num(b.x + b.w / 2)}" '
                          f'y="{num(b.y + b.h / 2 + 4)}" text-anchor="middle">{b.number}</text>')
        self.text(a.label, "mt", on=a.fill)
        self.close_link(a.link)
        if a.badge is not None:
            self.o.append("</g>")

    def note(self, n: NoteBox) -> None:
        self.open_link(n.link)
        x, y, w, h = n.x, n.y, n.w, n.h
        paint, on = _paint(n.fill), n.fill
        if n.kind == "state":
            self.o.append(f'<rect class="s"{paint} x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                          f'height="{num(h)}" rx="{C.STATE_RADIUS}"/>')
            self.text(n.text, "st", spaces=True, on=on)
        elif n.kind == "ref":
            tw, th, cut = C.REF_TAB_W, C.REF_TAB_H, 5
            self.o.append(f'<rect class="r"{paint} x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                          f'height="{num(h)}"/>'
                          f'<path class="r" d="M{num(x)} {num(y)}H{num(x + tw)}'
                          f'V{num(y + th - cut)}L{num(x + tw - cut)} {num(y + th)}H{num(x)}Z"/>'
                          f'<text class="rk" x="{num(x + 6)}" y="{num(y + 12.5)}">ref</text>')
            self.text(n.text, "rt", spaces=True, on=on)
        elif n.kind in ("box", "rbox"):
            radius = f' rx="{C.RBOX_RADIUS}"' if n.kind == "rbox" else ""
            self.o.append(f'<rect class="n"{paint} x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                          f'height="{num(h)}"{radius}/>')
            self.text(n.text, "nt", spaces=True, on=on)
        elif n.kind == "abox":
            c = C.ABOX_CUT
            self.o.append(f'<path class="n"{paint} d="M{num(x + c)} {num(y)}H{num(x + w - c)}'
                          f'L{num(x + w)} {num(y + c)}V{num(y + h - c)}L{num(x + w - c)} {num(y + h)}'
                          f'H{num(x + c)}L{num(x)} {num(y + h - c)}V{num(y + c)}Z"/>')
            self.text(n.text, "nt", spaces=True, on=on)
        else:
            f = C.NOTE_FOLD
            self.o.append(f'<path class="n"{paint} d="M{num(x)} {num(y)}H{num(x + w - f)}'
                          f'L{num(x + w)} {num(y + f)}V{num(y + h)}H{num(x)}Z"/>'
                          f'<path class="nf" d="M{num(x + w - f)} {num(y)}V{num(y + f)}'
                          f'H{num(x + w)}Z"/>')
            self.text(n.text, "nt", spaces=True, on=on)
        self.close_link(n.link)

    def frame(self, f: Frame) -> None:
        """The frame's outline and else lines (drawn under everything)."""
        x, y, w, h = f.x, f.y, f.w, f.h
        self.o.append(f'<rect class="f"{_paint(f.fill)} x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                      f'height="{num(h)}" rx="2"/>')
        self.else_fills(f)
        for s in f.separators:
            self.o.append(f'<path class="fs" d="M{num(x)} {num(s.y)}H{num(x + w)}"/>')

    def else_fills(self, f: Frame) -> None:
        """``else #colour``: the branch from its separator down to the next one (or the frame's bottom)."""
        seps = f.separators
        for i, s in enumerate(seps):
            if s.fill:
                y2 = seps[i + 1].y if i + 1 < len(seps) else f.y + f.h
                self.o.append(f'<rect style="fill:{s.fill}" x="{num(f.x)}" y="{num(s.y)}" '
                              f'width="{num(f.w)}" height="{num(y2 - s.y)}"/>')

    def frame_labels(self, f: Frame) -> None:
        """The frame's tab and labels (drawn over lifelines and activation bars)."""
        x, y = f.x, f.y
        tw, th, cut = f.tab_w, f.tab_h, C.GROUP_TAB_CUT
        self.o.append(f'<path class="ft"{_paint(f.fill)} d="M{num(x)} {num(y)}H{num(x + tw)}V{num(y + th - cut)}'
                      f'L{num(x + tw - cut)} {num(y + th)}H{num(x)}Z"/>')
        self.text(f.keyword, "fk", on=f.fill)
        self.text(f.label, "fl mt", on=f.fill)
        for s in f.separators:
            self.text(s.label, "fl mt", on=s.fill or f.fill)

    def document(self, lay: Layout, title: str, desc: str) -> str:
        p = self.prefix
        o = self.o
        tops = [h for h in lay.heads if h.where == "top"]
        heads = (f' data-heads="{num(min(h.y for h in tops))} {num(max(h.y + h.h for h in tops))}"'
                 if tops else "")
        o.append(f'<svg xmlns="http://www.w3.org/2000/svg" '
                 f'xmlns:xlink="http://www.w3.org/1999/xlink" id="{p}" class="wsd" role="img"{heads} '
                 f'aria-labelledby="{p}-title {p}-desc" width="{num(lay.width)}" '
                 f'height="{num(lay.height)}" viewBox="0 0 {num(lay.width)} {num(lay.height)}" '
                 f'font-family="{esc(FONT_FAMILY)}" font-size="{C.FONT_SIZE}">')
        o.append(f'<title id="{p}-title">{esc(title)}</title>')
        o.append(f'<desc id="{p}-desc">{esc(desc)}</desc>')
        o.append(f"<style>\n{_style(p)}\n</style>")
        o.append('<g class="frames">')
        for f in lay.frames:
            self.frame(f)
        o.append('</g><g class="lifelines">')
        for ln in lay.lifelines:
            cls = "ld" if ln.style == "delay" else "l"
            o.append(f'<path class="{cls}" d="M{num(ln.x)} {num(ln.y1)}V{num(ln.y2)}"/>')
        o.append("</g>")
        for b in lay.bars:
            o.append(f'<rect class="a" x="{num(b.x)}" y="{num(b.y1)}" width="{num(b.w)}" '
                     f'height="{num(b.y2 - b.y1)}"/>')
        for f in lay.frames:
            self.frame_labels(f)
        for h in lay.heads:
            self.head(h)
        for n in lay.notes:
            self.note(n)
        for a in lay.arrows:
            self.arrow(a)
        for r in lay.rules:
            mid = (r.x1 + r.x2) / 2
            o.append(f'<path class="dl" d="M{num(r.x1)} {num(r.y - 2)}H{num(r.x2)}M{num(r.x1)} '
                     f'{num(r.y + 2)}H{num(r.x2)}"/>')
            if r.box_w:
                o.append(f'<rect class="db" x="{num(mid - r.box_w / 2)}" '
                         f'y="{num(r.y - r.box_h / 2)}" width="{num(r.box_w)}" '
                         f'height="{num(r.box_h)}" rx="4"/>')
                self.text(r.label, "dt")
        for g in lay.gaps:
            self.text(g.label, "gt mt")
        for c in lay.crosses:
            d = C.DESTROY_R
            o.append(f'<path class="x" d="M{num(c.x - d)} {num(c.y - d)}L{num(c.x + d)} '
                     f'{num(c.y + d)}M{num(c.x + d)} {num(c.y - d)}L{num(c.x - d)} '
                     f'{num(c.y + d)}"/>')
        if lay.title is not None:
            self.text(lay.title, "tt")
        o.append("</svg>\n")
        return "\n".join(o)


def _paint(fill: str) -> str:
    """An inline fill for an author's colour (beats the theme's class rules), or ""."""
    return f' style="fill:{fill}"' if fill else ""


def render_svg(lay: Layout, *, prefix: str, title: str, desc: str,
               step_prefix: str | None = None) -> str:
    """The SVG document for ``lay``; ``prefix`` is the root id that scopes all styles.

    Every numbered message is a ``<g class="wsd-step" data-step="N">``; with
    ``step_prefix`` it also gets ``id="<step_prefix>N"`` (a stable anchor).
    The root carries ``data-heads="top bottom"``: the y-range of the top
    participant heads (for a sticky header in the page).
    """
    return _Writer(prefix, step_prefix).document(lay, title, desc)
