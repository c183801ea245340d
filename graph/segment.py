"""Stage 3 — segment: split a cleaned gazette into its documents and read their headers.

A document starts at a notice heading (``[issuer]关于…的通知``, the issuer possibly on the
line before) that is followed within a few lines by a 文号 or a 主送 line — which tells
it from an entry of the table of contents.  It ends where the next one starts, or at a
part of the gazette that is not a document: the chronicle (大事记), a policy
interpretation (政策解读), the gazette's own notes.  A 人事任免 part holds personnel
decisions, each closed by its 任字 number, and each is a document too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from . import lexicon
from . import patterns as P
from .document import CleanText, Document, Mention
from .names import SPACE, fold
from .metadata import PageMetadata, label_pattern, read_metadata
from .sections import heading_style, parse_sections, toc_ranges

Line = tuple[int, int, str]          # (start, end, text) in the cleaned text

HEADER_LOOKAHEAD = 5                 # lines after a title where its 文号 or 主送 must be
INSTRUMENT_LOOKAHEAD = 14            # lines after the header where the plan's title may be
ISSUER_LINE = re.compile(rf"""
    ^[{P.HAN}（）()]{{2,30}}
    (?:人民政府|行政公署|政府|办公室|办公厅|委员会|管委会|局|厅|部)$
""", re.VERBOSE)
NON_DOCUMENT = (
    ("chronicle", P.CHRONICLE),
    ("interpretation", re.compile(r"^.{0,60}(?:政策解读|图解|解读)$")),
    ("gazette-notes", re.compile(r"^(?:《[^》]{2,30}公报》简介|.{0,30}公报简介|编辑委员会|编辑部)$")),
)
PERSONNEL_HEADING = re.compile(r"^人事任免$")
PERSONNEL_END = re.compile(rf"[（(]?\s*(?P<number>{P.DOC_NUMBER.pattern})\s*[）)]?[。.]?\s*$",
                           re.VERBOSE)
ATTACHMENT = re.compile(r"^附\s*件\s*(?P<n>\d{0,2})\s*[:：]?\s*(?P<rest>.*)$")
LIST_ITEM = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*(?P<name>.+)$")


@dataclass(frozen=True)
class _Header:
    first: int                       # index of the first header line (issuer or title)
    title_lines: tuple[int, int]     # [a, b) the title's lines
    title: str                       # whitespace removed
    issuer: str | None
    kind: str = "notice"


@lru_cache(maxsize=2)
def lines_of(text: str) -> tuple[Line, ...]:
    """The cleaned text's lines as ``(start, end, text)``; kept for the last texts, which
    segmentation and every extractor read (each document's lines are a slice of them)."""
    out, pos = [], 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part), part))
        pos += len(part) + 1
    if out and not out[-1][2]:
        out.pop()
    return tuple(out)


def squeeze(text: str) -> str:
    """Whitespace out; a trailing comma (scraped pages) too."""
    return SPACE.sub("", text).rstrip(",，")


def split_documents(clean: CleanText) -> tuple[Document, ...]:
    """Every document in a cleaned source, in order of appearance.  Text that no recognised
    header claims (a page without its notice, a plan's page 2, a news report) is an
    inferred document, so that no fact is lost for want of a header."""
    lines = lines_of(clean.text)
    toc = set()
    for a, b in toc_ranges(lines):
        toc.update(range(a, b))
    meta = read_metadata(clean, lines)
    starts = _starts(lines, toc)
    documents: list[Document] = []
    for k, (first, what, header) in enumerate(starts):
        last = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        if what == "document":
            documents.append(_document(clean, lines, header, first, last, len(documents)))
        elif what == "numbered":
            documents.append(_numbered(clean, lines, first, last))
        elif what == "personnel":
            for a, b, number in _personnel_blocks(lines, first + 1, last):
                documents.append(_personnel(clean, lines, a, b, number, len(documents)))
    first_start = starts[0][0] if starts else len(lines)
    if (not documents and clean.text.strip()) or _substantial(lines[:first_start], toc | meta.lines):
        documents.insert(0, _inferred(clean, lines, first_start, meta, toc))
    documents = [d if d.number else replace(d, number=_number_above(clean, lines, d)) for d in documents]
    documents = _with_metadata(documents, meta)
    documents = [replace(d, key=f"D{i + 1}", jurisdiction=d.jurisdiction or _jurisdiction_told(d, meta))
                 for i, d in enumerate(documents)]
    return _fill_jurisdictions(tuple(_with_spans(clean, d) for d in documents), _masthead_area(clean))


