"""Work items in tables: rows under a header with 牵头单位 / 配合单位 / 责任单位 columns.

PDF and scraped tables arrive as tab-separated lines.  A row often has fewer cells than
its header: the 序号 or 重点工作 cell spans several rows and is printed once, an empty
备注 at the end is dropped.  Each row's cells are therefore matched to the header's
columns by what they hold (a number, a date, a list of units, words), keeping their
order.  A header repeated after a page break starts the table again.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import combinations

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Mention
from ..facts import RELATIONS, Task, TaskUnit
from ..names import SPACE
from .items import Line, first_clause
from .units import ends_like_unit, unit_mentions

@cache
def relation_of() -> dict[str, str]:
    """The label words of units (牵头单位, 配合部门 …) and the relation each stands for
    (lexicon/task_labels.tsv), read on first use."""
    return {r["label"]: r["relation"] for r in lexicon.read_table("task_labels")}
COLUMN_KINDS = ("number", "heading", "detail", "date")     # tried in this order
DATE_VALUE = re.compile(r"^(?:\d{4}年|\d{1,2}月|持续|长期|常态|年底|年内|每年|季度|\d{4}[.\-/])")
EMPTY = {"", "/", "-", "—", "——", "无"}
SHORT = 40                      # a heading cell is short; a detail cell runs on
FLAT_CELL = 8                   # a header cell on a line of its own: 序号, 主要工作, 牵头单位
ROW_NUMBER = re.compile(r"^\d{1,3}$")
LEAD_MARKS = "▲★*※"
LEAD_MARK_NOTE = re.compile(r"[▲★*※][^，。；]{0,8}(?:为|是|表示|系)[^，。；]{0,4}牵头")
CLAUSE_MARK = re.compile(r"[，,。；;：:]")          # a header cell is a word, never a clause
SMALL_NUMBER = re.compile(r"\d{1,3}")              # a cell of the 序号 column (fullmatch)
UNIT_SEPARATORS = re.compile(r"[、，,；;\s]+")
NOT_IN_UNITS = re.compile(r"[。\d]")              # a cell of units holds no sentence end or digit


def header_columns(line: str) -> tuple[str, ...] | None:
    """The column kinds of a task table's header line, or None for any other line.

    >>> header_columns("序号\\t重点工作\\t具体事项\\t完成时限\\t牵头单位\\t配合单位")
    ('number', 'heading', 'detail', 'date', 'lead', 'support')
    >>> header_columns("序号\\t决策项目名称\\t主要实施单位") is None
    True
    """
    if not cell_separator(line):
        return None
    kinds = tuple(_column_kind(SPACE.sub("", c)) for c in line.split(cell_separator(line)))
    if not any(k in RELATIONS for k in kinds) or not any(k in ("heading", "detail") for k in kinds):
        return None
    return kinds


def cell_separator(line: str) -> str | None:
    """What separates a table line's cells: a tab, or | in a pipe table (序号 | 工作任务 | 责任单位 |).

    >>> cell_separator("1 | 推进医改 | 县卫健委 |"), cell_separator("序号\\t工作任务"), cell_separator("甲|乙")
    ('|', '\\t', None)
    """
    if "\t" in line:
        return "\t"
    return "|" if line.count("|") >= 2 else None


def _column_kind(cell: str) -> str:
    m = P.TASK_COLUMN.match(cell)
    if m:
        return relation_of()[m.group("label")]
    return next((kind for kind, whole, parts in _column_words()
                 if cell in whole or any(word in cell for word in parts)), "other")


@cache
def _column_words() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """The words of header cells by the column kind they name (lexicon/task_columns.tsv:
    重点工作 heading, 具体措施 detail, 完成时限 date, 序号 number), in ``COLUMN_KINDS`` order:
    each kind's words that must be the whole cell, and those the cell need only contain."""
    rows = lexicon.read_table("task_columns")
    return tuple((kind, frozenset(r["word"] for r in rows if r["kind"] == kind and r["match"] == "whole"),
                  tuple(r["word"] for r in rows if r["kind"] == kind and r["match"] != "whole"))
                 for kind in COLUMN_KINDS)


