"""Compare every diagram step with a newer Nova release: which functions moved, changed or went away.

Every ``# link: path#Lnnn Qualified.name`` line of ``diagrams/*.wsd`` points at
a function of Nova at the pinned branch named by the diagram's ``# linkbase:``.
This script finds that function at the pinned ref and at ``--to REF`` in a
local Nova git repository (a bare mirror or a normal clone; no network) and
sorts each step into one of four kinds:

unchanged  same text, same line: nothing to do
moved      same text, another line: only the line number needs updating
changed    the text differs: a person must reread the step (a diff is shown)
gone       no function of that name at REF: a likely successor is suggested

    python scripts/release_drift.py --nova /path/to/nova.git --to master
    python scripts/release_drift.py --nova ~/src/nova --to stable/2026.2 --write

With ``--write`` the line numbers of unchanged and moved steps and the branch
in each ``# linkbase:`` are rewritten in place; changed and gone steps are
listed for a person to fix.  The last line of the output is always
``N steps: A unchanged, B moved, C changed, D gone``.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("unchanged", "moved", "changed", "gone")
DIFF_LINES = 40  # most lines of unified diff shown for one changed function
SUGGEST_MIN = 0.45  # lowest combined name/body score worth suggesting as a successor
SEARCH_SKIP_DIRS = {".git", ".cache", "site", "data", "node_modules", "__pycache__"}

_LINKBASE = re.compile(r"^(\s*#\s*linkbase:\s*)(\S+?/src/)(branch|tag|commit)/(.+?)/(\s*)$")
_LINK = re.compile(r"^(\s*#\s*link:\s*)(?P<path>[^\s#:]+)#L(?P<line>\d+)(?P<rest>\s+(?P<name>\S+).*)$")


class DriftError(Exception):
    """Bad input: printed as one message, exit status 2."""


@dataclass(frozen=True)
class Definition:
    """One def (or class) of a Python file at one ref."""

    name: str
    line: int
    text: str  # decorators, signature and body, as written
    first: int  # file line of ``text``'s first line (the first decorator, or the def)


@dataclass
class Step:
    """One ``# link:`` line of a diagram and what became of its function."""

    diagram: Path
    number: int  # line in the diagram
    path: str
    line: int  # the Lnnn written in the link
    name: str
    kind: str = ""
    new_line: int | None = None
    note: str = ""
    diff: list[str] | None = None


