"""References (every 《…》 title a document cites) and repeals (…同时废止).

A document's own title and titles it only plans to draft (研究制定《…》, 推动《…》立法) are
not references.  A repeal names a title, a 文号 or both, in the clause that ends in
废止 / 不再执行.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns as P
from ..document import CleanText, Document, Mention
from ..facts import Reference, Repeal
from ..segment import normal_number, same_title, title_key
from ..names import SPACE

DRAFT_BEFORE = re.compile(r"(?:制定|出台|起草|编制|制订)(?:出|好|完善)?$")
DRAFT_AFTER = re.compile(r"^[^《》，。；,]{0,4}(?:立法|的制定|的起草|的编制)")
DRAFT_TITLE = re.compile(r"[（(](?:草案|征求意见稿|送审稿|讨论稿)[）)]$")
"""A draft laid before a meeting (…议事规则(草案)): not yet a work to cite."""
CLAUSE_START = re.compile(r"[。；;！？\n]")
REPEAL_REACH = 20      # characters from the last title or 文号 to the repeal word


def extract(clean: CleanText, doc: Document) -> list:
    return [*references(clean, doc), *repeals(clean, doc)]


def references(clean: CleanText, doc: Document) -> list[Reference]:
    """Each distinct title cited in the document, at its first citation.

    >>> from graph.ingest import parse_bytes
    >>> from graph.clean import clean
    >>> from graph.segment import split_documents
    >>> c = clean(parse_bytes(SAMPLE.encode(), "t.txt"))
    >>> [r.work.text for r in references(c, split_documents(c)[0])]
    ['中华人民共和国气象法']
    """
    text = clean.text
    if doc.inferred and doc.kind == "personnel":
        return []                   # a news report of decisions: its 《…》 are meeting papers
    own = [m.name for m in (doc.title, doc.notice_title) if m]
    issued = doc.notice_title and P.ISSUES_INSTRUMENT.search(doc.notice_title.name)
    if issued:                      # the plan as the notice names it, if printed otherwise
        own.append(issued.group("quoted") or issued.group("bare"))
    seen, out = set(), []
    for m in P.REFERENCE.finditer(text, doc.start, doc.end):
        title = SPACE.sub("", m.group("title"))
        key = title_key(title)
        if key in seen or any(same_title(title, t) for t in own) or _to_be_drafted(text, m) \
                or DRAFT_TITLE.search(title):
            continue
        seen.add(key)
        span = clean.span(m.start(), m.end())
        out.append(Reference(doc.key, span, "references.guillemets",
                             clean.mention(m.start("title"), m.end("title"))))
    return out


def _to_be_drafted(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 8]
    return bool(DRAFT_BEFORE.search(before) or DRAFT_AFTER.match(after))


def repeals(clean: CleanText, doc: Document) -> list[Repeal]:
    """Documents repealed: the titles and 文号 in the clause that ends in 废止."""
    text = clean.text
    out = []
    for word in P.REPEAL.finditer(text, doc.start, doc.end):
        clause_start = _clause_start(text, word.start(), doc.start)
        titles = list(P.REFERENCE.finditer(text, clause_start, word.start()))
        numbers = list(P.DOC_NUMBER.finditer(text, clause_start, word.start()))
        named = sorted([(t.end(), "title", t) for t in titles] + [(n.end(), "number", n) for n in numbers],
                       key=lambda x: x[0])
        if not named or word.start() - named[-1][0] > REPEAL_REACH:
            continue
        for title, number in _pair(named):
            start = min(x.start() for x in (title, number) if x)
            span = clean.span(start, word.end())
            out.append(Repeal(doc.key, span, "repeals.clause", _title(clean, title),
                              _number(clean, number)))
    return out


def _clause_start(text: str, pos: int, floor: int) -> int:
    starts = [m.end() for m in CLAUSE_START.finditer(text, max(floor, pos - 400), pos)]
    return starts[-1] if starts else max(floor, pos - 400)


def _pair(named):
    """Titles with the 文号 printed right after them; a 文号 on its own stands alone."""
    out, pending = [], None
    for _, what, m in named:
        if what == "title":
            if pending:
                out.append((pending, None))
            pending = m
        elif pending is not None and m.start() - pending.end() <= 3:
            out.append((pending, m))
            pending = None
        else:
            out.append((None, m))
    if pending:
        out.append((pending, None))
    return out


def _title(clean: CleanText, m: re.Match | None) -> Mention | None:
    if m is None:
        return None
    return clean.mention(m.start("title"), m.end("title"))


def _number(clean: CleanText, m: re.Match | None) -> Mention | None:
    if m is None:
        return None
    mention = clean.mention(m.start(), m.end())
    printed = P.DOC_NUMBER.search(mention.text)
    return replace(mention, value=normal_number(printed or m))


SAMPLE = """额尔古纳市人民政府办公室关于印发《额尔古纳市春季应对融雪应急预案》的通知
各苏木乡镇人民政府、市直部门：
现将《额尔古纳市春季应对融雪应急预案》印发给你们，请认真贯彻落实。
2025年2月28日
额尔古纳市春季应对融雪应急预案
依据《中华人民共和国气象法》，研究制定《额尔古纳市融雪细则》。
"""
