"""Markdown side of diagram embedding: ``![alt](x.wsd)`` images and ```` ```wsd ```` fences.

Both become a marker comment (see :mod:`diagram_html`) stored in Python-
Markdown's raw-HTML stash, so no Markdown processor ever touches SVG.  The
image form is found by a tree processor, so images in code spans or code
blocks (for example in the contributing guide) are left alone, and images
inside content tabs or admonitions work.  What a marker stands for is
decided by a :class:`SlotSink` (the hook).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: Runs after inline images exist (20) and attr_list (8), before MkDocs'
#: anchor extraction / toc (5) and link rewriting (0).
TREEPROCESSOR_PRIORITY = 6


class SlotSink(Protocol):
    """Receives diagram requests from the page being rendered."""

    def image_slot(self, target: str, alt: str) -> str:
        """Return the marker for an image whose target is a ``.wsd`` path."""

    def fence_slot(self, source: str) -> str:
        """Return the marker for a ```` ```wsd ```` block holding ``source``."""


def wsd_target(src: str | None) -> str | None:
    """The local ``.wsd`` path an image source names, else ``None``."""
    if not src:
        return None
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path.lower().endswith(".wsd"):
        return None
    return posixpath.normpath(unquote(parts.path))


class DiagramTreeprocessor(Treeprocessor):
    """Swap ``<img src="….wsd">`` for a stashed slot marker."""

    def __init__(self, md: Markdown, sink: SlotSink) -> None:
        super().__init__(md)
        self.sink = sink

    def run(self, root: etree.Element) -> None:
        found = [
            (parent, child)
            for parent in root.iter()
            for child in parent
            if child.tag == "img" and wsd_target(child.get("src"))
        ]
        for parent, img in found:
            target = wsd_target(img.get("src"))
            assert target is not None
            marker = self.sink.image_slot(target, img.get("alt", ""))
            _replace_with_text(parent, img, self.md.htmlStash.store(marker))


def _replace_with_text(parent: etree.Element, child: etree.Element, text: str) -> None:
    """Remove ``child`` from ``parent``, leaving ``text`` (and its tail) in place."""
    children = list(parent)
    index = children.index(child)
    glued = text + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + glued
    else:
        before = children[index - 1]
        before.tail = (before.tail or "") + glued
    parent.remove(child)


class DiagramExtension(Extension):
    """Registers :class:`DiagramTreeprocessor` with a sink."""

    def __init__(self, sink: SlotSink, **kwargs: Any) -> None:
        self.sink = sink
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown API)
        md.treeprocessors.register(
            DiagramTreeprocessor(md, self.sink), "wsd_diagrams", TREEPROCESSOR_PRIORITY
        )


def fence_spec(sink: SlotSink) -> dict[str, Any]:
    """A ``pymdownx.superfences`` custom fence entry for ```` ```wsd ````."""

    def format_wsd(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs: Any) -> str:
        return sink.fence_slot(source)

    return {"name": "wsd", "class": "wsd", "format": format_wsd}
