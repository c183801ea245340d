"""Who serves on a body: the units of a 成员单位 list, and the units of the members a list
names by person (成员：张三 市财政局局长 → 市财政局) or by post (旗委督查室主任).

A unit serves through a member's post: the unit of the first post printed (市委统战部副部长、
宗教事务局局长 → 市委统战部).  Items of a list that read as neither a unit nor a generic
entry (涉及供水 …) are left out.
"""
from __future__ import annotations

import re
from functools import cache

from ..document import CleanText, Mention
from ..names import SPACE
from ..names import key as spelling
from ..resolve import FORMER, is_collective, split_post
from .. import lexicon
from .. import patterns as P
from .leaders import Entry, entries
from .units import UNIT_END, unit_mentions

GENERIC_WORD = re.compile(r"(?:有关|相关|其他)?(?:单位|部门|企业)")
Member = tuple[Mention | None, Entry | None]     # (unit, the person or post it serves through)


def unit_of_post(clean: CleanText, post_at: tuple[int, int]) -> Mention | None:
    """The unit in a post printed at cleaned ``[a, b)``: 东胜区区长 → 东胜区,
    市文化和旅游局(文物局)党组书记、局长 → 市文化和旅游局(文物局); of several posts the
    first, past a rank held beside them (省政协副主席、省住房城乡建设厅厅长 → 省住房城乡建设厅).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> def unit(t):
    ...     return unit_of_post(CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t))), (0, len(t))).text
    >>> unit("市委统战部副部长、宗教事务局局长"), unit("市政协副主席、市发改委主任")
    ('市委统战部', '市发改委')
    """
    a, b = post_at
    found = None
    for s, e in _posts(clean.text, a, b):
        found = _unit_at(clean, s, e)
        if found is None or not _rank_unit(found.text):
            return found
    return found


def _posts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the posts separated by 、 or ， or joined by 兼 (中央办公厅副主任兼秘书局局长)
    in ``text[a:b]``."""
    cuts = [a + m.start() for m in re.finditer(r"[、，,]|(?<=[长任记])兼", text[a:b])]
    return list(zip([a] + [c + 1 for c in cuts], cuts + [b]))


def _unit_at(clean: CleanText, a: int, b: int) -> Mention | None:
    squeezed = SPACE.sub("", clean.text[a:b])
    unit, role = split_post(squeezed)
    if not unit or not squeezed.endswith(role):
        return None
    name = squeezed[: -len(role)].rstrip("兼")
    if name.endswith(FORMER) and name[: -len(FORMER)] == unit:
        name = unit                 # 市建设局原党委委员: the post was held in 市建设局
    end, seen = a, 0
    while end < b and seen < len(name):
        seen += not clean.text[end].isspace()
        end += 1
    return clean.mention(a, end) if len(name) >= 2 else None


@cache
def rank_units() -> tuple[str, ...]:
    """Units whose post is a rank held beside a unit post (政协, 人大常委会)."""
    return tuple(r["word"] for r in lexicon.read_table("rank_units"))


def _rank_unit(name: str) -> bool:
    return name.endswith(rank_units())


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
    return [(u, None) for u in unit_mentions(clean, a, b) if plausible_unit(spelling(u.text))]


def plausible_unit(name: str) -> bool:
    """A list item that reads as a unit or a generic entry, not a phrase.

    >>> [plausible_unit(n) for n in ("市水文站", "各苏木、乡、镇、街道办事处", "涉及供水", "东胜区", "单位")]
    [True, True, False, True, False]
    """
    if GENERIC_WORD.fullmatch(name):
        return False
    return bool(UNIT_END.search(name)) or is_collective(name)
