"""The data that flows through the stages: a source file, its cleaned text, its documents.

Offsets are character offsets into ``Source.text``, the decoded file exactly as read
(half-open ``[start, end)``).  Cleaning rewrites the text, so every cleaned text keeps an
``OffsetMap`` that sends its positions back to the original; spans stored on facts are
always original offsets, so ``source.text[start:end]`` is the quote.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Source:
    """One input file, decoded.

    ``name`` is the path relative to the folder it was found in (or the file name),
    ``digest`` the SHA-256 of its bytes, ``text`` the decoded content, unchanged — or,
    for a PDF or a word-processor file, the text read from it (``encoding`` then names
    the reader), with ``pages`` the offset where each page starts and ``ocr_pages`` the
    1-based numbers of the pages read by OCR.
    """

    name: str
    text: str
    digest: str
    encoding: str
    media_type: str = "text/plain"   # or "text/html", "application/pdf" …
    size: int = 0                    # bytes on disk
    pages: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()   # what reading the file could not do

    @property
    def key(self) -> str:
        """Short stable identifier of the content (first 16 hex digits of the digest)."""
        return self.digest[:16]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page that ``offset`` falls on; None for a file without pages.

        >>> Source("a.pdf", "一页\\n二页\\n", "", "pdfplumber", pages=(0, 3)).page_at(4)
        2
        """
        return bisect_right(self.pages, offset) if self.pages else None

    def read_by_ocr(self, offset: int) -> bool:
        """The text at ``offset`` was read by OCR (lower confidence)."""
        return bool(self.ocr_pages) and self.page_at(offset) in self.ocr_pages


@dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` of original offsets in one source."""

    start: int
    end: int

    def quote(self, source: Source) -> str:
        return source.text[self.start:self.end]


class Run(NamedTuple):
    """A stretch ``[clean_start, clean_end)`` of cleaned text and where it came from.

    A *copied* run maps character by character onto ``[orig_start, orig_end)`` (same
    length); an inserted run (a paragraph break put where an HTML tag stood, say) maps
    every one of its characters onto the whole original range it replaced.  A named
    tuple, not a dataclass: a long file makes tens of thousands, cheaper so.
    """

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int
    copied: bool


@dataclass(frozen=True)
class OffsetMap:
    """Sends positions in a cleaned text back to positions in the original text."""

    runs: tuple[Run, ...]
    starts: tuple[int, ...] = field(repr=False, default=())

    def __post_init__(self):
        object.__setattr__(self, "starts", tuple(r.clean_start for r in self.runs))

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls((Run(0, length, 0, length, True),) if length else ())

    def is_identity(self) -> bool:
        """Every position maps to itself: the text was not rewritten.

        >>> OffsetMap.identity(5).is_identity(), OffsetMap((Run(0, 1, 0, 3, False),)).is_identity()
        (True, False)
        """
        return len(self.runs) == 1 and self.runs[0] == Run(0, self.runs[0].clean_end, 0, self.runs[0].clean_end, True)

    def start(self, i: int) -> int:
        """Original offset of cleaned character ``i``."""
        if not self.runs:
            return 0
        run = self.runs[max(bisect_right(self.starts, i) - 1, 0)]
        if run.copied:
            return min(run.orig_start + (i - run.clean_start), run.orig_end)
        return run.orig_start

    def end(self, j: int) -> int:
        """Original offset just past cleaned character ``j - 1``."""
        if j <= 0 or not self.runs:
            return self.start(0)
        run = self.runs[max(bisect_right(self.starts, j - 1) - 1, 0)]
        if run.copied:
            return min(run.orig_start + (j - run.clean_start), run.orig_end)
        return run.orig_end

    def span(self, start: int, end: int) -> Span:
        """The original span of cleaned range ``[start, end)``."""
        if end <= start:
            here = self.start(start)
            return Span(here, here)
        return Span(self.start(start), self.end(end))

    def compose(self, outer: "OffsetMap") -> "OffsetMap":
        """Chain two maps: ``self`` sends text C to text B, ``outer`` sends B to A."""
        if outer.is_identity():
            return self                 # B is A (a plain text file): nothing to chain
        runs = []
        for r in self.runs:
            if not r.copied:
                runs.append(Run(r.clean_start, r.clean_end,
                                outer.start(r.orig_start), outer.end(r.orig_end), False))
                continue
            k = max(bisect_right(outer.starts, r.orig_start) - 1, 0)
            while k < len(outer.runs) and outer.runs[k].clean_start < r.orig_end:
                o = outer.runs[k]
                a, b = max(r.orig_start, o.clean_start), min(r.orig_end, o.clean_end)
                if a < b:
                    c = r.clean_start + (a - r.orig_start)
                    if o.copied:
                        shift = o.orig_start - o.clean_start
                        runs.append(Run(c, c + b - a, a + shift, b + shift, True))
                    else:
                        runs.append(Run(c, c + b - a, o.orig_start, o.orig_end, False))
                k += 1
        return OffsetMap(tuple(runs))


class TextBuilder:
    """Builds a new text from pieces of an old one, keeping the OffsetMap between them."""

    def __init__(self, old: str):
        self.old = old
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``old[start:end]`` unchanged."""
        if end <= start:
            return
        last = self.runs[-1] if self.runs else None
        if last and last.copied and last.orig_end == start and last.clean_end == self.length:
            self.runs[-1] = Run(last.clean_start, last.clean_end + end - start,
                                last.orig_start, end, True)
        else:
            self.runs.append(Run(self.length, self.length + end - start, start, end, True))
        self.parts.append(self.old[start:end])
        self.length += end - start

    def insert(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``old[start:end]`` (a tag, an entity, a gap)."""
        if not text:
            return
        self.runs.append(Run(self.length, self.length + len(text), start, end, False))
        self.parts.append(text)
        self.length += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(tuple(self.runs))


@dataclass(frozen=True)
class Dropped:
    """Original text the cleaner removed, and why (``masthead``, ``page-number`` …)."""

    span: Span
    reason: str


@dataclass(frozen=True)
class CleanText:
    """Text with page furniture removed and broken lines joined: one paragraph a line.

    Extractors match on ``text``, a view in which spelling variants are folded
    (traditional characters as simplified, ASCII punctuation as full-width) without
    changing a length, so a position in it is a position in ``printed``; what a fact
    prints comes from ``printed`` (``shown``, ``mention``).
    """

    source: Source
    text: str                      # the matching view: spelling variants folded, same length
    offsets: OffsetMap
    dropped: tuple[Dropped, ...] = ()
    printed: str = ""              # the cleaned text as printed ("" when it is ``text``)
    glosses: dict[int, str] = field(default_factory=dict, compare=False, hash=False)
    """Pinyin glosses left out of both views (應(yīng)急 reads 應急), by the original offset
    just past the character each follows; ``shown`` puts them back."""

    def span(self, start: int, end: int) -> Span:
        return self.offsets.span(start, end)

    def shown(self, start: int, end: int | None) -> str:
        """Cleaned ``[start, end)`` as the file prints it (not folded, glosses kept)."""
        printed = (self.printed or self.text)[start:end]
        if not self.glosses:
            return printed
        out = []
        for i, char in enumerate(printed):
            out.append(char)
            if not char.isspace():
                out.append(self.glosses.get(self.offsets.end(start + i + 1), ""))
        return "".join(out)

    def mention(self, start: int, end: int, value: str | None = None) -> "Mention":
        """What cleaned ``text[start:end]`` prints (white space removed), with its span."""
        return Mention(WHITESPACE.sub("", self.shown(start, end)), self.span(start, end), value)


WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Mention:
    """A piece of text as printed (whitespace removed) with its original span.

    ``value`` holds a normalised form: the ISO date of a date, the 文号 with 〔〕, or (after
    the resolve stage) the canonical name of a unit, body or person.
    """

    text: str
    span: Span
    value: str | None = None
    collective: bool = False
    implied: str = ""              # what a list leaves out: 市委 for 宣传部 in 市委组织部、宣传部

    @property
    def name(self) -> str:
        """The normalised form where there is one, else the text."""
        return self.value or self.text

    def resolved(self, value: str | None, collective: bool | None = None) -> "Mention":
        """A copy with ``value`` (and ``collective`` when given): ``dataclasses.replace``
        spelt out, as the resolve stage makes thousands a file.

        >>> Mention("市发改委", Span(0, 4)).resolved("市发展和改革委员会", collective=False).name
        '市发展和改革委员会'
        """
        return Mention(self.text, self.span, value,
                       self.collective if collective is None else collective, self.implied)


@dataclass(frozen=True)
class Section:
    """A numbered heading and the text below it, up to the next heading of its level or above.

    ``number`` is the marker as printed (一、 （一） 1. （1） 1.2.3 第三条), ``level`` its
    depth in the document's tree (1 = top), ``parent`` the index of the enclosing section
    in ``Document.sections`` (``None`` at the top).  ``start``/``end`` are cleaned offsets.
    """

    number: str
    title: str
    level: int
    start: int
    end: int
    parent: int | None
    style: str
    span: Span = Span(0, 0)        # the same range in the original text

    def located(self, span: Span) -> "Section":
        """A copy with its original ``span``: ``dataclasses.replace`` spelt out, as the
        segmenter makes one for every section of every document.

        >>> Section("一、", "总则", 1, 0, 9, None, "cn").located(Span(3, 12)).span
        Span(start=3, end=12)
        """
        return Section(self.number, self.title, self.level, self.start, self.end, self.parent,
                       self.style, span)


@dataclass(frozen=True)
class Document:
    """One issued instrument: a notice and the plan it issues, or a notice on its own.

    ``start``/``end`` delimit it in the cleaned text; every metadata field is a Mention
    whose span points into the original file.
    """

    key: str                       # D1, D2 … in order of appearance in the source
    source: Source
    start: int
    end: int
    kind: str                      # notice | personnel | instrument
    notice_title: Mention | None = None
    title: Mention | None = None   # the instrument's own title, else the notice title
    number: Mention | None = None  # 文号, value with 〔〕
    date: Mention | None = None    # signing date, value ISO
    issuer: Mention | None = None
    recipients: tuple[Mention, ...] = ()
    attachments: tuple[Mention, ...] = ()
    sections: tuple[Section, ...] = ()
    jurisdiction: str | None = None
    span: Span = Span(0, 0)        # [start, end) in the original text
    published: Mention | None = None   # a web page's publication date (not the signing date)
    inferred: bool = False         # no header recognised: the document is the text itself

    @property
    def label(self) -> str:
        """The document's title for people: the instrument title, else notice title or 文号."""
        for m in (self.title, self.notice_title, self.number):
            if m is not None:
                return m.name
        return f"{self.source.name} {self.key}"

    def section_at(self, pos: int) -> Section | None:
        """The innermost section containing cleaned offset ``pos``."""
        best = None
        for s in self.sections:
            if s.start <= pos < s.end and (best is None or s.level >= best.level):
                best = s
        return best
