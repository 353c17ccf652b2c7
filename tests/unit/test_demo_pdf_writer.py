"""The demo's own PDF writer: valid cross-references, wrapped text that stays searchable, page breaks."""

from __future__ import annotations

import datetime as dt
import re
import zlib

from consult_desktop.demo.pdf_writer import PAGE_W_PT, SimplePdf, text_width

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def objects_at_offsets(data: bytes) -> bool:
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    table = data[xref:].split(b"trailer")[0].splitlines()[3:]
    return all(re.match(rb"%d 0 obj" % n, data[int(line[:10]):]) for n, line in enumerate(table, start=1))


def shown_text(data: bytes) -> str:
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
    return "".join(zlib.decompress(s).decode("cp1252", "replace") for s in streams if b"BT" in zlib.decompress(s))


def test_cross_references_point_at_their_objects_and_output_is_deterministic() -> None:
    def build() -> bytes:
        pdf = SimplePdf("Lettre de sortie", WHEN)
        pdf.set_font("B", 14)
        pdf.text("Hôpital Démo — Lettre de sortie (test)", 7)
        pdf.gray_image(4, 2, bytes(range(8)), 20, 40, 50)
        return pdf.output()

    data = build()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert objects_at_offsets(data)
    assert build() == data
    assert "Hôpital Démo" in shown_text(data) and "\\(test\\)" in shown_text(data)


def test_long_text_wraps_within_the_margins_and_breaks_pages() -> None:
    pdf = SimplePdf("Compte rendu", WHEN)
    pdf.set_font("", 10)
    paragraph = " ".join(["cholécystectomie laparoscopique sans complication"] * 400)
    pdf.text(paragraph, 5)
    data = pdf.output()
    assert int(re.search(rb"/Count (\d+)", data).group(1)) >= 3
    lines = re.findall(r"\((.*?)\) Tj", shown_text(data))
    usable = PAGE_W_PT - 2 * 20 * 72 / 25.4
    assert lines and all(text_width(line, 10) <= usable for line in lines)
