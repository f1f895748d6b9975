#!/usr/bin/env python3
"""Benchmark of the site build and the diagram hook's share of it.

    python benchmarks/bench_build.py [--repeat N]

Works on a copy of the project in a temporary folder (the real diagrams are
never edited) and prints a table:

  CLI cold build      `mkdocs build` as a subprocess, empty diagram cache
  CLI warm build      the same again, every diagram served from the cache
  in-process cold     one build inside this process, empty cache; with the
                      time spent in the hook's renderer (render + cache)
  in-process warm     again, nothing changed: must re-render nothing
  edit one diagram    one .wsd changed: must re-render exactly that one
  hook share          diagram time (render, cache, code tables, step lists and links) / cold build time (target < 10 %)

Each time is the best of --repeat runs (default 3).  No assertions beyond the
re-render counts it prints; it exits non-zero if those are wrong.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPY = ("mkdocs.yml", "docs", "diagrams", "hooks", "data/jieba")


def copy_project(dest: Path) -> Path:
    """Copy what a build needs into ``dest``."""
    for name in COPY:
        src = ROOT / name
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target)
    return dest


def cli_build(project: Path, cache: Path) -> float:
    """Wall time of one `mkdocs build` subprocess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WSD_")}
    env.update(NO_MKDOCS_2_WARNING="1", WSD_CACHE_DIR=str(cache))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site-cli")],
        cwd=project,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def inprocess_build(project: Path, cache: Path) -> tuple[float, float, list[str]]:
    """(build seconds, renderer seconds, re-rendered paths) for one build here."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["WSD_CACHE_DIR"] = str(cache)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    started = time.perf_counter()
    build(config)
    elapsed = time.perf_counter() - started
    import diagram_render  # loaded by the hook, from the copy's hooks/

    return elapsed, diagram_render.STATS.seconds, list(diagram_render.STATS.rendered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    for name in ("WSD_RENDERER", "WSD_URL", "WSD_API_KEY"):
        os.environ.pop(name, None)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        project = copy_project(Path(tmp) / "project")
        os.chdir(project)  # the search plugin reads the jieba dictionary relative to cwd
        diagrams = sorted(p.relative_to(project).as_posix() for p in (project / "diagrams").rglob("*.wsd"))

        def fresh_cache() -> Path:
            return Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))

        cli_cold = min(cli_build(project, fresh_cache()) for _ in range(args.repeat))
        warm_cache = fresh_cache()
        cli_build(project, warm_cache)
        cli_warm = min(cli_build(project, warm_cache) for _ in range(args.repeat))

        inprocess_build(project, fresh_cache())  # warm-up: imports, jieba dictionary
        colds = [inprocess_build(project, fresh_cache()) for _ in range(args.repeat)]
        cold, cold_render, cold_rendered = min(colds)
        cache = fresh_cache()
        inprocess_build(project, cache)
        warm, warm_render, warm_rendered = min(inprocess_build(project, cache) for _ in range(args.repeat))

        edited = project / diagrams[0]
        edits = []
        for i in range(args.repeat):
            edited.write_text(edited.read_text(encoding="utf-8") + f"\n# benchmark edit {i}\n", encoding="utf-8")
            edits.append(inprocess_build(project, cache))
        edit, edit_render, edit_rendered = min(edits)

    rows = [
        ("CLI cold build (empty cache)", f"{cli_cold:.2f} s", f"{len(diagrams)} diagrams"),
        ("CLI warm build (all cached)", f"{cli_warm:.2f} s", ""),
        (
            "in-process cold build",
            f"{cold:.2f} s",
            f"rendered {len(cold_rendered)} ({len(diagrams)} files + inline blocks), renderer {cold_render:.3f} s",
        ),
        ("in-process warm build", f"{warm:.2f} s", f"re-rendered {len(warm_rendered)}, renderer {warm_render:.3f} s"),
        ("edit one diagram, rebuild", f"{edit:.2f} s", f"re-rendered {edit_rendered} ({edit_render:.3f} s)"),
        ("hook share of cold build", f"{100 * cold_render / cold:.1f} %", "diagram time / build time (target < 10 %)"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>9}  notes")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 40}")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>9}  {note}")
    # cold: every diagram file (plus inline ```wsd blocks, named by their page)
    ok = set(diagrams) <= set(cold_rendered) and not warm_rendered and edit_rendered == [diagrams[0]]
    if not ok:
        print("re-render counts are wrong", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
