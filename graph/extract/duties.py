"""Duties: what each unit and each coordinating body is charged with.

Three ways a text states duties, read in this order:

- a per-unit listing (各部门职责分工, 市指挥部各成员单位职责, 成员单位职责): under its title,
  each unit heads its own paragraph (``1. 市气象局`` then the paragraph, or
  ``市气象局：负责……``, ``（3）市卫健委：……``); one duty per unit paragraph, held in the
  listing of the body the title names (or the body whose functions came just before);
- a body's own functions: ``市减灾指挥部的主要职责：……``, ``职责：……`` under a group's
  heading, ``主要职责如下：`` or a heading ``市指挥部职责`` followed by numbered items
  (one duty per item);
- a sentence in the narrative whose subject is charged with something (市应急管理局负责…):
  kept as a duty with ``listed=False``, weaker than the listings.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Mention
from ..facts import Duty
from ..names import levelled
from .items import Line, document_lines, ends_paragraph, is_numbered, is_title, number_end, number_style
from .bodies import label_pattern
from .units import UNIT_END

SIGNATURE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
HOLDER_DUTY = re.compile(r"(?:的)?(?:主要|工作)?职责$")
LISTED_ITEMS = P.Cued(re.compile(r"(?:主要|具体)?(?:职责|包括|任务)(?:是|如下)?[：:]$"), ("职责", "包括", "任务"))
SETUP = re.compile(r"设在|兼任|担任|组成|设立|成立|是[^。；;]{0,40}(?:机构|机关)|为[^。；;]{0,40}(?:机构|机关)")
CLAUSE_START = "。；;，,！？"
FUNCTION_VERB = re.compile(r"负责|统筹|指导|协调")
SENTENCE = re.compile(r"[^。；;！？]+[。；;！？]?")    # a sentence of a line, with its end mark
OPEN_BRACKET = re.compile(r"[（(]")
SHORT_BODY = r"^(?:{LEVEL})[\u4e00-\u9fff]{2,6}(?:委|办)$"
"""A body's short name (市应急委, 市应急办) as the subject of 的职责是： over a list."""
NARRATIVE_SUBJECT = r"(?:{LEVEL}|[\u4e00-\u9fff]{2,5}(?:{LEVEL}))[\u4e00-\u9fff]{2,}"


def extract(clean: CleanText, doc: Document) -> list[Duty]:
    lines = document_lines(clean, doc)
    covered: set[int] = set()
    functions = body_functions(clean, doc, lines, covered)
    listed = unit_listings(clean, doc, lines, functions, covered)
    return sorted(functions + listed, key=lambda d: d.span.start) + narrative(clean, doc, lines, covered)


# ---------------------------------------------------------------------------------------
# Per-unit listings

def unit_listings(clean: CleanText, doc: Document, lines: list[Line], functions: list[Duty],
                  covered: set[int]) -> list[Duty]:
    """One duty per unit paragraph of each listing in the document."""
    out = []
    for k, (start, _, text) in enumerate(lines):
        cut = number_end(text)
        m = P.LISTING_TITLE.match(text[cut:].strip())
        if not m or text[cut:].lstrip().startswith("附件"):
            continue
        if m.group("body"):
            a = start + cut + text[cut:].index(m.group("body"))
            body = _mention(clean, a, a + len(m.group("body")))
        else:
            body = _last_body(functions, clean.span(start, start + 1).start)
        out += _listing(clean, doc, lines, k, body, covered)
    return out


def _after_paragraph(clean: CleanText, items: list, label) -> bool:
    """A short label after a finished paragraph opens the next unit's paragraph even where its
    name is not one the rules know (市某某站所：…)."""
    if not items or not items[-1][2] or len(label.group("unit")) > 20:
        return False
    a, b = items[-1][2][-1]
    return ends_paragraph(clean.text[a:b])


def _unit_line(rest: str, lines: list[Line], j: int) -> bool:
    """An unnumbered line that is only a unit's name, its paragraph below it."""
    return len(rest) <= 25 and _holder_like(rest) and not re.search(r"[，,。；;：:]", rest) \
        and j + 1 < len(lines) and not is_numbered(lines[j + 1][2])