def _starts(lines: tuple[Line, ...], toc: set[int]) -> list[tuple[int, str, object]]:
    """Where documents and the gazette's other parts start: ``(line, what, header)``."""
    starts: list[tuple[int, str, object]] = []
    i = 0
    while i < len(lines):
        header = None if i in toc else _header_at(lines, i)
        if header and starts and starts[-1][1] == "document" and _issues(starts[-1][2], header):
            header = None            # the plan the notice issues, under its own title (…的意见)
        if header:
            if starts and starts[-1][1] == "document" and _repeated(lines, starts[-1][2], header):
                starts.pop()         # the page's title, then the notice's own heading
            starts.append((header.first, "document", header))
            i = header.title_lines[1]
            continue
        if i not in toc and _numbered_at(lines, i) and not (starts and i - starts[-1][0] <= HEADER_LOOKAHEAD):
            starts.append((i, "numbered", None))
            i += 1
            continue
        what = _non_document(lines[i][2])
        if what and not (what == "personnel" and starts and starts[-1][1] == "personnel"):
            starts.append((i, what, None))   # 人事任免 again is the part's running head
        i += 1
    return sorted(starts, key=lambda s: s[0])


def _issues(notice: _Header, header: _Header) -> bool:
    """The heading is the title of the instrument the notice before it issues."""
    m = P.ISSUES_INSTRUMENT.search(notice.title)
    return bool(m) and same_title(m.group("quoted") or m.group("bare"), header.title)


def _repeated(lines: tuple[Line, ...], before: _Header, header: _Header) -> bool:
    """The same heading again soon after (a page's title bar, a reprint's repeated heading)."""
    near = header.first - before.title_lines[1] <= REPEAT_GAP
    return near and (same_title(before.title, header.title) or title_key(header.title).endswith(
        title_key(before.title)[-12:]))


REPEAT_GAP = 8
"""Lines between a page's title and the notice's own heading that repeats it."""
NUMBER_LINE = re.compile(rf"^[（(]?[ \t\u3000]*{P.DOC_NUMBER.pattern}[ \t\u3000]*[）)]?$", re.VERBOSE)


def _numbered_at(lines: tuple[Line, ...], i: int) -> bool:
    """A notice printed from its 文号 on (no heading): the number alone, then 主送."""
    if not NUMBER_LINE.match(lines[i][2].strip()):
        return False
    return any(P.RECIPIENTS.match(lines[j][2].strip()) for j in range(i + 1, min(i + 3, len(lines))))


def _numbered(clean: CleanText, lines: tuple[Line, ...], first: int, last: int) -> Document:
    text = lines[first][2]
    m = P.DOC_NUMBER.search(text)
    number = _number_mention(clean, lines[first][0] + m.start(), lines[first][0] + m.end())
    k = first + 1
    recipients = ()
    if k < last and P.RECIPIENTS.match(lines[k][2].strip()):
        recipients, k = _recipients(clean, lines[k]), k + 1
    return Document(key="", source=clean.source, start=lines[first][0], end=_end(lines, last),
                    kind="notice", number=number, recipients=recipients,
                    date=_signing_date(clean, lines, k, last),
                    attachments=_attachments(clean, lines[k:last]),
                    sections=parse_sections(lines[k:last], _end(lines, last)),
                    jurisdiction=_jurisdiction_named(clean.text[lines[first][0]:_end(lines, last)]))


def _substantial(lines: tuple[Line, ...], toc: set[int]) -> bool:
    """Text before the first document that holds prose (not a contents or a page's chrome)."""
    prose = sum(len(t) for k, (_, _, t) in enumerate(lines)
                if k not in toc and len(t) >= 30 and any(c in t for c in "。；："))
    return prose >= PRELUDE_PROSE


