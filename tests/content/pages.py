"""The operation pages as authors write them: front matter, sections, language tabs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .nova_source import DOCS

OPERATIONS = (
    "create", "reboot", "rescue", "shelve", "evacuate", "snapshot", "vnc-console", "live-migration", "resize", "delete",
    "stop-start", "rebuild", "volume-attach", "volume-swap",
    "backup", "change-password", "reset-state",
    "interface-attach",
    "pause", "suspend", "lock",
    "console-output", "crash-dump",
    "update",
    "server-groups",
    "list-servers",
)

SECTIONS = (
    "用途 · What it is for",
    "请求与命令 · Request and commands",
    "分步详解 · Step by step",
    "状态变化 · State transitions",
    "配置项 · Configuration options",
    "通知 · Notifications",
    "与 Liberty 的区别 · Changes since Liberty",
    "排错 · When it fails",
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TAB = re.compile(r'^=== "([^"]+)"\s*$', re.M)


@dataclass(frozen=True)
class Page:
    """One operation page split into its front matter and its sections."""

    path: Path
    meta: dict
    body: str

    @property
    def sections(self) -> dict[str, str]:
        """H2 heading -> the text under it, up to the next H2."""
        parts = re.split(r"^## +(.+?)\s*$", self.body, flags=re.M)
        return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}

    def tabs(self, section: str) -> list[tuple[str, str]]:
        """(tab label, its indented content) for every tab of one section, in order."""
        pieces = _TAB.split(self.sections[section])
        return [(pieces[i], pieces[i + 1]) for i in range(1, len(pieces) - 1, 2)]

    @property
    def diagrams(self) -> list[str]:
        """Targets of the ``![...](....wsd)`` images of the page."""
        return re.findall(r"!\[[^\]]*\]\(([^)\s]+\.wsd)\)", self.body)


def load(name: str) -> Page:
    """Read ``docs/operations/<name>.md``."""
    path = DOCS / "operations" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return Page(path, yaml.safe_load(front), body)


def cjk_share(text: str) -> float:
    """The share of CJK characters among the letters of ``text``."""
    letters = [c for c in text if c.isalpha()]
    return sum(bool(_CJK.match(c)) for c in letters) / max(1, len(letters))
