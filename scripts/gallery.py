#!/usr/bin/env python3
"""Write one HTML page showing every golden diagram side by side, light and dark.

    python scripts/gallery.py [OUTPUT.html]      (default: build/gallery.html)

Each case is rendered fresh with the current renderer (so the page shows what
the goldens would become) and placed in a light and a dark panel; the dark
panel uses ``wsd.theme_css()``'s dark values, scoped to that panel. Error
goldens are listed with their expected message. Diagrams under ``diagrams/``
are included too when that folder exists.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import wsd  # noqa: E402


def _sources() -> list[tuple[str, Path]]:
    found = [("case", p) for p in sorted((ROOT / "tests/wsd/cases").glob("*.wsd"))]
    found += [("site", p) for p in sorted((ROOT / "diagrams").glob("**/*.wsd"))]
    return found


def build(out: Path) -> int:
    """Write the gallery to ``out``; return the number of diagrams shown."""
    css = wsd.theme_css(light=".light", dark=".dark")
    parts = [
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>wsd gallery ({html.escape(wsd.__version__)})</title><style>",
        css,
        "body{font-family:system-ui,sans-serif;margin:16px;background:#f3f4f6}",
        "h2{font-size:15px;margin:24px 0 6px}",
        ".row{display:grid;grid-template-columns:1fr 1fr;gap:12px;align-items:start}",
        ".panel{padding:12px;border-radius:6px;overflow:auto}",
        ".panel svg{max-width:100%;height:auto}",
        ".light{background:#fff;--md-default-bg-color:#fff}",
        ".dark{background:#1e2129;--md-default-bg-color:#1e2129}",
        "pre{background:#fff;padding:8px;border-radius:6px;font-size:12px;overflow:auto}",
        ".warn{color:#8a5a00;font-size:12px;white-space:pre-wrap}",
        "</style></head><body>",
        f"<h1>wsd {html.escape(wsd.__version__)} gallery</h1>",
    ]
    count = 0
    for kind, path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_bytes().decode("utf-8")
        parts.append(f"<h2 id=\"{html.escape(path.stem)}\">{html.escape(rel)}</h2>")
        warnings: list[wsd.DiagramWarning] = []
        try:
            light = wsd.render(text, path=rel, id_prefix=f"l-{kind}-{count}", warnings=warnings)
            dark = wsd.render(text, path=rel, id_prefix=f"d-{kind}-{count}")
        except wsd.DiagramError as err:
            parts.append(f"<pre>{html.escape(err.excerpt())}</pre>")
            continue
        if warnings:
            parts.append("<div class=\"warn\">" +
                         html.escape("\n".join(str(w) for w in warnings)) + "</div>")
        parts.append(f"<div class=\"row\"><div class=\"panel light\">{light}</div>"
                     f"<div class=\"panel dark\">{dark}</div></div>")
        count += 1
    parts.append("<h1>Error goldens</h1>")
    for path in sorted((ROOT / "tests/wsd/errors").glob("*.wsd")):
        expected = path.with_suffix(".txt")
        body = expected.read_text(encoding="utf-8") if expected.exists() else "(no golden)"
        parts.append(f"<h2>{html.escape(path.name)}</h2><pre>{html.escape(body)}</pre>")
    parts.append("</body></html>\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts), encoding="utf-8")
    return count


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "gallery.html"
    n = build(out)
    print(f"wrote {out} ({n} diagrams)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