PRELUDE_PROSE = 120
"""Characters of prose before the first header that make an inferred document of their own."""
PERSONNEL_WORDS = re.compile(r"任命|免去|免职|任免|挂职|试用期满")


def _inferred(clean: CleanText, lines: tuple[Line, ...], last: int, meta: PageMetadata,
              toc: set[int]) -> Document:
    """The document a text is when no header starts it: from its first line to ``last``,
    titled by the page's metadata or a title-like first line, else untitled."""
    end = _end(lines, last)
    title = meta.get("title") or _first_title(clean, lines[:min(last, TITLE_LINES)], toc)
    body = clean.text[:end]
    kind = "personnel" if PERSONNEL_WORDS.search(body) and not title else "instrument"
    return Document(key="", source=clean.source, start=0, end=end, kind=kind, title=title,
                    date=_signing_date(clean, lines, 0, last),
                    sections=parse_sections(lines[:last], end),
                    jurisdiction=_jurisdiction(None, title.name if title else "") or _jurisdiction_named(body),
                    inferred=True)


TITLE_LINES = 6
TITLE_GENRE = re.compile(r"(?:预案|方案|办法|规定|意见|通知|决定|细则|制度|规则|条例|计划|清单|措施|规划|纲要|"
                         r"体系|公告|通告|批复|报告|要点|指南|标准|机制)(?:[（(][^（）()]{1,12}[）)])?$")


def _first_title(clean: CleanText, lines: tuple[Line, ...], toc: set[int]) -> Mention | None:
    """A line near the top that reads as an instrument's title (…应急预案, …实施方案)."""
    for k, (a, b, text) in enumerate(lines):
        if k in toc or not text.strip():
            continue
        if _title_like(text) and TITLE_GENRE.search(P.PINYIN_GLOSS.sub("", squeeze(text))) \
                and not heading_style(text):
            return _mention(clean, a, b)
    return None


def _jurisdiction_named(text: str):
    """The place a text names most often (first among equals), when nothing else tells."""
    counts: Counter = Counter()
    order: dict[str, int] = {}
    for m in lexicon.jurisdiction_pattern().finditer(text):
        if _inside_word(text, m):
            continue
        j = lexicon.jurisdiction_of(m.group())
        if j:
            counts[j.name] += 1
            order.setdefault(j.name, m.start())
    town, times = _township_named(text)
    if town and times >= max(counts.values(), default=0):
        return town
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], order[n]))


NOT_TOWNSHIP = re.compile(r"^[全本该各其每]|[各乡镇区县市省州]$|[的在于和与及、]")
"""What a township's own name does not hold: 各乡镇, 全镇, 本乡, …在镇."""
TOWNSHIP_USE = re.compile(r"(?:镇|乡|街道|苏木)(?=人民政府|政府|党委|办事处|[\u4e00-\u9fff]{2,12}"
                          r"(?:小组|指挥部|委员会|办公室|所|站|中心))")
"""Where a township's name ends: before its government, or a body or office of its own."""


def _township_named(text: str) -> tuple[str | None, int]:
    """The township a text names at least twice (湖塘镇 in 成立湖塘镇…领导小组 and 设在湖塘镇
    交通管理所), with how often; the name is the run before 镇/乡 that repeats most.

    >>> _township_named("决定成立湖塘镇农村公路工作领导小组。办公室设在湖塘镇交通管理所。")
    ('湖塘镇', 2)
    """
    counts: Counter = Counter()
    for m in TOWNSHIP_USE.finditer(text):
        for size in (2, 3, 4):
            name = text[max(0, m.start() - size):m.end()]
            if len(name) == size + len(m.group()) and all("\u4e00" <= c <= "\u9fff" for c in name) \
                    and not NOT_TOWNSHIP.search(name[:size]):
                counts[name] += 1
    best = max(counts, key=lambda n: (counts[n], len(n)), default=None)
    if best is None or counts[best] < 2:
        return None, 0
    return best, counts[best]


