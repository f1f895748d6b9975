"""Text measurement without a font engine.

Widths come from the Helvetica AFM metrics (Arial and Liberation Sans are
metric-compatible, and the SVG names them in that order), in 1/1000 em.
Characters that ``unicodedata.east_asian_width`` calls wide (W) or full-width
(F) take a full em, as CJK fonts draw them; combining marks take nothing;
accented Latin letters take the width of their base letter; anything else
unknown takes the width of a digit.
"""

from __future__ import annotations

import unicodedata

__all__ = ["text_width", "char_width", "FONT_FAMILY"]

#: The font stack written into the SVG; the first three share these metrics.
FONT_FAMILY = ("Helvetica, Arial, 'Liberation Sans', 'Noto Sans CJK SC', "
               "'PingFang SC', 'Microsoft YaHei', sans-serif")

# Helvetica regular, characters 32..126.
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
# Helvetica bold, characters 32..126.
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
_TABLES = {False: dict(zip(map(chr, range(32, 127)), _REGULAR)),
           True: dict(zip(map(chr, range(32, 127)), _BOLD))}
_DEFAULT = 556  # unknown narrow character: a digit's width
_FULL = 1000    # wide or full-width character: one em
_CACHE: dict[bool, dict[str, float]] = {False: {}, True: {}}


def char_width(ch: str, bold: bool = False) -> int:
    """Advance width of one character in 1/1000 em."""
    table = _TABLES[bold]
    w = table.get(ch)
    if w is not None:
        return w
    if ch == "\u00a0":
        return table[" "]
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return _FULL
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf"):
        return 0
    base = unicodedata.decomposition(ch).split(" ")[0]
    if base and not base.startswith("<"):
        b = table.get(chr(int(base, 16)))
        if b is not None:
            return b
    if eaw == "A" and ord(ch) >= 0x2000:
        return _FULL  # ambiguous punctuation such as “ ” is drawn full width by CJK fonts
    return _DEFAULT


def char_units(ch: str, bold: bool = False) -> int:
    """The advance of one character in 1/1000 em: ``text_width`` is the sum of these
    times ``size / 1000``, so a caller may add them up one character at a time."""
    w = _TABLES[bold].get(ch)
    return w if w is not None else char_width(ch, bold)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of a single line of ``text`` at ``size`` px."""
    cache = _CACHE[bold]
    units = cache.get(text)
    if units is None:
        table = _TABLES[bold]
        units = 0
        for ch in text:
            w = table.get(ch)
            units += w if w is not None else char_width(ch, bold)
        if len(cache) < 100_000:
            cache[text] = units
    return units * size / 1000.0
