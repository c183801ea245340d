"""How much of a gazette survives being printed to PDF, saved as DOCX or scanned.

Prints each seed gazette (``graph/samples/*.txt`` unless ``--texts``) to an A4 PDF
(running head, page numbers ``- N -``, lines wrapped at the page's width, tab-separated
rows as ruled tables) and saves it as DOCX (``scripts/print_gazette.py``), builds the
``.txt``, the PDFs and the DOCX files, and prints, for the named queries documents,
memberships, leaders, duties and tasks, the share of the ``.txt``'s rows that each
format gives too; then the time to read a page of a text-layer PDF and, when Tesseract
is installed, of a scanned one (``--ocr-pages`` pages).

    python scripts/measure_formats.py [--texts DIR] [--ocr-pages 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from print_gazette import write_docx, write_pdf, write_scanned_pdf  # noqa: E402

from graph.build import build  # noqa: E402
from graph.ingest import SourceError, read_source  # noqa: E402
from graph.query import query_text, run_query  # noqa: E402
from graph.store import open_graph  # noqa: E402

QUERIES = ("documents", "memberships", "leaders", "duties", "tasks")
HEAD = "政府公报"


def make_corpora(texts: list[Path], work: Path) -> dict[str, Path]:
    """One folder per format, the same gazettes in each."""
    folders = {fmt: work / fmt for fmt in ("txt", "pdf", "docx")}
    for folder in folders.values():
        folder.mkdir()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        (folders["txt"] / path.name).write_text(text, encoding="utf-8")
        write_pdf(text, folders["pdf"] / f"{path.stem}.pdf", HEAD)
        write_docx(text, folders["docx"] / f"{path.stem}.docx")
    return folders


def rows(out: Path) -> dict[str, set]:
    graph = open_graph(out)
    return {name: set(run_query(graph, query_text(name), {}).rows) for name in QUERIES}


def compare(folders: dict[str, Path], work: Path) -> None:
    answers = {}
    for fmt, folder in folders.items():
        started = time.perf_counter()
        report = build([folder], work / f"out-{fmt}", html=False)
        seconds = time.perf_counter() - started
        failed = ", ".join(f"{f.name}: {f.error}" for f in report.failed) or "none failed"
        print(f"{fmt:5s} built {len(report.files)} files in {seconds:.1f} s ({failed})")
        answers[fmt] = rows(work / f"out-{fmt}")
    print(f"\n| query | .txt rows | PDF | DOCX |\n|---|---:|---:|---:|")
    for name in QUERIES:
        base = answers["txt"][name]
        cells = [f"{len(base & answers[fmt][name]) / len(base):.1%} ({len(answers[fmt][name])})" if base else "–"
                 for fmt in ("pdf", "docx")]
        print(f"| {name} | {len(base)} | {' | '.join(cells)} |")


def quotes_reread(folder: Path) -> tuple[int, int]:
    """Facts whose quote is the read text at their offsets, and all facts."""
    from graph.pipeline import process
    good = total = 0
    for path in sorted(folder.iterdir()):
        try:
            source = read_source(path)
        except SourceError:
            continue                        # named in the build's line above
        result = process(source)
        for fact in result.facts:
            total += 1
            good += fact.span.quote(result.source) == result.source.text[fact.span.start:fact.span.end]
    return good, total


def page_times(pdfs: list[Path], work: Path, ocr_pages: int) -> None:
    pages = 0
    started = time.perf_counter()
    for pdf in pdfs:
        pages += len(read_source(pdf).pages)
    seconds = time.perf_counter() - started
    print(f"\ntext-layer PDF: {pages} pages read in {seconds:.2f} s, {1000 * seconds / pages:.0f} ms a page")
    from graph.formats import ocr
    if not ocr.available() or ocr_pages <= 0:
        print("OCR: not measured (" + ("Tesseract with chi_sim not installed)" if ocr_pages > 0 else "--ocr-pages 0)"))
        return
    text = pdfs[0].with_suffix(".txt")
    short = write_pdf("\n".join(_first_pages(read_source(pdfs[0]), ocr_pages)), work / "short.pdf", HEAD)
    scanned = write_scanned_pdf(short, work / "scanned.pdf")
    started = time.perf_counter()
    source = read_source(scanned)
    seconds = time.perf_counter() - started
    print(f"OCR ({ocr.READER}): {len(source.pages)} pages read in {seconds:.1f} s, "
          f"{seconds / len(source.pages):.1f} s a page; {_char_agreement(short, source):.1%} of the text "
          f"layer's characters read back in order")
    del text


def _first_pages(source, n: int) -> list[str]:
    end = source.pages[n] if len(source.pages) > n else len(source.text)
    return source.text[:end].splitlines()


def _char_agreement(pdf: Path, ocr_source) -> float:
    from difflib import SequenceMatcher
    truth = "".join(read_source(pdf).text.split())
    read = "".join(ocr_source.text.split())
    matcher = SequenceMatcher(None, truth, read, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / max(len(truth), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=HERE.parent / "graph" / "samples")
    parser.add_argument("--ocr-pages", type=int, default=3, help="pages to OCR for the timing (0: none)")
    args = parser.parse_args()
    texts = sorted(args.texts.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="govkg-formats-") as tmp:
        work = Path(tmp)
        folders = make_corpora(texts, work)
        compare(folders, work)
        for fmt in ("pdf", "docx"):
            good, total = quotes_reread(folders[fmt])
            print(f"{fmt}: {good} of {total} facts' quotes are the read text at their offsets")
        page_times(sorted(folders["pdf"].iterdir()), work, args.ocr_pages)


if __name__ == "__main__":
    main()