def _number_above(clean: CleanText, lines: tuple[Line, ...], doc: Document) -> Mention | None:
    """A 文号 the page lists, unlabelled, just above a heading that prints none (the
    bulleted metadata of a site: • 五政办规〔2024〕1号)."""
    first = bisect_right(lines, doc.start, key=lambda line: line[0]) - 1
    for k in range(first - 1, max(-1, first - NUMBER_ABOVE - 1), -1):
        text = lines[k][2]
        bare = text.lstrip(" \t\u3000•·-")
        if NUMBER_LINE.match(bare.strip()):
            m = P.DOC_NUMBER.search(bare)
            at = lines[k][0] + len(text) - len(bare)
            return _number_mention(clean, at + m.start(), at + m.end())
        if P.NOTICE_TITLE.match(squeeze(text)) and k < first - 1 and not text.lstrip().startswith("•"):
            break               # another document's heading
    return None


NUMBER_ABOVE = 10
"""Lines above a heading where a page's metadata may list its 文号."""


def _jurisdiction_told(doc: Document, meta: PageMetadata) -> str | None:
    """Where a document names no place of its own: the page's issuer or publisher, else a
    provincial 文号 (豫政办 → 河南省)."""
    for field in ("issuer", "publisher"):
        m = meta.get(field)
        j = lexicon.jurisdiction_of(m.text) if m else None
        if j:
            return j.name
    if doc.number and P.PROVINCIAL_NUMBER.match(doc.number.name):
        return lexicon.province_abbreviations().get(fold(doc.number.name[0]))
    return None


def _inside_word(text: str, m: re.Match) -> bool:
    """A two-character name read inside a longer word: 成县 in 完成县妇幼保健院, 和县 in 结合县情.

    >>> import re
    >>> _inside_word("完成县妇幼保健院", re.search("成县", "完成县妇幼保健院"))
    True
    """
    return len(m.group()) == 2 and m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff"


def _with_metadata(documents: list[Document], meta: PageMetadata) -> list[Document]:
    """Fill the header fields the page's metadata gives to the document it describes: the
    one whose title it names, else the first."""
    if not meta.fields or not documents:
        return documents
    title = meta.get("title")
    k = next((i for i, d in enumerate(documents) if title and any(
        m and same_title(m.name, title.name) for m in (d.notice_title, d.title))), 0)
    d = documents[k]
    signed = meta.get("signed")
    signed = replace(signed, value=_iso(signed.text)) if signed and _iso(signed.text) else None
    number = meta.get("number")
    m = P.DOC_NUMBER.search(number.text) if number else None
    published = meta.get("published")
    documents[k] = replace(
        d, number=d.number or (replace(number, value=normal_number(m)) if m else None),
        date=d.date or signed,
        published=replace(published, value=_iso(published.text)) if published and _iso(published.text) else None)
    return documents


ISO_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")


def _iso(text: str) -> str | None:
    """The ISO date a metadata value holds: 2023年08月10日, 2023-08-16, 2023/8/16 17:29."""
    m = P.DATE.search(text) or ISO_DATE.search(text)
    return iso_date(m) if m else None


def _with_spans(clean: CleanText, doc: Document) -> Document:
    """The document and its sections with their ranges in the original text."""
    sections = tuple(s.located(clean.span(s.start, s.end)) for s in doc.sections)
    return replace(doc, sections=sections, span=clean.span(doc.start, doc.end))


def _non_document(line: str) -> str | None:
    stripped = line.strip()
    if PERSONNEL_HEADING.match(stripped):
        return "personnel"
    if len(line) <= 60:
        for what, pattern in NON_DOCUMENT:
            if pattern.match(stripped):
                return what
    return None


def _header_at(lines: list[Line], i: int) -> _Header | None:
    """A notice heading at line ``i`` (over up to three lines, perhaps behind a site's
    ``【…】`` column tag), confirmed by what follows."""
    for n in (1, 2, 3):
        if i + n > len(lines):
            break
        block = [lines[j][2] for j in range(i, i + n)]
        if any(map(_toc_entry, block)):
            return None
        if n >= 2 and "关于" not in block[0]:
            break                    # a title over several lines has 关于 on its first
        if "关" not in block[0] and "關" not in block[0]:
            continue                 # no NOTICE_TITLE without 关于 (or 關於)
        title = COLUMN_TAG.sub("", squeeze("".join(block)))
        m = P.NOTICE_TITLE.match(title)
        if not m or len(title) > 160:
            continue
        first, issuer = i, m.group("issuer")
        if i > 0 and ISSUER_LINE.match(squeeze(lines[i - 1][2])):
            first = i - 1            # the issuer above the title, or its letterhead
            issuer = issuer or squeeze(lines[i - 1][2])
        if _confirmed(lines, i + n):
            return _Header(first, (i, i + n), title if m.group("issuer") or not issuer
                           else issuer + title, issuer)
        return None
    return None