def _last_body(functions: list[Duty], before: int) -> Mention | None:
    """The body whose functions were stated last before a listing (its office aside)."""
    bodies = [d.holder for d in functions if d.span.start < before and not d.holder.text.endswith("办公室")]
    return bodies[-1] if bodies else None


def _listing(clean: CleanText, doc: Document, lines: list[Line], k: int, body: Mention | None,
             covered: set[int]) -> list[Duty]:
    end = _section_end(doc, lines, k)
    items: list[list] = []                 # [holder Mention, first line, [(start, end)] of text]
    for j in range(k + 1, len(lines)):
        start, stop, text = lines[j]
        if start >= end:
            break
        cut = number_end(text)
        rest = text[cut:].strip()
        label = P.UNIT_LABEL.match(rest)
        if SIGNATURE_DATE.match(rest):
            if items and not items[-1][2]:
                items.pop()                # the signature line above the date
            break
        if (cut and is_title(text) or not cut and _unit_line(rest, lines, j)) and not label:
            a = start + cut + text[cut:].index(rest)
            items.append([_mention(clean, a, a + len(rest)), j, []])
        elif label and (_holder_like(_unit_of(label)) or _after_paragraph(clean, items, label)):
            a = start + cut + text[cut:].index(rest)
            items.append([_mention(clean, a, a + len(_unit_of(label))), j,
                          [(a + label.end(), stop)] if rest[label.end():].strip() else []])
        elif P.LISTING_STOP.match(rest) or (cut and not items) or is_title(text):
            break
        elif items:
            items[-1][2].append((start, stop))
        else:
            continue
        covered.add(j)
    return [_duty(clean, doc, holder, "unit", body, pieces, lines[first][0], "duties.listing", True)
            for holder, first, pieces in items if pieces]


def _unit_of(label: re.Match) -> str:
    """The unit of a label, without the 职责 after it (县水利局职责： → 县水利局)."""
    return HOLDER_DUTY.sub("", label.group("unit")) or label.group("unit")


def _section_end(doc: Document, lines: list[Line], k: int) -> int:
    """Where the section headed by line ``k`` ends (the document's end if it heads none)."""
    for s in doc.sections:
        if s.start == lines[k][0]:
            return s.end
    return doc.end


# ---------------------------------------------------------------------------------------
# A body's own functions

def body_functions(clean: CleanText, doc: Document, lines: list[Line], covered: set[int]) -> list[Duty]:
    """Duties held by bodies: after a 职责 cue, or under a heading that announces them."""
    out = []
    for k, (start, stop, text) in enumerate(lines):
        if k in covered:
            continue
        found = _cued(clean, doc, lines, k) or _under_heading(clean, doc, lines, k) \
            or _named_section(clean, doc, lines, k)
        for duty, used in found:
            out.append(duty)
            covered.update(used)
    return out


def _cued(clean: CleanText, doc: Document, lines: list[Line], k: int) -> list:
    """市减灾指挥部的主要职责：…… / 职责：…… / …专家委员会，主要职责是：…… / 主要职责如下："""
    start, stop, text = lines[k]
    cut = number_end(text)
    cues = list(P.DUTY_CUE.finditer(text, cut)) + list(P.DUTY_CUE_BARE.finditer(text, cut)) \
        if P.DUTY_WORD in text else []
    for m in cues:
        holder = _cue_holder(clean, doc, lines, k, cut, m.start())
        if holder is None:
            continue
        rest = text[m.end():].strip()
        if not rest or LISTED_ITEMS.search(text):
            return _numbered(clean, doc, lines, k + 1, holder, {k})
        return [(_duty(clean, doc, holder, "body", holder, _paragraph(lines, k, start + m.end()),
                       start + cut, "duties.body_cue", True), _lines_of(lines, k))]
    if LISTED_ITEMS.search(text) and (holder := _section_body(clean, doc, lines, k)):
        return _numbered(clean, doc, lines, k + 1, holder, {k})
    return _labelled_group(clean, doc, lines, k)


