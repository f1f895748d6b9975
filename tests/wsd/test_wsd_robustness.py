"""Random and mutated sources end in an SVG or a DiagramError, never anything else."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import wsd
from hypothesis import given, settings
from hypothesis import strategies as st
from wsd_golden import CASES, read_source

FRAGMENTS = ["A", "B", "服务", '"q:x"', "->", "-->", "->>", "-->>", "<->", "+", "-", "*",
             ":", " ", "\n", "\t", "\r\n", "note", "over", "left of", "right of", ",",
             "alt", "else", "end", "loop", "opt", "par", "group", "state", "ref", "end note",
             "title", "autonumber", "10", "off", "activate", "deactivate", "destroy",
             "participant", "actor", "participant:database", "as", "==", "...", "#",
             "# link: x.py#L1 t", "# linkbase: https://e.org/", "<script>", "&", "\\n",
             "option footer=none", "\x00", "\ud800", "é", "😀", "[", "]", "parallel", "{", "}",
             "parallel {", "parallel on", "parallel off", "#pink", "else #a0c4ff"]


def _render_or_error(text: str) -> None:
    try:
        svg = wsd.render(text, warnings=[])
    except wsd.DiagramError as err:
        assert err.problems and isinstance(err.line, int) and isinstance(err.column, int)
        assert err.line >= 1 and err.column >= 1
        err.excerpt()
        return
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert not [el for el in root.iter() if el.tag.endswith("script")]


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_random_fragments(text: str) -> None:
    _render_or_error(text)


@settings(max_examples=60, deadline=None, database=None)
@given(st.text(max_size=200))
def test_random_text(text: str) -> None:
    _render_or_error(text)


def test_mutated_goldens() -> None:
    rng = random.Random(20260101)
    sources = [read_source(p) for p in sorted(CASES.glob("*.wsd"))]
    alphabet = "->:+*\"\n ,#=.\\abc服[]{}"
    for _ in range(400):
        text = list(rng.choice(sources))
        for _ in range(rng.randint(1, 6)):
            op = rng.random()
            i = rng.randrange(len(text) + 1)
            if op < 0.4 and text:
                del text[min(i, len(text) - 1)]
            elif op < 0.8:
                text.insert(i, rng.choice(alphabet))
            elif text:
                j = rng.randrange(len(text))
                text[min(i, len(text) - 1)], text[j] = text[j], text[min(i, len(text) - 1)]
        _render_or_error("".join(text))


def test_line_shuffles() -> None:
    rng = random.Random(7)
    for p in sorted(CASES.glob("*.wsd")):
        lines = read_source(p).splitlines()
        for _ in range(5):
            rng.shuffle(lines)
            _render_or_error("\n".join(lines))
