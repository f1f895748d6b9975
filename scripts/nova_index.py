"""Index a Nova checkout: the list of its files and the line of every function.

The walkthroughs link each diagram step to Nova's source at a pinned stable
branch. Tests check those links offline against the two files this script
writes, so it runs once per release bump, never at test time:

    python scripts/nova_index.py /path/to/nova-checkout stable/2026.1 COMMIT

writes ``data/nova/files.txt`` (one path per line, with a header naming the
branch and commit), ``data/nova/symbols.tsv`` (path, qualified name, line
of its ``def``) for every Python file under ``nova/``, and
``data/nova/states.tsv`` (kind, name) for the instance states Nova defines
(``vm_state``, ``task_state``, ``power_state``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "nova"


def _symbols(path: Path) -> list[tuple[str, int]]:
    """Qualified names (``Class.method``) and def lines of one Python file."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return []
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                found.append((name, child.lineno))
                visit(child, name + ".")

    visit(tree, "")
    return found


STATE_MODULES = {
    "vm_state": "nova/compute/vm_states.py",
    "task_state": "nova/compute/task_states.py",
    "power_state": "nova/compute/power_state.py",
}


def _constants(path: Path) -> list[str]:
    """Module-level UPPER_CASE names of single values (not lists or maps) in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Attribute, ast.Constant, ast.Call)):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    names.append(target.id)
    return names


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, branch, commit = Path(argv[0]), argv[1], argv[2]
    files = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=False
    ).stdout.split()
    if not files:
        files = sorted(
            str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and ".git" not in p.parts
        )
    OUT.mkdir(parents=True, exist_ok=True)
    header = f"# nova {branch} {commit}\n"
    (OUT / "files.txt").write_text(header + "\n".join(sorted(files)) + "\n", encoding="utf-8")
    rows = []
    for rel in sorted(files):
        if rel.startswith("nova/") and rel.endswith(".py") and "/tests/" not in rel:
            for name, line in _symbols(root / rel):
                rows.append(f"{rel}\t{name}\t{line}")
    (OUT / "symbols.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    states = [f"{kind}\t{name}" for kind, rel in STATE_MODULES.items() for name in _constants(root / rel)]
    (OUT / "states.tsv").write_text(header + "\n".join(states) + "\n", encoding="utf-8")
    print(f"{len(files)} files, {len(rows)} symbols -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
