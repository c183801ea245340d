"""What a build says about each file: counts per fact kind, warnings, errors, and the text
no extractor used — so that nothing is dropped silently."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field

from .document import CleanText, Document, Source
from .facts import FACT_KINDS, Fact

SAMPLE_LINES = 5          # lines of unused text quoted in the report, per file
WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class FileReport:
    """One file's line in the build report."""

    name: str
    sha256: str | None = None
    encoding: str | None = None     # or the reader of a PDF/DOCX file: pdfplumber, python-docx …
    bytes: int = 0
    pages: int = 0                  # pages of a PDF
    ocr_pages: tuple[int, ...] = ()  # the pages read by OCR (their facts: lower confidence)
    documents: int = 0
    inferred_documents: tuple[str, ...] = ()   # "D1 (untitled)": no header was recognised
    facts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    furniture_removed: dict[str, int] = field(default_factory=dict)
    chars_outside_documents: int = 0
    chars_unclaimed_in_documents: int = 0
    unused_samples: tuple[str, ...] = ()
    unused_composition: tuple[str, ...] = ()   # "offset: line" of a composition no rule read
    warnings: tuple[str, ...] = ()
    error: str | None = None
    skipped: str | None = None      # "unchanged", "duplicate of …"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FileResult:
    """Everything one file gave: its documents, resolved facts, graph (N-Quads lines) and report."""

    source: Source
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    nquads: list[str]
    report: FileReport


def file_report(text: CleanText, documents: tuple[Document, ...], facts) -> FileReport:
    """Counts, warnings and unused text of one processed file."""
    source = text.source
    counts = Counter(f.kind for f in facts)
    warnings = list(source.warnings)
    if not source.text.strip():
        warnings.append("empty file: no text")
    elif not documents:
        warnings.append("no document found (no notice heading with a 文号 or 主送 line)")
    inferred = tuple(f"{d.key} {d.label if d.title or d.number else '(untitled)'}"
                     for d in documents if d.inferred)
    if inferred:
        warnings.append(f"no document header recognised for {', '.join(inferred)}: read as an "
                        "inferred document (facts kept, header fields from the page or empty)")
    if "\ufffd" in source.text:
        warnings.append(f"{source.text.count(chr(0xFFFD))} characters could not be decoded "
                        f"({source.encoding}) and were replaced")
    outside, samples = _outside_documents(text, documents)
    claimed = _claimed(source, documents, facts)
    return FileReport(
        name=source.name, sha256=source.digest, encoding=source.encoding, bytes=source.size,
        pages=len(source.pages), ocr_pages=source.ocr_pages,
        documents=len(documents), inferred_documents=inferred, facts={k: counts.get(k, 0) for k in FACT_KINDS},
        furniture_removed=dict(sorted(Counter(d.reason for d in text.dropped).items())),
        chars_outside_documents=outside,
        chars_unclaimed_in_documents=_unclaimed(source, documents, claimed),
        unused_samples=tuple(samples), unused_composition=_unused_composition(text, documents, facts, claimed),
        warnings=tuple(warnings))


def _outside_documents(text: CleanText, documents) -> tuple[int, list[str]]:
    """Non-blank characters of cleaned text in no document, and the first lines of it."""
    covered = sorted((d.start, d.end) for d in documents)
    gaps, pos = [], 0
    for start, end in covered:
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < len(text.text):
        gaps.append((pos, len(text.text)))
    chars, samples = 0, []
    for a, b in gaps:
        part = text.text[a:b]
        chars += sum(1 for c in part if not c.isspace())
        for line in part.splitlines():
            if line.strip() and len(samples) < SAMPLE_LINES:
                samples.append(line.strip()[:80])
    return chars, samples


def _claimed(source: Source, documents, facts) -> bytearray:
    """1 for each character of the file inside a document that no fact and no header
    field quotes."""
    mask = bytearray(len(source.text))
    for d in documents:
        mask[d.span.start:d.span.end] = b"\x01" * (d.span.end - d.span.start)
    spans = [f.span for f in facts]
    for d in documents:
        spans += [m.span for m in (d.notice_title, d.title, d.number, d.date, d.issuer) if m]
        spans += [m.span for m in (*d.recipients, *d.attachments)]
    for s in spans:
        mask[s.start:s.end] = bytes(s.end - s.start)
    return mask


def _unclaimed(source: Source, documents, mask: bytearray) -> int:
    """Non-blank characters inside documents that no fact and no header field quotes."""
    blank = sum(1 for m in WHITESPACE.finditer(source.text) if mask[m.start()])
    return mask.count(1) - blank


def _list_end(text: CleanText, end: int) -> int:
    """Past the labelled lines (X：…) that follow the original offset ``end``: a list's
    last lines, read or not."""
    from .patterns import LABEL_LINE         # the patterns: in the worker, not in the build's process
    clean_end = bisect_left(range(len(text.text)), end, key=text.offsets.start)
    pos = text.text.find("\n", clean_end)
    while 0 <= pos < len(text.text) - 1:
        nxt = text.text.find("\n", pos + 1)
        nxt = len(text.text) if nxt < 0 else nxt
        if not LABEL_LINE.match(text.text, pos + 1, nxt):
            break
        end, pos = text.span(pos + 1, nxt).end, nxt
    return end


COMPOSITION_KINDS = ("leader", "membership", "office")
MAX_UNUSED_COMPOSITION = 20


def _unused_composition(text: CleanText, documents, facts, mask: bytearray) -> tuple[str, ...]:
    """The lines of a composition (the section that gives a body's leaders or members, or
    the lines from its first such fact to its last) that no rule read: a garbled label, a
    layout no rule knows.  Each as "offset: line", the offset in the file."""
    from .patterns import ATTACHMENT_LINE
    regions = []
    for d in documents:
        spans = [f.span for f in facts if f.kind in COMPOSITION_KINDS and f.document == d.key]
        if not spans:
            continue
        loose = []
        for sp in spans:
            inner = max((s for s in d.sections if s.span.start <= sp.start < s.span.end),
                        key=lambda s: s.level, default=None)
            (regions.append((inner.span.start, inner.span.end)) if inner else loose.append(sp))
        if loose:
            regions.append((min(s.start for s in loose), _list_end(text, max(s.end for s in loose))))
    if not regions:
        return ()
    starts, ends = _merged(regions)
    heads = {s.span.start for d in documents for s in d.sections}
    out, pos = [], 0
    for line in text.text.splitlines(keepends=True):
        a, b = pos, pos + len(line.rstrip("\n"))
        pos += len(line)
        span = text.span(a, b)
        k = bisect_right(starts, span.start) - 1
        if k < 0 or span.start >= ends[k] or not line.strip() or span.start in heads \
                or ATTACHMENT_LINE.match(line):
            continue
        if not mask.count(0, span.start, span.end):     # no rule read any of it
            out.append(f"{span.start}: {text.shown(a, b).strip()[:80]}")
    return tuple(out[:MAX_UNUSED_COMPOSITION])


def _merged(regions: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Ranges ``[start, end)`` joined where they overlap: their starts and ends, in order."""
    starts, ends = [], []
    for r0, r1 in sorted(regions):
        if starts and r0 < ends[-1]:
            ends[-1] = max(ends[-1], r1)
        elif r0 < r1:
            starts.append(r0)
            ends.append(r1)
    return starts, ends
