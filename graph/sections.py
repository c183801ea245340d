"""The numbered section tree of a document, and the tables of contents to skip.

Headings are told apart by their numbering style (一、 （一） 1. （1） 1.1 1.1.1 第三条 …);
levels come from the order in which styles nest in the document itself, as a reader
takes them: a style seen before closes the sections opened since it.
"""
from __future__ import annotations

import re

from . import patterns as P
from .document import Section

TITLE_STOP = re.compile(r"[。：:；;]")
MAX_TITLE = 60
TOC_CELL = 30


def heading_style(line: str) -> tuple[str, str, int] | None:
    """``(style, number, end of marker)`` of a heading line, or None.

    >>> heading_style("（二）编制依据")
    ('cnp', '（二）', 3)
    >>> heading_style("1.5.1 特别重大")[:2]
    ('dotted3', '1.5.1')
    >>> heading_style("1\\t《伊金霍洛旗湿地保护规划》\\t旗林业和草原局") is None
    True
    """
    m = P.HEADING.match(line)
    if not m:
        return None
    style = m.lastgroup
    number = m.group(0).strip()
    rest = line[m.end():]
    if not rest.strip() or "\t" in rest:
        return None                      # a bare number, or a table row
    if style == "dotted":
        style = f"dotted{number.count('.') + number.count('．') + 1}"
    return style, number, m.end()


def is_toc_heading(line: str) -> bool:
    """目录 on its own line, or a title that ends in 目录 followed by entries (either holds
    目, which most lines do not)."""
    return "目" in line and (bool(P.TOC_HEADING.match(line)) or (len(line) <= 40 and line.endswith("目录")))


def toc_like(line: str) -> bool:
    """A line that can stand in a table of contents."""
    if P.TOC_ENTRY.search(line):
        return True
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) > 1 and all(len(c) <= TOC_CELL and c[-1] not in P.TERMINAL for c in cells):
        return True
    return bool(heading_style(line)) and len(line) <= TOC_CELL and line[-1] not in P.TERMINAL


def toc_ranges(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Index ranges ``[first, last)`` of the lines that form tables of contents."""
    out, i = [], 0
    while i < len(lines):
        if not is_toc_heading(lines[i][2]) or i + 1 >= len(lines) or not toc_like(lines[i + 1][2]):
            i += 1
            continue
        first_entry = _entry_number(lines[i + 1][2])
        j = i + 1
        while j < len(lines) and toc_like(lines[j][2]):
            if j > i + 1 and first_entry and _restarts(lines[j][2], first_entry):
                break
            j += 1
        out.append((i, j))
        i = j
    return out


def _entry_number(line: str) -> str | None:
    style = heading_style(line.split("\t")[0].lstrip("-• "))
    return style[1] if style else None


def _restarts(line: str, first_number: str) -> bool:
    """The body begins: a heading numbered like the first entry, without a page number."""
    style = heading_style(line)
    return bool(style) and style[1] == first_number and not P.TOC_ENTRY.search(line) \
        and "\t" not in line


def parse_sections(lines: list[tuple[int, int, str]], end: int) -> tuple[Section, ...]:
    """The section tree of a document body given as ``(start, end, text)`` lines.

    >>> body = ["一、总则", "（一）编制目的", "为了……。", "（二）编制依据", "二、组织机构"]
    >>> pos, lines = 0, []
    >>> for t in body:
    ...     lines.append((pos, pos + len(t), t)); pos += len(t) + 1
    >>> [(s.number, s.title, s.level, s.parent) for s in parse_sections(lines, pos)]
    [('一、', '总则', 1, None), ('（一）', '编制目的', 2, 0), ('（二）', '编制依据', 2, 0), ('二、', '组织机构', 1, None)]
    """
    skip = set()
    for a, b in toc_ranges(lines):
        skip.update(range(a, b))
    heads: list[tuple[int, str, str, str]] = []     # (line index, style, number, title)
    for k, (s, e, text) in enumerate(lines):
        if k in skip:
            continue
        found = heading_style(text)
        if found:
            style, number, cut = found
            title = TITLE_STOP.split(text[cut:], 1)[0].strip()[:MAX_TITLE]
            heads.append((k, style, number, title))
    sections: list[dict] = []
    stack: list[tuple[str, int]] = []               # (style, index in sections)
    for k, style, number, title in heads:
        styles = [s for s, _ in stack]
        if style in styles:
            del stack[styles.index(style):]
        parent = stack[-1][1] if stack else None
        sections.append(dict(number=number, title=title, level=len(stack) + 1,
                             start=lines[k][0], end=end, parent=parent, style=style))
        stack.append((style, len(sections) - 1))
    for i, sec in enumerate(sections):
        for later in sections[i + 1:]:
            if later["level"] <= sec["level"]:
                sec["end"] = later["start"]
                break
    return tuple(Section(**s) for s in sections)
