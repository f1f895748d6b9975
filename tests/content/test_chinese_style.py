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


# Blog-register phrases a reference page should not use, each with the careful wording that replaced it.
COLLOQUIALISMS = {
    "头号操作": "最基本的操作",
    "走个过场": "不再改变状态",
    "拿地址": "获取地址",
    "连上去": "建立连接",
    "埋进": "写入（cell0）",
    "别全信": "不能作为依据",
    "干活": "执行",
    "兜底": "补救",
    "偷偷": "绕过 Nova",
    "悄悄": "直接返回",
    "顺手": "同时",
    "完事": "即完成",
    "搞定": "完成",
    "踩坑": "常见问题",
    "咱们": "（删去）",
}


def banned_phrases(text: str) -> list[str]:
    """``line: phrase -> replacement`` for every colloquialism in ``text``."""
    return [
        f"{n}: {phrase} -> {better}"
        for n, line in enumerate(text.split("\n"), start=1)
        for phrase, better in COLLOQUIALISMS.items()
        if phrase in line
    ]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_colloquialisms(path):
    bad = banned_phrases(path.read_text(encoding="utf-8"))
    assert not bad, f"{path.name}: colloquial Chinese, use the careful wording:\n" + "\n".join(bad)


def test_banned_phrases_found():
    assert banned_phrases("    第一行\n    这一步只是走个过场。") == ["2: 走个过场 -> 不再改变状态"]
