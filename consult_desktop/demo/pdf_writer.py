"""A small PDF writer for the demo hospital's documents: A4 pages of wrapped text in the standard Helvetica
fonts (WinAnsi encoding, so French and Dutch accents show and the text layer can be searched), and
grey-scale images for scanned-looking pages. Enough for readable letters, without a third-party library.

Output is deterministic for the same input (the creation date is given by the caller). Pure Python; any
thread (each document is its own object).
"""

from __future__ import annotations

import datetime as dt
import zlib

PT_PER_MM = 72 / 25.4
PAGE_W_PT, PAGE_H_PT = 595.28, 841.89  # A4
_FONTS = {"": ("F1", "Helvetica"), "B": ("F2", "Helvetica-Bold"), "I": ("F3", "Helvetica-Oblique")}
# Advance widths of Helvetica (per 1000 units of font size) for the printable ASCII range, from the
# standard Adobe font metrics; accented letters take the width of their base letter.
_WIDTHS = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
           556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
           1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
           667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
           333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
           556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_ACCENTS = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ",
                         "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` set in Helvetica at `size` points (bold is a little wider)."""
    units = sum(_WIDTHS[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in text.translate(_ACCENTS))
    return units * size / 1000 * (1.08 if bold else 1.0)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class SimplePdf:
    """Pages are filled top to bottom; `text()` wraps to the margins and starts a new page when full."""

    def __init__(self, title: str, creation: dt.datetime, *, creator: str = "Consult Desktop demo hospital",
                 margins_mm: tuple[float, float, float] = (20, 18, 20), bottom_mm: float = 18) -> None:
        self.title = title
        self.creation = creation
        self.creator = creator
        self.left = margins_mm[0] * PT_PER_MM
        self.top = margins_mm[1] * PT_PER_MM
        self.right = PAGE_W_PT - margins_mm[2] * PT_PER_MM
        self.bottom = PAGE_H_PT - bottom_mm * PT_PER_MM
        self.pages: list[list[bytes]] = []
        self.page_images: list[list[int]] = []
        self.images: list[tuple[int, int, bytes]] = []  # width, height, compressed grey pixels
        self.y = self.top
        self.style, self.size = "", 10.0

    def add_page(self) -> None:
        self.pages.append([])
        self.page_images.append([])
        self.y = self.top

    def set_font(self, style: str = "", size: float = 10) -> None:
        self.style, self.size = style, size

    def ln(self, mm: float) -> None:
        self.y += mm * PT_PER_MM

    def text(self, text: str, line_height_mm: float) -> None:
        """Write a paragraph, wrapped at word boundaries within the margins."""
        for line in self._wrap(text):
            self.line(line, line_height_mm)

    def line(self, text: str, line_height_mm: float) -> None:
        height = line_height_mm * PT_PER_MM
        if not self.pages or self.y + height > self.bottom:
            self.add_page()
        font, _name = _FONTS[self.style]
        baseline = PAGE_H_PT - (self.y + height * 0.75)
        self.pages[-1].append(b"BT /%s %.1f Tf %.2f %.2f Td (%s) Tj ET" % (
            font.encode(), self.size, self.left, baseline, _escape(text)))
        self.y += height

    def gray_image(self, width: int, height: int, pixels: bytes, x_mm: float, y_mm: float, w_mm: float) -> None:
        """Place an 8-bit grey-scale image on the current page, `w_mm` wide, top-left at (x_mm, y_mm)."""
        if not self.pages:
            self.add_page()
        self.images.append((width, height, zlib.compress(pixels, 6)))
        number = len(self.images)
        self.page_images[-1].append(number)
        w_pt = w_mm * PT_PER_MM
        h_pt = w_pt * height / width
        y_pt = PAGE_H_PT - y_mm * PT_PER_MM - h_pt
        self.pages[-1].append(b"q %.2f 0 0 %.2f %.2f %.2f cm /Im%d Do Q" % (w_pt, h_pt, x_mm * PT_PER_MM, y_pt, number))

    def _wrap(self, text: str) -> list[str]:
        width = self.right - self.left
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split(" "):
                candidate = f"{current} {word}" if current else word
                if current and text_width(candidate, self.size, self.style == "B") > width:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        return lines

    # -- serialisation -------------------------------------------------------------------------------------
    def output(self) -> bytes:
        # Streams end with CR LF before `endstream`, so a reader that splits on the end of line before
        # `endstream` never takes a final CR of compressed data for the line ending.
        if not self.pages:
            self.add_page()
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        catalog = add(b"")  # filled once the page tree's number is known
        pages_ref = add(b"")
        fonts = {key: add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                          % name.encode()) for key, (_ref, name) in _FONTS.items()}
        font_dict = b" ".join(b"/%s %d 0 R" % (_FONTS[k][0].encode(), n) for k, n in fonts.items())
        image_refs = [add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                          b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\r\nendstream"
                          % (w, h, len(data), data)) for w, h, data in self.images]
        kids = []
        for content, used in zip(self.pages, self.page_images, strict=True):
            stream = zlib.compress(b"\n".join(content), 6)
            content_ref = add(b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\r\nendstream" % (len(stream), stream))
            xobjects = b" ".join(b"/Im%d %d 0 R" % (n, image_refs[n - 1]) for n in used)
            kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                            b"/Resources << /Font << %s >> /XObject << %s >> >> >>"
                            % (pages_ref, PAGE_W_PT, PAGE_H_PT, content_ref, font_dict, xobjects)))
        objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_ref
        objects[pages_ref - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        stamp = self.creation.strftime("D:%Y%m%d%H%M%SZ").encode()
        info = add(b"<< /Title (%s) /Creator (%s) /CreationDate (%s) >>"
                   % (_escape(self.title), _escape(self.creator), stamp))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1, catalog, info, xref)
        return bytes(out)