def _labelled_group(clean: CleanText, doc: Document, lines: list[Line], k: int) -> list:
    """（9）现场专家组：由…牵头，成员包括…。负责选调专家…: a group's paragraph whose sentence
    that begins with 负责 states its functions, with no 职责 cue."""
    start, _, text = lines[k]
    cut = number_end(text)
    label = P.UNIT_LABEL.match(text[cut:])
    if not label or not label_pattern().fullmatch(label.group("unit")):
        return []
    m = re.search(r"[。；;]\s*(负责)", text[cut + label.end():])
    if not m:
        return []
    holder = _mention(clean, start + cut + label.start("unit"), start + cut + label.end("unit"))
    begin = start + cut + label.end() + m.start(1)
    return [(_duty(clean, doc, holder, "body", holder, _paragraph(lines, k, begin), start + cut,
                   "duties.body_label", True), _lines_of(lines, k))]


def _cue_holder(clean: CleanText, doc: Document, lines: list[Line], k: int, cut: int, at: int) -> Mention | None:
    """The body a 职责 cue belongs to: its subject, else the group the paragraph opens with,
    else the body the clause before names, else the body the section is headed by."""
    start, _, text = lines[k]
    clause = max([text.rfind(c, cut, at) for c in CLAUSE_START] + [cut - 1]) + 1
    subject = text[clause:at].strip()
    if subject:
        name = subject[:-1] if subject.endswith("的") else subject
        if label_pattern().fullmatch(name) or name in declared_aliases(clean, doc) \
                or (levelled(SHORT_BODY).match(name) and LISTED_ITEMS.search(text)):
            a = start + text.index(name, clause)
            return _mention(clean, a, a + len(name))
        return None
    label = P.UNIT_LABEL.match(text, cut) if cut else P.UNIT_LABEL.match(text)
    if label and label_pattern().fullmatch(label.group("unit")):
        return _mention(clean, start + label.start("unit"), start + label.end("unit"))
    before = [b for b in label_pattern().finditer(text, cut, clause) if b.end() >= clause - 2]
    if before:
        name = _trim_body(before[-1].group())
        a = start + before[-1].end() - len(name)
        return _mention(clean, a, a + len(name))
    return _section_body(clean, doc, lines, k)


def declared_aliases(clean: CleanText, doc: Document) -> set[str]:
    """The short names the document declares (以下简称市应急委): a duty holder by those names
    is the body they stand for, whatever word it ends in."""
    text = clean.text
    found = (P.BODY_ALIAS.match(text, b.start()) for b in OPEN_BRACKET.finditer(text, doc.start, doc.end))
    return {m.group("alias") for m in found if m}


def _document_body(clean: CleanText, lines: list[Line], k: int) -> Mention | None:
    """The body named last before line ``k`` (the one a notice sets up: 决定建立萍乡市特色小镇
    建设工作联席会议（以下简称联席会议）制度), for a heading 主要职责 that names none."""
    for j in range(k - 1, -1, -1):
        start, _, text = lines[j]
        found = [m for m in label_pattern().finditer(text) if len(_trim_body(m.group())) >= 4]
        if found:
            best = max(found, key=lambda m: len(_trim_body(m.group())))
            name = _trim_body(best.group())
            return _mention(clean, start + best.end() - len(name), start + best.end())
    return None


def _section_body(clean: CleanText, doc: Document, lines: list[Line], k: int) -> Mention | None:
    """The body the section holding line ``k`` is headed by (2.4 …专家咨询组及职责)."""
    section = doc.section_at(lines[k][0])
    if section is None:
        return None
    title = section.title
    m = P.HEADING_DUTY.match(title)
    name = m.group("body") if m and m.group("body") else title
    if not label_pattern().fullmatch(name):
        return None
    head = clean.text.find(name, section.start)
    return _mention(clean, head, head + len(name)) if head >= 0 else None


