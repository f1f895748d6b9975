"""Statements -> :class:`~wsd.model.Diagram`: names resolved, frames matched, steps numbered.

This is where meaning is checked. Forgiving cases (an ``else`` in a frame
that is not ``alt``/``par``, a frame left open at the end, ``end loop``
closing an ``alt``, ``deactivate`` of an inactive participant...) become
warnings; problems whose intent is unclear are errors.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import Reporter
from .model import (
    Activation,
    Delay,
    Destroy,
    Diagram,
    Divider,
    Event,
    GroupElse,
    GroupEnd,
    GroupStart,
    Message,
    Note,
    ParallelEnd,
    ParallelStart,
    Participant,
    Space,
)
from .parser import Name, Stmt, clip

__all__ = ["build", "MAX_DEPTH", "MAX_PARALLEL"]

MAX_DEPTH = 64   # deepest frame nesting accepted
MAX_PARALLEL = 64   # most messages one parallel row takes (its labels are stacked pairwise)
#: Statements that can share a parallel row (everything else takes rows of its own).
IN_PARALLEL = ("message", "activate", "deactivate", "participant", "autonumber", "option", "title")
_WHAT = {"note": "a {sub}", "group": "a frame ('{sub}')", "else": "'else'", "end": "'end'",
         "divider": "a divider", "delay": "a delay ('...')", "space": "'space'",
         "destroy": "'destroy'"}
FOOTERS = ("none", "box", "bar", "mirror")


class _P:
    """A participant while the diagram is being built."""

    __slots__ = ("index", "alias", "label", "kind", "link", "declared", "used", "created",
                 "destroyed", "warned_destroyed", "depth", "line", "colour", "order")

    def __init__(self, index: int, alias: str, label: str, line: int) -> None:
        self.index = index
        self.alias = alias
        self.label = label
        self.kind = "participant"
        self.link = None
        self.declared = False
        self.used = False
        self.created = False
        self.destroyed = 0
        self.warned_destroyed = False
        self.depth = 0
        self.line = line
        self.colour = ""
        self.order: int | None = None


class _Builder:
    def __init__(self, rep: Reporter) -> None:
        self.rep = rep
        self.parts: dict[str, _P] = {}
        self.order: list[_P] = []
        self.events: list[Event] = []
        self.title = ""
        self.title_line = 0
        self.number: int | None = None
        self.footer = True
        self.groups: list[tuple[str, int, int]] = []
        self.refused = 0              # frames refused for depth: their 'end' is swallowed
        self.last_message: int = -1   # index in events of a message that may absorb (de)activation
        self.parallel: tuple[str, int, int] | None = None   # open 'parallel {' / 'on': how, line, column
        self.row_messages = 0   # messages in the open parallel row

    def ref(self, name: Name, line: int, *, use: bool = True) -> _P:
        p = self.parts.get(name.text)
        if p is None:
            p = _P(len(self.order), name.text, name.text.replace("\\n", "\n"), line)
            self.parts[name.text] = p
            self.order.append(p)
        if p.destroyed and use and not p.warned_destroyed:
            p.warned_destroyed = True
            self.rep.warn(line, name.column, f"'{clip(name.text)}' is used after it was destroyed "
                          f"on line {p.destroyed}", name.length)
        return p

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.last_message = -1

    # -- statements ------------------------------------------------------------
    def participant(self, st: Stmt) -> None:
        alias = st.names[0]
        p = self.parts.get(alias.text)
        if p is not None and p.declared:
            self.rep.warn(st.line, alias.column, f"'{clip(alias.text)}' is already declared on line "
                          f"{p.line}; this declaration is ignored", alias.length)
            return
        p = self.ref(alias, st.line, use=False)
        p.declared = True
        p.label = st.text
        p.kind = st.sub
        p.link = st.link
        p.line = st.line
        p.colour = st.colour
        p.order = st.order

    def message(self, st: Stmt) -> None:
        src_n, dst_n = st.names
        if st.sub:  # an edge message: one participant, at the end that is not '[' or ']'
            src_n = dst_n = dst_n if st.sub.startswith("from-") else src_n
        src = self.ref(src_n, st.line)
        create = "*" in st.markers
        if create and dst_n.text in self.parts and self.parts[dst_n.text].used:
            self.rep.warn(st.line, dst_n.column, f"'{clip(dst_n.text)}' already exists, so it cannot "
                          "be created here; drawn as a plain message", dst_n.length)
            create = False
        if create and dst_n.text == src_n.text and not st.sub:
            self.rep.warn(st.line, dst_n.column, "a participant cannot create itself",
                          dst_n.length)
            create = False
        dst = self.ref(dst_n, st.line)
        src.used = True
        dst.used = True
        if create:
            dst.created = True
        activate = "+" in st.markers
        deactivate = "-" in st.markers
        # an edge message's participant is its receiver ('[->+A') or its sender ('A->-]')
        if deactivate and src.depth == 0:
            self.rep.warn(st.line, st.column, f"'{clip(src.alias)}' is not active, so '-' has no effect",
                          st.length)
            deactivate = False
        elif deactivate:
            src.depth -= 1
        if activate:
            dst.depth += 1
        number = None
        if self.number is not None:
            number = self.number
            self.number += 1
        tok = st.arrow
        self.add(Message(src.index, dst.index, st.text, dotted="--" in tok,
                         open_head=tok.endswith(">>"), both_ends=tok.startswith("<"),
                         activate=activate, deactivate=deactivate, create=create,
                         number=number, link=st.link, line=st.line, edge=st.sub))
        self.last_message = len(self.events) - 1

    def lifeline(self, st: Stmt) -> None:
        name = st.names[0]
        p = self.ref(name, st.line)
        prev = self.events[self.last_message] if self.last_message >= 0 else None
        if st.kind == "activate":
            p.depth += 1
            p.used = True
            if isinstance(prev, Message) and prev.dst == p.index and not prev.activate \
                    and (prev.src != prev.dst or prev.edge.startswith("from-")):
                self.events[self.last_message] = replace(prev, activate=True)
                return
            self.events.append(Activation(p.index, True, st.line))
        elif st.kind == "deactivate":
            if p.depth == 0:
                self.rep.warn(st.line, name.column, f"'{clip(name.text)}' is not active; "
                              "deactivate ignored", name.length)
                return
            p.depth -= 1
            if isinstance(prev, Message) and prev.src == p.index and not prev.deactivate \
                    and (prev.src != prev.dst or prev.edge.startswith("to-")):
                self.events[self.last_message] = replace(prev, deactivate=True)
                return
            self.events.append(Activation(p.index, False, st.line))
        else:
            if p.destroyed:
                self.rep.warn(st.line, name.column, f"'{clip(name.text)}' is already destroyed",
                              name.length)
                return
            p.destroyed = st.line
            p.used = True
            p.depth = 0
            self.events.append(Destroy(p.index, st.line))
        # an activate/deactivate/destroy right after a message may still be absorbed by it
        # (``A->B: x`` / ``activate B`` / ``deactivate A``), so keep last_message.

    def note(self, st: Stmt) -> None:
        idx = []
        for n in st.names:
            p = self.ref(n, st.line)
            p.used = True
            idx.append(p.index)
        self.add(Note(st.sub, st.arrow, tuple(idx), st.text, st.link, st.line, st.colour))

    def group(self, st: Stmt) -> None:
        if len(self.groups) >= MAX_DEPTH:
            self.rep.error(st.line, st.column, f"frames nested too deeply (the limit is "
                           f"{MAX_DEPTH})", st.length)
            self.refused += 1
            return
        self.groups.append((st.sub, st.line, st.column))
        self.add(GroupStart(st.sub, st.text, st.line, st.colour))

    def else_(self, st: Stmt) -> None:
        if not self.groups:
            self.rep.error(st.line, st.column,
                           "'else' outside any alt/opt/loop/par/group frame (open one first, e.g. 'alt condition')",
                           st.length)
            return
        kind = self.groups[-1][0]
        if kind not in ("alt", "par"):
            self.rep.warn(st.line, st.column, f"'else' inside a '{kind}' frame (expected in "
                          "'alt' or 'par'); drawn as a separator", st.length)
        self.add(GroupElse(st.text, st.line, st.colour))

    def end(self, st: Stmt) -> None:
        if self.refused:
            self.refused -= 1
            return
        if not self.groups:
            self.rep.error(st.line, st.column,
                           "'end' without an open frame (remove it, or open a frame with alt, opt, loop, par or group)",
                           st.length)
            return
        for kind, line, col in self._left_open(st):
            self.rep.warn(line, col, f"'{kind}' frame is never closed (its 'end' is missing); "
                          f"closed by the 'end' on line {st.line}", len(kind))
            self.add(GroupEnd(st.line))
        kind, line, _ = self.groups.pop()
        if st.sub and st.sub != kind:
            self.rep.warn(st.line, st.column, f"'end {st.sub}' closes the '{kind}' frame opened "
                          f"on line {line}", st.length)
        self.add(GroupEnd(st.line))

    def _left_open(self, st: Stmt) -> list[tuple[str, int, int]]:
        """Frames inside the one this ``end`` closes, popped (innermost first).

        ``end loop`` names its frame; a bare ``end`` written at the column of
        an outer frame's opener (and not of the innermost one) closes that
        outer frame.  The frames inside it are the ones whose ``end`` is missing.
        """
        top_kind, _, top_col = self.groups[-1]
        if st.sub:
            if st.sub == top_kind:
                return []
            match = [i for i, g in enumerate(self.groups) if g[0] == st.sub]
        elif st.column != top_col:
            match = [i for i, g in enumerate(self.groups) if g[2] == st.column]
        else:
            return []
        if not match:
            return []
        keep = match[-1] + 1
        inner = self.groups[keep:][::-1]
        del self.groups[keep:]
        return inner

    def parallel_(self, st: Stmt) -> None:
        """``parallel {`` / ``}`` and ``parallel on`` / ``off``: the statements between share one row."""
        how = st.sub
        open_ = self.parallel
        if how in ("{", "on"):
            if open_ is not None:
                self.rep.error(st.line, st.column, f"parallel rows cannot nest (the one opened on "
                               f"line {open_[1]} is still open; close it first with "
                               f"{_CLOSER[open_[0]]})", st.length)
                return
            self.parallel = (how, st.line, st.column)
            self.row_messages = 0
            self.add(ParallelStart(st.line))
            return
        opener = "{" if how == "}" else "on"
        if open_ is None:
            if how == "}":
                self.rep.error(st.line, st.column, "'}' without an open 'parallel {' (remove it, "
                               "or put 'parallel {' before the messages to draw side by side)", 1)
            else:
                self.rep.warn(st.line, st.column, "'parallel off' without 'parallel on'; ignored",
                              st.length)
            return
        if open_[0] != opener:
            self.rep.error(st.line, st.column, f"'{'}' if how == '}' else 'parallel off'}' does not close "
                           f"the parallel row opened on line {open_[1]} (close it with "
                           f"{_CLOSER[open_[0]]})", st.length)
            return
        self.parallel = None
        self.add(ParallelEnd(st.line))

    def not_in_parallel(self, st: Stmt) -> None:
        """Report ``st`` if it sits in an open parallel row but cannot share a row."""
        assert self.parallel is not None
        if st.kind == "message":
            self.row_messages += 1
            if self.row_messages == MAX_PARALLEL + 1:
                self.rep.error(st.line, st.column, f"too many messages in one parallel row (the "
                               f"limit is {MAX_PARALLEL}; the row opened on line {self.parallel[1]})",
                               st.length)
        if st.kind in IN_PARALLEL or st.kind == "parallel":  # parallel_ reports nesting
            return
        what = _WHAT.get(st.kind, "'parallel'").format(sub=st.sub)
        self.rep.error(st.line, st.column, f"{what} cannot share a parallel row (the row opened "
                       f"on line {self.parallel[1]} holds messages and activations only; close it "
                       f"first with {_CLOSER[self.parallel[0]]})", st.length)

    def autonumber(self, st: Stmt) -> None:
        self.number = None if st.text == "off" else int(st.text or "1")

    def option(self, st: Stmt) -> None:
        if st.sub == "footer":
            value = st.text.lower()
            if value not in FOOTERS:
                self.rep.warn(st.line, st.column, f"unknown footer '{clip(st.text)}' (use "
                              f"{', '.join(FOOTERS)})", st.length)
            self.footer = value != "none"
        else:
            self.rep.warn(st.line, st.column, f"unknown option '{clip(st.sub)}' ignored", st.length)

    def title_(self, st: Stmt) -> None:
        if self.title:
            self.rep.warn(st.line, st.column, f"a second title replaces the one on line "
                          f"{self.title_line}", st.length)
        self.title = st.text
        self.title_line = st.line

    def finish(self, end_line: int) -> Diagram:
        if self.parallel is not None:
            how, line, col = self.parallel
            if how == "{":
                self.rep.error(line, col, "'parallel {' is never closed (add '}' after the last "
                               "message of the row)", len("parallel {"))
            else:
                self.rep.warn(line, col, "'parallel on' is never turned off; its row ends at the "
                              "end of the diagram", len("parallel on"))
            self.add(ParallelEnd(end_line))
        while self.groups:
            kind, line, col = self.groups.pop()
            self.rep.warn(line, col, f"'{kind}' frame is never closed; closed at the end",
                          len(kind))
            self.events.append(GroupEnd(end_line))
        events = self.events
        placed = self.order
        if any(p.order is not None for p in self.order):
            # ``order N`` places a participant; the others count as order 0 and
            # keep the order they first appeared in.
            placed = sorted(self.order, key=lambda p: (p.order or 0, p.index))
            moved = [0] * len(placed)
            for new, p in enumerate(placed):
                moved[p.index] = new
            events = [_renumber(ev, moved) for ev in events]
        parts = tuple(Participant(new, p.alias, p.label, p.kind, p.link, p.created, p.line, p.colour)
                      for new, p in enumerate(placed))
        return Diagram(self.title, parts, tuple(events), self.footer)


def _renumber(ev: Event, moved: list[int]) -> Event:
    """``ev`` with its participant indexes replaced by their place after ``order``."""
    if isinstance(ev, Message):
        return replace(ev, src=moved[ev.src], dst=moved[ev.dst])
    if isinstance(ev, (Activation, Destroy)):
        return replace(ev, participant=moved[ev.participant])
    if isinstance(ev, Note):
        return replace(ev, participants=tuple(moved[i] for i in ev.participants))
    return ev


_DISPATCH = {
    "participant": _Builder.participant,
    "message": _Builder.message,
    "activate": _Builder.lifeline,
    "deactivate": _Builder.lifeline,
    "destroy": _Builder.lifeline,
    "note": _Builder.note,
    "group": _Builder.group,
    "else": _Builder.else_,
    "end": _Builder.end,
    "autonumber": _Builder.autonumber,
    "option": _Builder.option,
    "title": _Builder.title_,
    "parallel": _Builder.parallel_,
}
_CLOSER = {"{": "'}'", "on": "'parallel off'"}


def build(statements: list[Stmt], reporter: Reporter, end_line: int = 1) -> Diagram:
    """Resolve ``statements`` into a :class:`Diagram`, reporting problems to ``reporter``."""
    b = _Builder(reporter)
    for st in statements:
        if b.parallel is not None:
            b.not_in_parallel(st)
        handler = _DISPATCH.get(st.kind)
        if handler is not None:
            handler(b, st)
        elif st.kind == "divider":
            b.add(Divider(st.text, st.line))
        elif st.kind == "delay":
            b.add(Delay(st.text, st.line))
        elif st.kind == "space":
            b.add(Space(int(st.text or 0), st.line))
    return b.finish(end_line)
