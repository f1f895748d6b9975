"""Rendered page HTML: step references become links; English tabs get ``lang="en"``.

Authors write ``步骤 12``, ``步骤 11–18`` (also ``-``, ``~``, ``至``),
``Step 6``, ``Steps 11–18`` in the walkthrough.  :func:`link_step_refs` turns
each into ``<a class="wsd-step-ref" href="#reboot-step-11" data-steps="11-18">``
outside code, links and headings.  Which diagram: the most recent element
carrying ``data-wsd="<diagram stem>"`` before the reference in the same tab
(authors add ``{: data-wsd="unshelve" }`` after a heading paragraph), else
the page's first diagram.  A reference to a step the diagram does not have
is reported.  Two narrower forms name the diagram for one reference only:
an ordinal right before it (``图二步骤 44``, ``diagram 2, step 42``: the
page's second diagram), and an inline ``<span data-wsd="…">`` (its effect
ends with the paragraph, list item or table cell).  Knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

REF_RE = re.compile(r"(步骤|[Ss]teps?)\s*(\d+)(?:\s*(?:–|-|~|～|至|to)\s*(\d+))?")
# Only the tags that change the state: skipped elements, markers, tab blocks
# and the blocks an inline marker ends with (comments are passed over whole).
_TAG_RE = re.compile(
    r"<(/?)(code|pre|a|h[1-6]|script|style|kbd|summary|span|p|li|td|th|div)\b([^>]*)>"
    r"|<[a-zA-Z][\w-]*\s[^>]*data-wsd=[^>]*>|<!--.*?-->",
    re.DOTALL,
)
_MARKER_RE = re.compile(r'\sdata-wsd="([\w-]+)"')
_SKIP = {"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "summary"}
_LABELS_RE = re.compile(r'<div class="tabbed-labels[^"]*">(.*?)</div>', re.DOTALL)
_LABEL_RE = re.compile(r"<label[^>]*>(.*?)</label>", re.DOTALL)
_BLOCK = '<div class="tabbed-block">'
_ORDINAL_RE = re.compile(r"(?:图([一二三四五])|[Dd]iagram\s*(\d))[\s,，、:：]*$")
_CN_DIGITS = "一二三四五"
_BLOCK_END = {"p", "li", "td", "th"}


def link_step_refs(
    html: str,
    order: list[str],
    steps: dict[str, set[int]],
    problem: Callable[[str], None],
) -> str:
    """``html`` with step references linked (see the module docstring).

    ``order`` lists the page's diagram stems as they appear (the first is the
    default); ``steps`` maps a stem to its step numbers; ``problem`` receives
    one message per reference that points at no step.
    """
    if not order:
        return html
    default = order[0]
    out: list[str] = []
    current = default
    local: str | None = None
    skipping = 0
    pos = 0
    for tag in _TAG_RE.finditer(html):
        out.append(_link_text(html[pos:tag.start()], local or current, skipping, order, steps, problem))
        pos = tag.end()
        text = tag.group(0)
        out.append(text)
        name = (tag.group(2) or ("marker" if text.startswith("<") and not text.startswith("<!") else "")).lower()
        if not tag.group(1) and name:
            if name in _SKIP and not text.endswith("/>"):
                skipping += 1
            if 'class="tabbed-block"' in text:
                current, local = default, None
            marker = _MARKER_RE.search(text)
            if marker and name == "span":
                local = marker.group(1)
            elif marker:
                current = marker.group(1)
        elif tag.group(1):
            if name in _SKIP and skipping:
                skipping -= 1
            if name in _BLOCK_END:
                local = None
    out.append(_link_text(html[pos:], local or current, skipping, order, steps, problem))
    return "".join(out)


def _link_text(
    text: str, current: str, skipping: int, order: list[str], steps: dict[str, set[int]],
    problem: Callable[[str], None],
) -> str:
    if skipping or not text or not REF_RE.search(text):
        return text

    def link(m: re.Match[str]) -> str:
        stem = current
        ordinal = _ORDINAL_RE.search(text, max(0, m.start() - 16), m.start())
        if ordinal:
            n = _CN_DIGITS.index(ordinal.group(1)) + 1 if ordinal.group(1) else int(ordinal.group(2))
            if 1 <= n <= len(order):
                stem = order[n - 1]
        first, last = int(m.group(2)), int(m.group(3) or m.group(2))
        known = steps.get(stem, set())
        missing = [n for n in (first, last) if n not in known]
        if missing or last < first:
            problem(f"step reference {m.group(0)!r} points at no step of diagram {stem!r} "
                    f"(it has steps 1–{max(known, default=0)}); add a data-wsd marker or fix the number")
            return m.group(0)
        span = f"{first}-{last}" if last != first else str(first)
        return (f'<a class="wsd-step-ref" href="#{stem}-step-{first}" data-wsd-ref="{stem}" '
                f'data-steps="{span}">{m.group(0)}</a>')

    return REF_RE.sub(link, text)


def mark_english_tabs(html: str) -> str:
    """Add ``lang="en"`` to the content block of every tab labelled "English"."""
    if _BLOCK not in html:
        return html
    out: list[str] = []
    pos = 0
    queue: list[bool] = []
    for m in re.finditer(rf'{_LABELS_RE.pattern}|{re.escape(_BLOCK)}', html, re.DOTALL):
        out.append(html[pos:m.start()])
        pos = m.end()
        if m.group(0).startswith(_BLOCK):
            english = queue.pop(0) if queue else False
            out.append('<div class="tabbed-block" lang="en">' if english else m.group(0))
        else:
            labels = [re.sub(r"<[^>]+>", "", lab).strip() for lab in _LABEL_RE.findall(m.group(1))]
            queue = [lab == "English" for lab in labels]
            out.append(m.group(0))
    out.append(html[pos:])
    return "".join(out)
