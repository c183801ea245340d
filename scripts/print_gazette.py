"""Print a text gazette the way users get them: an A4 PDF (running head, page numbers
``- 27 -``, lines wrapped at the page's width, tab-separated rows as ruled tables, one or
two columns), a DOCX file (paragraphs and tables), or a scanned PDF (pages as images only).

Used by the tests (fixture PDFs and DOCX files made from fixture texts) and by
``scripts/measure_formats.py``.  Needs fpdf2 and python-docx (`pip install fpdf2 python-docx`)
and a CJK font: Debian's fonts-wqy-microhei, or ``--font``.

    python scripts/print_gazette.py gazette.txt --pdf gazette.pdf --docx gazette.docx
"""
from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path

from graph.patterns import PARAGRAPH_GAP

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LINE_MM = 6.2


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """The text's lines grouped as ``("table", rows)`` (lines holding a tab) and
    ``("para", [line])``; blank lines are left out (paragraph spacing shows them).  A
    scraped page's line that runs paragraphs together with wide gaps (as the cleaner
    reads it) is printed as those paragraphs.

    >>> blocks("一、总则\\n\\n序号\\t任务\\n1\\t防汛\\n本预案。")
    [('para', ['一、总则']), ('table', ['序号\\t任务', '1\\t防汛']), ('para', ['本预案。'])]
    """
    out = []
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    for is_row, group in groupby(lines, key=lambda line: "\t" in line):
        group = list(group)
        if is_row:
            out.append(("table", group))
        else:
            out.extend(("para", [p]) for line in group for p in PARAGRAPH_GAP.split(line) if p.strip())
    return out


def write_pdf(text: str, path: Path, head: str, *, columns: int = 1, first_page: int = 1,
              font: Path = FONT) -> Path:
    """An A4 PDF of ``text``: ``head`` on every page, ``- N -`` at the foot."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class Gazette(FPDF):
        def header(self):
            self.set_font("cjk", size=9)
            self.cell(0, 6, head, align="C", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=10)
            self.cell(0, 8, f"- {self.page_no() + first_page - 1} -", align="C")

    pdf = Gazette(format="A4")
    pdf.add_font("cjk", fname=str(font))
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_margins(22, 18, 22)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    if columns > 1:
        _columns(pdf, text, columns, WrapMode.CHAR)
    else:
        for kind, lines in blocks(text):
            (_table if kind == "table" else _paragraph)(pdf, lines, WrapMode.CHAR)
    pdf.output(str(path))
    return Path(path)


def _paragraph(pdf, lines: list[str], wrap) -> None:
    pdf.multi_cell(pdf.epw, LINE_MM, _indented(lines[0]), wrapmode=wrap, new_x="LMARGIN", new_y="NEXT")


def _indented(line: str) -> str:
    """A paragraph's first line is indented by two characters; a heading's is not."""
    line = line.strip()
    return "\u3000\u3000" + line if len(line) >= 25 or line.endswith("。") else line


def _table(pdf, rows: list[str], wrap) -> None:
    """Ruled rows of equal columns; a row too tall for one page (fpdf2 cannot split a
    row) is printed as paragraphs, one a cell, between two tables."""
    width = max(len(r.split("\t")) for r in rows)
    for fits, group in groupby(rows, key=lambda r: _fits(pdf, r, width)):
        if not fits:
            for r in group:
                for cell in r.split("\t"):
                    _paragraph(pdf, [cell], wrap)
            continue
        pdf.set_font("cjk", size=9)
        with pdf.table(width=pdf.epw, line_height=5, wrapmode=wrap, first_row_as_headings=False,
                       col_widths=tuple(1 for _ in range(width))) as table:
            for r in group:
                cells = r.split("\t")
                row = table.row()
                for c in cells + [""] * (width - len(cells)):
                    row.cell(c.strip())
        pdf.set_font("cjk", size=12)
        pdf.ln(2)


def _fits(pdf, row: str, width: int) -> bool:
    """The row's tallest cell, at 9 pt in a column of ``1/width`` of the page, fits a page."""
    per_line = max(int(pdf.epw / width / 3.3), 1)
    return max(len(c) for c in row.split("\t")) // per_line * 5 < 200


def _columns(pdf, text: str, ncols: int, wrap) -> None:
    """Paragraphs in ``ncols`` columns that run on from page to page (no tables)."""
    with pdf.text_columns(ncols=ncols, gutter=12, wrapmode=wrap, text_align="LEFT") as cols:
        for kind, lines in blocks(text):
            for line in lines:
                with cols.paragraph(bottom_margin=1) as p:
                    p.write(_indented(line.replace("\t", " ")))


def write_docx(text: str, path: Path) -> Path:
    """A DOCX file: one paragraph a line, runs of tab-separated lines as one table."""
    import docx

    document = docx.Document()
    for kind, lines in blocks(text):
        if kind == "para":
            document.add_paragraph(lines[0].strip())
            continue
        rows = [r.split("\t") for r in lines]
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = "Table Grid"
        for i, cells in enumerate(rows):
            for j, cell in enumerate(cells):
                table.cell(i, j).text = cell.strip()
    document.save(str(path))
    return Path(path)


def write_scanned_pdf(pdf_path: Path, path: Path, dpi: int = 300) -> Path:
    """A PDF whose pages are images of ``pdf_path``'s pages (no text layer), as a scanner
    makes them."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    source = pdfium.PdfDocument(str(pdf_path))
    out = FPDF(format="A4")
    try:
        for page in source:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            out.add_page()
            out.image(image, x=0, y=0, w=out.w, h=out.h)
    finally:
        source.close()
    out.output(str(path))
    return Path(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path, help="a .txt gazette (UTF-8)")
    parser.add_argument("--pdf", type=Path, help="write an A4 PDF here")
    parser.add_argument("--docx", type=Path, help="write a DOCX file here")
    parser.add_argument("--scanned", type=Path, help="also write a scanned (image-only) PDF here")
    parser.add_argument("--head", default="政府公报", help="the running head")
    parser.add_argument("--columns", type=int, default=1)
    parser.add_argument("--font", type=Path, default=FONT)
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8")
    if args.pdf or args.scanned:
        pdf = write_pdf(text, args.pdf or args.scanned.with_suffix(".text.pdf"), args.head,
                        columns=args.columns, font=args.font)
        if args.scanned:
            write_scanned_pdf(pdf, args.scanned)
    if args.docx:
        write_docx(text, args.docx)


if __name__ == "__main__":
    main()
