"""The public contract of ``wsd`` (see the team brief) and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import wsd
from wsd_golden import HOOKS

SVG = "{http://www.w3.org/2000/svg}"


def test_version_and_exports() -> None:
    assert isinstance(wsd.__version__, str) and wsd.__version__
    assert issubclass(wsd.DiagramError, Exception)
    assert issubclass(wsd.DiagramWarning, Warning)
    for name in ("render", "DiagramError", "DiagramWarning", "theme_css", "__version__"):
        assert name in wsd.__all__


def test_render_is_standalone_accessible_svg() -> None:
    svg = wsd.render("title Hello & <world>\nA->B: hi\n", id_prefix="d1")
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "d1-title d1-desc"
    title = root.find(SVG + "title")
    desc = root.find(SVG + "desc")
    assert title is not None and title.text == "Hello & <world>" and title.get("id") == "d1-title"
    assert desc is not None and "2 participants" in (desc.text or "")
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"


def test_deterministic_and_default_prefix() -> None:
    text = "A->B: x\nnote over A: y\n"
    assert wsd.render(text) == wsd.render(text)
    other = wsd.render(text + "B->A: z\n")
    id1 = ET.fromstring(wsd.render(text)).get("id")
    id2 = ET.fromstring(other).get("id")
    assert id1 and id2 and id1 != id2


def test_every_id_uses_the_prefix() -> None:
    svg = wsd.render("title T\n# link: https://x.org/ tip\nA->B: x\n", id_prefix="pfx-9")
    ids = [el.get("id") for el in ET.fromstring(svg).iter() if el.get("id")]
    assert ids and all(i.startswith("pfx-9") for i in ids)
    style = ET.fromstring(svg).find(SVG + "style")
    assert style is not None
    rules = [r for r in (style.text or "").split("\n") if r.strip()]
    assert all(r.startswith("#pfx-9 ") for r in rules)


def test_bad_prefix_is_refused() -> None:
    with pytest.raises(ValueError):
        wsd.render("A->B: x", id_prefix='x" onload="alert(1)')


def test_script_label_stays_text() -> None:
    svg = wsd.render('title <script>t()</script>\nA->B: <script>alert(1)</script>\n'
                     'note over A: </text><script>x()</script>\n')
    root = ET.fromstring(svg)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert "<script>" not in svg
    texts = "".join(el.text or "" for el in root.iter())
    assert "<script>alert(1)</script>" in texts


def test_error_contract() -> None:
    src = "A->B: ok\nA -x> B: bad\nelse\n"
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render(src, path="d/x.wsd")
    err = info.value
    assert (err.line, err.column) == (2, 3)
    assert err.path == "d/x.wsd"
    assert err.message.startswith("unknown arrow")
    assert [(p.line, p.column) for p in err.problems] == [(2, 3), (3, 1)]
    assert str(err).splitlines()[0] == f"d/x.wsd:2:3: {err.message}"
    assert str(err).splitlines()[1].startswith("d/x.wsd:3:1: ")
    excerpt = err.excerpt()
    assert "    2 | A -x> B: bad\n      |   ^^^" in excerpt


def test_error_without_path() -> None:
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render("else\n")
    assert str(info.value).startswith("<input>:1:1: ")


def test_warnings_list() -> None:
    warnings: list[wsd.DiagramWarning] = []
    svg = wsd.render("loop x\nA->B: y\nelse z\ndeactivate A\n", warnings=warnings, path="w.wsd")
    ET.fromstring(svg)
    assert [(w.line, w.column) for w in warnings] == [(3, 1), (4, 12), (1, 1)]
    assert all(isinstance(w, wsd.DiagramWarning) and w.path == "w.wsd" for w in warnings)
    assert str(warnings[0]).startswith("w.wsd:3:1: 'else' inside a 'loop' frame")
    assert "^" in warnings[0].excerpt()
    wsd.render("loop x\nA->B: y\nelse z\n")  # no list: warnings are dropped silently


def test_theme_css() -> None:
    css = wsd.theme_css()
    assert css.startswith(":root{--wsd-")
    assert '[data-md-color-scheme="slate"]{--wsd-' in css
    only_dark = wsd.theme_css(light="", dark=".dark")
    assert only_dark.startswith(".dark{") and ":root" not in only_dark
    svg = wsd.render("A->B: x")
    # every custom property used by the SVG is defined by theme_css
    used = {part.split(",")[0] for part in svg.split("var(--wsd-")[1:]}
    for name in used:
        assert f"--wsd-{name}:" in css


def test_links_render_as_svg_links() -> None:
    src = ("# linkbase: https://opendev.org/openstack/nova/src/branch/stable/2026.1/\n"
           "# link: nova/compute/api.py#L3623 API.reboot\n"
           "API->Compute: reboot_instance (cast)\n")
    root = ET.fromstring(wsd.render(src))
    links = [el for el in root.iter(SVG + "a")]
    assert len(links) == 1
    href = ("https://opendev.org/openstack/nova/src/branch/stable/2026.1/"
            "nova/compute/api.py#L3623")
    assert links[0].get("href") == href
    assert links[0].get("{http://www.w3.org/1999/xlink}href") == href
    tip = links[0].find(SVG + "title")
    assert tip is not None and tip.text == "API.reboot"


def test_link_joining() -> None:
    from wsd.parser import join_link
    assert join_link("https://a/b/", "c.py#L1") == "https://a/b/c.py#L1"
    assert join_link("https://a/b", "c.py") == "https://a/b/c.py"
    assert join_link("https://a/b/", "/c.py") == "https://a/b/c.py"
    assert join_link("https://a/b", "#x") == "https://a/b#x"
    assert join_link("", "c.py") == "c.py"
    assert join_link("https://a/", "https://other/") == "https://other/"


def test_input_caps() -> None:
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render("A->B: x\n" + "#" * 2_000_001)
    assert "too large" in info.value.message
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render("A->B: x\n" * 50_001)
    assert "too many statements" in info.value.message
    assert info.value.line == 50_001


def test_type_error_for_bytes() -> None:
    with pytest.raises(TypeError):
        wsd.render(b"A->B: x")  # type: ignore[arg-type]


def _run_cli(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    return subprocess.run([sys.executable, "-m", "wsd", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_cli_writes_svgs(tmp_path) -> None:
    (tmp_path / "a.wsd").write_text("A->B: one\n", encoding="utf-8")
    (tmp_path / "b.wsd").write_text("loop\nA->B: two\n", encoding="utf-8")
    res = _run_cli("a.wsd", "b.wsd", "-o", "out", cwd=str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "a.svg").read_text(encoding="utf-8").startswith("<svg")
    assert (tmp_path / "out" / "b.svg").exists()
    assert "b.wsd:1:1: warning: 'loop' frame is never closed" in res.stderr


def test_cli_invalid_file_exits_1(tmp_path) -> None:
    (tmp_path / "bad.wsd").write_text("A->B: fine\nA =>B: bad\n", encoding="utf-8")
    (tmp_path / "good.wsd").write_text("A->B: fine\n", encoding="utf-8")
    res = _run_cli("bad.wsd", "good.wsd", cwd=str(tmp_path))
    assert res.returncode == 1
    assert res.stdout == ""
    assert res.stderr.startswith("bad.wsd:2:3: unknown arrow '=>'")
    assert "    2 | A =>B: bad\n      |   ^^" in res.stderr
    assert not (tmp_path / "bad.svg").exists()
    assert (tmp_path / "good.svg").exists()


def test_cli_usage(tmp_path) -> None:
    assert _run_cli(cwd=str(tmp_path)).returncode == 2
    assert _run_cli("--version", cwd=str(tmp_path)).stdout.strip() == wsd.__version__


def test_cli_file_problems_are_one_line_each_never_a_traceback(tmp_path) -> None:
    (tmp_path / "good.wsd").write_text("A->B: fine\n", encoding="utf-8")
    (tmp_path / "latin1.wsd").write_bytes("A->B: caf\xe9\n".encode("latin-1"))
    (tmp_path / "blocker").write_text("a file where the output folder should be", encoding="utf-8")
    res = _run_cli("missing.wsd", "latin1.wsd", "good.wsd", "-o", "blocker/out", cwd=str(tmp_path))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = res.stderr.splitlines()
    assert lines[0] == "missing.wsd: cannot read: No such file or directory"
    assert lines[1].startswith("latin1.wsd: cannot read: not UTF-8 text") and "save the diagram as UTF-8" in lines[1]
    assert lines[2].startswith("blocker/out/good.svg: cannot write: ")
    assert len(lines) == 3


def test_parsing_semantics() -> None:
    d = wsd.parse_diagram('participant "Name: with colon" as N\nparticipant nova api\n'
                          'N->nova api: hi: there\nnova api->>"Name: with colon": back\n')
    assert [(p.alias, p.label) for p in d.participants] == [
        ("N", "Name: with colon"), ("nova api", "nova api"), ("Name: with colon",
                                                             "Name: with colon")]
    m = d.events[0]
    assert (m.src, m.dst, m.label) == (0, 1, "hi: there")


def test_link_attaches_to_next_linkable_statement() -> None:
    warnings: list[wsd.DiagramWarning] = []
    d = wsd.parse_diagram("# link: a.py#L1 f\nactivate A\nA->B: m\n# link: b.py dangling\n",
                          warnings=warnings)
    from wsd.model import Message
    msg = [e for e in d.events if isinstance(e, Message)][0]
    assert msg.link is not None and msg.link.href == "a.py#L1" and msg.link.tooltip == "f"
    assert [(w.line, w.message) for w in warnings] == [
        (4, "link is not followed by a participant, message, note, state or ref")]


def test_activate_after_message_is_absorbed() -> None:
    lay = wsd.build_layout("A->B: go\nactivate B\nB-->A: done\ndeactivate B\n")
    go, done = lay.arrows
    (bar,) = lay.bars
    assert bar.y1 == go.y1 and bar.y2 == done.y1
    assert go.x2 == bar.x and done.x1 == bar.x  # arrows meet the bar's edge


def test_pathological_inputs_finish() -> None:
    for text in ("-" * 200_000, '"' * 200_000, "A->B: " + "x" * 500_000,
                 "\n".join(["A->B: x", "..."] * 300 + [f"P{i}->P{i + 1}: y" for i in range(400)])):
        try:
            ET.fromstring(wsd.render(text))
        except wsd.DiagramError as err:
            assert len(err.message) < 200


def test_title_is_centred_unless_the_diagram_is_wide() -> None:
    from wsd import constants

    narrow = wsd.build_layout("title Small\nA->B: hi\n")
    assert narrow.title.anchor == "middle" and narrow.title.x == narrow.width / 2
    wide_src = "title Wide\n" + "".join(f"P{i}->P{i + 1}: step {i}\n" for i in range(16))
    wide = wsd.build_layout(wide_src)
    assert wide.width > constants.TITLE_CENTRE_MAX
    # a scrolled frame shows a wide diagram's left edge first: the title starts there
    assert wide.title.anchor == "start" and wide.title.x == constants.MARGIN
    title = [line for line in wsd.render(wide_src).splitlines() if ">Wide</text>" in line]
    assert title and f'x="{constants.MARGIN}"' in title[0] and "middle" not in title[0]


def test_an_error_lists_every_problem_up_to_a_cap() -> None:
    from wsd.errors import MAX_PROBLEMS

    few = "A->: one\nalt open\nB->: two\n"
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render(few, path="f.wsd")
    assert [(p.line, p.severity) for p in info.value.problems] == [(1, "error"), (2, "warning"), (3, "error")]
    assert (info.value.line, info.value.column) == (1, 4)
    many = "A->: x\n" * (MAX_PROBLEMS * 3)
    with pytest.raises(wsd.DiagramError) as info:
        wsd.render(many, path="m.wsd")
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS
    assert problems[-1].message == f"... and {MAX_PROBLEMS * 2 + 1} more problems (fix these first)"


def test_render_restores_the_garbage_collector_state() -> None:
    import gc

    assert gc.isenabled()
    wsd.render("A->B: x\n")
    assert gc.isenabled()
    with pytest.raises(wsd.DiagramError):
        wsd.render("A->: x\n")
    assert gc.isenabled()
    gc.disable()
    try:
        wsd.render("A->B: x\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
