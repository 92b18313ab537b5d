"""HTML pages: the visible text, one paragraph per block element."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment
from bs4.dammit import EncodingDetector

from reviewapp.importers.base import (
    ImportRejected,
    MonolingualFormat,
    decode_text,
    join_paragraphs,
)

INVISIBLE_TAGS = ("head", "script", "style", "noscript", "template", "svg", "canvas", "iframe")
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
)  # fmt: skip
# Unicode's own paragraph and line separators mark the breaks while the HTML whitespace
# (where newlines mean nothing) is collapsed.
PARAGRAPH_SEPARATOR = "\u2029"
LINE_SEPARATOR = "\u2028"
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def collapse_whitespace(paragraph: str) -> str:
    return "\n".join(" ".join(line.split()) for line in paragraph.split(LINE_SEPARATOR))


class HtmlFormat(MonolingualFormat):
    identifier = "html"
    label = "Web page (HTML)"
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, data: bytes, head: str) -> bool:
        return bool(HTML_START.match(head))

    def read(self, data: bytes, *, max_bytes: int, declared_encoding: str | None) -> str:
        meta_charset = EncodingDetector.find_declared_encoding(data, is_html=True)
        text = decode_text(data, declared_encoding or meta_charset)
        soup = BeautifulSoup(text, "lxml")
        for element in soup.find_all(INVISIBLE_TAGS):
            element.decompose()
        for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
            comment.extract()
        for line_break in soup.find_all("br"):
            line_break.replace_with(LINE_SEPARATOR)
        for block in soup.find_all(BLOCK_TAGS):
            block.insert_before(PARAGRAPH_SEPARATOR)
            block.append(PARAGRAPH_SEPARATOR)
        visible = soup.get_text()
        text = join_paragraphs(
            collapse_whitespace(paragraph) for paragraph in visible.split(PARAGRAPH_SEPARATOR)
        )
        if not text:
            raise ImportRejected("The web page contains no visible text.")
        return text
