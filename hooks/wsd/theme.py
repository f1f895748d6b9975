"""Colour slots for light and dark, exposed as CSS custom properties ``--wsd-*``.

The SVG uses ``var(--wsd-SLOT, LIGHT)`` so it looks right on its own (light),
and a page that includes :func:`theme_css` switches every diagram to the dark
values under its dark-scheme selector (Material: ``[data-md-color-scheme="slate"]``).
No geometry lives here.
"""

from __future__ import annotations

__all__ = ["SLOTS", "theme_css", "var"]

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
