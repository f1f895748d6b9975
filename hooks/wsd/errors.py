"""Source positions, problems, and the two public problem types.

Problems are *collected*, not raised one at a time: the parser and the
builder append :class:`Problem` objects to a :class:`Reporter`; at the end a
single :class:`DiagramError` carries every error, and warnings become
:class:`DiagramWarning` objects handed to the caller.

Messages print as ``PATH:LINE:COL: message`` and :meth:`DiagramError.excerpt`
adds the source line with a caret under the problem, pikchr style::

    diagrams/x.wsd:3:3: unknown arrow '-x>'
        3 | A -x> B: hello
          |   ^^^
"""

from __future__ import annotations

import unicodedata

__all__ = ["Problem", "Reporter", "DiagramError", "DiagramWarning", "MAX_PROBLEMS"]

#: Most problems one error reports (a cap for hostile input); the rest are counted.
MAX_PROBLEMS = 50


class Problem:
    """One problem at a 1-based ``line``/``column`` spanning ``length`` characters."""

    __slots__ = ("line", "column", "message", "length", "severity")

    def __init__(self, line: int, column: int, message: str, length: int = 1,
                 severity: str = "error") -> None:
        self.line = line
        self.column = column
        self.message = message
        self.length = max(1, length)
        self.severity = severity

    def __repr__(self) -> str:
        return f"Problem({self.line}, {self.column}, {self.message!r}, {self.severity!r})"


def _display_width(text: str) -> int:
    """Terminal cells taken by ``text`` (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_excerpt(problems: list[Problem], source: str | None, path: str | None) -> str:
    """Render problems as header lines plus the source line and a caret run."""
    lines = source.splitlines() if source else []
    where = path or "<input>"
    out: list[str] = []
    for p in problems:
        kind = "" if p.severity == "error" else "warning: "
        out.append(f"{where}:{p.line}:{p.column}: {kind}{p.message}")
        if 1 <= p.line <= len(lines):
            text = lines[p.line - 1].replace("\t", " ")
            gutter = str(p.line)
            pad = " " * len(gutter)
            start = max(0, p.column - 1)
            lead = _display_width(text[:start])
            span = _display_width(text[start:start + p.length]) or 1
            out.append(f"    {gutter} | {text}")
            out.append(f"    {pad} | {' ' * lead}{'^' * span}")
    return "\n".join(out)


class _Positioned:
    """Shared behaviour of errors and warnings: position attributes and excerpt."""

    line: int
    column: int
    message: str
    path: str | None
    problems: list[Problem]
    _source: str | None
    #: Mark warnings with ``warning:`` in str() (an error lists them among its errors).
    _mark_warnings = False

    def _locate(self, problems: list[Problem], path: str | None, source: str | None) -> str:
        """Set the position attributes from ``problems`` (the first one leads); return str()."""
        self.problems = problems
        first = next((p for p in problems if p.severity == "error"), problems[0])
        self.line = first.line
        self.column = first.column
        self.message = first.message
        self.path = path
        self._source = source
        return self._header()

    def __str__(self) -> str:
        return self._header()

    def _header(self) -> str:
        where = self.path or "<input>"
        return "\n".join(
            f"{where}:{p.line}:{p.column}: {self._kind(p)}{p.message}"
            for p in self.problems
        )

    def _kind(self, problem: Problem) -> str:
        return "warning: " if self._mark_warnings and problem.severity != "error" else ""

    def excerpt(self) -> str:
        """The message(s), each followed by its source line and a caret under the problem."""
        return format_excerpt(self.problems, self._source, self.path)


class DiagramError(_Positioned, Exception):
    """Invalid diagram source.

    ``line``/``column``/``message`` describe the first error; ``problems``
    lists every problem in source order (each with ``line``, ``column``,
    ``message`` and ``severity``): the errors and the warnings found with
    them, at most :data:`MAX_PROBLEMS` (a last one says how many were left out).
    ``str(err)`` is ``PATH:LINE:COL: message``, one line per problem.
    """

    _mark_warnings = True

    def __init__(self, problems: list[Problem], *, path: str | None = None,
                 source: str | None = None) -> None:
        if not any(p.severity == "error" for p in problems):
            raise ValueError("DiagramError needs at least one error")
        ordered = sorted(problems, key=lambda p: (p.line, p.column))
        if len(ordered) > MAX_PROBLEMS:
            left = len(ordered) - MAX_PROBLEMS + 1
            last = ordered[MAX_PROBLEMS - 1]
            ordered = ordered[:MAX_PROBLEMS - 1] + [
                Problem(last.line, last.column, f"... and {left} more problems (fix these first)")]
        super().__init__(self._locate(ordered, path, source))


class DiagramWarning(_Positioned, UserWarning):
    """A forgiven problem (the diagram still renders); same attributes as DiagramError."""

    def __init__(self, problem: Problem, *, path: str | None = None,
                 source: str | None = None) -> None:
        super().__init__(self._locate([problem], path, source))

    def excerpt(self) -> str:
        return format_excerpt(
            [Problem(self.line, self.column, self.message, self.problems[0].length, "warning")],
            self._source, self.path)


class Reporter:
    """Collects errors and warnings while a diagram is read."""

    __slots__ = ("errors", "warnings")

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, line: int, column: int, message: str, length: int = 1) -> None:
        """Record an error; reading continues so that all errors are reported together."""
        self.errors.append(Problem(line, column, message, length))

    def warn(self, line: int, column: int, message: str, length: int = 1) -> None:
        """Record a forgiven problem."""
        self.warnings.append(Problem(line, column, message, length, "warning"))
