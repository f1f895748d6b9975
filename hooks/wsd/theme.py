"""Colour slots for light and dark, exposed as CSS custom properties ``--wsd-*``.

The SVG uses ``var(--wsd-SLOT, LIGHT)`` so it looks right on its own (light),
and a page that includes :func:`theme_css` switches every diagram to the dark
values under its dark-scheme selector (Material: ``[data-md-color-scheme="slate"]``).
No geometry lives here.
"""

from __future__ import annotations

__all__ = ["SLOTS", "PALETTE", "named_colour", "ink_for", "theme_css", "var"]

#: slot -> (light, dark). Text/background pairs keep a contrast ratio of at least 4.5:1.
SLOTS: dict[str, tuple[str, str]] = {
    "bg": ("var(--md-default-bg-color, #ffffff)", "var(--md-default-bg-color, #1e2129)"),
    "text": ("#1d2733", "#e2e8f0"),
    "muted": ("#566375", "#a3b0c2"),
    "title": ("#14202e", "#f1f5fa"),
    "part-fill": ("#e4edf9", "#233754"),
    "part-stroke": ("#4272b0", "#7ea6dc"),
    "part-text": ("#142f55", "#e8f0fb"),
    "lifeline": ("#a3afbf", "#56657a"),
    "arrow": ("#2b3847", "#c5d0dd"),
    "act-fill": ("#f4f8fe", "#2b3e5a"),
    "act-stroke": ("#4272b0", "#7ea6dc"),
    "note-fill": ("#fff7d6", "#3a3422"),
    "note-fold": ("#f1e2a4", "#5a4e2c"),
    "note-stroke": ("#c9a640", "#b0934c"),
    "note-text": ("#3a3116", "#f3e9c9"),
    "state-fill": ("#e7f5ec", "#1f3a2b"),
    "state-stroke": ("#4e9a69", "#63b07f"),
    "state-text": ("#173b24", "#dcf2e3"),
    "ref-fill": ("#f3effa", "#2e2842"),
    "ref-stroke": ("#7d68b0", "#a18fd6"),
    "ref-text": ("#2a1f47", "#ece6fb"),
    "frame-stroke": ("#7f90a8", "#71839d"),
    "frame-tab": ("#e8eef6", "#2a3443"),
    "frame-text": ("#243447", "#d6dfea"),
    "badge-fill": ("#2f62a8", "#8cb4ec"),
    "badge-text": ("#ffffff", "#0f1b2d"),
    "link": ("#1a55a6", "#8fb8f5"),
    "link-hover": ("#0b3a80", "#c0d6fb"),
    "divider": ("#8a9ab0", "#6d7f98"),
    "divider-fill": ("#eef2f7", "#283140"),
}


#: Colour names an author may write (``#lightblue``): the common CSS names, as ``#rrggbb``.
PALETTE: dict[str, str] = {
    "aliceblue": "#f0f8ff", "antiquewhite": "#faebd7", "aqua": "#00ffff", "aquamarine": "#7fffd4",
    "azure": "#f0ffff", "beige": "#f5f5dc", "bisque": "#ffe4c4", "black": "#000000",
    "blue": "#0000ff", "brown": "#a52a2a", "coral": "#ff7f50", "cornsilk": "#fff8dc",
    "cyan": "#00ffff", "darkblue": "#00008b", "darkgray": "#a9a9a9", "darkgreen": "#006400",
    "darkgrey": "#a9a9a9", "darkorange": "#ff8c00", "darkred": "#8b0000", "gold": "#ffd700",
    "gray": "#808080", "green": "#008000", "grey": "#808080", "honeydew": "#f0fff0",
    "ivory": "#fffff0", "khaki": "#f0e68c", "lavender": "#e6e6fa", "lemonchiffon": "#fffacd",
    "lightblue": "#add8e6", "lightcoral": "#f08080", "lightcyan": "#e0ffff",
    "lightgray": "#d3d3d3", "lightgreen": "#90ee90", "lightgrey": "#d3d3d3",
    "lightpink": "#ffb6c1", "lightsalmon": "#ffa07a", "lightskyblue": "#87cefa",
    "lightsteelblue": "#b0c4de", "lightyellow": "#ffffe0", "lime": "#00ff00",
    "linen": "#faf0e6", "magenta": "#ff00ff", "mintcream": "#f5fffa", "mistyrose": "#ffe4e1",
    "moccasin": "#ffe4b5", "navy": "#000080", "oldlace": "#fdf5e6", "orange": "#ffa500",
    "orchid": "#da70d6", "palegreen": "#98fb98", "paleturquoise": "#afeeee",
    "papayawhip": "#ffefd5", "peachpuff": "#ffdab9", "pink": "#ffc0cb", "plum": "#dda0dd",
    "powderblue": "#b0e0e6", "purple": "#800080", "red": "#ff0000", "salmon": "#fa8072",
    "seashell": "#fff5ee", "silver": "#c0c0c0", "skyblue": "#87ceeb", "snow": "#fffafa",
    "tan": "#d2b48c", "thistle": "#d8bfd8", "tomato": "#ff6347", "turquoise": "#40e0d0",
    "violet": "#ee82ee", "wheat": "#f5deb3", "white": "#ffffff", "whitesmoke": "#f5f5f5",
    "yellow": "#ffff00", "yellowgreen": "#9acd32",
}

#: Text on an author's fill: the light theme's dark ink, or a light ink on dark fills.
#: Fixed (not themed), so a light custom fill keeps dark text in dark mode too.
INK_ON_LIGHT = "#1d2733"
INK_ON_DARK = "#f5f7fa"


def named_colour(token: str) -> str | None:
    """``lightblue``, ``9cf`` or ``a0c4ff`` as ``#rrggbb``; None if it is no colour."""
    name = token.lower()
    if name in PALETTE:
        return PALETTE[name]
    if len(name) in (3, 6) and all(c in "0123456789abcdef" for c in name):
        return "#" + (name if len(name) == 6 else "".join(c * 2 for c in name))
    return None


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour[1:3]) + 0.7152 * channel(colour[3:5]) + 0.0722 * channel(colour[5:7])


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_for(fill: str) -> str:
    """The text colour that reads best on ``fill`` (``#rrggbb``): the higher WCAG contrast."""
    return max((INK_ON_LIGHT, INK_ON_DARK), key=lambda ink: contrast(ink, fill))


def var(slot: str) -> str:
    """``var(--wsd-SLOT, LIGHT)`` for use inside the SVG's style sheet."""
    light = SLOTS[slot][0]
    return f"var(--wsd-{slot}, {light})"


def fallback(slot: str) -> str:
    """The plain light colour of ``slot`` (for renderers without custom properties)."""
    light = SLOTS[slot][0]
    if light.startswith("var("):
        return light[light.index(",") + 1:-1].strip()
    return light


def theme_css(light: str = ":root", dark: str = '[data-md-color-scheme="slate"]') -> str:
    """CSS defining every ``--wsd-*`` property under ``light`` and ``dark`` selectors.

    Pass ``dark=""`` (or ``light=""``) to leave that rule set out.
    """
    out = []
    for selector, i in ((light, 0), (dark, 1)):
        if selector:
            body = ";".join(f"--wsd-{k}:{v[i]}" for k, v in SLOTS.items())
            out.append(f"{selector}{{{body}}}")
    return "\n".join(out) + "\n"