class Nova:
    """Read-only access to a Nova git repository, with every file read and parsed once per ref."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise DriftError(f"{path}: no such directory; pass --nova a Nova git clone or bare mirror")
        found = self._git_raw(["-C", str(path), "rev-parse", "--absolute-git-dir"])
        if found.returncode != 0:
            raise DriftError(f"{path}: not a git repository; pass --nova a Nova git clone or bare mirror")
        self.git_dir = found.stdout.strip()
        self._sources: dict[tuple[str, str], str | None] = {}
        self._defs: dict[tuple[str, str], dict[str, Definition]] = {}
        self._refs: dict[str, tuple[str, str]] = {}

    @staticmethod
    def _git_raw(args: list[str]) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        except FileNotFoundError as err:
            raise DriftError("git is not installed; this script reads Nova with git") from err

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self._git_raw([f"--git-dir={self.git_dir}", *args])

    def resolve(self, ref: str) -> tuple[str, str]:
        """(commit, kind) of a branch, tag or commit; kind is ``branch``, ``tag`` or ``commit``."""
        if ref in self._refs:
            return self._refs[ref]
        for candidate, kind in (
            (f"refs/heads/{ref}", "branch"),
            (f"refs/remotes/origin/{ref}", "branch"),
            (f"refs/tags/{ref}", "tag"),
            (ref, "commit"),
        ):
            done = self.git("rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}")
            if done.returncode == 0:
                self._refs[ref] = (done.stdout.strip(), kind)
                return self._refs[ref]
        raise DriftError(
            f"{ref}: no such branch, tag or commit in {self.git_dir}; "
            f"list them with: git --git-dir={self.git_dir} branch -a"
        )

    def source(self, ref: str, path: str) -> str | None:
        """The text of ``path`` at ``ref``, or None if the file does not exist there."""
        key = (ref, path)
        if key not in self._sources:
            commit, _ = self.resolve(ref)
            done = self.git("show", f"{commit}:{path}")
            self._sources[key] = done.stdout if done.returncode == 0 else None
        return self._sources[key]

    def definitions(self, ref: str, path: str) -> dict[str, Definition]:
        """Qualified name -> definition, the way ``scripts/nova_index.py`` names them."""
        key = (ref, path)
        if key not in self._defs:
            self._defs[key] = _definitions(self.source(ref, path) or "")
        return self._defs[key]

    def files_defining(self, ref: str, short: str) -> list[str]:
        """Non-test Python files under ``nova/`` at ``ref`` with a ``def short(``."""
        commit, _ = self.resolve(ref)
        done = self.git("grep", "-l", "-E", rf"def {re.escape(short)}\(", commit, "--", "nova/*.py")
        prefix = f"{commit}:"
        paths = [ln[len(prefix) :] for ln in done.stdout.splitlines() if ln.startswith(prefix)]
        return [p for p in paths if "/tests/" not in p]

    def renamed(self, old: str, new: str, path: str) -> str | None:
        """Where git's rename detection says ``path`` went between two refs."""
        done = self.git("diff", "-M", "--name-status", "--diff-filter=R", self.resolve(old)[0], self.resolve(new)[0])
        for row in done.stdout.splitlines():
            parts = row.split("\t")
            if len(parts) == 3 and parts[1] == path:
                return parts[2]
        return None


def _definitions(text: str) -> dict[str, Definition]:
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}
    lines = text.splitlines()
    found: dict[str, Definition] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                body = "\n".join(lines[first - 1 : child.end_lineno])
                found.setdefault(name, Definition(name, child.lineno, body, first))
                visit(child, name + ".")

    visit(tree, "")
    return found


def read_steps(diagram: Path) -> tuple[list[Step], str | None]:
    """The link steps of one diagram and the ref its linkbase pins (None without one)."""
    pinned = None
    steps = []
    for number, text in enumerate(diagram.read_text(encoding="utf-8").splitlines(), start=1):
        if m := _LINKBASE.match(text):
            pinned = m.group(4)
        elif (m := _LINK.match(text)) and not re.match(r"^[a-z]+:", m["path"]):
            steps.append(Step(diagram, number, m["path"], int(m["line"]), m["name"]))
    return steps, pinned


def classify(nova: Nova, step: Step, pinned: str, ref: str) -> None:
    """Fill in what became of one step's function between ``pinned`` and ``ref``."""
    old = nova.definitions(pinned, step.path).get(step.name)
    new = nova.definitions(ref, step.path).get(step.name)
    if new is None:
        step.kind = "gone"
        if nova.source(ref, step.path) is None:
            step.note = f"{step.path} is not in {ref}"
        if old is None:
            step.note = f"{step.name} is not in {step.path} at {pinned} either"
        successor = suggest(nova, step, old, pinned, ref)
        if successor:
            step.note = "; ".join(filter(None, [step.note, successor]))
        return
    step.new_line = new.line
    if old is None:
        step.kind = "changed"
        step.note = f"{step.name} is not in {step.path} at {pinned}: check the step by hand"
        return
    if old.text == new.text:
        step.kind = "unchanged" if new.line == step.line else "moved"
        if old.line != step.line:
            step.note = f"the link said L{step.line} but {pinned} has it at L{old.line}"
        return
    step.kind = "changed"
    step.diff = _file_lines(
        old,
        new,
        difflib.unified_diff(
            old.text.splitlines(),
            new.text.splitlines(),
            f"{pinned}:{step.path}#L{old.line}",
            f"{ref}:{step.path}#L{new.line}",
            lineterm="",
            n=2,
        ),
    )


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _file_lines(old: Definition, new: Definition, diff) -> list[str]:
    """A diff of two function texts, its hunk headers counting lines of the files, not of the functions."""

    def shift(m: re.Match[str]) -> str:
        a, b = int(m[1]) + old.first - 1, int(m[3]) + new.first - 1
        return f"@@ -{a}{m[2] or ''} +{b}{m[4] or ''} @@"

    return [_HUNK.sub(shift, text) for text in diff]


