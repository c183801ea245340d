"""DOCX: paragraphs and tables in document order, with python-docx; a table's rows as
tab-separated lines (as the table reader takes them), a cell that a merge repeats given
once."""
from __future__ import annotations

import io
import zipfile

from . import Extraction, ReadError
from .pdf import table_rows

READER = "python-docx"


def read_docx(data: bytes) -> Extraction:
    """The text of a DOCX file, a paragraph a line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"broken DOCX file: {e}") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(table_rows(_cells(block)))
        else:
            lines.append(block.text.replace("\n", " ").replace("\r", " "))
    return Extraction("".join(line + "\n" for line in lines), READER)


def _cells(table) -> list[list[str | None]]:
    """Each row's cells; a cell merged across columns counts once, and one merged down
    from the row above is left empty (printed once, as in a text gazette)."""
    rows: list[list[str | None]] = []
    above: list = []
    for row in table.rows:
        seen, cells, elements = set(), [], []
        for i, cell in enumerate(row.cells):
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            elements.append(cell._tc)
            merged_down = any(cell._tc is tc for tc in above)
            cells.append(None if merged_down else cell.text)
        rows.append(cells)
        above = elements
    return rows
