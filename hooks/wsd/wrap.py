"""Line breaking by measured width: long labels wrap instead of widening the diagram.

Rules, in the spirit of UAX #14 but small:

* an explicit ``\\n`` always breaks;
* a line may break at a space (the space is dropped), between two CJK
  characters, and between CJK and Latin text;
* CJK closing punctuation (``，。）`` ...) never starts a line and opening
  punctuation (``（“`` ...) never ends one;
* a Latin word wider than the line breaks after ``/ _ . , - ( = :`` and, as a
  last resort, between any two characters.

Widths are additive (see :mod:`wsd.textmetrics`), so each piece is measured
once and a label costs time linear in its length.
"""

from __future__ import annotations

import unicodedata

from .textmetrics import char_units, text_width

__all__ = ["wrap"]

_NO_START = set("，。、；：？！）》」』】〕〉”’,.;:?!)]}%")  # may not begin a line
_NO_END = set("（《「『【〔〈“‘([{")                         # may not end a line
_SOFT = set("/_.,-(=:&|")                                 # break after these inside a long word


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _pieces(line: str) -> list[str]:
    """``line`` cut at every break opportunity; runs of spaces are pieces of their own."""
    out: list[str] = []
    word = ""
    glue = False  # the next character must stay with ``word`` (it ends in opening punctuation)
    for ch in line:
        if ch == " ":
            if word:
                out.append(word)
                word, glue = "", False
            if out and out[-1].isspace():
                out[-1] += ch
            else:
                out.append(ch)
            continue
        if ch in _NO_START:
            if word:
                word += ch
            elif out and not out[-1].isspace():
                out[-1] += ch
            else:
                word = ch
            continue
        wide = _is_wide(ch)
        if word and not glue and (wide or ch in _NO_END or _is_wide(word[-1])):
            out.append(word)
            word = ""
        word += ch
        glue = ch in _NO_END
    if word:
        out.append(word)
    return out


def _split_long(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word wider than ``width``, cut after soft characters, else between characters."""
    parts: list[str] = []
    cur = ""
    for ch in word:
        cur += ch
        if ch in _SOFT:
            parts.append(cur)
            cur = ""
    if cur:
        parts.append(cur)
    lines: list[str] = []
    line = ""
    for part in parts:
        if text_width(line + part, size, bold) <= width or not line:
            line += part
        else:
            lines.append(line)
            line = part
    if line:
        lines.append(line)
    out: list[str] = []
    for ln in lines:
        if text_width(ln, size, bold) <= width:
            out.append(ln)
        else:
            out.extend(_split_chars(ln, width, size, bold))
    return out


def _split_chars(text: str, width: float, size: float, bold: bool) -> list[str]:
    """``text`` cut between characters: each line takes as many as fit (at least one).

    Adds up character advances as it goes, so a very long unbroken word (a
    500,000-character label) costs one pass, not one measurement of the rest
    of the word per line.
    """
    out: list[str] = []
    start, n = 0, len(text)
    while start < n:
        units = char_units(text[start], bold)
        cut = start + 1
        while cut < n:
            more = units + char_units(text[cut], bold)
            if more * size / 1000.0 > width:
                break
            units, cut = more, cut + 1
        out.append(text[start:cut])
        start = cut
    return out


def _wrap_line(line: str, width: float, size: float, bold: bool) -> list[str]:
    if text_width(line, size, bold) <= width:
        return [line]
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0.0
    for piece in _pieces(line):
        pw = text_width(piece, size, bold)
        if piece.isspace():
            if cur:
                cur.append(piece)
                cur_w += pw
            continue
        if cur and cur_w + pw > width:
            while cur and cur[-1].isspace():
                cur_w -= text_width(cur.pop(), size, bold)
            lines.append("".join(cur))
            cur, cur_w = [], 0.0
        if pw > width:
            chunks = _split_long(piece, width, size, bold)
            lines.extend(chunks[:-1])
            piece = chunks[-1]
            pw = text_width(piece, size, bold)
        cur.append(piece)
        cur_w += pw
    while cur and cur[-1].isspace():
        cur.pop()
    if cur:
        lines.append("".join(cur))
    return lines or [""]


def wrap(text: str, width: float | None, size: float, bold: bool = False) -> list[str]:
    """The lines ``text`` takes when no line may be wider than ``width`` px.

    ``width=None`` only splits at explicit newlines.
    """
    paras = text.split("\n")
    if width is None:
        return paras
    out: list[str] = []
    for para in paras:
        out.extend(_wrap_line(para, width, size, bold))
    return out
