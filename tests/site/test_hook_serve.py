"""``mkdocs serve`` as an author runs it, with the fixture project's ``strict: true``.

A broken diagram must never stop the development server: the rebuild
finishes, every page keeps answering, the broken diagram's page shows the
error box (path:line:col, the source line, a caret) and the terminal prints
each problem.  Fixing the diagram brings the figure back.  The strict build
(``mkdocs build``) still fails on the same source: see test_hook_build.py.
"""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from site_support import GOOD_WSD, mkdocs_env

#: Two problems in one file: a message without receiver and an ``alt`` never closed.
TWO_PROBLEMS_WSD = """\
title Broken flow
participant "nova-api" as API
participant "nova-compute" as Compute
API->>: reboot_instance (cast)
alt power on
Compute-->API: done
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 5.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, predicate, timeout: float = 60.0) -> str:
    """Poll ``url`` until ``predicate(html)`` holds (a generous bound, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url}; last page:\n{last[:500]}")


def _start_serve(project: Path, log_path: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log_file = log_path.open("w", encoding="utf-8")
    # No -q: strict mode counts the warnings an author sees, as in a real session.
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml"), *extra],
        cwd=project,
        env=mkdocs_env(),
        stdout=log_file,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log_file.close()
    return proc, f"http://127.0.0.1:{port}/"


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_serve_keeps_serving_while_a_diagram_is_broken(make_project, tmp_path: Path) -> None:
    project = make_project(
        docs={
            "index.md": "# Home\n\n![A](../diagrams/a.wsd)\n",
            # A walkthrough's step reference to no step is reported, never fatal under serve.
            "other.md": "# Other\n\n![B](../diagrams/b.wsd)\n\nStep 9 does not exist.\n",
            "plain.md": "# Plain\n\nNo diagram here.\n",
        },
        diagrams={"a.wsd": GOOD_WSD, "b.wsd": GOOD_WSD.replace("reboot_instance", "other_call")},
    )
    log_path = tmp_path / "serve.log"
    proc, url = _start_serve(project, log_path)
    diagram = project / "diagrams" / "a.wsd"
    try:
        _wait_for(url, lambda page: "<svg" in page and "reboot_instance" in page)

        diagram.write_text(TWO_PROBLEMS_WSD, encoding="utf-8")
        home = _wait_for(url, lambda page: "wsd-error" in page)
        assert proc.poll() is None, "mkdocs serve died on a broken diagram"
        # The error box: both problems, each with its source line and a caret.
        assert "diagrams/a.wsd:4:" in home and "diagrams/a.wsd:5:1:" in home
        assert html.escape("API->>: reboot_instance (cast)", quote=False) in home
        assert "alt power on" in home and "^" in home
        # Every other page answers at once (the rebuild finished; nothing waits).
        assert "other_call" in _get(url + "other/", timeout=10)
        assert "No diagram here." in _get(url + "plain/", timeout=10)

        diagram.write_text(GOOD_WSD.replace("reboot_instance", "fixed_now"), encoding="utf-8")
        _wait_for(url, lambda page: "fixed_now" in page and "wsd-error" not in page)
        assert "other_call" in _get(url + "other/", timeout=10)
    finally:
        _stop(proc)
    terminal = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in terminal
    assert "Aborted" not in terminal and "appear stuck" not in terminal
    problems = [line for line in terminal.splitlines() if "diagrams/a.wsd:" in line]
    assert any("WARNING" in line and "diagrams/a.wsd:4:" in line for line in problems), terminal
    assert any("WARNING" in line and "diagrams/a.wsd:5:1:" in line for line in problems), terminal
    assert any("WARNING" in line and "docs/other.md: step reference 'Step 9'" in line
               for line in terminal.splitlines()), terminal


def test_serve_rerenders_saved_diagram(make_project, tmp_path: Path) -> None:
    project = make_project(docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n"}, diagrams={"a.wsd": GOOD_WSD})
    proc, url = _start_serve(project, tmp_path / "serve.log")
    diagram = project / "diagrams" / "a.wsd"
    try:
        _wait_for(url, lambda page: "<svg" in page and "reboot_instance" in page)
        diagram.write_text(GOOD_WSD.replace("reboot_instance", "saved_again"), encoding="utf-8")
        _wait_for(url, lambda page: "saved_again" in page)
    finally:
        _stop(proc)


def test_serve_clean_starts_with_a_broken_diagram(make_project, tmp_path: Path) -> None:
    """``serve --clean`` tells hooks it builds (its builds are clean), but it is the
    development server all the same: a diagram broken before it starts must not stop it."""
    project = make_project(
        docs={"index.md": "# Home\n\n![A](../diagrams/a.wsd)\n", "plain.md": "# Plain\n\nNo diagram here.\n"},
        diagrams={"a.wsd": TWO_PROBLEMS_WSD},
    )
    log_path = tmp_path / "serve.log"
    proc, url = _start_serve(project, log_path, "--clean")
    try:
        home = _wait_for(url, lambda page: "wsd-error" in page)
        assert "diagrams/a.wsd:4:" in home
        assert "No diagram here." in _get(url + "plain/", timeout=10)
        (project / "diagrams" / "a.wsd").write_text(GOOD_WSD, encoding="utf-8")
        _wait_for(url, lambda page: "reboot_instance" in page and "wsd-error" not in page)
        assert proc.poll() is None
    finally:
        _stop(proc)
    terminal = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in terminal and "Aborted" not in terminal, terminal
