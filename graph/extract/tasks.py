"""Work items and the units that lead (牵头), support (配合) or answer for (责任) them.

A work item names its units in a bracket, labelled (（牵头单位：…；配合单位：…）,
（责任单位：…）) anywhere in the item, or bare (（盟工信局、盟市场监管局）) closing it;
or in a row of a table whose header has 牵头单位 / 配合单位 / 责任单位 columns (see
``tables``).  The task's text is the item's own heading or first clause, numbering
stripped.  A table that repeats the items of the text above it adds nothing new.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns as P
from ..document import CleanText, Document, Mention
from ..facts import Task, TaskUnit
from ..names import levelled
from . import tables
from .items import Line, document_lines, first_clause, is_numbered, is_title, number_end, number_style, paragraph_start
from .units import ends_like_unit, unit_mentions

OPEN, CLOSE = "（(〔", "）)〕"
BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")
NOT_UNITS = re.compile(r"简称|下称|以下|包括|含|详见|见附件|试用期|挂职|任期|例如|如")
UNITS_TAIL = re.compile(r"按(?:照)?(?:各自)?职责(?:分工)?(?:负责|落实)?|分别负责|共同负责|负责落实")
"""Words after a label's units that name no unit: 〔责任单位：市发展改革委、市财政局按职责分工负责〕."""
ITEM_BEFORE = "。；;！？!?）)”"
CORE_NOISE = re.compile(r"[\s，,。；;、“”\"（）()]")   # what two spellings of one item may differ in
NOT_A_UNIT = re.compile(r"[\dA-Za-z/%]")             # 2023年, T/CIQA54-2023: no unit's name


def extract(clean: CleanText, doc: Document) -> list[Task]:
    lines = document_lines(clean, doc)
    found = bracket_tasks(clean, doc, lines)
    found += [t for t in headed_tasks(clean, doc, lines) if not _repeats(t, found)]
    return found + [t for t in tables.row_tasks(clean, doc, lines) if not _repeats(t, found)]


def headed_tasks(clean: CleanText, doc: Document, lines: list[Line]) -> list[Task]:
    """Items under a sub-heading that names their lead (（一）市发展改革委牵头的工作 /
    1.推进重大项目建设。… / 2.…): each led by that unit, until the next heading of its style."""
    out, lead, style, item_style = [], None, None, None
    for start, stop, text in lines:
        cut = number_end(text)
        heading = P.LEAD_HEADING.match(text[cut:].strip()) if cut and is_title(text) else None
        if heading:
            a = start + cut + text[cut:].index(heading.group("unit"))
            lead, style, item_style = clean.mention(a, a + len(heading.group("unit"))), number_style(text), None
        elif cut and lead and (number_style(text) == style or item_style not in (None, number_style(text))):
            lead = None                    # the next heading of its style, or of a higher one
        elif cut and lead and not P.TASK_LABEL.search(text) and (words := first_clause(text)):
            item_style = number_style(text)
            section = doc.section_at(start)
            out.append(Task(doc.key, clean.span(start, stop), "tasks.lead_heading", words,
                            (TaskUnit("lead", lead),), section.title if section else None))
    return out


def bracket_tasks(clean: CleanText, doc: Document, lines: list[Line]) -> list[Task]:
    """Every work item whose units are named in a bracket."""
    found = []                             # (line, start of the item's words, bracket, units)
    for k, (start, _, text) in enumerate(lines):
        after = 0
        for a, b in brackets(text) or _label_line(text):
            units = _bracket_units(clean, start, text, a, b)
            if units:
                found.append((k, after, a, b, units))
                after = b + 1
    titled = _titles_name_items(lines, found)
    return [t for k, after, a, b, units in found
            if (t := _task(clean, doc, lines, k, after, a, b, units, titled))]


def _titles_name_items(lines: list[Line], found: list) -> bool:
    """Whether the document names its items by headings: under each heading stands one
    bracketed paragraph (（一）拓宽第一产业就业渠道 / 培育壮大…（责任单位：…）), rather than
    several, each an item of its own."""
    per_heading: dict[int, int] = {}
    for k, after, *_ in found:
        first = paragraph_start(lines, k)
        heading = _heading_above(lines, first)
        if heading is not None and not after:
            per_heading[heading] = per_heading.get(heading, 0) + 1
    sole = sum(1 for n in per_heading.values() if n == 1)
    return sole > 0 and sole >= len(per_heading) - sole


def _heading_above(lines: list[Line], first: int) -> int | None:
    """The numbered title line the unnumbered paragraph at ``first`` stands under."""
    if is_numbered(lines[first][2]):
        return None
    for j in range(first - 1, -1, -1):
        if is_title(lines[j][2], numbered=True):
            return j
        if is_numbered(lines[j][2]) or is_title(lines[j][2]):
            return None
    return None