def row_tasks(clean: CleanText, doc: Document, lines: list[Line]) -> list[Task]:
    """One task for each row of each task table in the document that names units."""
    lead_mark = _explains_mark(lines)
    return _separated_rows(clean, doc, lines, lead_mark) + _flat_rows(clean, doc, lines, lead_mark)


def _separated_rows(clean: CleanText, doc: Document, lines: list[Line], lead_mark: bool) -> list[Task]:
    """The rows of tables whose cells a tab or | separates."""
    out, header = [], None
    for start, end, text in lines:
        kinds = header_columns(text)
        if kinds:
            header = kinds
            continue
        if not cell_separator(text):
            if header and len(text) > SHORT:
                header = None              # the table has ended (a short line may be a page's)
            continue
        if header:
            task = _row_task(clean, doc, start, text, header, lead_mark)
            if task:
                out.append(task)
    return out


def _flat_rows(clean: CleanText, doc: Document, lines: list[Line], lead_mark: bool) -> list[Task]:
    """The rows of tables flattened one cell per line: a header of short cells (序号 /
    主要工作 / 责任单位, each on its line), then the cells of each row, a row ending with its
    units' cells (its number, where the page kept it, opens the next)."""
    out, k = [], 0
    while k < len(lines):
        header, k = _flat_header(lines, k)
        if not header:
            continue
        while k < len(lines):
            row, k = _flat_row(lines, k, len(header))
            task = _cells_task(clean, doc, row, header, lead_mark) if row else None
            if not task:
                break
            out.append(task)
    return out


def _flat_row(lines: list[Line], k: int, width: int) -> tuple[list[tuple[int, int, str]], int]:
    """The cells of the flattened row at ``lines[k]`` and the index after it: up to the
    last of its unit cells; none if no unit cell comes within the header's width."""
    row: list[tuple[int, int, str]] = []
    j = k
    while j < len(lines) and len(row) < width:
        a, b, text = lines[j]
        if row and ROW_NUMBER.match(text.strip()):
            break
        row += _line_cells(a, b, text)
        j += 1
        if _looks_units(row[-1][2]) and not (j < len(lines) and _looks_units(lines[j][2])):
            return row, j
    return [], k


def _line_cells(a: int, b: int, text: str) -> list[tuple[int, int, str]]:
    """The cells of one line of a flattened table: the line, or two where a joined line
    runs from a task's words into its marked units (…增长8%以上▲商务局,各镇乡)."""
    m = re.search(f"[{LEAD_MARKS}]", text)
    if m and m.start() > 0 and _looks_units(text[m.start():]) and not _looks_units(text[:m.start()]):
        return [(a, a + m.start(), text[:m.start()].strip()), (a + m.start(), b, text[m.start():].strip())]
    return [(a, b, text.strip())]


def _looks_units(cell: str) -> bool:
    return _unit_list(SPACE.sub("", cell).lstrip(LEAD_MARKS))


def _flat_header(lines: list[Line], k: int) -> tuple[tuple[str, ...] | None, int]:
    """The column kinds of a flattened header starting at ``lines[k]`` and the index after
    it; (None, k + 1) where none starts there."""
    j, kinds = k, []
    while j < len(lines) and len(cell := SPACE.sub("", lines[j][2])) <= FLAT_CELL \
            and not ROW_NUMBER.match(cell) and not CLAUSE_MARK.search(cell):
        kinds.append(_column_kind(cell))
        j += 1
    if len(kinds) >= 2 and any(k in RELATIONS for k in kinds) \
            and any(k in ("heading", "detail") for k in kinds) and j < len(lines):
        return tuple(kinds[kinds.index("number"):] if "number" in kinds else kinds), j
    return None, k + 1


def _explains_mark(lines: list[Line]) -> bool:
    """Whether the document says what ▲ (★, *) before a unit means: that it leads."""
    return any(LEAD_MARK_NOTE.search(t) for _, _, t in lines)


def _row_task(clean: CleanText, doc: Document, start: int, text: str,
              header: tuple[str, ...], lead_mark: bool) -> Task | None:
    cells, pos = [], start
    for cell in text.split(cell_separator(text)):
        cells.append((pos, pos + len(cell), cell.strip()))
        pos += len(cell) + 1
    return _cells_task(clean, doc, cells, header, lead_mark)


