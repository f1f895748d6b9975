"""Every step of every diagram leads to real code at the pinned Nova release."""

from __future__ import annotations

import re

import pytest

from .nova_source import BRANCH, DIAGRAMS, OPENDEV_BASE, diagram_links, files, header, symbols

DIAGRAM_FILES = sorted(DIAGRAMS.glob("*.wsd"))
LINKS = [link for path in DIAGRAM_FILES for link in diagram_links(path)]
NOVA_LINKS = [link for link in LINKS if link.url.startswith(OPENDEV_BASE)]
_ANCHOR = re.compile(r"^(?P<path>[^#]+)#L(?P<line>\d+)$")


def test_index_is_for_the_pinned_branch():
    assert header().startswith(f"# nova {BRANCH} ")
    assert "nova/compute/manager.py" in files()
    assert ("nova/compute/api.py", "API.reboot", 3623) in symbols()


@pytest.mark.parametrize("path", DIAGRAM_FILES, ids=lambda p: p.name)
def test_diagram_links_most_steps(path):
    text = path.read_text(encoding="utf-8")
    messages = [ln for ln in text.splitlines() if re.match(r"^\s*[^#\s].*?(-->?>?|<-->?)[+*-]?[^:]*:", ln)]
    links = diagram_links(path)
    assert links, f"{path.name} has no # link: directives"
    assert len(links) >= len(messages) // 2, (
        f"{path.name}: {len(links)} links for {len(messages)} messages; link the steps to their code"
    )


@pytest.mark.parametrize("link", LINKS, ids=lambda lk: f"{lk.diagram}:{lk.line}")
def test_link_points_at_opendev_pinned_branch(link):
    assert link.url.startswith(OPENDEV_BASE), (
        f"{link.diagram}:{link.line}: {link.url} is not under {OPENDEV_BASE}"
    )


@pytest.mark.parametrize("link", NOVA_LINKS, ids=lambda lk: f"{lk.diagram}:{lk.line}")
def test_link_names_the_function_at_that_line(link):
    m = _ANCHOR.match(link.url[len(OPENDEV_BASE):])
    assert m, f"{link.diagram}:{link.line}: expected PATH#L<line>, got {link.url}"
    path, line = m["path"], int(m["line"])
    assert path in files(), f"{link.diagram}:{link.line}: {path} is not in Nova {BRANCH}"
    name = link.tooltip.split()[0] if link.tooltip else ""
    assert name, f"{link.diagram}:{link.line}: the tooltip must name the function"
    if path.endswith(".py"):
        here = sorted(n for p, n, ln in symbols() if p == path and ln == line)
        assert (path, name, line) in symbols(), (
            f"{link.diagram}:{link.line}: {path}:{line} defines {here or 'nothing'}, not {name}"
        )
