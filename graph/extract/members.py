"""Who serves on a body: the units of a 成员单位 list, and the units of the members a list
names by person (成员：张三 市财政局局长 → 市财政局) or by post (旗委督查室主任).

A unit serves through a member's post: the unit of the first post printed (市委统战部副部长、
宗教事务局局长 → 市委统战部).  Items of a list that read as neither a unit nor a generic
entry (涉及供水 …) are left out.
"""
from __future__ import annotations

import re

from ..document import CleanText, Mention
from ..resolve import is_collective, split_post
from .. import patterns as P
from .leaders import Entry, entries
from .units import UNIT_END, unit_mentions

GENERIC_WORD = re.compile(r"(?:有关|相关|其他)?(?:单位|部门|企业)")
Member = tuple[Mention | None, Entry | None]     # (unit, the person or post it serves through)


def unit_of_post(clean: CleanText, post_at: tuple[int, int]) -> Mention | None:
    """The unit in a post printed at cleaned ``[a, b)``: 东胜区区长 → 东胜区,
    市文化和旅游局(文物局)党组书记、局长 → 市文化和旅游局(文物局).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> t = "市委统战部副部长、宗教事务局局长"
    >>> unit_of_post(CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t))), (0, len(t))).text
    '市委统战部'
    """
    a, b = post_at
    squeezed = re.sub(r"\s+", "", clean.text[a:b])
    first = re.split(r"[、，,]", squeezed)[0]
    unit, role = split_post(first)
    if not unit or not first.endswith(role):
        return None
    printed = first[: -len(role)].rstrip("兼")
    end, seen = a, 0
    while end < b and seen < len(printed):
        seen += not clean.text[end].isspace()
        end += 1
    return Mention(printed, clean.span(a, end)) if len(printed) >= 2 else None


def members(clean: CleanText, a: int, b: int) -> list[Member]:
    """The members listed in cleaned ``text[a:b]`` (what follows 成员：): people with their
    posts, posts, or units (所需人员从X、Y抽调: X and Y).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> t = "所需人员从市直相关部门、市水文站抽调。"
    >>> [(u.text, e) for u, e in members(CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t))), 0, len(t))]
    [('市直相关部门', None), ('市水文站', None)]
    """
    people = [(unit_of_post(clean, e.post_at), e) for e in entries(clean, a, b)]
    if people and all(unit or e.person for unit, e in people):
        return people
    drawn = P.DRAWN_FROM.search(clean.text, a, b)
    a, b = drawn.span("list") if drawn else (a, b)
    return [(u, None) for u in unit_mentions(clean, a, b) if plausible_unit(u.text)]


def plausible_unit(name: str) -> bool:
    """A list item that reads as a unit or a generic entry, not a phrase.

    >>> [plausible_unit(n) for n in ("市水文站", "各苏木、乡、镇、街道办事处", "涉及供水", "东胜区", "单位")]
    [True, True, False, True, False]
    """
    if GENERIC_WORD.fullmatch(name):
        return False
    return bool(UNIT_END.search(name)) or is_collective(name)
