"""Write ``data/nova/messages.txt``: the log and exception message literals of Nova at the pinned commit.

    python scripts/nova_strings.py /path/to/nova.git stable/2026.1

The troubleshooting sections quote what Nova logs and raises; ``tests/content/test_messages.py``
checks each quote against this file, offline. The script reads the branch straight from the
repository (a bare mirror works) and keeps, from every ``nova/**/*.py`` file outside the tests,
the string literals that can end up in a log line or an error:

- the format string of a ``LOG.<level>(...)`` call (or of ``lg(...)``, the alias the libvirt driver uses);
- any literal inside a ``_()`` translation call or a ``raise`` statement;
- the ``msg_fmt`` of an exception class and any literal assigned to a name containing ``msg``.

Implicitly concatenated literals are one string, as Python joins them. One message per line,
newlines written as ``\\n``; sorted and without duplicates, so a regeneration diff shows what
changed in Nova.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "nova"
MESSAGES = DATA / "messages.tsv"
OPTIONS = DATA / "options.tsv"
LOG_LEVELS = {"debug", "info", "warning", "warn", "error", "exception", "critical"}


def _literals(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _is_log_call(node: ast.Call) -> bool:
    func = node.func
    if isinstance(func, ast.Name):  # ``lg = LOG.debug if ... else LOG.info``, then ``lg(...)``
        return func.id == "lg"
    return (
        isinstance(func, ast.Attribute)
        and func.attr in LOG_LEVELS
        and isinstance(func.value, ast.Name)
        and func.value.id in {"LOG", "log", "logger", "LOGGER"}
    )


def _conf_option(node: ast.Attribute) -> str | None:
    """``opt`` for ``CONF.opt``, ``group.opt`` for ``CONF.group.opt``."""
    chain = []
    while isinstance(node, ast.Attribute):
        chain.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id == "CONF" and chain:
        return ".".join(reversed(chain[-2:]))
    return None


class Module:
    """What one Python module contributes: messages with the function they sit in, options read, raises."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.messages: dict[str, set[str]] = {}  # message -> functions (or "class:Name" for msg_fmt)
        self.reads: dict[str, set[str]] = {}  # option -> functions reading it
        self.raises: dict[str, set[str]] = {}  # exception class name -> functions raising it
        self.refs: dict[str, set[str]] = {}  # short function name -> functions naming it
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return
        self._visit(tree, "", None)

    def _add(self, table: dict[str, set[str]], key: str, where: str) -> None:
        table.setdefault(key, set()).add(where)

    def _visit(self, node: ast.AST, prefix: str, func: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._visit(child, f"{prefix}{child.name}.", f"{self.path}:{prefix}{child.name}")
                continue
            if isinstance(child, ast.ClassDef):
                for stmt in child.body:
                    if isinstance(stmt, ast.Assign) and any(getattr(t, "id", "") == "msg_fmt" for t in stmt.targets):
                        for text in _literals(stmt.value):
                            self._add(self.messages, text, f"class:{child.name}")
                self._visit(child, f"{prefix}{child.name}.", func)
                continue
            where = func or f"{self.path}:<module>"
            if isinstance(child, ast.Call):
                if _is_log_call(child) and child.args:
                    for text in _literals(child.args[0]):
                        self._add(self.messages, text, where)
                elif isinstance(child.func, ast.Name) and child.func.id in {"_", "_LE", "_LW", "_LI"}:
                    for text in _literals(child):
                        self._add(self.messages, text, where)
            elif isinstance(child, ast.Raise) and child.exc is not None:
                for text in _literals(child.exc):
                    self._add(self.messages, text, where)
                exc = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                name = exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", None)
                if name and func:
                    self._add(self.raises, name, func)
            elif isinstance(child, ast.Assign):
                if any("msg" in getattr(t, "id", "").lower() for t in child.targets):
                    for text in _literals(child.value):
                        self._add(self.messages, text, where)
            elif isinstance(child, ast.Attribute) and func:
                option = _conf_option(child)
                if option:
                    self._add(self.reads, option.removeprefix("DEFAULT."), func)
                    continue
                self._add(self.refs, child.attr, func)
            elif isinstance(child, ast.Name) and func:
                self._add(self.refs, child.id, func)
            self._visit(child, prefix, func)


def tables(modules: list[Module]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """message -> functions it belongs to; option -> functions that read it or refer to a reader.

    A message belongs to the function whose code holds it; an exception's ``msg_fmt`` belongs to
    every function that raises that exception.
    """
    raises: dict[str, set[str]] = {}
    for module in modules:
        for name, where in module.raises.items():
            raises.setdefault(name, set()).update(where)
    messages: dict[str, set[str]] = {}
    for module in modules:
        for text, where in module.messages.items():
            if " " not in text.strip():
                continue
            funcs = messages.setdefault(text, set())
            for w in where:
                funcs.update(raises.get(w[6:], set()) if w.startswith("class:") else {w})
    options: dict[str, set[str]] = {}
    for module in modules:
        for option, readers in module.reads.items():
            related = options.setdefault(option, set())
            related.update(readers)
            for reader in readers:
                short = reader.rsplit(".", 1)[-1].rsplit(":", 1)[-1]
                related.update(module.refs.get(short, set()))
    return messages, options


def _python_files(git_dir: str, branch: str) -> list[str]:
    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", branch, "nova/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return [p for p in listing if p.endswith(".py") and "/tests/" not in p]


def _read_all(git_dir: str, branch: str, paths: list[str]) -> dict[str, str]:
    """Every file's text through one ``git cat-file --batch`` process."""
    batch = "".join(f"{branch}:{p}\n" for p in paths).encode()
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"], input=batch, capture_output=True, check=True
    ).stdout
    texts, pos = {}, 0
    for path in paths:
        head_end = out.index(b"\n", pos)
        size = int(out[pos:head_end].split()[2])
        texts[path] = out[head_end + 1 : head_end + 1 + size].decode("utf-8", "replace")
        pos = head_end + 1 + size + 1
    return texts


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    git_dir, branch = argv
    commit = subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", branch], capture_output=True, text=True, check=True
    ).stdout.strip()
    texts = _read_all(git_dir, branch, _python_files(git_dir, branch))
    messages, options = tables([Module(path, text) for path, text in texts.items()])
    head = f"# nova {branch} {commit}\n"
    rows = sorted(f"{_escape(m)}\t{' '.join(sorted(where))}" for m, where in messages.items())
    MESSAGES.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    rows = sorted(f"{o}\t{' '.join(sorted(where))}" for o, where in options.items())
    OPTIONS.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    for out in (MESSAGES, OPTIONS):
        print(f"{out.name}: {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
