"""Stage 4 — extract: one module per family of facts, each a function
``extract(clean, document) -> list[Fact]`` that only finds, never canonicalises.
"""
from __future__ import annotations

from ..document import CleanText, Document
from ..facts import Fact
from . import appointments, composition, duties, references, tasks

EXTRACTORS = (
    references.extract,
    composition.extract,
    duties.extract,
    tasks.extract,
    appointments.extract,
)


def extract(clean: CleanText, documents: tuple[Document, ...]) -> list[Fact]:
    """Every fact every extractor finds in every document, in document order."""
    return [fact for doc in documents for run in EXTRACTORS for fact in run(clean, doc)]