@lru_cache(maxsize=1 << 12)
def _toc_entry(line: str) -> bool:
    """A line of a table of contents (asked of each line up to four times as headings are tried)."""
    return bool(P.TOC_ENTRY.search(line))


COLUMN_TAG = re.compile(r"^〔[^〕\d]{2,30}〕(?=.)")
"""A site's column tag before a heading: 【市政府重点工作及责任分解】 (folded to 〔〕)."""
BODY_LINE = 40
"""A line at least this long, ending a sentence, is a document's text, not a contents entry."""


def _confirmed(lines: list[Line], after: int) -> bool:
    """What follows a title tells a real heading from a contents entry: a 文号, a 主送 line,
    the page's publication line, or the text itself (a long sentence)."""
    for j in range(after, min(after + HEADER_LOOKAHEAD, len(lines))):
        text = lines[j][2].strip()
        if NUMBER_LINE.match(text) or P.DOC_NUMBER.match(text) or P.RECIPIENTS.match(text):
            return True
        if P.NOTICE_TITLE.match(squeeze(text)) or _toc_entry(text):
            return False
        if label_pattern().match(text) and re.search(r"发布|来源|成文", text):
            return True
        if len(text) >= BODY_LINE and text[-1] in "。：" and "，" in text:
            return True
    return False


def _mention(clean: CleanText, start: int, end: int, value: str | None = None) -> Mention:
    """A Mention of cleaned ``text[start:end]`` (whitespace removed) with its original span."""
    return Mention(squeeze(clean.shown(start, end)), clean.span(start, end), value)


def _line_mention(clean: CleanText, line: Line, value: str | None = None) -> Mention:
    return _mention(clean, line[0], line[1], value)


def _document(clean: CleanText, lines: list[Line], header: _Header, first: int, last: int,
              index: int) -> Document:
    a, b = header.title_lines
    notice = _mention(clean, lines[a][0], lines[b - 1][1],
                      as_printed(clean, lines[first][0], lines[b - 1][1], header.title))
    issuer = None
    if header.issuer:
        issuer_line = lines[first] if first < a else lines[a]
        pos = issuer_line[2].find(header.issuer[:2])
        issuer = _mention(clean, issuer_line[0] + max(pos, 0),
                          issuer_line[0] + max(pos, 0) + _span_len(issuer_line[2][max(pos, 0):],
                                                                   header.issuer),
                          as_printed(clean, issuer_line[0], issuer_line[1], header.issuer))
    number = date = recipients_line = None
    k = fields_end = b
    while k < min(b + HEADER_LOOKAHEAD, last):
        text = lines[k][2]
        stripped = text.strip()
        m = P.DOC_NUMBER.search(stripped) if NUMBER_LINE.match(stripped) else P.DOC_NUMBER.match(stripped)
        if m and number is None:
            offset = lines[k][0] + text.index(stripped)
            number = _number_mention(clean, offset + m.start(), offset + m.end())
            d = P.DATE.search(text, text.index(stripped) + m.end())
            if d:
                date = _mention(clean, lines[k][0] + d.start(), lines[k][0] + d.end(), iso_date(d))
            fields_end = k + 1
        elif P.RECIPIENTS.match(text.strip()):
            recipients_line = k
            k += 1
            break
        k += 1
    body_start = k if recipients_line is not None else fields_end     # no 主送: the text follows
    instrument = _instrument(clean, lines, header.title, body_start, last)
    if date is None:
        date = _signing_date(clean, lines, body_start, instrument[0] if instrument else last)
    title = instrument[1] if instrument else _named_instrument(notice) or notice
    content_from = instrument[0] if instrument else body_start      # its title may head a 目录
    kind = "personnel" if (number and P.PERSONNEL_NUMBER.search(number.name)) or \
        re.search(r"任免|任职|免职", header.title) else "notice"
    return Document(
        key=f"D{index + 1}", source=clean.source, start=lines[first][0], end=_end(lines, last),
        kind=kind, notice_title=notice, title=title, number=number, date=date, issuer=issuer,
        recipients=_recipients(clean, lines[recipients_line]) if recipients_line is not None else (),
        attachments=_attachments(clean, lines[body_start:last]),
        sections=parse_sections(lines[content_from:last], _end(lines, last)),
        jurisdiction=_jurisdiction(header.issuer, header.title))


