"""Safe XML parsing for KMEHR files and small helpers that ignore namespaces and versions.

XML is parsed with defusedxml: no DTD, no entity expansion, no external resources, no network. KMEHR
elements are looked up by local name, so an unknown schema version or namespace, or a SOAP envelope around
the message, reads the same. Pure functions; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException


class XmlInputError(ValueError):
    """The bytes are not well-formed XML, or hold a construct refused for safety (DTD, entities)."""


def parse_safely(raw: bytes) -> Element:
    try:
        return safe_tree.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise XmlInputError(f"refused for safety ({exc.__class__.__name__}: DTDs and entities are not read)") \
            from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise XmlInputError(f"not well-formed XML (line {line}, column {column})") from None


def local(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    return [item for item in element if local(item) == name]


def child(element: Element | None, name: str) -> Element | None:
    found = children(element, name)
    return found[0] if found else None


def path(element: Element | None, *names: str) -> Element | None:
    for name in names:
        element = child(element, name)
    return element


def text(element: Element | None) -> str:
    """All text inside the element, whitespace collapsed (names in real files span lines)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def descendants(element: Element, name: str) -> Iterator[Element]:
    for item in element.iter():
        if local(item) == name:
            yield item


def cd(element: Element | None, scheme: str | None = None) -> str:
    """The value of the element's first <cd> child (of the given S scheme when one is named)."""
    for item in children(element, "cd"):
        if scheme is None or (item.get("S") or "").strip().upper() == scheme.upper():
            return text(item)
    return ""
