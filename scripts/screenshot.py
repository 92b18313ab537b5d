#!/usr/bin/env python3
"""Photograph the demo review screen with a misspelt name flagged, for the README.

Starts nothing: point it at a running server that has the demo loaded
(`DEMO_PASSWORD=... scripts/serve`), then run `.venv/bin/python scripts/screenshot.py`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import (  # noqa: E402  (needs the repository on the path)
    VIEWPORT,
    BrowserMissing,
    flag_words,
    launch_chromium,
    log_in,
)

DEMO_PROJECT = "Demo"
# Segment 3 of the demo spells Ron Dermer "رون ديمر".
MISSPELT_NAME, NAME_FIX = "رون ديمر", "رون ديرمر"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="editor")
    parser.add_argument("--password", default=os.getenv("DEMO_PASSWORD"))
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    arguments = parser.parse_args()
    if not arguments.password:
        parser.error("give --password or set DEMO_PASSWORD")
    return arguments


def take_screenshot(base_url: str, username: str, password: str, output: Path) -> None:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        log_in(page, base_url, username, password)
        page.get_by_role("link", name=DEMO_PROJECT, exact=True).click()
        page.locator("table.documents tbody a").first.click()
        row = page.locator(".segment").filter(
            has=page.locator(".text.target", has_text=MISSPELT_NAME)
        )
        expect(row).to_have_count(1)
        # Running twice must not flag the name twice.
        if not row.locator("mark").filter(has_text=MISSPELT_NAME).count():
            flag_words(
                page,
                row,
                MISSPELT_NAME,
                category="Mistranslated name",
                severity="Major",
                comment="Ron Dermer's surname is misspelt.",
                suggestion=NAME_FIX,
            )
        page.evaluate("document.fonts.ready")
        page.mouse.move(0, 0)
        page.evaluate("window.scrollTo(0, 0)")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=output)
        browser.close()


def main() -> None:
    arguments = parse_arguments()
    try:
        take_screenshot(
            arguments.base_url, arguments.username, arguments.password, arguments.output
        )
    except BrowserMissing as missing:
        sys.exit(str(missing))
    print(f"Saved {arguments.output}")


if __name__ == "__main__":
    main()