def as_printed(clean: CleanText, start: int, end: int, folded: str) -> str:
    """A value read from the matching view, spelt as printed: ``folded`` is made of the
    non-space characters of cleaned ``[start, end)``, perhaps with some left out.

    >>> from graph.ingest import parse_bytes
    >>> from graph.clean import clean
    >>> c = clean(parse_bytes("【要闻】关于印发X(试行)的通知\\n".encode(), "t.txt"))
    >>> as_printed(c, 0, 20, "关于印发X（试行）的通知")
    '关于印发X(试行)的通知'
    """
    places = [p for p in range(start, min(end, len(clean.text))) if not clean.text[p].isspace()]
    view = "".join(clean.text[p] for p in places)
    out, pos = [], 0
    for c in folded:
        k = view.find(c, pos)
        if k < 0:
            return folded
        out.append(clean.shown(places[k], places[k] + 1))
        pos = k + 1
    return "".join(out)


def _span_len(text: str, squeezed: str) -> int:
    """How many characters of ``text`` it takes to spell ``squeezed`` (spaces skipped)."""
    n = seen = 0
    while n < len(text) and seen < len(squeezed):
        if not text[n].isspace():
            seen += 1
        n += 1
    return n


def _end(lines: list[Line], last: int) -> int:
    return lines[last - 1][1] + 1 if last > 0 else 0


def normal_number(m: re.Match) -> str:
    """A 文号 with 〔〕 round the year and no spaces: 伊政办发〔2024〕13号 (豫政辦〔2017〕118號
    keeps its characters)."""
    return f"{squeeze(m.group('prefix'))}〔{m.group('year')}〕{int(m.group('serial'))}{m.group()[-1]}"


def _number_mention(clean: CleanText, start: int, end: int) -> Mention:
    """The 文号 printed at cleaned ``[start, end)``, its value normalised from the print."""
    mention = _mention(clean, start, end)
    m = P.DOC_NUMBER.search(mention.text)
    return replace(mention, value=normal_number(m) if m else mention.text)


def iso_date(m: re.Match) -> str:
    """The ISO form of a ``P.DATE`` match, in Arabic or Chinese numerals.

    >>> iso_date(P.DATE.search("二○二三年五月十日")), iso_date(P.DATE.search("2008年9月22日"))
    ('2023-05-10', '2008-09-22')
    """
    year, month, day = (numeral(m.group(g)) for g in ("year", "month", "day"))
    return f"{year:04d}-{month:02d}-{day:02d}"


CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "０": 0}


