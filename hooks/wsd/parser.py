"""Diagram text -> a flat list of syntax statements, each with its line and column.

The parser knows the shape of every WebSequenceDiagrams statement but nothing
of their meaning (that is :mod:`wsd.builder`). It never stops at the first
problem: every line that does not parse is reported to the
:class:`~wsd.errors.Reporter` and reading goes on.

Link directives live in comments so that files still render on
websequencediagrams.com::

    # linkbase: https://opendev.org/openstack/nova/src/branch/stable/2026.1/
    # link: nova/compute/api.py#L3623 API.reboot

``# link: TARGET [tooltip]`` attaches to the next participant declaration,
message, note, state or ref; a TARGET without a URL scheme is joined to the
last ``# linkbase:``.
"""

from __future__ import annotations

import re

from .errors import Reporter
from .model import Link
from .theme import named_colour

__all__ = ["parse", "split_lines", "Name", "MAX_BYTES", "MAX_STATEMENTS"]

MAX_BYTES = 2_000_000        # larger sources are refused
MAX_STATEMENTS = 50_000      # more statements than this are refused
MAX_SPACE = 1_000            # largest 'space N' accepted (pixels)

ARROWS = ("<-->", "<->", "-->>", "->>", "-->", "->")
GROUP_KINDS = ("alt", "opt", "loop", "par", "group", "break", "critical")
BLOCK_KINDS = ("note", "state", "ref", "box", "rbox", "abox")
PARTICIPANT_TYPES = {"participant": "participant", "actor": "actor", "database": "database"}
SAFE_SCHEMES = ("http", "https", "mailto", "ftp")

