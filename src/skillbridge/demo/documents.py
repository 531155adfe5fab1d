"""The files the demo uploads: small one-page PDFs, stand-ins for scanned papers."""


def _pdf_text(text: str) -> str:
    """Text a PDF string can hold: Latin-1 only, and no parentheses to unbalance it."""
    latin = text.encode("latin-1", "replace").decode("latin-1")
    return latin.replace("(", "[").replace(")", "]")


def pdf_page(title: str, line: str = "") -> bytes:
    """A small, valid one-page PDF showing `title`, and `line` in smaller type below it."""
    shown = f"({_pdf_text(title)}) Tj"
    if line:
        shown += f" 0 -24 Td /F1 11 Tf ({_pdf_text(line)}) Tj"
    stream = f"BT /F1 14 Tf 60 760 Td {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out + trailer.encode()