def _under_heading(clean: CleanText, doc: Document, lines: list[Line], k: int) -> list:
    """A heading that announces functions (市指挥部职责, 二、指挥部主要职责) over numbered items
    or plain paragraphs of functions."""
    start, stop, text = lines[k]
    cut = number_end(text)
    if not cut:
        return []
    m = P.HEADING_DUTY.match(text[cut:].strip())
    if not m or not is_title(text) or k + 1 >= len(lines):
        return []
    name = m.group("body")
    if not name and is_numbered(lines[k + 1][2]):
        holder = _document_body(clean, lines, k)          # 一、主要职责 of the body the notice sets up
        return _numbered(clean, doc, lines, k + 1, holder, {k}) if holder else []
    if not label_pattern().fullmatch(name):
        return []
    a = start + cut + text[cut:].index(name)
    holder = _mention(clean, a, a + len(name))
    if is_numbered(lines[k + 1][2]):
        return _numbered(clean, doc, lines, k + 1, holder, {k})
    paragraph = _lines_of(lines, k + 1)
    after = max(paragraph) + 1
    nxt = "".join(lines[j][2] for j in sorted(paragraph))
    if SETUP.search(nxt) or P.DUTY_CUE.search(nxt) or P.DUTY_CUE_BARE.search(nxt) or is_title(lines[k + 1][2]) \
            or (after < len(lines) and lines[after][0] < _section_end(doc, lines, k)):
        return []                          # a description, or more than one paragraph
    return [(_duty(clean, doc, holder, "body", holder, _paragraph(lines, k + 1, lines[k + 1][0]),
                   lines[k + 1][0], "duties.body_heading", True), paragraph | {k})]


def _named_section(clean: CleanText, doc: Document, lines: list[Line], k: int) -> list:
    """A section headed by a body's name (2.1 兴安盟防灾减灾救灾委员会) whose paragraphs say, with
    the body as their subject, what it does — not what it is (…是…机构, 设在…)."""
    start, _, text = lines[k]
    cut = number_end(text)
    name = text[cut:].strip()
    if not cut or not is_title(text) or not label_pattern().fullmatch(name):
        return []
    holder = _mention(clean, start + cut + text[cut:].index(name), start + cut + text[cut:].index(name) + len(name))
    out, j, end = [], k + 1, _section_end(doc, lines, k)
    while j < len(lines) and lines[j][0] < end and not is_numbered(lines[j][2]) and not is_title(lines[j][2]):
        used = _lines_of(lines, j)
        words = "".join(lines[i][2] for i in sorted(used))
        if words.startswith(name) and FUNCTION_VERB.search(words) and not (
                SETUP.search(words) or LISTED_ITEMS.search(words) or P.DUTY_CUE.search(words)):
            begin = lines[j][0] + len(name)
            out.append((_duty(clean, doc, holder, "body", holder, _paragraph(lines, j, begin), lines[j][0],
                              "duties.body_section", True), used | {k}))
        j = max(used) + 1
    return out


def _numbered(clean: CleanText, doc: Document, lines: list[Line], j: int, holder: Mention,
              used: set[int]) -> list:
    """One duty per numbered item from line ``j`` on, items of one numbering style."""
    out, style = [], None
    while j < len(lines):
        text = lines[j][2]
        if not is_numbered(text) or (is_title(text) and not ends_paragraph(text) and j + 1 < len(lines) and (
                is_numbered(lines[j + 1][2]) or is_title(lines[j + 1][2]))):
            break                          # not an item, or a heading among headings
        if style is None:
            style = number_style(text)
        elif number_style(text) != style:
            break
        pieces = [(lines[j][0] + number_end(text), lines[j][1])]
        item_lines = {j}
        while not ends_paragraph(lines[j][2]) and j + 1 < len(lines) and not is_numbered(lines[j + 1][2]):
            j += 1
            pieces.append((lines[j][0], lines[j][1]))
            item_lines.add(j)
        out.append((_duty(clean, doc, holder, "body", holder, pieces, pieces[0][0], "duties.body_item", True),
                    item_lines | used))
        j += 1
    return out


