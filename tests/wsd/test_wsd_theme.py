"""Colours: every text colour stands out from what it is drawn on, in light and dark."""

from __future__ import annotations

import re

import pytest
import wsd
from wsd import theme

# (text slot, background slot) pairs as svg.py draws them.
PAIRS = [
    ("text", "bg"),
    ("muted", "bg"),
    ("title", "bg"),
    ("link", "bg"),
    ("link-hover", "bg"),
    ("part-text", "part-fill"),
    ("note-text", "note-fill"),
    ("state-text", "state-fill"),
    ("ref-text", "ref-fill"),
    ("frame-text", "frame-tab"),
    ("badge-text", "badge-fill"),
]


def _hex(value: str) -> str:
    """The literal colour of a slot value (``var(--x, #abc)`` -> ``#abc``)."""
    m = re.search(r"#[0-9a-fA-F]{6}\b", value)
    assert m, value
    return m.group(0)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), PAIRS, ids=[f"{f}-on-{b}" for f, b in PAIRS])
def test_text_contrast_is_at_least_4_5(scheme: int, fg: str, bg: str) -> None:
    ratio = contrast(_hex(theme.SLOTS[fg][scheme]), _hex(theme.SLOTS[bg][scheme]))
    assert ratio >= 4.5, f"{fg} on {bg} ({'light dark'.split()[scheme]}): {ratio:.2f}"


def test_lines_are_visible_on_the_background() -> None:
    for scheme in (0, 1):
        bg = _hex(theme.SLOTS["bg"][scheme])
        for slot in ("arrow", "lifeline", "part-stroke", "frame-stroke", "divider"):
            assert contrast(_hex(theme.SLOTS[slot][scheme]), bg) >= 1.8, (slot, scheme)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def test_theme_css_defines_every_slot_for_both_schemes() -> None:
    css = theme.theme_css(light=":root", dark='[data-md-color-scheme="slate"]')
    light, dark = css.strip().splitlines()
    assert light.startswith(":root{") and dark.startswith('[data-md-color-scheme="slate"]{')
    for slot in theme.SLOTS:
        assert f"--wsd-{slot}:" in light and f"--wsd-{slot}:" in dark


def test_text_on_an_authors_fill_is_readable_in_both_schemes() -> None:
    from wsd.theme import INK_ON_DARK, INK_ON_LIGHT, PALETTE, contrast, ink_for

    for name, fill in PALETTE.items():
        ink = ink_for(fill)
        assert contrast(ink, fill) >= max(contrast(INK_ON_LIGHT, fill), contrast(INK_ON_DARK, fill))
        assert contrast(ink, fill) >= 3.0, name
        if name.startswith("light") or name in ("pink", "lavender", "ivory", "white", "khaki"):
            assert ink == INK_ON_LIGHT and contrast(ink, fill) >= 4.5, name
    # The ink is written on the text itself, so the dark scheme's light text
    # colours never land on a light custom fill.
    svg = wsd.render("participant A #lightblue\nnote over A #pink: x\nalt #lightgreen ok\nA->A: y\nend\n")
    # head x2, note, frame keyword and label, and the message drawn on the frame's colour
    # (its label and arrowhead; its line gets the same ink as a stroke)
    assert svg.count(f'style="fill:{INK_ON_LIGHT}') == 7
    assert svg.count(f'style="stroke:{INK_ON_LIGHT}"') == 1
