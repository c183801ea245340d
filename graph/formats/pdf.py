"""PDF: the text layer of each page in reading order (``graph.formats.layout``), tables
as tab-separated rows; pages without a text layer through OCR when Tesseract is there.

Read with pdfplumber (MIT; pdfminer.six for text and positions, pypdfium2 for rendering):
it gives every character's box, so columns and reading order are decided from where the
text stands, not from the order a typesetter wrote it in, and it finds ruled tables with
their wrapped cells.  See the README for the comparison with pypdfium2 and PyMuPDF.
"""
from __future__ import annotations

import io

from . import Extraction, ReadError, ocr
from .layout import latin, page_lines

MIN_CHARS = 5            # a page with fewer printed characters has no text layer to speak of
READER = "pdfplumber"


def read_pdf(data: bytes) -> Extraction:
    """The text of a PDF file; raises ``ReadError`` for an encrypted or broken one."""
    pdf = _open(data)
    parts: list[str] = []
    starts: list[int] = []
    scanned: list[int] = []
    offset = 0
    try:
        for number, page in enumerate(pdf.pages, 1):
            lines, is_scanned = _page_text(page)
            if is_scanned:
                scanned.append(number)
                lines = ocr.read_page(page) if ocr.available() else []
            starts.append(offset)
            text = "".join(line + "\n" for line in lines)
            parts.append(text)
            offset += len(text)
    except ReadError:
        raise
    except Exception as e:                       # noqa: BLE001 — pdfminer's errors have no common base
        raise ReadError(f"broken PDF: {_reason(e)}") from None
    finally:
        pdf.close()
    return _result("".join(parts), tuple(starts), tuple(scanned))


def _result(text: str, starts: tuple[int, ...], scanned: tuple[int, ...]) -> Extraction:
    """The extraction, with what OCR did or could not do for the pages without text."""
    if not scanned:
        return Extraction(text, READER, starts)
    if ocr.available():
        return Extraction(text, f"{READER}+{ocr.READER}", starts, scanned,
                          (f"{_pages(scanned)} had no text layer and {_were(scanned)} read by OCR "
                           f"({ocr.READER}): lower confidence",))
    if len(scanned) == len(starts):
        raise ReadError(f"no text layer (a scanned PDF) and no OCR: {ocr.MISSING}")
    return Extraction(text, READER, starts, (),
                      (f"{_pages(scanned)} had no text layer and {_were(scanned)} not read: {ocr.MISSING}",))


def _were(numbers) -> str:
    return "was" if len(numbers) == 1 else "were"


def _pages(numbers) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers))


def _open(data: bytes):
    import pdfplumber
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages                                # parses the page tree
        return pdf
    except Exception as e:                       # noqa: BLE001 — reported with the reason
        reason = _reason(e)
        if "Password" in reason or "Encrypt" in reason:
            raise ReadError("encrypted PDF: it cannot be opened without its password") from None
        raise ReadError(f"broken PDF: {reason}") from None


def _reason(e: Exception) -> str:
    inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    return f"{type(inner).__name__}: {inner}".rstrip(": ")


def _page_text(page) -> tuple[list[str], bool]:
    """The page's lines, and whether it has no text layer."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    chars = [c for c in page.chars if not any(_inside(c, b) for b in boxes)]
    rows = tuple((t.bbox[1], tuple(table_rows(t.extract()))) for t in tables)
    if sum(1 for c in page.chars if c["text"].strip()) < MIN_CHARS:
        return [], True
    return page_lines(chars, page.width, rows), False


def _inside(ch: dict, box) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def table_rows(cells: list[list[str | None]]) -> list[str]:
    """A table's rows as tab-separated lines, as the table reader takes them: a cell's
    wrapped lines joined, empty cells at the end of a row dropped, empty rows skipped.

    >>> table_rows([["序号", "重点\\n工作", "牵头单位"], ["1", "防汛", None], [None, None, None]])
    ['序号\\t重点工作\\t牵头单位', '1\\t防汛']
    """
    out = []
    for row in cells:
        texts = [_cell(c) for c in row]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            out.append("\t".join(texts))
    return out


def _cell(text: str | None) -> str:
    if not text:
        return ""
    pieces = [p.strip() for p in text.splitlines() if p.strip()]
    out = ""
    for p in pieces:
        out += (" " if latin(out[-1:]) and latin(p[:1]) else "") + p
    return out
