"""Paragraphs and numbered items: how duty listings and work items are laid out.

The cleaned text holds one paragraph a line, but PDF conversion leaves some paragraphs
broken over several lines (a line that ends without punctuation goes on in the next).
These helpers read a document's lines as a reader does: where a paragraph begins, what
number opens an item, what its first clause says.  Offsets are cleaned offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .. import patterns as P
from ..document import CleanText, Document
from ..sections import toc_ranges
from ..segment import lines_of
from ..names import SPACE

Line = tuple[int, int, str]          # (start, end, text) in the cleaned text

PARAGRAPH_END = "。！？；;!?）)】"
CLAUSE_END = re.compile(r"[。；;！？!?]")
SENTENCE_MARK = re.compile(r"[。；;，,：:]")            # a title holds none
SHORT_TITLE = 40
UNNUMBERED_TITLE = re.compile(r"^(?:专栏|附件|附表)|" + P.TITLE_END.pattern, re.VERBOSE)


def document_lines(clean: CleanText, doc: Document) -> list[Line]:
    """The document's non-empty lines, its table of contents left out.

    >>> from graph.document import OffsetMap, Source
    >>> text = "一、总则\\n\\n（一）目的\\n"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> doc = Document("D1", c.source, 0, len(text), "notice")
    >>> [t for _, _, t in document_lines(c, doc)]
    ['一、总则', '（一）目的']
    """
    return list(_document_lines(clean.text, doc.start, doc.end))


@lru_cache(maxsize=4)
def _document_lines(text: str, start: int, end: int) -> tuple[Line, ...]:
    """``document_lines``, kept for the last documents (three extractors read each)."""
    every = lines_of(text)
    lines, i = [], bisect_left(every, start, key=lambda line: line[0])
    while i < len(every) and every[i][1] <= end:
        if every[i][2].strip():
            lines.append(every[i])
        i += 1
    toc = {i for a, b in toc_ranges(lines) for i in range(a, b)}
    return tuple(line for i, line in enumerate(lines) if i not in toc)


@lru_cache(maxsize=4096)          # each extractor asks again of the same lines
def number_end(line: str) -> int:
    """Length of the number (and bullet) that opens a list item, 0 if none.

    >>> number_end("- (1) 贯彻落实"), number_end("（3）市卫健委：负责"), number_end("2024年")
    (6, 3, 0)
    """
    m = P.ITEM_NUMBER.match(line)
    return m.end() if m else 0


def number_style(line: str) -> str:
    """The numbering style of an item: (1) and 1. and 一、 are different lists; ① and ② one.

    >>> number_style("（二）推进"), number_style("12.建立"), number_style("②做好")
    ('（一）', '1.', '①')
    """
    marker = P.ITEM_NUMBER.match(line).group().lstrip("-•●▪· \t\u3000")
    marker = re.sub(r"[①-⑳]", "①", marker)
    return re.sub(r"[一二三四五六七八九十百]+", "一", re.sub(r"\d+", "1", marker)).strip()


def is_numbered(line: str) -> bool:
    return number_end(line) > 0


def ends_paragraph(line: str) -> bool:
    """The line is complete: it ends in sentence punctuation or a closing bracket."""
    line = line.rstrip()
    return not line or line[-1] in PARAGRAPH_END


@lru_cache(maxsize=4096)          # asked of the same lines by several extractors
def is_title(line: str, numbered: bool = False) -> bool:
    """A heading that is a title, not a sentence: （一）拓宽第一产业就业渠道, 专栏 1 …工程;
    with ``numbered``, only a numbered one.

    >>> is_title("（一）拓宽第一产业就业渠道"), is_title("专栏 1 区域质量发展示范工程")
    (True, True)
    >>> is_title("在景区内开设形式多样的互动体验"), is_title("专栏 1 区域质量发展示范工程", numbered=True)
    (False, False)
    """
    cut = number_end(line)
    rest = line[cut:].strip()
    if not rest or len(rest) > SHORT_TITLE or SENTENCE_MARK.search(rest):
        return False
    return bool(cut) or (not numbered and bool(UNNUMBERED_TITLE.search(rest)))


def paragraph_start(lines: list[Line], k: int) -> int:
    """Index of the line where the paragraph holding line ``k`` begins (lines broken by
    PDF conversion belong to the line before them)."""
    while k > 0 and not ends_paragraph(lines[k - 1][2]) and not is_numbered(lines[k][2]) \
            and not is_title(lines[k - 1][2]):
        k -= 1
    return k


def first_clause(text: str) -> str:
    """The item's own words: numbering stripped, up to the first full stop or semicolon.

    >>> first_clause("1.出资100亿元以上设立产业引导基金。产业引导基金是指……")
    '出资100亿元以上设立产业引导基金'
    >>> first_clause("(一) 诚信履约机制不健全；失信惩戒措施落实不到位。")
    '诚信履约机制不健全'
    """
    text = text[number_end(text):].strip()
    m = CLAUSE_END.search(text)
    return SPACE.sub("", text[:m.start()] if m else text).strip("，,、：:")
