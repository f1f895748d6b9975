"""Golden cases: every ``cases/*.wsd`` against its ``.svg`` and ``.layout.json``;
every ``errors/*.wsd`` against its ``.txt`` (message, position and caret)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import wsd
from wsd.layout import to_dict
from wsd_golden import CASES, ERRORS, check_golden, read_source

CASE_FILES = sorted(CASES.glob("*.wsd"))
ERROR_FILES = sorted(ERRORS.glob("*.wsd"))


def test_there_are_goldens() -> None:
    assert len(CASE_FILES) >= 15
    assert len(ERROR_FILES) >= 10


@pytest.mark.parametrize("src", CASE_FILES, ids=lambda p: p.stem)
def test_case(src) -> None:
    text = read_source(src)
    warnings: list[wsd.DiagramWarning] = []
    svg = wsd.render(text, path=f"cases/{src.name}", id_prefix=f"g-{src.stem}",
                     warnings=warnings)
    ET.fromstring(svg)
    lay = wsd.build_layout(text)
    model = {"warnings": [str(w) for w in warnings], "layout": to_dict(lay)}
    check_golden(src.with_suffix(".layout.json"),
                 json.dumps(model, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    check_golden(src.with_suffix(".svg"), svg)


@pytest.mark.parametrize("src", ERROR_FILES, ids=lambda p: p.stem)
def test_error(src) -> None:
    text = read_source(src)
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render(text, path=f"errors/{src.name}")
    err = info.value
    assert isinstance(err.line, int) and isinstance(err.column, int)
    lines = str(err).splitlines()
    assert f"errors/{src.name}:{err.line}:{err.column}: {err.message}" in lines
    assert len(lines) == len(err.problems) and all(line.startswith(f"errors/{src.name}:") for line in lines)
    check_golden(src.with_suffix(".txt"), err.excerpt() + "\n")
