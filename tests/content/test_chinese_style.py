"""Chinese prose uses Chinese punctuation: ，：；（）“” rather than , : ; ( ) "".

``scripts/zh_punct.py`` fixes a page in place; this test fails with the lines
it would change.
"""

from __future__ import annotations

import importlib.util

import pytest

from .nova_source import DOCS, ROOT

_spec = importlib.util.spec_from_file_location("zh_punct", ROOT / "scripts" / "zh_punct.py")
zh_punct = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(zh_punct)

PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_chinese_punctuation(path):
    text = path.read_text(encoding="utf-8")
    fixed = zh_punct.fix_text(text)
    bad = [
        f"{path.name}:{n}: {old.strip()[:80]}"
        for n, (old, new) in enumerate(zip(text.split("\n"), fixed.split("\n")), start=1)
        if old != new
    ]
    assert not bad, "ASCII punctuation in Chinese text (run scripts/zh_punct.py):\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "    日常维护(改了内核参数)用软重启,加 `--hard` 为硬重启:",
            "    日常维护（改了内核参数）用软重启，加 `--hard` 为硬重启：",
        ),
        ('    叫做"修复手段",见 `f(x)`', "    叫做“修复手段”，见 `f(x)`"),
        ("    时间 10:30,版本 2026.1", "    时间 10:30，版本 2026.1"),
    ],
)
def test_fixer(before, after):
    page = f'=== "中文"\n\n{before}\n\n=== "English"\n\n    Keep (this), as "is":\n'
    assert zh_punct.fix_text(page) == page.replace(before, after)
