"""Turn ASCII punctuation next to Chinese characters into full-width punctuation.

Chinese prose uses ，：；？！（）“” where English uses , : ; ? ! ( ) "". This
fixes Markdown pages in place, leaving code spans, fenced code, links, front
matter and table separators alone:

    python scripts/zh_punct.py docs/operations/*.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
_HAS_CJK = re.compile(f"[{CJK}]")
_CODE = re.compile(r"(`+)(?:.*?)\1|\]\([^)]*\)|<[^>]+>|https?://\S+|\d[,:]\d")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HOLE = "\x00{}\x01"


def _prose(text: str) -> str:
    """Fix a line of Chinese prose whose code spans and links are holes."""
    text = re.sub(r"\s*([,;:?]|!(?!\[))\s*", lambda m: _FULL[m.group(1)], text)
    text = re.sub(r"(\S?)\s*\(([^()]*)\)\s*", _paren, text)
    text = re.sub(r'\s*"([^"]*)"\s*', r"“\1”", text)
    return text


def _paren(m: re.Match) -> str:
    """Full-width parentheses, except for a call such as ``f(x)`` in English."""
    before, inside = m.group(1), m.group(2)
    if re.match(r"[A-Za-z0-9_]", before) and not _HAS_CJK.search(inside):
        return m.group(0)
    return f"{before}（{inside}）"


def fix_line(line: str) -> str:
    """Fix one Markdown line, keeping its code spans and links as they are."""
    if not _HAS_CJK.search(line) or re.match(r"^\s*\|?[\s:|-]+\|?\s*$", line):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    kept: list[str] = []

    def hole(m: re.Match) -> str:
        kept.append(m.group(0))
        return _HOLE.format(len(kept) - 1)

    text = _prose(_CODE.sub(hole, line[len(indent):]))
    text = re.sub(r"\x00(\d+)\x01", lambda m: kept[int(m.group(1))], text)
    return indent + text


def _cjk_share(line: str) -> float:
    letters = [c for c in line if c.isalpha()]
    return sum(bool(_HAS_CJK.match(c)) for c in letters) / max(1, len(letters))


def fix_text(text: str) -> str:
    """Fix the Chinese prose of a page: the 中文 tabs, and mostly-Chinese lines
    elsewhere; never the front matter, headings, images, fenced code or the
    English tabs."""
    lines = text.split("\n")
    fenced = False
    start = 0
    tab = None
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    for i in range(start, len(lines)):
        line = lines[i]
        stripped = line.lstrip()
        if re.match(r"^(```|~~~)", stripped):
            fenced = not fenced
            continue
        if fenced or not stripped:
            continue
        if m := re.match(r'^===\+? "([^"]+)"', stripped):
            tab = m.group(1)
            continue
        if not line[0].isspace():
            tab = None
        if stripped.startswith(("!!!", "#", "![", "<")) or tab == "English":
            continue
        if tab == "中文" or _cjk_share(line) > 0.3:
            lines[i] = fix_line(line)
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        old = path.read_text(encoding="utf-8")
        new = fix_text(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"fixed {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