def numeral(text: str) -> int:
    """An integer printed in Arabic or Chinese numerals: 2008, 二OO八, 十二, 二十三, 三十."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)


def _signing_date(clean: CleanText, lines: list[Line], first: int, last: int) -> Mention | None:
    """The first line that holds only a date (after the signature, or before it)."""
    for k in range(first, last):
        m = P.DATE_LINE.match(lines[k][2])
        if m:
            d = P.DATE.search(lines[k][2])
            return _mention(clean, lines[k][0] + d.start(), lines[k][0] + d.end(), iso_date(d))
        m = COMPACT_DATE_LINE.match(lines[k][2])
        if m and not m.group("day") and not (k > first and ISSUER_LINE.match(squeeze(lines[k - 1][2]))):
            continue            # bare digits are a date only under a signature
        if m and compact_date(m.group("digits")):
            return _mention(clean, lines[k][0] + m.start("digits"), lines[k][0] + m.end(),
                            compact_date(m.group("digits")))
    return None


COMPACT_DATE_LINE = re.compile(r"^[ \t\u3000]*(?P<digits>(?:19|20)\d{4,6})(?P<day>日)?[ \t\u3000]*$")
"""A signing date whose 年 and 月 (and perhaps 日) were lost in conversion: 2023331日, 2024110."""


def compact_date(digits: str) -> str | None:
    """The one date that digits printed without 年 and 月 can spell, else None.

    >>> compact_date("2023331"), compact_date("2023111"), compact_date("20231231")
    ('2023-03-31', None, '2023-12-31')
    """
    year, rest = int(digits[:4]), digits[4:]
    found = {(int(rest[:i]), int(rest[i:])) for i in (1, 2) if 0 < i < len(rest) and rest[i] != "0"}
    valid = [(mo, d) for mo, d in found if 1 <= mo <= 12 and 1 <= d <= 31]
    return f"{year:04d}-{valid[0][0]:02d}-{valid[0][1]:02d}" if len(valid) == 1 else None


def _instrument(clean: CleanText, lines: list[Line], notice_title: str, first: int,
                last: int) -> tuple[int, Mention, int] | None:
    """Where the issued plan's own title stands: ``(line index, Mention, line count)``.

    The notice names it (印发《X》的通知 or 印发X的通知); the plan repeats its title, often
    with the jurisdiction before it and spread over up to three lines.
    """
    m = P.ISSUES_INSTRUMENT.search(notice_title)
    if not m:
        return None
    name = m.group("quoted") or m.group("bare")
    best, best_ratio = None, FUZZY_TITLE
    for k in range(first, min(first + INSTRUMENT_LOOKAHEAD, last)):
        for n in (1, 2, 3):
            if k + n > last:
                break
            block = [lines[j][2] for j in range(k, k + n)]
            if not all(_title_like(b) for b in block):
                break
            printed = squeeze("".join(block))
            for candidate in (printed, re.sub(r"目录$", "", printed)):    # X预案目录: its contents
                if same_title(candidate, name):
                    return k, _title_mention(clean, lines[k][0], lines[k + n - 1][1], candidate), n
            candidate = printed
            ratio = SequenceMatcher(None, title_key(candidate), title_key(name)).ratio()
            if ratio > best_ratio:
                best_ratio = ratio
                best = k, _title_mention(clean, lines[k][0], lines[k + n - 1][1], candidate), n
    return best


def _title_mention(clean: CleanText, start: int, end: int, folded: str) -> Mention:
    return _mention(clean, start, end, as_printed(clean, start, end, folded))


FUZZY_TITLE = 0.8
"""How alike a printed title must be to the name in the notice when they differ
(伊金霍洛旗2024年地质灾害防治方案 for 《伊金霍洛旗2024年突发性地质灾害防治方案》)."""


def _named_instrument(notice: Mention) -> Mention | None:
    """The plan as the notice names it, when its own title was not found."""
    m = P.ISSUES_INSTRUMENT.search(notice.text)
    return replace(notice, value=m.group("quoted") or m.group("bare")) if m else None


def _title_like(line: str) -> bool:
    """A line that can be part of a plan's title (not a date, signature or sentence)."""
    line = line.strip()
    return bool(line) and len(line) <= 60 and not any(c in P.TERMINAL for c in line) \
        and not P.DATE_LINE.match(line) and not COMPACT_DATE_LINE.match(line) \
        and not ISSUER_LINE.match(squeeze(line)) \
        and not re.match(r"^[（(]此件", line) and "印发给" not in line \
        and not ATTACHMENT.match(line)


def same_title(a: str, b: str) -> bool:
    """Two spellings of one title: brackets and spaces aside, one ends the other.

    >>> same_title("兴安盟关于贯彻落实《质量强区建设纲要》加快质量强盟建设的意见",
    ...            "兴安盟关于贯彻落实〈质量强区建设纲要〉加快质量强盟建设的意见")
    True
    >>> same_title("额尔古纳市就业促进行动实施方案", "就业促进行动实施方案")
    True
    """
    a, b = title_key(a), title_key(b)
    if len(a) < 4 or len(b) < 4:
        return False
    return a == b or a.endswith(b) or b.endswith(a)


