"""Search keys for code identifiers, and the server actions no page covers.

Material's search splits ``NoValidHost`` into ``no valid host`` and
``build_and_run_instance`` into ``build and run instance`` (mkdocs.yml's
separator), and every query word is a prefix: ``no`` also matches
``novnc``.  A *key* is an identifier folded to one word of lowercase letters
and digits behind ``00`` (``00novalidhost``; the prefix keeps an ordinary
query word such as ``post`` from matching the key of ``post_live_migration``,
which as a tag outweighs any text); pages get the keys of the identifiers they
write in inline code as hidden search tags, and
docs/javascripts/search-options.js adds the same key to a query that looks
like an identifier, so the page that writes it wins.

``data/search/identifiers.tsv`` names the one page that explains an
identifier many pages mention; only that page gets its key.

``data/nova/server_actions.tsv`` lists Nova's server actions; those no
page names in its ``operation: rest:`` front matter go to the browser
(:func:`uncovered_script`) so a search for them says that the site has no
page for them yet.  Knows nothing about MkDocs objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

CODE_SPAN_RE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
#: A word of code; leading and trailing underscores belong to it (``_hard_reboot``, ``__init__``).
WORD_RE = re.compile(r"_*[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*_*")
KEY_PREFIX = "00"
CAMEL_RE = re.compile(r"[a-z0-9][A-Z]|[A-Z]{2}[a-z]")


def key(word: str) -> str | None:
    """``word``'s search key if it is a code identifier, else None.

    An identifier joins parts with ``_``, ``-`` or ``.``, starts with ``_``, or
    changes case inside (``NoValidHost``, ``os-migrateLive``, ``_hard_reboot``);
    plain words have no key. ``_hard_reboot`` and ``hard_reboot`` share a key.
    """
    if not WORD_RE.fullmatch(word):
        return None
    if not (re.search(r"[-_.]", word) or CAMEL_RE.search(word)):
        return None
    return KEY_PREFIX + _fold(word)


def _fold(text: str) -> str:
    """``text`` as one search word: lowercase letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def code_keys(markdown: str) -> list[str]:
    """Keys of the identifiers written in inline code, in order, once each."""
    seen: dict[str, None] = {}
    for span in CODE_SPAN_RE.findall(markdown):
        for word in WORD_RE.findall(span):
            if (k := key(word)) is not None:
                seen.setdefault(k, None)
    return list(seen)


@dataclass(frozen=True)
class Row:
    """One data row with the line it came from (for error messages)."""

    path: str
    line: int
    cells: tuple[str, ...]


def read_tsv(path: Path, columns: int, shown: str) -> list[Row]:
    """Rows of a tab-separated file; ``#`` lines are comments.

    A row with the wrong number of cells raises ValueError with
    ``path:line:column``.
    """
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != columns or not all(cells):
            raise ValueError(
                f"{shown}:{number}:1: expected {columns} tab-separated cells, found {len(cells)}; "
                "separate the columns with one tab each"
            )
        rows.append(Row(shown, number, cells))
    return rows


def owners(rows: Iterable[Row], pages: set[str]) -> dict[str, str]:
    """identifier key -> the page that explains it, checked against ``pages``."""
    found: dict[str, str] = {}
    for row in rows:
        identifier, page = row.cells
        k = key(identifier)
        if k is None:
            raise ValueError(
                f"{row.path}:{row.line}:1: {identifier!r} is not a code identifier (no _, -, . or camelCase)"
            )
        if page not in pages:
            raise ValueError(
                f"{row.path}:{row.line}:{len(identifier) + 2}: no page {page!r}; "
                "use a docs/ path such as operations/create.md"
            )
        found[k] = page
    return found


def owned_identifiers(rows: Iterable[Row]) -> dict[str, list[str]]:
    """page -> the identifiers it explains, as written: the owner also carries their words
    as tags, so a query's separate words ("network vif plugged") favour it too."""
    found: dict[str, list[str]] = {}
    for row in rows:
        identifier, page = row.cells
        found.setdefault(page, []).append(identifier)
    return found


def page_keys(markdown: str, src_uri: str, owned: Mapping[str, str]) -> list[str]:
    """Keys for one page: its own code identifiers not owned elsewhere, and those it owns."""
    keys = [k for k in code_keys(markdown) if owned.get(k, src_uri) == src_uri]
    keys += [k for k, page in owned.items() if page == src_uri and k not in keys]
    return keys


#: CLI keys: ``0c`` + the folded command + ``0``; the end mark keeps the key of
#: ``openstack server migrate`` from prefix-matching that of ``... migrate confirm``.
CLI_PREFIX, CLI_END = "0c", "0"
CLI_TOOLS = ("openstack", "nova")
_CLI_WORD_RE = re.compile(r"[a-z][a-z0-9-]*")


def cli_keys(command: str) -> list[str]:
    """Search keys of one CLI command: its command words folded into one word, and
    the same with its first option (``openstack server set --state active`` gives
    the keys of ``openstack server set`` and of ``openstack server set state``).

    Material matches each word of a query on its own, so a page that writes
    ``console log show`` can lose ``openstack console log show`` to a page full
    of "console" and "show"; the key matches the whole command only.
    docs/javascripts/search-options.js folds a query the same way.
    """
    words = command.lower().split()
    if not words or words[0] not in CLI_TOOLS:
        return []
    verbs: list[str] = []
    option = ""
    for word in words:
        if word.startswith("-"):
            option = word.lstrip("-").split("=", 1)[0]
            break
        if not _CLI_WORD_RE.fullmatch(word):
            break
        verbs.append(word)
    if len(verbs) < 2:
        return []
    base = _fold("".join(verbs))
    keys = [CLI_PREFIX + base + CLI_END]
    if option and _CLI_WORD_RE.fullmatch(option):
        keys.append(CLI_PREFIX + base + _fold(option) + CLI_END)
    return keys


def page_cli_keys(commands: Iterable[str]) -> list[str]:
    """The CLI keys of a page's ``operation: cli:`` commands, in order, once each."""
    seen: dict[str, None] = {}
    for command in commands:
        for k in cli_keys(command):
            seen.setdefault(k, None)
    return list(seen)


def uncovered(actions: Iterable[Row], covered: set[str]) -> list[dict[str, str]]:
    """The server actions no page names in ``rest:``, as {action, en, zh}."""
    return [
        {"action": row.cells[0], "en": row.cells[1], "zh": row.cells[2]}
        for row in actions
        if row.cells[0] not in covered
    ]


def uncovered_script(actions: list[dict[str, str]], index_url: str) -> str:
    """The browser script that hands the uncovered actions to search-options.js."""
    data = {"index": index_url, "actions": actions}
    return f"window.__uncoveredActions = {json.dumps(data, ensure_ascii=False, sort_keys=True)};\n"
