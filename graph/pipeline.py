"""The stages in order: one file in, its documents, facts and named graph out.

A pure function of one file, so files can be processed in any order or in parallel.
"""
from __future__ import annotations

from .clean import clean
from .document import Source
from .extract import extract
from .rdf import to_nquads
from .report import FileResult, file_report
from .resolve import resolve
from .segment import split_documents


def process(source: Source) -> FileResult:
    """ingest ─> clean ─> segment ─> extract ─> resolve ─> model, for one source."""
    text = clean(source)
    documents = split_documents(text)
    facts = resolve(extract(text, documents), documents)
    nquads = to_nquads(source, documents, facts)
    return FileResult(source, documents, tuple(facts), nquads, file_report(text, documents, facts))
