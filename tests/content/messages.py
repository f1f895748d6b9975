"""Log and exception messages quoted in troubleshooting sections, checked against Nova's source.

The convention (docs/contributing.md): inside a page's ``## 排错 · When it fails`` section, a span
in backticks that starts with a capital letter (or ``...``) and holds a space is a message Nova
logs or raises, quoted as it appears; ``...``, ``…``, ``***`` and ``<placeholder>`` stand for the
parts Nova fills in. :func:`problems` checks each such quote against ``data/nova/messages.tsv``
(written by ``scripts/nova_strings.py``): it must match one literal of Nova's source, whole or in
part. When the list item that quotes a message also names configuration options, at least one
literal it matches must sit in a function that reads one of those options, refers to such a
function, or raises an exception whose ``msg_fmt`` it is (``data/nova/options.tsv``): a message
blamed on an option has to come from the code that option drives.
"""

from __future__ import annotations

import re
from functools import cache

from .nova_source import DATA

_QUOTE = re.compile(r"`((?:\.\.\.|…|[A-Z])[^`]* [^`]*)`")
_WILDCARD = re.compile(r"\.\.\.|…|\*\*\*|<[^<>`]+>")
_OPTION = re.compile(r"`(?:\[(\w+)\]\s?)?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`")
_ITEM = re.compile(r"^(\s*)(?:- |\d+\. )")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _table(name: str) -> dict[str, frozenset[str]]:
    rows = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, where = line.partition("\t")
            rows[_unescape(key)] = frozenset(where.split())
    return rows


@cache
def messages() -> dict[str, frozenset[str]]:
    """Every message literal of Nova -> the functions it belongs to."""
    return _table("messages.tsv")


@cache
def options() -> dict[str, frozenset[str]]:
    """``opt`` / ``group.opt`` -> the functions that read it or refer to a function that does."""
    return _table("options.tsv")


def pattern(quote: str) -> re.Pattern[str]:
    """The regex a quoted message stands for: its literal text, anything where a wildcard is."""
    parts = [re.escape(p.strip() if i else p.rstrip()) for i, p in enumerate(_WILDCARD.split(quote))]
    return re.compile(".*?".join(parts), re.DOTALL)


@cache
def sources(quote: str) -> list[tuple[str, frozenset[str]]]:
    """The Nova literals a quote matches, each with its functions."""
    regex = pattern(quote)
    return [(text, where) for text, where in messages().items() if regex.search(text)]


def troubleshooting_items(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each list item in the page's troubleshooting sections."""
    items: list[tuple[int, list[str]]] = []
    inside, indent = False, None
    for n, line in enumerate(text.split("\n"), start=1):
        if line.startswith("## "):
            inside = line.startswith("## 排错")
            indent = None
            continue
        if not inside:
            continue
        m = _ITEM.match(line)
        if m and (indent is None or len(m.group(1)) <= indent):
            indent = len(m.group(1))
            items.append((n, [line]))
        elif items and line.strip() and indent is not None and not line.startswith("==="):
            items[-1][1].append(line)
        elif line.startswith("==="):
            indent = None
    return [(n, " ".join(part.strip() for part in lines)) for n, lines in items]


_SENTENCE_END = re.compile(r"(?<=[。；！？])|(?<=[.;!?])\s+")


def troubleshooting_sentences(text: str) -> list[tuple[int, str]]:
    """(line of its item, text) of each sentence of the troubleshooting items; code spans stay whole."""
    sentences = []
    for n, item in troubleshooting_items(text):
        spans = re.findall(r"`[^`]*`", item)
        masked = re.sub(r"`[^`]*`", "\x00", item)
        for piece in _SENTENCE_END.split(masked):
            if piece.strip():
                codes = iter(spans[: piece.count("\x00")])
                spans = spans[piece.count("\x00") :]
                sentences.append((n, re.sub("\x00", lambda _, codes=codes: next(codes), piece)))
            else:
                spans = spans[piece.count("\x00") :]
    return sentences


@cache
def _by_short_name() -> dict[str, frozenset[str]]:
    """Option name without its group -> every ``group.opt`` key of that name."""
    table: dict[str, set[str]] = {}
    for key in options():
        table.setdefault(key.rsplit(".", 1)[-1], set()).add(key)
    return {name: frozenset(keys) for name, keys in table.items()}


def _named_options(item: str) -> set[str]:
    known = options()
    named = set()
    for group, name in _OPTION.findall(item):
        key = name if group in ("", "DEFAULT") else f"{group}.{name}"
        if key in known:
            named.add(key)
        elif not group:
            named.update(_by_short_name().get(name, ()))
    return named


def problems(text: str) -> list[str]:
    """``line: quote: what is wrong`` for every quoted message Nova's source does not back."""
    bad = []
    for n, sentence in troubleshooting_sentences(text):
        named = _named_options(sentence)
        related = frozenset().union(*(options()[o] for o in named)) if named else frozenset()
        for quote in _QUOTE.findall(sentence):
            found = sources(quote)
            if not found:
                bad.append(f"{n}: `{quote}`: no such message in Nova's source (data/nova/messages.tsv)")
            elif named and not any(where & related for _, where in found):
                emitters = sorted({w.split(":", 1)[1] for _, where in found for w in where})[:3]
                bad.append(
                    f"{n}: `{quote}`: comes from {', '.join(emitters)}, not from code that reads "
                    f"{', '.join(sorted(named))}; quote the message that code logs or raises"
                )
    return bad
