"""Command line: ``python -m wsd FILE.wsd... [-o DIR]`` writes FILE.svg for each file.

Warnings and errors go to stderr as ``PATH:LINE:COL: message`` with the
source line and a caret; the exit status is 1 if any file is invalid.
"""

from __future__ import annotations

import os
import sys

from . import DiagramError, DiagramWarning, __version__, render

USAGE = "usage: python -m wsd FILE.wsd... [-o DIR]"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir: str | None = None
    files: list[str] = []
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            print(USAGE)
            return 0
        if a == "--version":
            print(__version__)
            return 0
        if a in ("-o", "--output"):
            if not args:
                print(f"{USAGE}\nerror: -o needs a directory", file=sys.stderr)
                return 2
            out_dir = args.pop(0)
        elif a.startswith("-") and a != "-":
            print(f"{USAGE}\nerror: unknown option {a}", file=sys.stderr)
            return 2
        else:
            files.append(a)
    if not files:
        print(USAGE, file=sys.stderr)
        return 2
    status = 0
    for name in files:
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                with open(name, encoding="utf-8") as fh:
                    text = fh.read()
        except UnicodeDecodeError as exc:
            print(f"{name}: cannot read: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                  f"save the diagram as UTF-8", file=sys.stderr)
            status = 1
            continue
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        warnings: list[DiagramWarning] = []
        try:
            svg = render(text, path=name, warnings=warnings)
        except DiagramError as err:
            print(err.excerpt(), file=sys.stderr)
            status = 1
            continue
        for w in warnings:
            print(w.excerpt(), file=sys.stderr)
        if name == "-":
            sys.stdout.write(svg)
            continue
        base = os.path.splitext(os.path.basename(name))[0] + ".svg"
        target = os.path.join(out_dir or os.path.dirname(name), base)
        try:
            if out_dir:
                os.makedirs(out_dir, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(svg)
        except OSError as exc:
            print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            status = 1
    return status
