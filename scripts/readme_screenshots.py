#!/usr/bin/env python3
"""Refresh the README's screenshots of the reboot page (light and dark, 1440x900).

    python scripts/readme_screenshots.py [SITE_DIR]

Builds the site with the project's own mkdocs.yml into SITE_DIR (default:
build/screenshot-site), serves it on a free local port and photographs
operations/reboot/ with Debian's chromium (Playwright, never a downloaded
browser) into docs/assets/screenshots/reboot-{light,dark}.png.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "assets" / "screenshots"
CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "screenshot-site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/operations/reboot/"
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            for scheme, name in (("light", "default"), ("dark", "slate")):
                page = browser.new_page(viewport={"width": 1440, "height": 900}, color_scheme=scheme)
                page.goto(url)
                page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{name}')")
                page.wait_for_selector("svg.wsd[role=img]")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                path = OUT / f"reboot-{scheme}.png"
                page.screenshot(path=str(path))
                print(path.relative_to(ROOT))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
