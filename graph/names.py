"""Names: the one component over the lexicons that extractors and the resolver share.

It knows how a name is spelt (``fold``: the matching view of a text), which places there
are (``graph.lexicon`` holds the divisions), and the words that build names: level words
(省 市 县 区 旗 盟 镇 …), unit suffixes, post titles, role and collective words.  Tables load
on first use.
"""
from __future__ import annotations

import re
from functools import cache, cached_property
from typing import Callable

from . import lexicon

PUNCTUATION = {":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？", ",": "，",
               "[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"}
"""ASCII punctuation and other brackets, as the patterns expect them (one character each)."""


@cache
def fold_table() -> dict[int, str]:
    """``str.translate`` table: traditional → simplified characters, ASCII and other
    punctuation → the full-width forms, full-width digits → ASCII; one character for one.

    >>> fold_table()[ord("(")], fold_table()[ord("２")]
    ('（', '2')
    """
    table = {ord(k): v for k, v in PUNCTUATION.items()}
    table.update({0xFF10 + i: str(i) for i in range(10)})
    if "traditional" in lexicon.table_names():
        for row in lexicon.read_table("traditional"):
            if len(row["traditional"]) == 1 and len(row["simplified"]) == 1:
                table[ord(row["traditional"])] = row["simplified"]
    return table


def fold(text: str) -> str:
    """The matching view of ``text``: same length, spelling variants folded.

    >>> fold("晋市政办[2023]33号(此件公开发布)")
    '晋市政办〔2023〕33号（此件公开发布）'
    """
    return text.translate(fold_table()) if foldable().search(text) else text


@cache
def foldable() -> re.Pattern:
    """A character ``fold`` changes (most names have none: a search is cheaper than a
    translation through the whole table); a class of ranges of consecutive characters
    (2,309 for the 3,245 characters: a third less to compile).

    >>> [m.group() for m in foldable().finditer("(市指揮部)")]
    ['(', '揮', ')']
    """
    runs: list[list[int]] = []
    for code in sorted(fold_table()):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                                    for a, b in runs) + "]")


def key(text: str) -> str:
    """The form in which spellings of one name meet: folded, white space and pinyin
    glosses out (市指揮部, 市指挥部 and 市指揮(huī)部 have one key).

    >>> key("市抗震救災(zāi)指揮部 "), key("市抗震救灾指挥部")
    ('市抗震救灾指挥部', '市抗震救灾指挥部')
    """
    return fold(unglossed(text))


def unglossed(text: str) -> str:
    """A name as printed, for naming: white space and pinyin glosses out, script kept.

    >>> unglossed("市抗震救災(zāi)指揮部 ")
    '市抗震救災指揮部'
    """
    from .patterns import PINYIN_GLOSS
    return SPACE.sub("", PINYIN_GLOSS.sub("", text))


SPACE = re.compile(r"\s+")


# ---------------------------------------------------------------------------------------
# Level words: 省 市 县 区 旗 …, leading a name, stand for the document's area of that level

@cache
def level_words() -> tuple[str, ...]:
    """The level words (``lexicon/level_words.tsv``), longest first.

    >>> level_words()[0], "省" in level_words(), "镇" in level_words()
    ('自治区', True, True)
    """
    return tuple(sorted((r["word"] for r in lexicon.read_table("level_words")),
                        key=lambda w: (-len(w), w)))


def levels() -> str:
    """The level words as a regular-expression alternation: ``自治区|苏木|乡|区|…``."""
    return "|".join(level_words())


@cache
def levelled(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled with ``{LEVEL}`` standing for the level words' alternation.

    >>> levelled(r"^(?:{LEVEL})委(?!员)").match("县委组织部").group()
    '县委'
    """
    return re.compile(pattern.replace("{LEVEL}", levels()), flags)


@cache
def not_level_prefixes() -> tuple[str, ...]:
    """Words that begin with a level word but are not one (市场, 乡村, 区域 …)."""
    return tuple(r["word"] for r in lexicon.read_table("not_level_prefix"))


def split_level(name: str) -> tuple[str | None, str]:
    """``(level word, rest)`` of a name that starts with a level word, else ``(None, name)``.

    >>> split_level("市应急管理局"), split_level("市场监管局"), split_level("自治区应急管理厅")
    (('市', '应急管理局'), (None, '市场监管局'), ('自治区', '应急管理厅'))
    >>> split_level("乡村振兴局"), split_level("省发展改革委")
    ((None, '乡村振兴局'), ('省', '发展改革委'))
    """
    if name.startswith(not_level_prefixes()):
        return None, name
    for word in level_words():
        if name.startswith(word) and len(name) > len(word):
            return word, name[len(word):]
    return None, name


@cache
def government_heads() -> frozenset[str]:
    """The heads of a people's government by level word: 市长, 副县长, 常务副省长, 镇长 …
    (an autonomous region's head is its 主席).

    >>> sorted(h for h in government_heads() if h.endswith("县长"))
    ['副县长', '县长', '常务副县长']
    """
    heads = set()
    for word in level_words():
        title = "主席" if word == "自治区" else word + "长"
        heads |= {title, "副" + title, "常务副" + title}
    return frozenset(heads - {"主席", "副主席", "常务副主席"})


def is_head_role(role: str) -> bool:
    """A role that heads its body (总指挥, 组长, 召集人, an office's 主任): a leader's role
    word of ``lexicon/body_roles.tsv`` that is no deputy's (副…).

    >>> [is_head_role(r) for r in ("总指挥", "常务副组长", "成员", "主任")]
    [True, False, False, True]
    """
    return lexicon.body_roles().get(role) == "leader" and "副" not in role


class LexiconPattern:
    """A regular expression built from lexicon data on first use, which otherwise behaves as
    the compiled pattern (``UNIT_END.search(name)``): nothing is read at import.

    >>> p = LexiconPattern(lambda: re.compile("局$")); bool(p.search("市财政局"))
    True
    """

    def __init__(self, build: Callable[[], re.Pattern]):
        self._build = build

    @cached_property
    def compiled(self) -> re.Pattern:
        return self._build()

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


@cache
def unit_suffixes() -> tuple[str, ...]:
    """The words a unit's name ends in (局, 委员会, 公司 …), longest first."""
    return tuple(sorted((r["suffix"] for r in lexicon.read_table("unit_suffixes")),
                        key=lambda w: (-len(w), w)))
