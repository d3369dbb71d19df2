"""Small PDFs written byte by byte, sound and hostile: one page of text, an encrypted one, a truncated one, a page
tree that loops, 100,000 pages in a few hundred bytes, a page that is only an image, one with JavaScript.

:func:`pdf` assembles numbered objects into a file with a correct cross-reference table, so that each hostile
file is hostile in exactly one way.
"""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TREATY_LINES = ("Treaty on Hostile Files", "The Parties,", "Have agreed as follows:", "Article 1",
                "Each Party shall read files carefully.")


def pdf(objects: list[bytes], trailer: bytes = b"", root: int = 1) -> bytes:
    """A PDF file of ``objects`` (object N is ``objects[N - 1]``) with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def text_page(lines: tuple[str, ...] = TREATY_LINES) -> bytes:
    """A sound one-page PDF with the lines of a tiny treaty (Helvetica 12 pt, 20 pt apart)."""
    content = b"BT /F1 12 Tf 72 720 Td " + b" ".join(
        b"(%s) Tj 0 -20 Td" % line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") for line in lines
    ) + b" ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        FONT,
    ])


def encrypted() -> bytes:
    """A page behind the standard security handler whose user password is not the empty one (PDFium cannot
    open it without the password)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"4f" * 32 + b"> /U <" + b"75" * 32 + b"> /P -44 >>",
    ]
    return pdf(objects, trailer=b"/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> "
                                b"<0123456789abcdef0123456789abcdef>] ")


def truncated() -> bytes:
    """The text page cut in the middle."""
    whole = text_page()
    return whole[: len(whole) // 2]


def looping_page_tree() -> bytes:
    """A page tree whose /Kids lead back to itself (2 -> 3 -> 2) and claims a page."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def hundred_thousand_pages() -> bytes:
    """100,000 empty pages in a few hundred bytes: five levels of page-tree nodes, each with ten children that are
    one and the same object (a tree in structure, a chain on disk)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    levels = 5
    for level in range(levels):
        number = level + 2
        child = number + 1
        count = 10 ** (levels - level)
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%s] /Count %d >>" % (parent, b" ".join([b"%d 0 R" % child] * 10),
                                                                       count))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>" % (levels + 1))
    return pdf(objects)


def image_only() -> bytes:
    """One page showing a 64x64 grey image and no text at all (a scanned page)."""
    pixels = bytes(range(64)) * 64
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(b"q 400 0 0 400 100 200 cm /Im1 Do Q"),
        _stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 "),
    ])


def with_javascript() -> bytes:
    """The text page with a script run when the document is opened."""
    content = b"BT /F1 12 Tf 72 720 Td (Article 1) Tj 0 -20 Td (Each Party shall read files carefully.) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        FONT,
        b"<< /S /JavaScript /JS (app.alert\\('hello'\\);) >>",
    ])


__all__ = ["encrypted", "hundred_thousand_pages", "image_only", "looping_page_tree", "pdf", "text_page", "truncated",
           "with_javascript"]