def _trim_body(name: str) -> str:
    """A body's name without the verb or preposition run into it: 成立鄂尔多斯市…指挥部."""
    cut = max(name.rfind(w) + len(w) if name.rfind(w) >= 0 else 0 for w in _lead_words())
    return name[cut:] if len(name) - cut >= 3 else name


# ---------------------------------------------------------------------------------------
# Narrative

def narrative(clean: CleanText, doc: Document, lines: list[Line], covered: set[int]) -> list[Duty]:
    """Sentences outside the listings whose subject is charged with something (X负责…)."""
    out = []
    for k, (start, stop, text) in enumerate(lines):
        if k in covered:
            continue
        for sentence in SENTENCE.finditer(text):
            m = P.NARRATIVE_DUTY.match(sentence.group())
            if not m:
                continue
            holder = m.group("holder").split("由")[-1]
            if not levelled(NARRATIVE_SUBJECT).match(holder) or not (UNIT_END.search(holder) or label_pattern().fullmatch(holder)):
                continue                   # 将市级部门负责的…: no named subject
            a = start + sentence.start() + m.end("holder") - len(holder)
            kind = "body" if label_pattern().fullmatch(holder) else "unit"
            out.append(_duty(clean, doc, _mention(clean, a, a + len(holder)), kind, None,
                             [(start + sentence.start(), start + sentence.end())],
                             start + sentence.start(), "duties.narrative", False))
    return out


# ---------------------------------------------------------------------------------------

def _holder_like(name: str) -> bool:
    """A unit's name (市气象局, 铁路部门, 中国铁路…通辽工务段), not words (预警信息主要包括)."""
    return bool(UNIT_END.search(name) or _holder_words().search(name))


@cache
def _holder_words() -> re.Pattern:
    """How a duty holder's name ends or starts besides a unit's ending (lexicon/duty_holder_words.tsv)."""
    rows = lexicon.read_table("duty_holder_words")
    ends = "|".join(re.escape(r["word"]) for r in rows if r["position"] == "end")
    starts = "|".join(re.escape(r["word"]) for r in rows if r["position"] == "start")
    return re.compile(rf"(?:{ends})(?:[（(][^（）()]*[）)])?$|^(?:{starts})")


@cache
def _lead_words() -> tuple[str, ...]:
    """Words run into a body's name from before it: 成立, 设立, 由 … (lexicon/body_lead_words.tsv)."""
    return tuple(r["word"] for r in lexicon.read_table("body_lead_words"))


def _paragraph(lines: list[Line], k: int, begin: int) -> list[tuple[int, int]]:
    """The rest of the paragraph from ``begin`` in line ``k``, over lines PDF conversion broke."""
    pieces = [(begin, lines[k][1])]
    while not ends_paragraph(lines[k][2]) and k + 1 < len(lines) and not is_numbered(lines[k + 1][2]) \
            and not is_title(lines[k + 1][2]):
        k += 1
        pieces.append((lines[k][0], lines[k][1]))
    return pieces


def _lines_of(lines: list[Line], k: int) -> set[int]:
    used = {k}
    while not ends_paragraph(lines[k][2]) and k + 1 < len(lines) and not is_numbered(lines[k + 1][2]):
        k += 1
        used.add(k)
    return used


def _duty(clean: CleanText, doc: Document, holder: Mention, kind: str, body: Mention | None,
          pieces: list[tuple[int, int]], begin: int, rule: str, listed: bool) -> Duty:
    text = re.sub(r"\s*\n\s*", "", "".join(clean.shown(a, b) for a, b in pieces)).strip()
    section = doc.section_at(begin)
    return Duty(doc.key, clean.span(begin, pieces[-1][1]), rule, holder, kind, body, text, listed,
                section.title if section else None)


def _mention(clean: CleanText, a: int, b: int) -> Mention:
    return clean.mention(a, b)