TITLE_NOISE = re.compile(r"[\s《》〈〉<>“”\"'‘’「」]")
"""What two printings of one title may differ in: brackets, quotes and spaces."""


def title_key(title: str) -> str:
    """A title with brackets, quotes and spaces removed and parentheses made ASCII."""
    title = fold(title).replace("（", "(").replace("）", ")")
    return TITLE_NOISE.sub("", title)


def _recipients(clean: CleanText, line: Line) -> tuple[Mention, ...]:
    """The addressees of a 主送 line, one Mention each."""
    body = line[2].rstrip().rstrip(":：")
    return tuple(_mention(clean, line[0] + part.start(), line[0] + part.end())
                 for part in re.finditer(r"[^,，、;；]+", body) if part.group().strip())


def _attachments(clean: CleanText, lines: list[Line]) -> tuple[Mention, ...]:
    """Attachments named in 附件：X / 附件：1. X 2. Y, or a 附件N line above its title."""
    out: dict[str, Mention] = {}
    for k, line in enumerate(lines):
        m = ATTACHMENT.match(line[2].strip())
        if not m:
            continue
        rest = m.group("rest").strip()
        offset = line[0] + line[2].index(m.group("rest")) if rest else None
        named = []
        if rest and not P.TERMINAL.__contains__(rest[-1]):
            item = LIST_ITEM.match(rest)
            named.append((offset + (item.start("name") if item else 0), line[1]))
            for nxt in lines[k + 1:k + 20]:
                more = LIST_ITEM.match(nxt[2])
                if not more or ATTACHMENT.match(nxt[2]):
                    break
                named.append((nxt[0] + more.start("name"), nxt[1]))
        elif not rest and k + 1 < len(lines) and len(lines[k + 1][2]) <= 60 \
                and lines[k + 1][2] and lines[k + 1][2][-1] not in P.TERMINAL \
                and not ATTACHMENT.match(lines[k + 1][2].strip()):
            named.append((lines[k + 1][0], lines[k + 1][1]))
        for s, e in named:
            mention = _mention(clean, s, e)
            out.setdefault(title_key(mention.text), mention)
    return tuple(out.values())


def _personnel_blocks(lines: list[Line], first: int, last: int):
    """``(first line, end line, number match)`` of each decision closed by its 任字 number."""
    start = first
    for k in range(first, last):
        m = PERSONNEL_END.search(lines[k][2])
        if m and P.PERSONNEL_NUMBER.search(m.group("prefix")):
            yield start, k + 1, (k, m)
            start = k + 1


def _personnel(clean: CleanText, lines: list[Line], a: int, b: int, number, index: int) -> Document:
    k, m = number
    while a < b and (_non_document(lines[a][2]) or re.match(r"^[（(][^）)]*[）)]$", lines[a][2])):
        a += 1                       # the part's heading and its period "(2023年11月至12月)"
    num = _number_mention(clean, lines[k][0] + m.start("number"), lines[k][0] + m.end("number"))
    return Document(key=f"D{index + 1}", source=clean.source, start=lines[a][0],
                    end=_end(lines, b), kind="personnel", number=num)


def _jurisdiction(issuer: str | None, title: str) -> str | None:
    for text in (issuer, title):
        j = lexicon.jurisdiction_of(text)
        if j:
            return j.name
    return None


def _masthead_area(clean: CleanText) -> str | None:
    """The jurisdiction the gazette's masthead names (通辽市人民政府公报 → 通辽市)."""
    areas = [lexicon.jurisdiction_of(d.span.quote(clean.source).strip())
             for d in clean.dropped if d.reason == "masthead"]
    names = [a.name for a in areas if a]
    return max(names, key=names.count) if names else None


def _fill_jurisdictions(documents: tuple[Document, ...], masthead: str | None) -> tuple[Document, ...]:
    """A document that names no jurisdiction (a bare personnel decision) takes the one of
    the documents around it, else the one the gazette's masthead names."""
    known = Counter(d.jurisdiction for d in documents if d.jurisdiction)
    common = min(known, key=lambda name: (-known[name], name)) if known else masthead
    if common is None:
        return documents
    return tuple(d if d.jurisdiction else replace(d, jurisdiction=common) for d in documents)
