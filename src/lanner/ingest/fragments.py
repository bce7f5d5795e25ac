"""HTML fragments (feed item bodies) to plain text that keeps paragraphs apart.

`lxml.html`'s `text_content()` glues "<p>One.</p><p>Two.</p>" into "One.Two.", which runs
sentences together for the parser; here block elements become blank lines and <br> a newline.
"""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml import html as lxml_html

_PARAGRAPH = 2
_LINE = 1
_BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dl",
        "div",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    )
)
_LINE_TAGS = frozenset(("br", "caption", "dt", "li", "tr"))
_CELL_TAGS = frozenset(("td", "th"))
_DROP_TAGS = frozenset(("script", "style", "noscript", "template"))
_TAG = re.compile(r"<[a-zA-Z!/]")
_SPACE = re.compile(r"\s+")
_WHOLE_TAG = re.compile(r"<[^>]*>")


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment: paragraphs separated by a blank line, runs of spaces collapsed.

    A fragment with no tags at all is plain text with entities: it is unescaped and its own line
    breaks are kept.
    """
    if not _TAG.search(fragment):
        return html.unescape(fragment).strip()
    try:
        text = _assemble(_pieces(lxml_html.fragment_fromstring(fragment, create_parent="div")))
    except (etree.ParserError, ValueError):
        text = ""
    # libxml2 gives up on some markup (nesting deeper than it allows, say) and returns nothing:
    # then strip the tags bluntly rather than lose the item.
    return text or _SPACE.sub(" ", html.unescape(_WHOLE_TAG.sub(" ", fragment))).strip()


def _pieces(root: etree._Element) -> list[str | int]:
    """Text pieces and break levels in document order (an explicit stack: feeds can nest deeply)."""
    pieces: list[str | int] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment or processing instruction
        if closing or tag is None or tag in _DROP_TAGS:
            if tag is not None and tag not in _DROP_TAGS:
                pieces.append(_break_for(tag))
            if element.tail:
                pieces.append(element.tail)
            continue
        pieces.append(" " if tag in _CELL_TAGS else _break_for(tag))
        if element.text:
            pieces.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return pieces


def _break_for(tag: str) -> int:
    """How strongly a tag separates the text around it: paragraph, line, or not at all."""
    return _PARAGRAPH if tag in _BLOCK_TAGS else _LINE if tag in _LINE_TAGS else 0


def _assemble(pieces: list[str | int]) -> str:
    """Join the pieces: text between breaks is one line; the strongest break between lines wins."""
    lines: list[str] = []
    buffer: list[str] = []
    pending = 0
    for piece in [*pieces, _PARAGRAPH]:
        if isinstance(piece, str):
            buffer.append(piece)
            continue
        if piece == 0:
            continue
        line = _SPACE.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            if lines:
                lines.append("\n" * pending)
            lines.append(line)
            pending = 0
        pending = max(pending, piece)
    return "".join(lines)
