"""Driving the review screen in headless Chromium the way an editor does: real mouse and keys.

Shared by the browser tests and scripts/screenshot.py, so it imports nothing from Django.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from playwright.sync_api import Browser, Locator, Page, Playwright, expect

# Playwright's own browser download is not used: the Debian package is, and these
# flags keep it from reaching out to the network or needing a sandbox in containers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}


class BrowserMissing(RuntimeError):
    pass


def launch_chromium(playwright: Playwright) -> Browser:
    executable = shutil.which("chromium")
    if executable is None:
        raise BrowserMissing(
            "Chromium is not installed (no `chromium` on PATH); "
            "install the Debian package: apt-get install chromium fonts-noto-core"
        )
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url.rstrip('/')}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".topbar .who")).to_contain_text(username)


# The box of each UTF-16 unit of `words` where they first occur in the element's
# rendered text, found across the text nodes that marks and spans split it into.
_CHAR_BOXES_JS = """
(element, words) => {
  const pieces = [];
  let text = "";
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    pieces.push({ node: walker.currentNode, base: text.length });
    text += walker.currentNode.data;
  }
  const index = text.indexOf(words);
  if (index < 0) return null;
  return Array.from(words, (_, i) => {
    const at = index + i;
    const piece = pieces.findLast((p) => p.base <= at);
    const range = document.createRange();
    range.setStart(piece.node, at - piece.base);
    range.setEnd(piece.node, at - piece.base + 1);
    const box = range.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  });
}
"""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def char_boxes(element: Locator, words: str) -> list[Box]:
    """Where each character of `words` is drawn; `words` must be BMP characters.

    Waits first for what moves text after the page has loaded: web fonts, and
    panels the page fetches on load, which push the segments down when they arrive.
    """
    element.page.wait_for_function(
        "document.fonts.status === 'loaded' && !document.querySelector('[hx-trigger=load]')"
    )
    boxes = element.evaluate(_CHAR_BOXES_JS, words)
    if boxes is None:
        raise AssertionError(f"{words!r} is not in the text {element.text_content()!r}")
    return [Box(**box) for box in boxes]


def drag_select(page: Page, element: Locator, words: str) -> None:
    """Select `words` inside `element` with a mouse drag across them.

    The drag starts just inside the outer edge of the first character on the side
    the element's writing direction starts from (the right for RTL) and ends just
    inside the far edge of the last, so the words must run in that direction.
    """
    element.scroll_into_view_if_needed()
    boxes = char_boxes(element, words)
    rtl = element.evaluate("element => getComputedStyle(element).direction") == "rtl"
    first, last = boxes[0], boxes[-1]
    page.mouse.move(first.right - 1 if rtl else first.x + 1, first.middle)
    page.mouse.down()
    page.mouse.move(last.x + 1 if rtl else last.right - 1, last.middle, steps=10)
    page.mouse.up()


def flag_words(
    page: Page,
    segment: Locator,
    words: str,
    *,
    category: str,
    severity: str,
    comment: str,
    suggestion: str,
) -> None:
    """Select words in the segment's translation and flag them through the flag form."""
    drag_select(page, segment.locator(".text.target"), words)
    form = page.locator("#flag-form")
    expect(form).to_be_visible()
    expect(form.locator("#flag-quote")).to_have_text(words)
    form.get_by_label("Category").select_option(label=category)
    form.get_by_label("Severity").select_option(label=severity)
    form.get_by_label("Comment").fill(comment)
    form.get_by_label("Suggested correction").fill(suggestion)
    form.get_by_role("button", name="Add flag").click()
    expect(segment.locator("mark")).to_have_text(words)
    expect(form).to_be_hidden()


def rendered_fonts(page: Page, selector: str) -> dict[str, int]:
    """The fonts Chromium drew the element's own text with, and how many glyphs from each.

    Computed styles only name the fonts asked for; this asks the renderer which
    font files it really used, so a fallback to a system font shows up.
    """
    devtools = page.context.new_cdp_session(page)
    try:
        devtools.send("DOM.enable")
        devtools.send("CSS.enable")
        root = devtools.send("DOM.getDocument")["root"]["nodeId"]
        node = devtools.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        fonts = devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    finally:
        devtools.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}
