"""Hospital HTML reduced to harmless formatting before it is shown (nh3, an allow-list sanitiser).

A letter in HTML may carry scripts, event handlers, style sheets, tracking images or links to the outside.
What survives here is text structure only: paragraphs, headings, lists, tables, emphasis, and images
embedded as ``data:`` URLs. The viewer additionally refuses to load any external resource. Pure function,
no Qt; callable from any thread.
"""

from __future__ import annotations

import nh3

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
_ATTRIBUTES = {
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}


def sanitize_html(html: str) -> str:
    """Only allow-listed tags and attributes; no scripts, styles, handlers or non-``data:`` URLs.

    Links keep their text but lose their target (``href`` is not allowed), so nothing in a letter can send
    the GP, or a request, outside the program.
    """
    return nh3.clean(
        html,
        tags=set(_TAGS),
        attributes={tag: set(attrs) for tag, attrs in _ATTRIBUTES.items()},
        url_schemes={"data"},
        strip_comments=True,
        link_rel=None,
    )


def decode_text(data: bytes, content_type: str | None) -> str:
    """Bytes of a text attachment as text: the declared charset, else UTF-8, else Latin-1 (never fails)."""
    charset = None
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip('"').strip()
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")