def _cells_task(clean: CleanText, doc: Document, cells: list[tuple[int, int, str]],
                header: tuple[str, ...], lead_mark: bool) -> Task | None:
    """The task of a row's cells (start, end, text) under a header's column kinds."""
    start, end = cells[0][0], cells[-1][1]
    columns = align([c[2] for c in cells], header)
    words = {"heading": "", "detail": ""}
    units = []
    for (a, b, cell), kind in zip(cells, columns):
        if kind in words and cell not in EMPTY:
            words[kind] = words[kind] or cell
        elif kind in RELATIONS and cell not in EMPTY:
            units += [TaskUnit(_relation(clean.text, a, m, kind, lead_mark), _unmarked(clean, a, m))
                      for m in unit_mentions(clean, a, b)]
    task_text = SPACE.sub("", words["heading"]) or first_clause(words["detail"])[:SHORT]
    if not units or not task_text:
        return None
    section = doc.section_at(start)
    return Task(doc.key, clean.span(start, end), "tasks.table_row", task_text, tuple(units),
                section.title if section else None)


def _unmarked(clean: CleanText, a: int, unit: Mention) -> Mention:
    """The unit without the lead mark (▲发改局 → 发改局)."""
    if unit.text[:1] not in LEAD_MARKS:
        return unit
    at = clean.text.find(unit.text, a)
    return clean.mention(at + 1, at + len(unit.text)) if at >= 0 else unit


def _relation(text: str, a: int, unit: Mention, kind: str, lead_mark: bool) -> str:
    """A unit marked ▲ (★, *) among the responsible leads, where the document says what
    the mark means; else the column's relation."""
    if not lead_mark or kind != "responsible":
        return kind
    at = text.find(unit.text, a)
    return "lead" if at >= 0 and (unit.text[:1] in LEAD_MARKS or text[at - 1:at] in LEAD_MARKS) else kind


def align(cells: list[str], header: tuple[str, ...]) -> tuple[str | None, ...]:
    """The column kind of each cell: the order-keeping assignment that fits best.

    >>> align(["制定人才引进培育办法。拓展合作……" * 3, "2024年底", "旗委组织部、旗卫健委"],
    ...       ("number", "heading", "detail", "date", "responsible"))
    ('detail', 'date', 'responsible')
    """
    if len(cells) > len(header):
        cells = cells[:len(header)]
    misfit = [[_misfit(c, kind) for kind in header] for c in cells]     # each cell once per column
    best, best_cost = None, None
    for chosen in combinations(range(len(header)), len(cells)):
        cost = sum(misfit[j][i] for j, i in enumerate(chosen))
        if best_cost is None or cost < best_cost:
            best, best_cost = chosen, cost
    kinds = tuple(header[i] for i in best) if best is not None else ()
    return kinds + (None,) * (len(cells) - len(kinds))


def _misfit(cell: str, kind: str) -> float:
    """How badly a cell fits a column of ``kind`` (0 = well)."""
    if cell in EMPTY:
        return 0.0
    looks, size = _looks(cell)
    if kind in RELATIONS:
        return 0.0 if looks == "units" else 1.0
    if kind in ("number", "date"):
        return 0.0 if looks == kind else 1.0
    if looks in ("number", "date") and kind in ("heading", "detail"):
        return 1.0
    if kind == "heading":
        return 0.0 if size <= SHORT else 0.5
    if kind == "detail":
        return 0.3 if size <= SHORT else 0.0
    return 0.2 if looks == "units" else 0.0


@lru_cache(maxsize=1024)
def _looks(cell: str) -> tuple[str, int]:
    """What a cell looks like (number, date, units or words) and its length without white
    space: asked of each cell once per column of its table."""
    squeezed = SPACE.sub("", cell)
    return ("number" if SMALL_NUMBER.fullmatch(squeezed) else
            "date" if len(squeezed) <= 20 and DATE_VALUE.match(squeezed) else
            "units" if _unit_list(squeezed) else "words"), len(squeezed)


def _unit_list(cell: str) -> bool:
    names = [n for n in UNIT_SEPARATORS.split(cell) if n]
    return bool(names) and all(ends_like_unit(n) for n in names) \
        and not NOT_IN_UNITS.search(cell)