def brackets(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` of each outermost bracket pair in a line.

    >>> brackets("推进（含社区）建设。（责任单位：市住建局(市人防办)）")
    [(2, 6), (10, 26)]
    """
    out, depth, opened = [], 0, 0
    for m in BRACKET.finditer(text):
        i, c = m.start(), m.group()
        if c in OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif c in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i))
    return out


def _label_line(text: str) -> list[tuple[int, int]]:
    """A line that is a bare label (责任单位：市住建局、市财政局) is read as a bracket."""
    return [(-1, len(text))] if P.TASK_LABEL.match(text) else []


def _bracket_units(clean: CleanText, start: int, text: str, a: int, b: int) -> list[TaskUnit]:
    content = text[a + 1:b]
    labels = list(P.TASK_LABEL.finditer(content))
    if labels:
        out = []
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(content)
            tail = UNITS_TAIL.search(content, m.end(), end)
            end = tail.start() if tail else end
            relation = tables.relation_of()[m.group("label")]
            out += [TaskUnit(relation, u) for u in
                    unit_mentions(clean, start + a + 1 + m.end(), start + a + 1 + end)]
        return out
    if not _closes_item(text, a, b) or NOT_UNITS.search(content):
        return []
    names = unit_mentions(clean, start + a + 1, start + b)
    if names and all(_unit_like(n) for n in names):
        return [TaskUnit("responsible", n) for n in names]
    return []


def _closes_item(text: str, a: int, b: int) -> bool:
    """A bare bracket counts only where it closes an item: after a full stop (or alone on
    its line) and at the end of the paragraph."""
    before = text[:a].rstrip()
    after = text[b + 1:].strip()
    return (not before or before[-1] in ITEM_BEFORE) and after in ("", "。", "；", ";")


def _unit_like(m: Mention) -> bool:
    """盟工信局, 团盟委, 兴安职业技术学院, 各级政府部门 — not 2023年 or T/CIQA54-2023."""
    name = m.text
    return not NOT_A_UNIT.search(name) and ends_like_unit(name)


def _task(clean: CleanText, doc: Document, lines: list[Line], k: int, after: int, a: int, b: int,
          units: list[TaskUnit], titled: bool) -> Task | None:
    """The task whose bracket sits at ``lines[k][a:b+1]``; its words begin at ``after``."""
    start, _, text = lines[k]
    if after or (a > 0 and text[:a].strip()):
        first = paragraph_start(lines, k) if not after else k
        words = _joined(lines, first, k, after if after else 0, a)
        begin = lines[first][0] + (after if first == k else 0)
    elif (item := _item_above(lines, k)) is not None:      # the bracket on a line of its own
        first = paragraph_start(lines, item)
        words = _joined(lines, first, item, 0, len(lines[item][2]))
        begin = lines[first][0]
    else:
        return None
    title = _section_title(lines, first) if titled and not after else None
    task_text = title or first_clause(words)
    if not task_text:
        return None
    span = clean.span(begin, start + b + 1)
    section = doc.section_at(begin)
    return Task(doc.key, span, "tasks.labelled" if P.TASK_LABEL.search(text[max(a, 0):b]) else "tasks.bare_bracket",
                task_text, tuple(units), section.title if section else None)


def _item_above(lines: list[Line], k: int) -> int | None:
    """The line of the item a label line stands under, past the other label lines between
    (1.地区生产总值增长8%以上。 / 牵头负责领导：金力。 / 牵头责任单位：… / 协同责任单位：…)."""
    j = k - 1
    while j >= 0 and (P.TASK_LABEL.match(lines[j][2].strip()) or P.LEADER_LABEL.match(lines[j][2])):
        j -= 1
    return j if j >= 0 else None


def _joined(lines: list[Line], first: int, last: int, cut_start: int, cut_end: int) -> str:
    """The words of lines ``first..last``, the last one cut at ``cut_end``."""
    parts = [lines[j][2] for j in range(first, last)]
    parts.append(lines[last][2][cut_start:cut_end] if first == last else lines[last][2][:cut_end])
    return "".join(parts)


def _section_title(lines: list[Line], first: int) -> str | None:
    """The heading above the paragraph, when that heading holds this one item only:
    （一）拓宽第一产业就业渠道 / 培育壮大…（责任单位：…）."""
    heading = _heading_above(lines, first)
    if heading is None:
        return None
    count = 0
    for j in range(heading + 1, len(lines)):
        text = lines[j][2]
        if is_numbered(text) or is_title(text):
            break
        count += sum(1 for a, b in brackets(text) if P.TASK_LABEL.search(text[a:b])
                     or (_closes_item(text, a, b) and not NOT_UNITS.search(text[a:b])))
    return first_clause(lines[heading][2]) if count == 1 else None


def _repeats(row: Task, found: list[Task]) -> bool:
    """A table row that repeats an item of the text: the same words, or mostly the same units.

    >>> from graph.document import Span
    >>> def t(text, *units):
    ...     return Task("D1", Span(0, 0), "r", text, tuple(TaskUnit("lead", Mention(u, Span(0, 0))) for u in units))
    >>> _repeats(t("促进技术技能人才就业", "组织部", "人社局", "教体局"),
    ...          [t("强化政策支持", "旗委组织部", "旗人社局", "旗教体局", "旗总工会")])
    True
    """
    units, a = _unit_set(row), _core(row.text)
    for t in found:
        b = _core(t.text)
        other = _unit_set(t)
        if a and b and (a in b or b in a) or len(units & other) >= 0.6 * len(units | other):
            return True
    return False


def _unit_set(task: Task) -> frozenset:
    return _bare_units(tuple(u.unit.text for u in task.units))


@lru_cache(maxsize=1024)
def _bare_units(names: tuple[str, ...]) -> frozenset:
    """Unit names without a leading level word or 委, as a table row and an item of the text
    may spell them (旗委组织部, 组织部); each item's asked again for every row."""
    return frozenset(levelled(r"^(?:{LEVEL})?委?").sub("", name) for name in names)


@lru_cache(maxsize=1024)
def _core(text: str) -> str:
    return CORE_NOISE.sub("", text)
