"""Lists of units, as printed in member lists, task brackets and table cells.

``unit_mentions`` splits a list on 、，,；; (and on 和/及 between two whole unit names, and on
the spaces a table cell puts between names: 市住建局 市农牧局, but not 市综合 执法局),
keeps a name whole where it holds a separator inside brackets (各基层组织（社区、村屯等）)
or spells out a township list (各苏木、乡、镇、街道办事处), drops a generic tail
(…等有关部门单位) or a note after the list (。以下均需…落实，不再列出), and passes on what a
run of names shares (市委组织部、宣传部: 宣传部 is the 市委's).  The resolver decides what each
name means; this module only finds where the names are.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..document import CleanText, Mention
from ..names import SPACE, LexiconPattern, levelled, unit_suffixes
from ..patterns import Cued

SEPARATORS = "、，,；;"
OPEN, CLOSE = "（(【〔", "）)】〕"
GENERIC = r"(?:部门|单位|部门单位|部门和单位|企事业单位)"
TAIL = re.compile(rf"""(?:
    (?:等|及|以及|和)?(?:其他|其它)?(?:有关|相关){GENERIC}?    # 等有关部门单位 / 相关单位
  | 等(?:其他|其它)?{GENERIC}?                                # 等 / 等部门
  | (?:及|以及|和)?(?:其他|其它){GENERIC}?                     # 及其他单位
)?[。.；;：:，,、\s]*$""", re.VERBOSE)
GENERIC_END = re.compile(rf"(?:{GENERIC}|企业)$")
GENERIC_JOIN = re.compile(rf"等[^、，,；;。]{{0,12}}?{GENERIC}(?:以及|及|和)")
"""…市住建局等相关部门以及事发地旗区人民政府: a generic tail that joins two lists."""
PEOPLE = Cued(re.compile(r"(?:确定|指定|明确)?(?:的)?(?:有关|相关)?(?:主要)?(?:负责人|负责同志|领导|联络员|工作人员)$"),
              ("负责人", "负责同志", "领导", "联络员", "工作人员"))
"""…园区管委会有关负责人: the people of a unit, not the unit."""
PARTY_LEAD = r"^(?:{LEVEL})委(?!员)"
"""市委组织部、宣传部: the party committee's organs share its prefix."""
LEVEL_LEAD = r"^(?:{LEVEL}|各|国家|中国|中共|[\u4e00-\u9fff]{2,}(?:{LEVEL}))"
LEADING = re.compile(r"(?:由|和(?!林格尔)|及|以及|与|并|会同|联合)")   # used with match(text, pos): no ^
UNIT_END = LexiconPattern(lambda: re.compile(
    rf"(?:{'|'.join(map(re.escape, unit_suffixes()))})(?:[（(][^（）()]*[）)])?$"))
"""A name that ends as a unit's does (``lexicon/unit_suffixes.tsv``: 局, 委员会, 公司 …), perhaps
with a bracketed note after it."""
TOWNSHIP_PART = re.compile(r"^(?:乡|镇|苏木|嘎查|村|社区|街道|街道办事处|办事处|乡镇|农牧场|林场)$")
LEVEL_PART = r"^(?:{LEVEL})(?:人民政府|政府)?$"
"""A level word after a 各 entry: 市 and 区政府 of 各县、市、区政府."""
CONJUNCTION = re.compile(r"(?:和|及|以及|与)")
NOTE = re.compile(r"^(?:以下|不再|下同|均需|均由|含|其中)")
STARTS_LIKE_UNIT = r"^(?:{LEVEL}|各|[\u4e00-\u9fff]{2,}(?:{LEVEL}))"
HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
"""A Han character: a tail that holds one is words (等有关部门), not punctuation."""


def ends_like_unit(name: str) -> bool:
    """The name ends as a unit's does (局, 委员会, 公司 …) or is a plural (各…)."""
    return bool(UNIT_END.search(name)) or name.startswith("各")


