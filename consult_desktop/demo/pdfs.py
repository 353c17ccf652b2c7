"""PDF rendering of the demo hospital's documents (small, readable FR/NL text; big scans on request).

Pure functions; callable from any thread (each call builds its own PDF object). Output is deterministic:
the creation date is fixed by the caller, so the same document always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from consult_desktop.demo.documents import ComposedDocument
from consult_desktop.demo.pdf_writer import SimplePdf

# The core PDF fonts only cover Latin-1; these are the few characters our FR/NL texts use beyond it.
_LATIN1_FALLBACK = str.maketrans({"œ": "oe", "Œ": "OE", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                                  "…": "...", "≥": ">=", "≤": "<=", "\u202f": " ", "\u00a0": " "})


def _latin1(text: str) -> str:
    return text.translate(_LATIN1_FALLBACK).encode("latin-1", "replace").decode("latin-1")


def _new_pdf(title: str, creation: dt.datetime) -> SimplePdf:
    return SimplePdf(_latin1(title), creation)


def _write_document(pdf: SimplePdf, doc: ComposedDocument) -> None:
    pdf.add_page()
    pdf.set_font("B", 14)
    pdf.text(_latin1(doc.title), 7)
    pdf.ln(2)
    pdf.set_font("", 9)
    for line in doc.header:
        pdf.text(_latin1(line), 5)
    pdf.ln(4)
    for heading, lines in doc.sections:
        if heading:
            pdf.set_font("B", 11)
            pdf.text(_latin1(heading), 6)
        pdf.set_font("", 10)
        for line in lines:
            pdf.text(_latin1(line), 5)
        pdf.ln(3)
    pdf.set_font("I", 10)
    pdf.text(_latin1(doc.signature), 5)


def render_pdf(doc: ComposedDocument, creation: dt.datetime) -> bytes:
    """A one- or two-page PDF of the document (typically 1.5-3 KB)."""
    pdf = _new_pdf(doc.title, creation)
    _write_document(pdf, doc)
    return pdf.output()


def big_pdf(size_bytes: int, doc: ComposedDocument, creation: dt.datetime, seed: int = 0) -> bytes:
    """A PDF of at least `size_bytes` (a few KB more at most): the document, then pages of scanned-looking noise.

    Noise does not compress, so the file keeps its size through FlateDecode, like a real scan would.
    """
    noise = max(0, size_bytes - 2048)  # the text page and the PDF structure take about 2 KB
    while True:
        data = _big_pdf(noise, doc, creation, seed)
        if len(data) >= size_bytes:
            return data
        noise += size_bytes - len(data) + 256


def _big_pdf(noise_bytes: int, doc: ComposedDocument, creation: dt.datetime, seed: int) -> bytes:
    pdf = _new_pdf(doc.title, creation)
    _write_document(pdf, doc)
    rng = random.Random(f"big-pdf:{seed}:{noise_bytes}")
    page_bytes = 1_200_000
    pages = math.ceil(noise_bytes / page_bytes) if noise_bytes else 0
    for page in range(pages):
        chunk = min(page_bytes, noise_bytes - page * page_bytes)
        width = 1000
        height = max(1, math.ceil(chunk / width))
        pdf.add_page()
        pdf.set_font("", 8)
        pdf.line(f"Scan {page + 1}/{pages}", 5)
        pdf.gray_image(width, height, rng.randbytes(width * height), 20, 28, 170)
    return pdf.output()