_WORD = re.compile(r"[A-Za-z]+")
_DIRECTIVE = re.compile(r"#\s*(linkbase|link)\s*:(.*)$", re.IGNORECASE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_POSITION = re.compile(r"(left\s+of|right\s+of|over)(?=\s|$)", re.IGNORECASE)
_AS = re.compile(r"\s+as\s+")
_OPTION = re.compile(r"(\w+)\s*=\s*(\S+)$")
_DIVIDER = re.compile(r"==(.*)==$")
_END_BLOCK = re.compile(r"end\s+(note|state|ref|box|rbox|abox)$", re.IGNORECASE)
#: An arrow right after a keyword: the keyword is a participant's name (``database -> B: x``).
_ARROW_NEXT = re.compile(r"[ \t]*<?--?>>?")
#: A colour written after a name or frame keyword: ``#lightblue``, ``#9cf``, ``#a0c4ff``.
_COLOUR = re.compile(r"#([A-Za-z0-9]+)")
#: Options at the end of a participant declaration: `` order 10`` and `` #colour``.
_PART_OPTION = re.compile(r"(?:\s+order\s+(-?\d+)|\s+(#[A-Za-z0-9]+))\s*$", re.IGNORECASE)
_NOTE_COLOUR = re.compile(r"\s+(#[A-Za-z0-9]+)\s*$")
#: ``[`` and ``]`` in place of a participant: the diagram's left and right edges.
_EDGE_SIDES = {"[": "left", "]": "right"}


_MISSING_HINT = {
    "sender": " (write 'A->B: message')",
    "receiver": " (write 'A->B: message')",
    "participant for the note": " (write 'note over A,B: text')",
    "participant for the state": " (write 'state over A: text')",
    "participant for the ref": " (write 'ref over A,B: text')",
    "participant name": " (write 'participant \"Long name\" as X')",
}


class Name:
    """A participant reference as written: ``text`` without quotes, its column and length."""

    __slots__ = ("text", "column", "length")

    def __init__(self, text: str, column: int, length: int) -> None:
        self.text = text
        self.column = column
        self.length = length

    def __repr__(self) -> str:
        return f"Name({self.text!r}, {self.column}, {self.length})"


class Stmt:
    """One statement. ``kind`` names it; the other fields are used as each kind needs.

    kinds: title, autonumber, option, participant, message, activate, deactivate,
    destroy, note (block kind in ``sub``), group (group kind in ``sub``), else, end,
    divider, delay, space (pixels in ``text``), parallel (``{``, ``}``, ``on`` or ``off``
    in ``sub``). A message's ``sub`` is its edge (``from-left``... see
    :data:`wsd.model.EDGES`) or empty. ``colour`` is a resolved ``#rrggbb``
    or empty; ``order`` a participant's ``order N`` (None if not given).
    """

    __slots__ = ("kind", "line", "column", "length", "text", "sub", "names", "arrow", "markers",
                 "link", "colour", "order")

    def __init__(self, kind: str, line: int, column: int, length: int, text: str = "",
                 sub: str = "", names: tuple[Name, ...] = (), arrow: str = "",
                 markers: str = "", link: Link | None = None) -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.length = length
        self.text = text
        self.sub = sub
        self.names = names
        self.arrow = arrow
        self.markers = markers
        self.link = link
        self.colour = ""
        self.order: int | None = None

    def __repr__(self) -> str:
        return f"Stmt({self.kind!r}, line={self.line}, text={self.text!r})"


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR only (not on the other characters ``str.splitlines`` knows)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def unescape(text: str) -> str:
    """Turn the two characters ``\\n`` into a line break."""
    return text.replace("\\n", "\n")


def clip(text: str, limit: int = 40) -> str:
    """``text`` shortened for an error message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def join_link(base: str, target: str) -> str:
    """Join a scheme-less ``target`` to ``base`` with exactly one slash between them."""
    if not base or _SCHEME.match(target):
        return target
    if target.startswith(("#", "?")):
        return base + target
    return base.rstrip("/") + "/" + target.lstrip("/")


def _find_outside_quotes(s: str, chars: str, start: int = 0) -> int:
    """Index of the first of ``chars`` not inside double quotes, or -1."""
    quoted = False
    for i in range(start, len(s)):
        c = s[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c in chars:
            return i
    return -1


_ARROW_RE = re.compile(r"<?--?>>?|:")


def _find_arrow(s: str) -> tuple[int, str]:
    """Position and token of the first arrow before any unquoted colon, or (-1, "")."""
    if '"' not in s:
        m = _ARROW_RE.search(s)
        if m is None or m.group(0) == ":":
            return -1, ""
        tok = m.group(0)
        if tok.startswith("<") and not tok.endswith(">"):
            return -1, ""
        return m.start(), tok
    quoted = False
    for i, c in enumerate(s):
        if c == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif c == ":":
            break
        elif c in "-<":
            for tok in ARROWS:
                if s.startswith(tok, i):
                    return i, tok
    return -1, ""


class _Parser:
    """Line-by-line reader; see :func:`parse`."""

    def __init__(self, reporter: Reporter) -> None:
        self.rep = reporter
        self.out: list[Stmt] = []
        self.linkbase = ""
        self.pending: tuple[Link, int, int] | None = None

    # -- helpers -----------------------------------------------------------
    def name(self, raw: str, col: int, line: int, what: str) -> Name | None:
        """Parse a participant name (quoted or not) starting at ``col``."""
        if '"' not in raw:
            s = raw.strip()
            if s:
                lead = len(raw) - len(raw.lstrip())
                if "  " in s or "\t" in s:
                    return Name(" ".join(s.split()), col + lead, len(s))
                return Name(s, col + lead, len(s))
        lead = len(raw) - len(raw.lstrip())
        s = raw.strip()
        col += lead
        if not s:
            self.rep.error(line, col, f"missing {what}{_MISSING_HINT.get(what, '')}")
            return None
        if s.startswith('"'):
            if len(s) < 2 or not s.endswith('"') or '"' in s[1:-1]:
                self.rep.error(line, col,
                               f"badly quoted {what}: {clip(s)} (write it as \"Name\" with no quote inside)", len(s))
                return None
            inner = s[1:-1].strip()
            if not inner:
                self.rep.error(line, col, f"empty {what}", len(s))
                return None
            return Name(inner, col, len(s))
        if '"' in s:
            self.rep.error(line, col + s.index('"'), f"stray quote in {what}: {clip(s)}")
            return None
        return Name(" ".join(s.split()), col, len(s))

    def colour(self, token: str, line: int, col: int) -> str:
        """``#name`` or ``#hex`` as ``#rrggbb``; an error (and "") if it is no colour."""
        found = named_colour(token[1:])
        if found is None:
            self.rep.error(line, col, f"unknown colour '{clip(token)}' (use a name such as #lightblue "
                           "or a hex value such as #a0c4ff)", len(token))
            return ""
        return found

    def take_link(self) -> Link | None:
        if self.pending is None:
            return None
        link = self.pending[0]
        self.pending = None
        return link

    def emit(self, stmt: Stmt) -> None:
        self.out.append(stmt)

    # -- directives ----------------------------------------------------------
    def directive(self, m: re.Match[str], line: int, col: int) -> None:
        word = m.group(1).lower()
        value = m.group(2).strip()
        vcol = col + m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
        if word == "linkbase":
            if value and not self.check_scheme(value, line, vcol):
                return
            self.linkbase = value
            return
        if not value:
            self.rep.error(line, col, "'# link:' needs a target (write '# link: URL [tooltip]')", len(m.group(0)))
            return
        target, _, tooltip = value.partition(" ")
        if not self.check_scheme(target, line, vcol):
            return
        written, target = target, join_link(self.linkbase, target)
        if self.pending is not None:
            self.rep.warn(self.pending[1], self.pending[2],
                          "link is not followed by a participant, message, note, state or ref")
        self.pending = (Link(target, " ".join(tooltip.split()), written), line, col)

    def check_scheme(self, target: str, line: int, col: int) -> bool:
        m = _SCHEME.match(target)
        if m and m.group(1).lower() not in SAFE_SCHEMES:
            self.rep.error(line, col, f"unsupported link scheme '{m.group(1)}:' "
                           f"(use {', '.join(SAFE_SCHEMES)} or a relative target)", len(m.group(0)))
            return False
        return True

    # -- statements ----------------------------------------------------------
    def statement(self, s: str, line: int, col: int) -> str | None:
        """Parse one statement; return a block kind if a note/state/ref block opens."""
        if s.startswith("=="):
            m = _DIVIDER.match(s)
            if m and len(s) >= 4:
                self.emit(Stmt("divider", line, col, len(s), text=unescape(m.group(1).strip())))
                return None
        if s.startswith("..."):
            body = s[3:]
            if body.endswith("..."):
                body = body[:-3]
            self.emit(Stmt("delay", line, col, len(s), text=unescape(body.strip())))
            return None
        m = _WORD.match(s)
        if m:
            word = m.group(0).lower()
            rest = s[m.end():]
            kw_like = (not rest or rest[0] in " \t" or (rest[0] == ":" and word in PARTICIPANT_TYPES)
                       or (rest[0] == "{" and word == "parallel"))
            if kw_like and word in _KEYWORDS and not _ARROW_NEXT.match(rest):
                return _KEYWORDS[word](self, word, rest, s, line, col, m.end())
        self.message(s, line, col)
        return None

    def message(self, s: str, line: int, col: int) -> None:
        i, tok = _find_arrow(s)
        if i < 0:
            j = _find_outside_quotes(s, "-=<>")
            if j >= 0 and _find_outside_quotes(s, ":") > j:
                end = j
                while end < len(s) and s[end] in "-=<>~.x*+/\\|o":
                    end += 1
                self.rep.error(line, col + j, f"unknown arrow '{clip(s[j:end])}' "
                               f"(use ->, -->, ->>, -->>, <-> or <-->)", end - j)
            else:
                word = s.split()[0] if s.split() else s
                self.rep.error(line, col, f"cannot read this line: '{clip(word)}' is not a statement "
                               f"and the line has no arrow "
                               f"(write 'A->B: message', or start it with '#' to make it a comment)",
                               len(word))
            return
        src_edge = _EDGE_SIDES.get(s[:i].strip(), "")
        src = (Name(s[:i].strip(), col + len(s) - len(s.lstrip()), 1) if src_edge
               else self.name(s[:i], col, line, "sender"))
        j = i + len(tok)
        markers = ""
        while j < len(s) and s[j] in "+-* \t":
            if s[j] in "+-*":
                if s[j] in markers:
                    self.rep.error(line, col + j, f"repeated '{s[j]}' after the arrow")
                markers += s[j]
            j += 1
        colon = _find_outside_quotes(s, ":", j)
        dst_raw = s[j:colon] if colon >= 0 else s[j:]
        dst_edge = _EDGE_SIDES.get(dst_raw.strip(), "")
        dst = (Name(dst_raw.strip(), col + j + len(dst_raw) - len(dst_raw.lstrip()), 1) if dst_edge
               else self.name(dst_raw, col + j, line, "receiver"))
        text = unescape(s[colon + 1:].strip()) if colon >= 0 else ""
        if src is None or dst is None:
            return
        edge = ""
        if src_edge or dst_edge:
            edge = self.edge(src_edge, dst_edge, markers, dst, line, col + j - len(s[i + len(tok):j].lstrip()))
            if not edge:
                return
        stmt = Stmt("message", line, col, len(s), text=text, names=(src, dst), arrow=tok,
                    markers=markers, link=self.take_link())
        stmt.sub = edge
        self.emit(stmt)

    def edge(self, src_edge: str, dst_edge: str, markers: str, dst: Name, line: int,
             mark_col: int) -> str:
        """``from-left`` ... ``to-right`` for an edge message, or "" (and an error) if it cannot
        be one. ``mark_col`` is the column of the first marker after the arrow."""
        if src_edge and dst_edge:
            self.rep.error(line, dst.column, "a message needs a participant on at least one end "
                           "(write '[->A' or 'A->]')")
            return ""
        at = {m: mark_col + markers.index(m) for m in markers}
        if "*" in markers:
            self.rep.error(line, at["*"], "'*' (create) cannot be used on a message from or to the "
                           "diagram's edge (create the participant with a message from another one)")
            return ""
        if dst_edge and "+" in markers:
            self.rep.error(line, at["+"], "'+' activates the receiver, and the diagram's edge cannot "
                           "be activated (write '[->+A' to activate A)")
            return ""
        if src_edge and "-" in markers:
            self.rep.error(line, at["-"], "'-' deactivates the sender, and the diagram's edge is "
                           "not active (write 'A->-]' to end A's activation)")
            return ""
        return f"from-{src_edge}" if src_edge else f"to-{dst_edge}"

    def kw_title(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        text = rest.strip()
        if text.startswith(":"):
            text = text[1:].strip()
        if not text:
            self.rep.error(line, col, "title needs text (write 'title My diagram')", len(word))
            return
        self.emit(Stmt("title", line, col, len(s), text=unescape(text)))

    def kw_participant(self, word: str, rest: str, s: str, line: int, col: int,
                       end: int) -> None:
        kind = PARTICIPANT_TYPES[word]
        if rest.startswith(":"):
            m = re.match(r":(\w*)", rest)
            assert m is not None
            sub = m.group(1).lower()
            if sub in PARTICIPANT_TYPES:
                kind = PARTICIPANT_TYPES[sub]
            elif sub in ("boundary", "control", "entity", "collections", "queue"):
                self.rep.warn(line, col + end + 1, f"participant type '{sub}' is drawn as a box",
                              len(sub) or 1)
            else:
                self.rep.error(line, col + end + 1, f"unknown participant type '{clip(sub)}' "
                               "(use participant, actor or database)", len(sub) or 1)
                return
            end += m.end()
            rest = rest[m.end():]
        body = rest.strip()
        bcol = col + end + (len(rest) - len(rest.lstrip()))
        if not body:
            self.rep.error(line, col, f"'{word}' needs a name", end)
            return
        colour, order = "", None
        while (opt := _PART_OPTION.search(body)) is not None and opt.start() > 0:
            if opt.group(1) is not None:
                order = int(opt.group(1))
            else:
                colour = self.colour(opt.group(2), line, bcol + opt.start(2))
            body = body[:opt.start()]
        label_raw, alias_raw, acol = body, "", 0
        if body.startswith('"'):
            close = body.find('"', 1)
            if close < 0:
                self.rep.error(line, bcol, "unterminated quoted name", len(body))
                return
            label_raw = body[: close + 1]
            after = body[close + 1:]
            if after.strip():
                m2 = re.match(r"\s+as\s+(.*)$", after)
                if not m2:
                    self.rep.error(line, bcol + close + 1 + (len(after) - len(after.lstrip())),
                                   "expected 'as ALIAS' after the quoted name", len(after.strip()))
                    return
                alias_raw = m2.group(1)
                acol = bcol + close + 1 + m2.start(1)
        else:
            found = list(_AS.finditer(body))
            if found:
                m3 = found[-1]
                label_raw, alias_raw = body[: m3.start()], body[m3.end():]
                acol = bcol + m3.end()
        label = self.name(label_raw, bcol, line, "participant name")
        if label is None:
            return
        alias = self.name(alias_raw, acol, line, "alias") if alias_raw else label
        if alias is None:
            return
        stmt = Stmt("participant", line, col, len(s), text=unescape(label.text), sub=kind,
                    names=(alias,), link=self.take_link())
        stmt.colour, stmt.order = colour, order
        self.emit(stmt)

    def kw_autonumber(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        arg = rest.strip()
        if arg and arg.lower() != "off" and not arg.isdigit():
            self.rep.error(line, col + end + (len(rest) - len(rest.lstrip())),
                           f"autonumber takes a number or 'off', not '{clip(arg)}'", len(arg))
            return
        self.emit(Stmt("autonumber", line, col, len(s), text=arg.lower()))

    def kw_option(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        arg = rest.strip()
        m = _OPTION.match(arg)
        if not m:
            self.rep.error(line, col, "expected 'option NAME=VALUE' (for example 'option footer=none')", len(s))
            return
        self.emit(Stmt("option", line, col, len(s), text=m.group(2), sub=m.group(1).lower()))

    def kw_lifeline(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        target = self.name(rest, col + end, line, f"participant after '{word}'")
        if target is not None:
            self.emit(Stmt(word, line, col, len(s), names=(target,)))

    def kw_block(self, word: str, rest: str, s: str, line: int, col: int,
                 end: int) -> str | None:
        body = rest.lstrip()
        pcol = col + end + (len(rest) - len(body))
        m = _POSITION.match(body)
        if not m:
            self.rep.error(line, pcol, f"expected 'left of', 'right of' or 'over' after '{word}'",
                           max(1, len(body.split()[0]) if body.split() else 1))
            return None
        position = m.group(1).split()[0].lower()
        tcol = pcol + m.end()
        targets_raw = body[m.end():]
        colon = _find_outside_quotes(targets_raw, ":")
        text_raw = None
        if colon >= 0:
            text_raw = targets_raw[colon + 1:]
            targets_raw = targets_raw[:colon]
        colour = ""
        if (paint := _NOTE_COLOUR.search(targets_raw)) is not None:
            colour = self.colour(paint.group(1), line, tcol + paint.start(1))
            targets_raw = targets_raw[:paint.start()]
        names: list[Name] = []
        start = 0
        ok = True
        while True:
            comma = _find_outside_quotes(targets_raw, ",", start)
            piece = targets_raw[start:] if comma < 0 else targets_raw[start:comma]
            n = self.name(piece, tcol + start, line, f"participant for the {word}")
            if n is None:
                ok = False
            else:
                names.append(n)
            if comma < 0:
                break
            start = comma + 1
        if not ok:
            return None
        if position != "over" and len(names) > 1:
            self.rep.error(line, names[1].column,
                           f"a {word} {position} of a participant takes one participant; "
                           "use 'over A,B' to span several", names[1].length)
            return None
        link = self.take_link()
        if text_raw is None:
            self._block = Stmt("note", line, col, len(s), sub=word, text=position,
                               names=tuple(names), link=link)
            self._block.colour = colour
            return word
        stmt = Stmt("note", line, col, len(s), sub=word, text=unescape(text_raw.strip()),
                    names=tuple(names), arrow=position, link=link)
        stmt.colour = colour
        self.emit(stmt)
        return None

    def kw_group(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        body = rest.lstrip()
        colour = ""
        if (paint := _COLOUR.match(body)) is not None:
            colour = self.colour(paint.group(0), line, col + end + len(rest) - len(body))
            body = body[paint.end():]
        stmt = Stmt("group", line, col, end, sub=word, text=unescape(body.strip()))
        stmt.colour = colour
        self.emit(stmt)

    def kw_space(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        arg = rest.strip()
        if arg and not (arg.isdigit() and 0 < int(arg) <= MAX_SPACE):
            self.rep.error(line, col + end + (len(rest) - len(rest.lstrip())),
                           f"space takes a height in pixels from 1 to {MAX_SPACE}, not '{clip(arg)}'", len(arg))
            return
        self.emit(Stmt("space", line, col, len(s), text=arg))

    def kw_parallel(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        arg = rest.strip().lower()
        if arg not in ("{", "on", "off"):
            self.rep.error(line, col + end + (len(rest) - len(rest.lstrip())) if arg else col,
                           f"'parallel' takes '{{', 'on' or 'off'{f', not {clip(arg)!r}' if arg else ''} "
                           "(write 'parallel {' ... '}', or 'parallel on' ... 'parallel off')",
                           len(arg) if arg else len(word))
            return
        self.emit(Stmt("parallel", line, col, len(s), sub=arg))

    def kw_else(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        body = rest.lstrip()
        colour = ""
        if (paint := _COLOUR.match(body)) is not None:
            colour = self.colour(paint.group(0), line, col + end + len(rest) - len(body))
            body = body[paint.end():]
        stmt = Stmt("else", line, col, end, text=unescape(body.strip()))
        stmt.colour = colour
        self.emit(stmt)

    def kw_end(self, word: str, rest: str, s: str, line: int, col: int, end: int) -> None:
        closer = rest.strip().lower()
        if closer in BLOCK_KINDS:
            self.rep.error(line, col, f"'end {closer}' without an open {closer} block "
                           f"(remove it, or start the block with '{closer} over X')", len(s))
            return
        if closer and closer not in GROUP_KINDS:
            self.rep.error(line, col + end + (len(rest) - len(rest.lstrip())),
                           f"unknown closer 'end {clip(rest.strip())}' "
                           f"(use 'end', or 'end' plus the frame kind: alt, opt, loop, par, group)", len(rest.strip()))
            return
        self.emit(Stmt("end", line, col, len(s), sub=closer))

    # -- driver ---------------------------------------------------------------
    def run(self, text: str) -> list[Stmt]:
        lines = split_lines(text)
        block: str | None = None
        block_lines: list[str] = []
        for lineno, raw in enumerate(lines, 1):
            line = raw.rstrip()
            if block is not None:
                if _END_BLOCK.match(line.strip()) and line.strip().split()[-1].lower() == block:
                    head = self._block
                    stmt = Stmt("note", head.line, head.column, head.length, sub=head.sub,
                                text=unescape("\n".join(block_lines)), names=head.names,
                                arrow=head.text, link=head.link)
                    stmt.colour = head.colour
                    self.emit(stmt)
                    block, block_lines = None, []
                else:
                    block_lines.append(line.replace("\t", "    "))
                continue
            s = line.lstrip()
            if not s:
                continue
            col = len(line) - len(s) + 1
            if s == "}":  # closes a 'parallel {' (the builder matches them)
                self.emit(Stmt("parallel", lineno, col, 1, sub="}"))
                continue
            if s.startswith("#"):
                m = _DIRECTIVE.match(s)
                if m:
                    self.directive(m, lineno, col)
                continue
            if len(self.out) >= MAX_STATEMENTS:
                self.rep.error(lineno, col, f"too many statements (the limit is {MAX_STATEMENTS})")
                break
            block = self.statement(s, lineno, col)
        if block is not None:
            head = self._block
            self.rep.error(head.line, head.column,
                           f"{block} block is never closed (add 'end {block}' after its last line)", head.length)
        if self.pending is not None:
            self.rep.warn(self.pending[1], self.pending[2],
                          "link is not followed by a participant, message, note, state or ref")
        return self.out

    _block: Stmt


_KEYWORDS = {
    "title": _Parser.kw_title,
    "participant": _Parser.kw_participant,
    "actor": _Parser.kw_participant,
    "database": _Parser.kw_participant,
    "autonumber": _Parser.kw_autonumber,
    "option": _Parser.kw_option,
    "activate": _Parser.kw_lifeline,
    "deactivate": _Parser.kw_lifeline,
    "destroy": _Parser.kw_lifeline,
    "note": _Parser.kw_block,
    "state": _Parser.kw_block,
    "ref": _Parser.kw_block,
    "else": _Parser.kw_else,
    "end": _Parser.kw_end,
    "box": _Parser.kw_block,
    "rbox": _Parser.kw_block,
    "abox": _Parser.kw_block,
    "space": _Parser.kw_space,
    "parallel": _Parser.kw_parallel,
    **{k: _Parser.kw_group for k in GROUP_KINDS},
}


def parse(text: str, reporter: Reporter) -> list[Stmt]:
    """Parse ``text`` into statements, reporting every problem to ``reporter``."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "replace")) > MAX_BYTES:
        reporter.error(1, 1, f"diagram source is too large (the limit is {MAX_BYTES:,} bytes)")
        return []
    if text.startswith("\ufeff"):
        text = text[1:]
    return _Parser(reporter).run(text)