def unit_mentions(clean: CleanText, start: int, end: int) -> list[Mention]:
    """The unit names listed in cleaned ``text[start:end]``, each with its span.

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> text = "市委组织部、市发改委、各苏木、乡、镇、街道办事处等有关部门单位。"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [m.text for m in unit_mentions(c, 0, len(text))]
    ['市委组织部', '市发改委', '各苏木、乡、镇、街道办事处']
    >>> text = "市卫健委和市医疗保障局，各基层组织（社区、村屯等）"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [m.text for m in unit_mentions(c, 0, len(text))]
    ['市卫健委', '市医疗保障局', '各基层组织（社区、村屯等）']
    >>> text = "市委政法委、宣传部，市政府办公室、发展改革委"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [(m.text, m.implied) for m in unit_mentions(c, 0, len(text))]
    [('市委政法委', ''), ('宣传部', '市委'), ('市政府办公室', ''), ('发展改革委', '')]
    >>> text = "各属地镇政府、街区党工委、园区管委会有关负责人。"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [(m.text, m.collective) for m in unit_mentions(c, 0, len(text))]
    [('各属地镇政府、街区党工委、园区管委会有关负责人', True)]
    >>> text = "市住建局 市乡村振兴局 市综合 执法局，各旗县市区人民政府。以下均需各旗县落实"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [m.text for m in unit_mentions(c, 0, len(text))]
    ['市住建局', '市乡村振兴局', '市综合执法局', '各旗县市区人民政府']
    >>> text = "旗住建局、旗直有关部门单位，市委组织部等有关部门"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [m.text for m in unit_mentions(c, 0, len(text))]
    ['旗住建局', '旗直有关部门单位', '市委组织部']
    >>> text = "驻京部队及北京市委、市政府有关领导"
    >>> c = CleanText(Source("t", text, "", "utf-8"), text, OffsetMap.identity(len(text)))
    >>> [(m.text, m.collective) for m in unit_mentions(c, 0, len(text))]
    [('驻京部队', False), ('北京市委、市政府有关领导', True)]
    """
    text = clean.text
    pieces = _merge_townships(text, _split(text, start, end))
    out: list[Mention] = []
    lead, plural = "", False          # what the current 、-run shares: 市委 …, 各 …
    chain: list[int] = []             # the names of the run since its last 和/及
    for s, e in pieces:
        if s == start or text[s - 1] != "、":
            lead, plural, chain = "", False, []
        unnamed = _unnamed_people(text, s, e)
        s, e = _trim(text, s, e)
        if NOTE.match(text[s:e]):
            break                   # 以下均需…落实，不再列出: a note, not names
        for i, (a, b) in enumerate(_split_conjunction(text, s, e)):
            name = SPACE.sub("", text[a:b])
            chain = chain if i == 0 else []
            if len(name) < 2:
                continue
            chain.append((len(out), a))
            bare = not levelled(LEVEL_LEAD).match(name) and not lexicon.jurisdiction_pattern().match(name)
            printed = clean.mention(a, b)
            out.append(Mention(printed.text, printed.span, collective=plural and bare,
                               implied=lead if bare else ""))
            if not bare:
                party = levelled(PARTY_LEAD).match(name)
                lead, plural = (party.group() if party else ""), name.startswith("各")
        if unnamed and chain:       # 北京市委、市政府有关领导: people not named, of these units
            (k, a), b = chain[0], unnamed
            out[k:] = [Mention(clean.mention(a, b).text, clean.span(a, b), collective=True)]
            chain = []
    return out


def _unnamed_people(text: str, s: int, e: int) -> int | None:
    """Where a piece ends in people it leaves unnamed (…市政府有关领导), the end of that
    tail: the run of units before it is one collective entry, not units that serve."""
    while e > s and text[e - 1] in " \t\u3000。；;，,":
        e -= 1
    people = PEOPLE.search(text, s, e)
    return e if people and re.search("有关|相关", people.group()) else None


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at separators outside brackets (and at a space after a whole unit name, and
    where a generic tail joins two lists); a full stop ends the list."""
    joins = {m.start(): m.end() for m in GENERIC_JOIN.finditer(text, start, end)}
    out, depth, piece, skip = [], 0, start, start
    for i in range(start, end):
        c = text[i]
        if i < skip:
            continue
        if i in joins and depth == 0:
            out.append((piece, i))
            piece = skip = joins[i]
        elif c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and c in "。.":
            end = i
            break
        elif depth == 0 and (c in SEPARATORS or _spaced_names(text, piece, i, end)):
            out.append((piece, i))
            piece = i + 1
    out.append((piece, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _spaced_names(text: str, piece: int, i: int, end: int) -> bool:
    """A space between two names (a table cell's line break), not inside one name."""
    if not text[i].isspace() or i + 1 >= end or text[i + 1].isspace():
        return False
    left = text[piece:i].strip()
    return len(left) >= 2 and bool(UNIT_END.search(left)) and "\u4e00" <= text[i + 1] <= "\u9fff"


def _merge_townships(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep 各苏木、乡、镇、街道办事处 together: township words after a 各 entry."""
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        a, b = _trim(text, s, e)
        part = text[a:b]
        if out and (TOWNSHIP_PART.match(part) or levelled(LEVEL_PART).match(part)) \
                and text[out[-1][0]:out[-1][1]].lstrip().startswith("各"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip white space, a leading conjunction and a generic tail (等有关部门单位。)."""
    while s < e and text[s].isspace():
        s += 1
    m = LEADING.match(text, s, e)
    if m and e - m.end() >= 2:
        s = m.end()
    tail = TAIL.search(text, s, e)
    words = tail and HAN_CHAR.search(tail.group())
    if tail and tail.start() - s >= 2 and (not words or text.startswith("等", tail.start())
                                           or UNIT_END.search(text, s, tail.start())):
        e = tail.start()            # but not 市直 of 市直相关部门
    people = PEOPLE.search(text, s, e)
    if people and people.start() - s >= 2:
        e = people.start()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _split_conjunction(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A和B where A is a whole unit name (or a generic one: 市直各相关部门) and B starts
    like one: two names."""
    for m in CONJUNCTION.finditer(text, s, e):
        left, right = text[s:m.start()], text[m.end():e]
        whole = UNIT_END.search(left) or GENERIC_END.search(left)
        if whole and levelled(STARTS_LIKE_UNIT).match(right) and len(left) >= 3:
            return [(s, m.start()), *_split_conjunction(text, m.end(), e)]
    return [(s, e)]
