"""A diagram as HTML text: every numbered step, grouped by its frames.

The hook puts this list right under each diagram's figure, before Material
indexes the page for search, so a step label finds its page and a screen
reader (or a phone) reads the flow as text.  Each step says who sends what
to whom and how (call, cast or reply), links to the picture's step
(``#reboot-step-12``) and to its Nova code.  Knows nothing about MkDocs;
reads diagrams through :mod:`wsd`.
"""

from __future__ import annotations

from html import escape

import wsd
from wsd.model import Diagram, GroupElse, GroupEnd, GroupStart, Message

SUMMARY = "步骤列表 · Step list"


def step_kind(message: Message) -> str:
    """``reply`` for a dotted arrow, ``cast`` for ``->>`` or a "(cast)" label, else ``call``."""
    if message.dotted:
        return "reply"
    if message.open_head or "(cast)" in message.label.lower():
        return "cast"
    return "call"


def parse(source: str) -> Diagram | None:
    """The parsed diagram, or None when the source is invalid (reported elsewhere)."""
    try:
        return wsd.parse_diagram(source)
    except wsd.DiagramError:
        return None


def step_numbers(diagram: Diagram | None) -> list[int]:
    """The autonumbers of ``diagram``'s steps, in order."""
    if diagram is None:
        return []
    return [e.number for e in diagram.events if isinstance(e, Message) and e.number is not None]


#: How a step list names the diagram's edge (``[->A``, ``A->]``): as the source writes it.
EDGE_NAMES = {"left": "[", "right": "]"}


def _sender(message: Message, names: list[str]) -> str:
    if message.edge.startswith("from-"):
        return EDGE_NAMES[message.edge.removeprefix("from-")]
    return names[message.src]


def _receiver(message: Message, names: list[str]) -> str:
    if message.edge.startswith("to-"):
        return EDGE_NAMES[message.edge.removeprefix("to-")]
    return names[message.dst]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\\n", " ").split())


def step_list_html(diagram: Diagram | None, step_prefix: str) -> str:
    """A collapsed ``<details>`` holding an ``<ol>`` of the steps ("" if none)."""
    if diagram is None:
        return ""
    names = [_one_line(p.label) for p in diagram.participants]
    out: list[str] = []
    count = 0
    for event in diagram.events:
        if isinstance(event, GroupStart):
            out.append(f'<li class="wsd-steps-frame"><span class="wsd-steps-cond"><b>{escape(event.kind)}</b> '
                       f'{escape(_one_line(event.label))}</span><ol>')
        elif isinstance(event, GroupElse):
            out.append(f'</ol><span class="wsd-steps-cond"><b>else</b> {escape(_one_line(event.label))}</span><ol>')
        elif isinstance(event, GroupEnd):
            out.append("</ol></li>")
        elif isinstance(event, Message) and event.number is not None:
            count += 1
            n = event.number
            kind = step_kind(event)
            code = (f' <a class="wsd-steps-code" href="{escape(event.link.href)}" '
                    f'title="{escape(event.link.tooltip or event.link.href)}">code</a>'
                    if event.link is not None else "")
            out.append(
                f'<li id="{step_prefix}{n}-text" class="wsd-steps-item" data-step="{n}">'
                f'<a class="wsd-steps-num" href="#{step_prefix}{n}">{n}</a> '
                f'<span class="wsd-steps-who">{escape(_sender(event, names))} → '
                f'{escape(_receiver(event, names))}</span> '
                f'<span class="wsd-steps-label">{escape(_one_line(event.label))}</span> '
                f'<span class="wsd-steps-kind wsd-steps-kind--{kind}">{kind}</span>{code}</li>'
            )
    if not count:
        return ""
    return (f'<details class="wsd-steps" data-diagram="{escape(step_prefix.removesuffix("-step-"))}">'
            f'<summary>{SUMMARY} ({count})</summary><ol class="wsd-steps-list" lang="en">{"".join(out)}</ol></details>')