def suggest(nova: Nova, step: Step, old: Definition | None, pinned: str, ref: str) -> str:
    """The most likely successor of a function that is gone at ``ref``, as text; empty if none fits."""
    short = step.name.rsplit(".", 1)[-1]
    paths = [step.path]
    if nova.source(ref, step.path) is None and (moved_to := nova.renamed(pinned, ref, step.path)):
        paths.append(moved_to)
    paths += [p for p in nova.files_defining(ref, short) if p not in paths]
    old_lines = old.text.splitlines() if old else []
    best: tuple[float, str, Definition] | None = None
    for path in paths:
        for cand in nova.definitions(ref, path).values():
            if cand.text.lstrip().startswith("class ") != (old is not None and old.text.lstrip().startswith("class ")):
                continue
            cand_short = cand.name.rsplit(".", 1)[-1]
            name_score = max(
                difflib.SequenceMatcher(None, short, cand_short).ratio(),
                difflib.SequenceMatcher(None, step.name, cand.name).ratio(),
            )
            body_score = 0.0
            if old_lines:
                matcher = difflib.SequenceMatcher(None, old_lines[1:], cand.text.splitlines()[1:], autojunk=False)
                if matcher.real_quick_ratio() > 0.3 and matcher.quick_ratio() > 0.3:
                    body_score = matcher.ratio()
            score = (name_score + body_score) / 2 if old_lines else name_score
            if best is None or score > best[0]:
                best = (score, path, cand)
    if best is None or best[0] < SUGGEST_MIN:
        return "no likely successor found"
    score, path, cand = best
    return f"likely successor: {path}#L{cand.line} {cand.name} (similarity {score:.2f})"


def report(steps_by_diagram: dict[Path, list[Step]], pinned: dict[Path, str], ref: str, out) -> Counter:
    """Print one table per diagram and the diffs of changed functions; return the counts."""
    counts: Counter = Counter()
    shown: dict[tuple[str, str], Path] = {}
    for diagram, steps in steps_by_diagram.items():
        kinds = Counter(step.kind for step in steps)
        counts.update(kinds)
        summary = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
        print(f"== {diagram.name}  ({pinned[diagram]} -> {ref}): {len(steps)} steps: {summary}", file=out)
        width = max((len(f"{s.path} {s.name}") for s in steps), default=10)
        print(f"  {'line':>5}  {'kind':<9}  {'old':>6}  {'new':>6}  {'step':<{width}}  note", file=out)
        for s in steps:
            new = f"L{s.new_line}" if s.new_line else "-"
            target = f"{s.path} {s.name}"
            row = f"  {s.number:>5}  {s.kind:<9}  L{s.line:<5}  {new:>6}  {target:<{width}}  {s.note}"
            print(row.rstrip(), file=out)
        for s in steps:
            if s.kind != "changed" or not s.diff:
                continue
            key = (s.path, s.name)
            if key in shown:
                if shown[key] != diagram:
                    print(f"  diff of {s.name}: shown under {shown[key].name}", file=out)
                continue
            shown[key] = diagram
            print(f"  diff of {s.name} ({s.path}):", file=out)
            for text in s.diff[:DIFF_LINES]:
                print(f"    {text}", file=out)
            if len(s.diff) > DIFF_LINES:
                print(f"    ... {len(s.diff) - DIFF_LINES} more diff lines", file=out)
        print(file=out)
    return counts


