"""HTML for diagrams in pages: the figure, the error box, and slot markers.

The Markdown side never sees SVG.  Where a diagram belongs, the Markdown
extension (:mod:`diagram_markdown`) leaves a marker comment
``<!--wsd-slot:N-->``; after the page is rendered and indexed for search,
:func:`fill_slots` swaps each marker for the HTML built here.  The figure
carries ``data-search-exclude`` as a second line of defence.
"""

from __future__ import annotations

import base64
import re
from html import escape

from diagram_cache import Artifact

SLOT_RE = re.compile(r"<!--wsd-slot:(\d+)-->")
_PROLOG_RE = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_WIDTH_RE = re.compile(r"<svg\b[^>]*?\swidth=\"([0-9.]+)(?:px)?\"", re.IGNORECASE)
_SCRIPT_RE = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_STEP_ID_RE = re.compile(r'(<g class="wsd-step" data-step="\d+" id="[\w-]+?)-step-(\d+)')
_ROOT_ID_RE = re.compile(r"<svg\b[^>]*?\sid=\"([A-Za-z][\w-]*)\"")

SCHEME_SCRIPT = (
    'var m=/scheme=(slate|default)/.exec(location.hash);'
    'if(m)document.documentElement.setAttribute("data-scheme",m[1]);'
)
FULL_SIZE_LABEL = "查看大图 · Full size"


def slot_marker(number: int) -> str:
    """The comment that stands for diagram slot ``number`` in rendered HTML."""
    return f"<!--wsd-slot:{number}-->"


def fill_slots(html: str, slots: dict[int, str]) -> str:
    """Replace every marker in ``html`` with its slot's HTML (unknown: empty)."""
    if "<!--wsd-slot:" not in html:
        return html
    return SLOT_RE.sub(lambda m: slots.get(int(m.group(1)), ""), html)


def inline_image(artifact: Artifact, alt: str) -> str:
    """The diagram itself: inline SVG, or a PNG as an ``<img>`` data URI."""
    if artifact.fmt == "png":
        data = base64.b64encode(artifact.data).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
    svg = _PROLOG_RE.sub("", artifact.text, count=1)
    return _SCRIPT_RE.sub("", svg)


def standalone_svg(artifact: Artifact, dark_css: str) -> bytes:
    """The file behind "full size": the SVG plus ``dark_css`` (rules for ``:root``)
    under the reader's system dark preference, on a dark background.

    A tiny script reads ``#scheme=slate`` or ``#scheme=default`` from the
    address (the page's "Full size" link sets it from the site's palette) and
    forces that palette instead.  Inline diagrams follow the page's palette
    toggle, so only the standalone file carries these rules.
    """
    if artifact.fmt != "svg":
        return artifact.data
    text = artifact.text
    end = text.rfind("</svg>")
    if end < 0:
        return artifact.data
    body = dark_css.strip()
    body = body[len(":root"):] if body.startswith(":root") else body
    system = ':root:not([data-scheme="default"])'
    forced = ':root[data-scheme="slate"]'
    style = (
        f"<style>@media (prefers-color-scheme: dark){{{system}{body} {system}{{background:var(--wsd-bg)}}}}"
        f" {forced}{body} {forced}{{background:var(--wsd-bg)}}</style>"
        f"<script>{SCHEME_SCRIPT}</script>"
    )
    return (text[:end] + style + text[end:]).encode("utf-8")


def with_unique_ids(svg: str, seen: set[str]) -> str:
    """``svg`` with its id scope renamed if an earlier diagram on the page used it.

    The renderer derives every id and style selector from the root id, so
    renaming that one token keeps the SVG consistent and the page valid.
    """
    match = _ROOT_ID_RE.search(svg[:2000])
    if match is None:
        return svg
    root = match.group(1)
    new, n = root, 1
    while new in seen:
        n += 1
        new = f"{root}-{n}"
    seen.add(new)
    if new == root:
        return svg
    svg = re.sub(rf"{re.escape(root)}(?![\w])", new, svg)
    # Step anchors (``id="reboot-step-12"``) belong to the first copy only.
    return _STEP_ID_RE.sub(rf"\1-{n}-step-\2", svg)


def natural_width(artifact: Artifact) -> str | None:
    """The SVG's own ``width`` in pixels (as written), if it declares one."""
    if artifact.fmt != "svg":
        return None
    match = _WIDTH_RE.search(artifact.data[:4000].decode("utf-8", "replace"))
    return match.group(1) if match else None


def figure_html(
    artifact: Artifact,
    alt: str,
    full_size_href: str | None,
    ids_seen: set[str] | None = None,
    after: str = "",
) -> str:
    """A figure holding the diagram, its caption and a full-size link.

    ``ids_seen`` collects the SVG id scopes already used on the page;
    ``after`` is HTML placed under the caption (the code index).
    """
    width = natural_width(artifact)
    style = f' style="--wsd-width: {width}px"' if width else ""
    image = inline_image(artifact, alt)
    if artifact.fmt == "svg":
        image = with_unique_ids(image, ids_seen if ids_seen is not None else set())
    parts = [
        '<figure class="wsd-figure" data-search-exclude>',
        f'<div class="wsd-diagram" role="group" aria-label="{escape(alt)}"{style}>',
        image,
        "</div>",
    ]
    caption = f'<span class="wsd-caption">{escape(alt)}</span>' if alt else ""
    if full_size_href:
        caption += (
            f'<a class="wsd-full-size" href="{escape(full_size_href)}" '
            f'target="_blank" rel="noopener">{FULL_SIZE_LABEL}</a>'
        )
    if caption:
        parts.append(f"<figcaption>{caption}</figcaption>")
    parts.append(after)
    parts.append("</figure>")
    return "".join(parts)


def error_html(title: str, details: str) -> str:
    """A visible error box (Material ``failure`` admonition), text escaped."""
    return (
        '<div class="admonition failure wsd-error" role="alert" data-search-exclude>'
        f'<p class="admonition-title">{escape(title)}</p>'
        f"<pre><code>{escape(details)}</code></pre>"
        "</div>"
    )
