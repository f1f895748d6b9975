"""The code behind a diagram: every linked step, grouped by link target.

Diagram authors put ``# link: nova/compute/manager.py#L4558 ComputeManager._reboot_instance``
before a step.  Under each diagram the hook shows a collapsed table that
lists those targets once each, with the numbered steps that use them, so a
reader can walk the code in order without hunting for the arrows.  Knows
nothing about MkDocs; reads diagrams through :mod:`wsd`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import wsd
from wsd.model import Diagram, Message

SUMMARY = "图中步骤对应的源码 · Code behind the steps"
NOTE_LEGEND = "“5+”指第 5 步之后的注释框 · “5+” is a note after step 5"


@dataclass
class CodeRef:
    """One link target of a diagram and the steps that point at it."""

    href: str
    name: str
    where: str
    steps: list[str] = field(default_factory=list)


def code_refs(source: str) -> list[CodeRef]:
    """Link targets of ``source`` in order of first use; invalid source gives none."""
    try:
        diagram = wsd.parse_diagram(source)
    except wsd.DiagramError:
        return []
    return refs_of(diagram)


def refs_of(diagram: Diagram) -> list[CodeRef]:
    """Link targets of a parsed ``diagram`` in order of first use."""
    refs: dict[str, CodeRef] = {}
    step = ""
    for event in diagram.events:
        if isinstance(event, Message) and event.number is not None:
            step = str(event.number)
        link = getattr(event, "link", None)
        if link is None:
            continue
        ref = refs.get(link.href)
        if ref is None:
            where = (link.written or link.href).split("#", 1)[0]
            ref = refs[link.href] = CodeRef(link.href, link.tooltip or where, where)
        label = step if isinstance(event, Message) and event.number is not None else (f"{step}+" if step else "")
        if label and label not in ref.steps:
            ref.steps.append(label)
    return list(refs.values())


def _ranges(steps: list[str]) -> str:
    """``["3", "4", "5", "9", "9+"]`` -> ``"3–5, 9, 9+"`` (a ``+`` marks a note after that step)."""
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
            run.clear()

    for step in steps:
        if step.isdigit() and (not run or int(step) == run[-1] + 1):
            run.append(int(step))
            continue
        flush()
        if step.isdigit():
            run.append(int(step))
        else:
            out.append(step)
    flush()
    return ", ".join(out)


def index_html(refs: list[CodeRef]) -> str:
    """A collapsed ``<details>`` table of ``refs`` (empty string when there are none)."""
    if not refs:
        return ""
    rows = "".join(
        f'<tr><td>{escape(_ranges(ref.steps)) or "—"}</td>'
        f'<td><a href="{escape(ref.href)}"><code>{escape(ref.name)}</code></a></td>'
        f"<td><code>{escape(ref.where)}</code></td></tr>"
        for ref in refs
    )
    notes = any(not step.isdigit() for ref in refs for step in ref.steps)
    legend = f"<p>{NOTE_LEGEND}</p>" if notes else ""
    return (
        '<details class="wsd-code-index">'
        f"<summary>{SUMMARY} ({len(refs)})</summary>"
        "<table><thead><tr><th>步骤 · Steps</th><th>函数 · Function</th><th>文件 · File</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{legend}</details>"
    )
