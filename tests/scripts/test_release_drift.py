"""scripts/release_drift.py, run the way a contributor runs it, on a tiny Nova-like git repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "release_drift.py"

OLD = """\
class Service:
    def keep(self):
        return 1

    def edit(self):
        return 2

    def old_name(self, x):
        total = x * 2
        total += 7
        return total


def later():
    return "later"


def dropped():
    return "x"
"""

NEW = """\
class Service:
    def keep(self):
        return 1

    def edit(self):
        return 3

    def helper(self):
        return 0

    def new_name(self, x):
        total = x * 2
        total += 7
        return total


def later():
    return "later"
"""

LINKBASE = "# linkbase: https://opendev.org/openstack/nova/src/branch/stable/1.0/\n"

FIRST = (
    "title First\nautonumber\n" + LINKBASE + "participant A\nparticipant B\n"
    "# link: pkg/svc.py#L2 Service.keep\nA->B: keep\n"
    "# link: pkg/svc.py#L5 Service.edit\nA->B: edit\n"
    "# link: pkg/svc.py#L14 later\nA->B: later\n"
    "# link: https://docs.openstack.org/nova/ Nova documentation\nB->A: done\n"
)
SECOND = (
    "title Second\n" + LINKBASE + "participant A\nparticipant B\n"
    "# link: pkg/svc.py#L8 Service.old_name\nA->B: renamed\n"
    "# link: pkg/svc.py#L18 dropped\nA->B: removed\n"
    "# link: pkg/svc.py#L14 later\nB->A: later again\n"
)


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def nova(tmp_path_factory) -> Path:
    """A repository whose stable/1.0 branch holds OLD and whose master holds NEW."""
    repo = tmp_path_factory.mktemp("nova")
    _git(repo, "init", "-q", "-b", "master")
    (repo / "pkg").mkdir()
    (repo / "pkg" / "svc.py").write_text(OLD, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "old")
    _git(repo, "branch", "stable/1.0")
    (repo / "pkg" / "svc.py").write_text(NEW, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "new")
    _git(repo, "tag", "2.0.0")
    return repo


@pytest.fixture
def site(tmp_path) -> Path:
    """A site with two diagrams pinned to stable/1.0 and a page naming that branch."""
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "first.wsd").write_text(FIRST, encoding="utf-8")
    (tmp_path / "diagrams" / "second.wsd").write_text(SECOND, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("Read stable/1.0 first.\n", encoding="utf-8")
    return tmp_path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, check=False, timeout=60
    )


def rows(out: str, diagram: str) -> dict[int, list[str]]:
    """Table rows of one diagram: diagram line -> [kind, old, new, path, name, note...]."""
    section = out.split(f"== {diagram}", 1)[1].split("\n== ", 1)[0]
    found = {}
    for text in section.splitlines():
        cells = text.split()
        if cells and cells[0].isdigit():
            found[int(cells[0])] = cells[1:]
    return found


def test_classifies_every_step(nova, site):
    done = run("--nova", nova, "--to", "master", "--diagrams", site / "diagrams")
    assert done.returncode == 0, done.stderr
    first, second = rows(done.stdout, "first.wsd"), rows(done.stdout, "second.wsd")
    assert first[6][:3] == ["unchanged", "L2", "L2"]
    assert first[8][:3] == ["changed", "L5", "L5"]
    assert first[10][:3] == ["moved", "L14", "L17"]
    assert 12 not in first  # links outside Nova are not steps
    assert second[5][:3] == ["gone", "L8", "-"]
    assert second[7][:3] == ["gone", "L18", "-"]
    assert second[9][:3] == ["moved", "L14", "L17"]
    assert done.stdout.rstrip().splitlines()[-1] == "6 steps: 1 unchanged, 2 moved, 1 changed, 2 gone"
    assert "first.wsd  (stable/1.0 -> master): 3 steps: 1 unchanged, 1 moved, 1 changed, 0 gone" in done.stdout


def test_changed_step_shows_a_diff_of_the_function(nova, site):
    out = run("--nova", nova, "--to", "master", "--diagrams", site / "diagrams").stdout
    diff = [text[4:] for text in out.split("diff of Service.edit (pkg/svc.py):\n", 1)[1].splitlines()]
    assert diff[:3] == ["--- stable/1.0:pkg/svc.py#L5", "+++ master:pkg/svc.py#L5", "@@ -5,2 +5,2 @@"]
    assert "-        return 2" in diff
    assert "+        return 3" in diff


def test_gone_step_names_its_likely_successor(nova, site):
    out = run("--nova", nova, "--to", "master", "--diagrams", site / "diagrams").stdout
    renamed, removed = rows(out, "second.wsd")[5], rows(out, "second.wsd")[7]
    assert " ".join(renamed[5:]) == "likely successor: pkg/svc.py#L11 Service.new_name (similarity 0.91)"
    assert " ".join(removed[5:]) == "no likely successor found"


def test_reads_a_bare_mirror_and_a_tag(nova, site, tmp_path):
    bare = tmp_path / "nova.git"
    _git(tmp_path, "clone", "-q", "--bare", str(nova), str(bare))
    done = run("--nova", bare, "--to", "2.0.0", "--diagrams", site / "diagrams")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().splitlines()[-1] == "6 steps: 1 unchanged, 2 moved, 1 changed, 2 gone"


def test_write_rewrites_only_the_safe_lines(nova, site):
    before = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (site / "diagrams").glob("*.wsd")}
    done = run("--nova", nova, "--to", "master", "--diagrams", site / "diagrams", "--write")
    assert done.returncode == 0, done.stderr
    after = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (site / "diagrams").glob("*.wsd")}
    new_base = "# linkbase: https://opendev.org/openstack/nova/src/branch/master/"
    changes = {
        (name, number + 1, old, new)
        for name in before
        for number, (old, new) in enumerate(zip(before[name], after[name], strict=True))
        if old != new
    }
    assert changes == {
        ("first.wsd", 3, LINKBASE.strip(), new_base),
        ("first.wsd", 10, "# link: pkg/svc.py#L14 later", "# link: pkg/svc.py#L17 later"),
        ("second.wsd", 2, LINKBASE.strip(), new_base),
        ("second.wsd", 9, "# link: pkg/svc.py#L14 later", "# link: pkg/svc.py#L17 later"),
    }
    assert "left for a person (3 steps, changed or gone):" in done.stdout
    assert "first.wsd:8: changed: pkg/svc.py#L5 Service.edit" in done.stdout
    assert "second.wsd:7: gone: pkg/svc.py#L18 dropped" in done.stdout
    assert "these files still name stable/1.0; update them by hand: docs/page.md" in done.stdout


def test_write_to_a_tag_links_to_the_tag(nova, site):
    assert run("--nova", nova, "--to", "2.0.0", "--diagrams", site / "diagrams", "--write").returncode == 0
    text = (site / "diagrams" / "first.wsd").read_text(encoding="utf-8")
    assert "# linkbase: https://opendev.org/openstack/nova/src/tag/2.0.0/\n" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nova", "{missing}", "--to", "master"], "no such directory"),
        (["--nova", "{plain}", "--to", "master"], "not a git repository"),
        (["--nova", "{nova}", "--to", "stable/9.9"], "stable/9.9: no such branch, tag or commit"),
        (["--nova", "{nova}", "--to", "master", "--from", "nope"], "nope: no such branch, tag or commit"),
    ],
)
def test_bad_input_is_one_clear_message(nova, site, tmp_path, args, message):
    (tmp_path / "plain").mkdir()
    names = {"missing": tmp_path / "missing", "plain": tmp_path / "plain", "nova": nova}
    done = run(*[a.format(**names) for a in args], "--diagrams", site / "diagrams")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_diagram_without_linkbase_is_reported_with_its_position(nova, tmp_path):
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "x.wsd").write_text("# link: pkg/svc.py#L2 Service.keep\nA->B: x\n", encoding="utf-8")
    done = run("--nova", nova, "--to", "master", "--diagrams", tmp_path / "diagrams")
    assert done.returncode == 2
    assert "x.wsd:1:1: links but no '# linkbase:" in done.stderr
    assert "Traceback" not in done.stderr
