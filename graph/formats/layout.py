"""Reading order of one PDF page: characters with their boxes → the page's text lines.

A page is read the way a person reads a gazette: top to bottom; where the page runs in
two columns, the left column down to its end before the right one; a line that crosses
the middle of the page (a running head, a centred title, ``- 27 -``) ends a stretch of
columns.  Within a column, a line that a paragraph ran on from (the line before it
reaches the column's right edge and this one starts at its left edge, not indented) is
joined to it: the text keeps a paragraph on one line, as the text gazettes do.  Tables
come in as rows already (cells separated by tabs) and are placed where they stand.

Characters are dicts with ``text``, ``x0``, ``x1``, ``top``, ``bottom`` and ``size`` in
points, as pdfplumber gives them; nothing here knows which library read them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import groupby

from ..patterns import STRUCTURE_START, TERMINAL, TITLE_END

ENDS_WITH_NUMBER = re.compile(r"""
    [〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号      # 〔2023〕29号
    [）)]?\s*$                                           # closing the line, perhaps in brackets
""", re.VERBOSE)
__test__ = {"ENDS_WITH_NUMBER": """A line that ends in a 文号 ends its item (a personnel notice
closes each with one).

>>> bool(ENDS_WITH_NUMBER.search("待履行法律程序后再对外公布。（通政任字〔2023〕29号）"))
True
"""}
GAP_SPACE = 0.45        # a gap wider than this many character widths is a space
EDGE = 1.6              # a line ends "at the edge" within this many character widths of it
INDENT = 0.6            # a line starts "at the edge" within this many character widths of it


@dataclass(frozen=True)
class Segment:
    """Characters of one visual line that stand together (no wide gap inside)."""

    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float


@dataclass(frozen=True)
class Block:
    """A run of lines read one after the other: lines across the page (``column`` False),
    or one column of a stretch printed in two."""

    top: float
    lines: tuple[Segment, ...]
    column: bool = False


def page_lines(chars: list[dict], width: float, tables: tuple[tuple[float, tuple[str, ...]], ...] = ()) -> list[str]:
    """The page's text as lines in reading order.

    ``tables`` are ``(top, rows)`` of the page's tables; their characters must already be
    left out of ``chars``.

    >>> c = lambda t, x, y: {"text": t, "x0": x, "x1": x + 10, "top": y, "bottom": y + 10, "size": 10}
    >>> left = [c(ch, 50 + 10 * i, 100) for i, ch in enumerate("左栏一行" * 6)]    # up to the gutter
    >>> right = [c(ch, 350 + 10 * i, 100) for i, ch in enumerate("右栏")]
    >>> below = [c(ch, 50 + 10 * i, 115) for i, ch in enumerate("续行")]
    >>> page_lines(left + right + below, 600)     # the left column runs on into its next line
    ['左栏一行左栏一行左栏一行左栏一行左栏一行左栏一行续行', '右栏']
    """
    blocks = column_blocks(visual_lines(chars), width)
    full = [s for b in blocks if not b.column for s in b.lines]
    edges = (min(s.x0 for s in full), max(s.x1 for s in full)) if full else (0.0, 0.0)
    tops = sorted(top for top, _ in tables)
    placed = [(b.top, paragraphs(b.lines, None if b.column else edges))
              for b in _split_at(blocks, tops)]
    for top, rows in sorted(tables):
        at = next((i for i, (t, _) in enumerate(placed) if t > top), len(placed))
        placed.insert(at, (top, list(rows)))
    return [line for _, lines in placed for line in lines]


def _split_at(blocks: list[Block], tops: list[float]) -> list[Block]:
    """Blocks of lines across the page cut where a table stands between their lines."""
    out = []
    for b in blocks:
        if b.column or not tops:
            out.append(b)
            continue
        for _, group in groupby(b.lines, key=lambda s: bisect_right(tops, s.top)):
            group = tuple(group)
            out.append(Block(group[0].top, group))
    return out


def visual_lines(chars: list[dict]) -> list[list[Segment]]:
    """Characters grouped into visual lines (top to bottom), each line split into the
    segments that wide gaps separate (left to right)."""
    rows: list[list[dict]] = []
    for ch in sorted((c for c in chars if c["text"].strip() or c["text"] == " "),
                     key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= 0.4 * max(ch["size"], 1):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    return [_segments(sorted(row, key=lambda c: c["x0"])) for row in rows]


def _segments(row: list[dict]) -> list[Segment]:
    """One visual line cut where a gap is wider than three characters."""
    parts: list[list[dict]] = [[]]
    for ch in row:
        if parts[-1] and ch["x0"] - parts[-1][-1]["x1"] > 3 * max(ch["size"], 1):
            parts.append([])
        parts[-1].append(ch)
    return [s for s in (_segment(p) for p in parts if p) if s.text]


def _segment(chars: list[dict]) -> Segment:
    text, last = [], None
    for ch in chars:
        if last is not None and ch["text"] != " " and text and text[-1] != " " \
                and ch["x0"] - last["x1"] > GAP_SPACE * max(ch["size"], 1):
            text.append(" ")
        text.append(ch["text"])
        last = ch
    return Segment(min(c["top"] for c in chars), max(c["bottom"] for c in chars), chars[0]["x0"],
                   max(c["x1"] for c in chars), "".join(text).strip(), max(c["size"] for c in chars))


def column_blocks(lines: list[list[Segment]], width: float) -> list[Block]:
    """Stretches of lines between lines that cross the middle: a stretch printed in two
    columns gives its left column, then its right one; any other stretch (a one-column
    page's short lines, a list of names and posts spaced apart) belongs with the lines
    across the page."""
    middle = width / 2
    blocks: list[Block] = []
    full: list[Segment] = []
    stretch: list[list[Segment]] = []

    def end_stretch():
        if _two_columns(stretch, middle):
            if full:
                blocks.append(Block(full[0].top, tuple(full)))
                full.clear()
            for column in ([s for line in stretch for s in line if s.x1 <= middle],
                           [s for line in stretch for s in line if s.x1 > middle]):
                if column:
                    blocks.append(Block(column[0].top, tuple(column), True))
        else:
            full.extend(_merge(line) for line in stretch)
        stretch.clear()
    for segments in filter(None, lines):
        if any(s.x0 < middle < s.x1 for s in segments):
            end_stretch()
            full.append(_merge(segments))
        else:
            stretch.append(segments)
    end_stretch()
    if full:
        blocks.append(Block(full[0].top, tuple(full)))
    return blocks


def _two_columns(stretch: list[list[Segment]], middle: float) -> bool:
    """Text right of the middle, and a left column whose lines mostly run up to the
    gutter (a column of text, not a list of short names)."""
    left = [s for line in stretch for s in line if s.x1 <= middle]
    if not left or all(s.x1 <= middle for line in stretch for s in line):
        return False
    start = min(s.x0 for s in left)
    reach = start + 0.8 * (max(s.x1 for s in left) - start)
    return max(s.x1 for s in left) >= middle - 4 * max(s.size for s in left) \
        and sum(s.x1 >= reach for s in left) >= len(left) / 2


def _merge(segments: list[Segment]) -> Segment:
    """A visual line that crosses the middle, as one segment (wide gaps as two spaces)."""
    if len(segments) == 1:
        return segments[0]
    return Segment(min(s.top for s in segments), max(s.bottom for s in segments), segments[0].x0,
                   segments[-1].x1, "  ".join(s.text for s in segments), max(s.size for s in segments))


def paragraphs(lines: tuple[Segment, ...], edges: tuple[float, float] | None = None) -> list[str]:
    """A column's lines, a paragraph a line: a line that reaches the right edge runs on
    into the next when that one starts at the left edge (is not indented) and does not
    open a list label (成员单位：), or a numbered heading, a 文号 or a date after a
    finished sentence or title.  ``edges`` are the column's left
    and right edges (by default, those of its lines)."""
    if not lines:
        return []
    left, right = edges or (min(s.x0 for s in lines), max(s.x1 for s in lines))
    out: list[str] = []
    previous: Segment | None = None
    for s in lines:
        if previous is not None and _runs_on(previous, s, left, right):
            out[-1] += (" " if latin(out[-1][-1:]) and latin(s.text[:1]) else "") + s.text
        else:
            out.append(s.text)
        previous = s
    return out


def latin(c: str) -> bool:
    """An English word wraps at a space, which the join puts back (a number or a Chinese
    word may wrap anywhere)."""
    return c.isascii() and c.isalpha()


def _runs_on(before: Segment, line: Segment, left: float, right: float) -> bool:
    size = max(before.size, line.size, 1)
    if before.x1 < right - EDGE * size or line.x0 > left + INDENT * size:
        return False
    if line.top - before.bottom > 1.2 * size:            # a gap between paragraphs
        return False
    if ENDS_WITH_NUMBER.search(before.text):
        return False
    opens = STRUCTURE_START.match(line.text)
    if opens and opens.group().endswith(("：", ":")):    # a list label: 副总指挥： / 成员单位：
        return False
    complete = before.text[-1:] in TERMINAL or (TITLE_END.search(before.text) and "，" not in before.text)
    return not (complete and opens)

