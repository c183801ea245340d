"""Compare PDF libraries on gazette-like PDFs made from a seed gazette: pdfplumber,
pypdfium2 and PyMuPDF (each only when installed; PyMuPDF is AGPL and is not a govkg
dependency: `pip install pymupdf` to include it).

For each library's plain text extraction it prints the time per page, the share of the
printed Han characters that come back (in order), whether a two-column page is read
column by column, and whether a table's rows come back as rows.  The last line gives
govkg's own reader (pdfplumber's character boxes and tables, ``graph.formats``).

    python scripts/compare_pdf_readers.py [--text graph/samples/002_e1f51ba76b5882f4.txt]
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from print_gazette import blocks, write_pdf  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")


def with_pdfplumber(path: Path) -> list[str]:
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def with_pypdfium2(path: Path) -> list[str]:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def with_pymupdf(path: Path) -> list[str]:
    import pymupdf
    with pymupdf.open(str(path)) as pdf:
        return [page.get_text() for page in pdf]


def with_govkg(path: Path) -> list[str]:
    from graph.ingest import read_source
    source = read_source(path)
    ends = (*source.pages[1:], len(source.text))
    return [source.text[a:b] for a, b in zip(source.pages, ends)]


READERS = {"pdfplumber": with_pdfplumber, "pypdfium2": with_pypdfium2, "PyMuPDF": with_pymupdf,
           "govkg (pdfplumber boxes + tables)": with_govkg}


def han_kept(truth: str, pages: list[str]) -> float:
    a, b = "".join(HAN.findall(truth)), "".join(HAN.findall("".join(pages)))
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()) / max(len(a), 1)


def in_order(pages: list[str], paragraphs: list[str]) -> float:
    """Share of consecutive paragraphs whose middles come back in their order (a page in
    two columns read across the columns mixes them)."""
    text = "".join("".join(p.split()) for p in pages)
    cores = ["".join(p.split()) for p in paragraphs]
    at = [text.find(c[len(c) // 2:len(c) // 2 + 12]) for c in cores]
    pairs = list(zip(at, at[1:]))
    return sum(0 <= a < b for a, b in pairs) / max(len(pairs), 1)


def rows_kept(pages: list[str], rows: list[str]) -> tuple[float, float]:
    """Share of table rows that come back as tab-separated rows, and as one line of text."""
    def cells(line: str) -> str:
        parts = [c.strip() for c in line.split("\t")]
        while parts and not parts[-1]:
            parts.pop()
        return "\t".join(parts)
    lines = {cells(line) for p in pages for line in p.splitlines()}
    flat = {"".join(line.split()) for p in pages for line in p.splitlines()}
    return (sum(cells(r) in lines for r in rows) / len(rows),
            sum("".join(r.split()) in flat for r in rows) / len(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, default=HERE.parent / "graph" / "samples" / "002_e1f51ba76b5882f4.txt")
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8")
    paras = [b[1][0] for b in blocks(text) if b[0] == "para" and len(b[1][0]) > 60]
    rows = [r for kind, group in blocks(text) if kind == "table" for r in group if len(r.split("\t")) >= 3][:20]
    with tempfile.TemporaryDirectory() as tmp:
        one = write_pdf(text, Path(tmp) / "one.pdf", "政府公报")
        two = write_pdf("\n".join(paras[:12]), Path(tmp) / "two.pdf", "政府公报", columns=2)
        print("| reader | ms a page | Han characters kept | two-column paragraphs in order | table rows as rows (as one line) |")
        print("|---|---:|---:|---:|---:|")
        for name, read in READERS.items():
            try:
                read(two)                                     # imports, warm caches
            except ImportError:
                print(f"| {name} | not installed | | | |")
                continue
            started = time.perf_counter()
            pages = read(one)
            ms = 1000 * (time.perf_counter() - started) / len(pages)
            order = in_order(read(two), paras[:12])
            as_rows, as_line = rows_kept(pages, rows) if rows else (0.0, 0.0)
            print(f"| {name} | {ms:.0f} | {han_kept(text, pages):.1%} | {order:.0%} | {as_rows:.0%} ({as_line:.0%}) |")

if __name__ == "__main__":
    main()
