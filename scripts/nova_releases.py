"""Write ``data/nova/releases.tsv``: every Nova release series from Liberty on, read from Nova's git.

    python scripts/nova_releases.py /path/to/nova.git [stable/2026.1]

The script needs only the repository (a bare mirror works) and takes each fact from it:

- the code names, oldest first, are the keys of ``ComputeAPI.VERSION_ALIASES`` in
  ``nova/compute/rpcapi.py`` on the given branch (``icehouse`` … ``gazpacho``);
- the series are the refs that end one: a ``stable/<series>`` branch when it still exists, else the
  ``<series>-eol`` (or ``-eom``) tag; lettered series are named after their code name, later ones
  ``2023.1`` … are taken from those refs in order;
- the first version of each series is the ``NN.0.0`` tag, Liberty being 12.0.0; the script checks
  that the tag is an ancestor of the series' ref and that the next series' tag is not, so a table
  that disagrees with git is never written.

Columns: series, code name, first version, tag, branch (or end-of-life tag).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "nova" / "releases.tsv"
FIRST = ("liberty", 12)
_NUMBERED = re.compile(r"^(20\d\d\.[12])(?:-eol|-eom)?$")


def _git(git_dir: str, *args: str) -> str:
    done = subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def _is_ancestor(git_dir: str, older: str, newer: str) -> bool:
    cmd = ["git", f"--git-dir={git_dir}", "merge-base", "--is-ancestor", older, newer]
    return subprocess.run(cmd, check=False).returncode == 0


def code_names(git_dir: str, branch: str) -> list[str]:
    """The keys of ``ComputeAPI.VERSION_ALIASES``, oldest release first."""
    tree = ast.parse(_git(git_dir, "show", f"{branch}:nova/compute/rpcapi.py"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "VERSION_ALIASES" for t in node.targets):
            return [key.value for key in node.value.keys]
    raise SystemExit(f"{branch}:nova/compute/rpcapi.py: no VERSION_ALIASES")


def series_refs(git_dir: str) -> dict[str, str]:
    """Series name -> the ref that ends it (stable branch first, then -eol, then -eom tag)."""
    branches = {
        line.strip().removeprefix("stable/")
        for line in _git(git_dir, "for-each-ref", "--format=%(refname:short)", "refs/heads/stable").split()
    }
    tags = set(_git(git_dir, "tag").split())
    refs = {}
    names = branches | {t.rsplit("-", 1)[0] for t in tags if t.endswith(("-eol", "-eom"))}
    for name in names:
        for ref in (f"stable/{name}", f"{name}-eol", f"{name}-eom"):
            if (ref.startswith("stable/") and name in branches) or ref in tags:
                refs[name] = ref
                break
    return refs


def rows(git_dir: str, branch: str) -> list[tuple[str, str, str, str, str]]:
    names = code_names(git_dir, branch)
    names = names[names.index(FIRST[0]) :]
    refs = series_refs(git_dir)
    numbered = iter(sorted(s for s in refs if _NUMBERED.match(s)))
    tags = set(_git(git_dir, "tag").split())
    table = []
    for offset, code in enumerate(names):
        series = code if code in refs else next(numbered, None)
        if series is None:
            raise SystemExit(f"{code}: no stable branch or end-of-life tag left for it")
        tag = f"{FIRST[1] + offset}.0.0"
        if tag not in tags:
            raise SystemExit(f"{code}: no tag {tag}")
        table.append((series, code.capitalize(), tag, tag, refs[series]))
    for (_, code, tag, _, ref), nxt in zip(table, [*table[1:], None]):
        if not _is_ancestor(git_dir, tag, ref):
            raise SystemExit(f"{code}: {tag} is not on {ref}")
        if nxt and _is_ancestor(git_dir, nxt[2], ref):
            raise SystemExit(f"{code}: {ref} already holds the next series' {nxt[2]}")
    return table


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    git_dir, branch = argv[0], argv[1] if len(argv) == 2 else "stable/2026.1"
    table = rows(git_dir, branch)
    head = _git(git_dir, "rev-parse", branch).strip()
    lines = [f"# nova releases from {branch} {head}", "# series\tcode_name\tversion\ttag\tbranch"]
    lines += ["\t".join(row) for row in table]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} series -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
