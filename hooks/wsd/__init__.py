"""wsd: WebSequenceDiagrams text -> standalone SVG, in pure Python.

Public API::

    render(text, *, path=None, id_prefix=None, warnings=None) -> str
    DiagramError, DiagramWarning
    theme_css(light=":root", dark='[data-md-color-scheme="slate"]') -> str
    __version__

The pipeline is parser -> builder (model) -> layout (positioned model) -> svg.
"""

from __future__ import annotations

import gc
import re

from .errors import DiagramError, DiagramWarning, Reporter
from .theme import theme_css

__version__ = "1.5.0"

__all__ = ["render", "DiagramError", "DiagramWarning", "theme_css", "__version__",
           "build_layout", "parse_diagram", "render_parsed"]

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


def _clean(text: str) -> str:
    """Replace characters XML cannot carry with U+FFFD (one for one: positions stay)."""
    if not isinstance(text, str):
        raise TypeError(f"diagram source must be str, not {type(text).__name__}")
    return _BAD_CHARS.sub("\ufffd", text)


def parse_diagram(text: str, *, path: str | None = None,
                  warnings: list[DiagramWarning] | None = None):  # -> model.Diagram
    """Parse and check ``text`` into a :class:`wsd.model.Diagram` (raises DiagramError)."""
    from .builder import build
    from .parser import parse, split_lines

    clean = _clean(text)
    rep = Reporter()
    statements = parse(clean, rep)
    diagram = build(statements, rep, end_line=len(split_lines(clean)))
    if rep.errors:
        # Every problem at once: the warnings often explain the errors (a frame left open).
        raise DiagramError(rep.errors + rep.warnings, path=path, source=clean)
    if warnings is not None:
        warnings.extend(DiagramWarning(p, path=path, source=clean) for p in rep.warnings)
    return diagram


def build_layout(text: str, *, path: str | None = None,
                 warnings: list[DiagramWarning] | None = None):  # -> layout.Layout
    """Parse and lay out ``text``: the positioned model the SVG is drawn from."""
    from .layout import layout
    from .paint import paint

    diagram = parse_diagram(text, path=path, warnings=warnings)
    return paint(diagram, layout(diagram))


def _describe(diagram) -> tuple[str, str]:
    from .model import Message

    title = " ".join(diagram.title.split()) or "Sequence diagram"
    names = [" ".join(p.label.split()) for p in diagram.participants]
    count = sum(1 for e in diagram.events if isinstance(e, Message))
    shown = ", ".join(names[:30]) + (", ..." if len(names) > 30 else "")
    desc = (f"Sequence diagram with {len(names)} participant{'s' if len(names) != 1 else ''}"
            f"{' (' + shown + ')' if names else ''} and {count} message"
            f"{'s' if count != 1 else ''}.")
    return title, desc


def default_prefix(text: str) -> str:
    """The default id prefix: ``wsd-`` and a hash of the source (deterministic)."""
    import zlib

    data = text.encode("utf-8", "surrogatepass")
    return f"wsd-{zlib.crc32(data):08x}{zlib.adler32(data) & 0xFFFF:04x}"


def render(text: str, *, path: str | None = None, id_prefix: str | None = None,
           warnings: list[DiagramWarning] | None = None, step_prefix: str | None = None) -> str:
    """Render diagram source ``text`` to a complete, standalone SVG document.

    The same as :func:`render_parsed` without the parsed diagram.
    """
    return render_parsed(text, path=path, id_prefix=id_prefix, warnings=warnings,
                         step_prefix=step_prefix)[0]


def render_parsed(text: str, *, path: str | None = None, id_prefix: str | None = None,
                  warnings: list[DiagramWarning] | None = None,
                  step_prefix: str | None = None):  # -> tuple[str, model.Diagram]
    """Render diagram source ``text`` to a complete, standalone SVG document, and
    return it with the :class:`wsd.model.Diagram` it was drawn from (which callers
    may read, for a step list say, without parsing the source again).

    ``path`` only labels messages. ``id_prefix`` scopes every id and style in the
    SVG (default: derived from a hash of ``text``). If ``warnings`` is a list,
    :class:`DiagramWarning` objects for forgiven problems are appended to it.
    ``step_prefix`` (same syntax as ``id_prefix``) gives step N the id
    ``<step_prefix>N``.
    Raises :class:`DiagramError` listing every problem when the source is invalid.
    """
    from .layout import layout
    from .paint import paint
    from .svg import render_svg

    text = _clean(text)
    if id_prefix is None:
        id_prefix = default_prefix(text)
    elif not _PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must match [A-Za-z][A-Za-z0-9_-]*, not {id_prefix!r}")
    if step_prefix is not None and not _PREFIX.match(step_prefix):
        raise ValueError(f"step_prefix must match [A-Za-z][A-Za-z0-9_-]*, not {step_prefix!r}")
    # A render allocates many small objects that all live until it ends: the
    # cyclic collector would rescan them again and again (time per event grew
    # past 10,000 events). Nothing here makes cycles, so pause it, then put
    # the caller's state back.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        diagram = parse_diagram(text, path=path, warnings=warnings)
        title, desc = _describe(diagram)
        svg = render_svg(paint(diagram, layout(diagram)), prefix=id_prefix, title=title, desc=desc,
                         step_prefix=step_prefix)
        return svg, diagram
    finally:
        if was_enabled:
            gc.enable()