def write(steps_by_diagram: dict[Path, list[Step]], pinned: dict[Path, str], ref: str, ref_kind: str, out) -> None:
    """Rewrite unchanged and moved link lines and every linkbase; list what is left for a person."""
    left = []
    for diagram, steps in steps_by_diagram.items():
        by_number = {s.number: s for s in steps}
        lines = diagram.read_text(encoding="utf-8").splitlines(keepends=True)
        rewritten = 0
        for index, text in enumerate(lines):
            number = index + 1
            if m := _LINKBASE.match(text.rstrip("\n")):
                lines[index] = f"{m.group(1)}{m.group(2)}{ref_kind}/{ref}/{m.group(5)}" + text[len(text.rstrip("\n")) :]
            elif (step := by_number.get(number)) is not None:
                if step.kind in ("unchanged", "moved") and step.new_line is not None:
                    if step.new_line != step.line:
                        lines[index] = text.replace(f"#L{step.line}", f"#L{step.new_line}", 1)
                        rewritten += 1
                else:
                    left.append(step)
        diagram.write_text("".join(lines), encoding="utf-8")
        print(f"wrote {diagram.name}: {rewritten} line numbers, linkbase -> {ref_kind}/{ref}", file=out)
    if left:
        print(f"left for a person ({len(left)} steps, changed or gone):", file=out)
        for s in left:
            print(f"  {s.diagram.name}:{s.number}: {s.kind}: {s.path}#L{s.line} {s.name}", file=out)
    site = next(iter(steps_by_diagram), None)
    if site is not None:
        for old in sorted(set(pinned.values())):
            others = _files_naming(site.parent.parent, old, {d.resolve() for d in steps_by_diagram})
            if others:
                print(f"these files still name {old}; update them by hand: {', '.join(others)}", file=out)


def _files_naming(root: Path, text: str, skip: set[Path]) -> list[str]:
    """Text files under ``root`` (outside build output and data) that contain ``text``."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or SEARCH_SKIP_DIRS & set(path.relative_to(root).parts) or path.resolve() in skip:
            continue
        if path.suffix not in {".md", ".py", ".wsd", ".yml", ".yaml", ".txt", ".html", ".js"}:
            continue
        try:
            if text in path.read_text(encoding="utf-8"):
                found.append(str(path.relative_to(root)))
        except (UnicodeDecodeError, OSError):
            continue
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nova", required=True, type=Path, help="a Nova git clone or bare mirror")
    parser.add_argument("--to", required=True, help="the branch, tag or commit to compare with, e.g. master")
    parser.add_argument("--from", dest="pinned", help="the pinned ref (default: the branch each # linkbase: names)")
    parser.add_argument("--diagrams", type=Path, default=ROOT / "diagrams", help="the .wsd directory")
    parser.add_argument("--write", action="store_true", help="rewrite unchanged and moved steps and the linkbase")
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        if not args.diagrams.is_dir():
            raise DriftError(f"{args.diagrams}: no such directory; pass --diagrams the folder of .wsd files")
        diagrams = sorted(args.diagrams.glob("*.wsd"))
        if not diagrams:
            raise DriftError(f"{args.diagrams}: no .wsd files here; pass --diagrams the folder of .wsd files")
        nova = Nova(args.nova)
        _, ref_kind = nova.resolve(args.to)
        steps_by_diagram: dict[Path, list[Step]] = {}
        pinned: dict[Path, str] = {}
        for diagram in diagrams:
            steps, base_ref = read_steps(diagram)
            if not steps:
                continue
            ref = args.pinned or base_ref
            if ref is None:
                raise DriftError(
                    f"{diagram}:1:1: links but no '# linkbase: .../src/branch/<branch>/' line; add one or pass --from"
                )
            nova.resolve(ref)
            for step in steps:
                classify(nova, step, ref, args.to)
            steps_by_diagram[diagram] = steps
            pinned[diagram] = ref
        counts = report(steps_by_diagram, pinned, args.to, out)
        if args.write:
            write(steps_by_diagram, pinned, args.to, ref_kind, out)
    except DriftError as err:
        print(f"release_drift: {err}", file=sys.stderr)
        return 2
    total = sum(counts.values())
    print(f"{total} steps: " + ", ".join(f"{counts[k]} {k}" for k in KINDS), file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
