"""Lexicons: the rules that are data.  Each ``*.tsv`` here has a header row, is sorted,
and carries a ``note`` column saying where an entry was seen or why it is there.

Tables load on first use (``functools.cache``), never at import.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Callable, Iterable, Iterator


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<name>.tsv`` as dicts keyed by the header."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):                # trailing empty cells left out
            cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return tuple(rows)


def table_names() -> list[str]:
    """The names of every lexicon shipped."""
    return sorted(p.name[:-4] for p in resources.files(__package__).iterdir()
                  if p.name.endswith(".tsv"))


@dataclass(frozen=True)
class Jurisdiction:
    """An administrative area: 鄂尔多斯市 (市), its parent 内蒙古自治区, its short name 鄂尔多斯.

    ``level`` is the level word its name ends in (省 自治区 市 州 自治州 盟 地区 县 自治县 旗
    区 …, 镇 乡 街道 苏木 for a township), ``tier`` its place in the hierarchy (province,
    prefecture, county, township), ``parent`` the name of the area above it.
    """

    name: str
    level: str
    parent: str | None
    tier: str = "county"
    code: str = ""

    @cached_property
    def short(self) -> str:
        """The name without its level word (and an ethnic designation before it):
        鄂尔多斯市 → 鄂尔多斯, 广西壮族自治区 → 广西 (kept whole when that is too short);
        worked out once per area (the place-name table asks of each of them)."""
        for tail in _TAILS_BY_LAST.get(self.name[-1:], ()):
            if self.name.endswith(tail) and len(self.name) - len(tail) >= 2:
                rest = self.name[: -len(tail)]
                bare = ETHNIC_TAIL.sub("", rest) if tail.startswith("自治") else rest
                return bare if len(bare) >= 2 else rest
        return self.name


SHORT_TAILS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "联合旗", "地区", "林区", "特区", "矿区",
               "街道", "苏木", "省", "市", "州", "盟", "旗", "县", "区", "镇", "乡")
_TAILS_BY_LAST = {last: tuple(t for t in SHORT_TAILS if t[-1] == last) for last in {t[-1] for t in SHORT_TAILS}}
"""The tails in ``SHORT_TAILS`` order by their last character: the few a name can end in."""
ETHNIC_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族|维吾尔|蒙古)+$")


@cache
def divisions() -> tuple[Jurisdiction, ...]:
    """Every province, prefecture and county of China (``divisions.tsv``, the Ministry of
    Civil Affairs' list), in code order."""
    rows = read_table("divisions")
    names = {r["code"]: r["name"] for r in rows}
    return tuple(Jurisdiction(r["name"], r["suffix"], names.get(r["parent"]), r["level"], r["code"])
                 for r in rows)


@cache
def jurisdictions() -> dict[str, Jurisdiction]:
    """Every jurisdiction by its full name (of two areas with one name, the first by code;
    ``jurisdiction_of`` tells them apart by the area printed before them)."""
    out: dict[str, Jurisdiction] = {}
    for j in divisions():
        out.setdefault(j.name, j)
    return out


@cache
def jurisdiction_pattern() -> NameTable:
    """Matches a jurisdiction's full name, or a short name that is safe to read alone
    (鄂尔多斯, 通辽, 伊金霍洛, 广东; not 东胜 or 鼓楼), longest first.

    >>> [m.group() for m in jurisdiction_pattern().finditer("广东省人民政府 鄂尔多斯高新区 东胜")]
    ['广东省', '鄂尔多斯']
    """
    names = set()
    for j in divisions():
        names.add(j.name)
        if len(j.short) >= 3 or (len(j.short) == 2 and j.tier in ("province", "prefecture")):
            names.add(j.short)
    return NameTable(names)


class NameTable:
    """Finds the longest of a set of names at a position, as the alternation of the names
    longest first does (``match``, ``fullmatch``, ``search``, ``finditer``, ``sub``), without
    compiling one: ``re`` takes ~60 ms to compile the 3,871 place names and then tries
    them one by one (~10 µs a failed match); here a name is looked up among the few
    lengths that its first character allows.

    >>> t = NameTable(["鄂尔多斯", "鄂尔多斯市", "东胜区"])
    >>> t.match("鄂尔多斯市人民政府").group(), t.search("在东胜区").span(), t.fullmatch("鄂尔多斯市政府")
    ('鄂尔多斯市', (1, 4), None)
    >>> [m.span() for m in t.finditer("鄂尔多斯、东胜区、鄂尔多斯市")]
    [(0, 4), (5, 8), (9, 14)]
    """

    def __init__(self, names: Iterable[str]):
        self.names = frozenset(n for n in names if n)
        lengths: dict[str, set[int]] = {}
        for name in self.names:
            lengths.setdefault(name[0], set()).add(len(name))
        self.lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> NameMatch | None:
        pos, endpos = max(pos, 0), max(min(endpos, len(string)), 0)
        for n in self.lengths.get(string[pos:pos + 1], ()):
            if pos + n <= endpos and string[pos:pos + n] in self.names:
                return NameMatch(string, pos, pos + n)
        return None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> NameMatch | None:
        pos, endpos = max(pos, 0), max(min(endpos, len(string)), 0)
        return NameMatch(string, pos, endpos) if string[pos:endpos] in self.names else None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> NameMatch | None:
        endpos = max(min(endpos, len(string)), 0)
        for i in range(max(pos, 0), endpos):
            if string[i] in self.lengths and (m := self.match(string, i, endpos)):
                return m
        return None

    def sub(self, repl: Callable[[NameMatch], str] | str, string: str, count: int = 0) -> str:
        """``string`` with each name (the first ``count``, if given) replaced by ``repl(match)``,
        or by ``repl`` itself when it is a string (taken literally: no group references).

        >>> NameTable(["东胜区"]).sub(lambda m: f"[{m.group(0)}]", "东胜区和东胜区")
        '[东胜区]和[东胜区]'
        """
        out, pos = [], 0
        for k, m in enumerate(self.finditer(string)):
            if count and k >= count:
                break
            out += [string[pos:m.start()], repl(m) if callable(repl) else repl]
            pos = m.end()
        return "".join(out) + string[pos:]

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[NameMatch]:
        i, endpos = max(pos, 0), max(min(endpos, len(string)), 0)
        while i < endpos:
            m = self.match(string, i, endpos) if string[i] in self.lengths else None
            if m:
                yield m
            i = m.end() if m else i + 1


class NameMatch:
    """A name found by a ``NameTable``: ``group()``, ``start()``, ``end()``, ``span()`` as
    ``re.Match`` gives them."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int):
        self.string, self._start, self._end = string, start, end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("a name has no groups")
        return self.string[self._start:self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def __repr__(self) -> str:
        return f"<NameMatch span={self.span()} match={self.group()!r}>"


TOWNSHIP = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:镇|乡|街道|苏木)(?=人民政府|政府|党委|办事处|[\u4e00-\u9fff]{2,}(?:小组|指挥部|委员会))")
"""A township named after a county or at the head of a name (湖塘镇人民政府)."""


def jurisdiction_of(name: str | None) -> Jurisdiction | None:
    """The most specific jurisdiction a name such as an issuer starts with; places printed
    one after another narrow it (天津市宝坻区 → 宝坻区; 常州市武进区湖塘镇 → 湖塘镇).

    >>> jurisdiction_of("额尔古纳市人民政府办公室").name
    '额尔古纳市'
    >>> jurisdiction_of("兴安盟行政公署").name
    '兴安盟'
    >>> jurisdiction_of("鄂尔多斯高新技术产业开发区").name
    '鄂尔多斯市'
    >>> j = jurisdiction_of("天津市宝坻区人民政府办公室"); j.name, j.parent
    ('宝坻区', '天津市')
    >>> j = jurisdiction_of("南京市鼓楼区人民政府"); j.name, j.parent
    ('鼓楼区', '南京市')
    >>> j = jurisdiction_of("武进区湖塘镇人民政府"); j.name, j.level, j.parent
    ('湖塘镇', '镇', '武进区')
    """
    if not name:
        return None
    found, pos = None, 0
    while True:
        m = jurisdiction_pattern().match(name, pos)
        hit = _area(m.group(), found) if m else None
        if hit is None:
            break
        found, pos = hit, m.end()
    town = TOWNSHIP.match(name, pos)
    if town and (found is None or found.tier == "county"):
        word = next(t for t in ("街道", "苏木", "镇", "乡") if town.group().endswith(t))
        return Jurisdiction(town.group(), word, found.name if found else None, "township")
    return found


def _area(printed: str, above: Jurisdiction | None) -> Jurisdiction | None:
    """The area a printed name or short name stands for, under ``above`` when one is."""
    candidates = _named()[0].get(printed) or _named()[1].get(printed, ())
    if above is not None:
        inside = [j for j in candidates if above.name in (a.name for a in ancestors(j)[1:])]
        return min(inside, key=lambda j: LEVEL_RANK.get(j.tier, 9)) if inside else None
    return min(candidates, key=lambda j: LEVEL_RANK.get(j.tier, 9)) if candidates else None


LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3}


@cache
def _by_code() -> dict[str, Jurisdiction]:
    return {j.code: j for j in divisions()}


@cache
def _parent_codes() -> dict[str, str]:
    return {r["code"]: r["parent"] for r in read_table("divisions")}


@cache
def _named() -> tuple[dict[str, list[Jurisdiction]], dict[str, list[Jurisdiction]]]:
    """The areas by full name and by short name."""
    full: dict[str, list[Jurisdiction]] = {}
    short: dict[str, list[Jurisdiction]] = {}
    for j in divisions():
        full.setdefault(j.name, []).append(j)
        short.setdefault(j.short, []).append(j)
    return full, short


def ancestors(j: Jurisdiction) -> list[Jurisdiction]:
    """``j`` and the areas above it, nearest first."""
    out, seen = [j], {j.name}
    parent = _parent(j)
    while parent is not None and parent.name not in seen:
        out.append(parent)
        seen.add(parent.name)
        parent = _parent(parent)
    return out


def _parent(j: Jurisdiction) -> Jurisdiction | None:
    if j.code:
        code = _parent_codes().get(j.code)
        return _by_code().get(code) if code else None
    return jurisdictions().get(j.parent) if j.parent else None


def level_owner(j: Jurisdiction, level_word: str) -> Jurisdiction | None:
    """Which area a leading 省/市/州/县/区/旗/镇… stands for in a text of ``j``.

    >>> level_owner(jurisdiction_of("伊金霍洛旗"), "市").name
    '鄂尔多斯市'
    >>> level_owner(jurisdiction_of("额尔古纳市"), "市").name
    '额尔古纳市'
    >>> level_owner(jurisdiction_of("卢氏县"), "省").name, level_owner(jurisdiction_of("伊金霍洛旗"), "自治区").name
    ('河南省', '内蒙古自治区')
    """
    for a in ancestors(j):
        if a.name.endswith(level_word) and (level_word != "区" or a.level == "区"):
            return a
        if a.level == level_word:
            return a
    return None


@cache
def province_abbreviations() -> dict[str, str]:
    """A province's one-character 简称 (粤, 豫, 晋 …) → its name, as 文号 begin with them.

    >>> province_abbreviations()["粤"], province_abbreviations()["豫"]
    ('广东省', '河南省')
    """
    return {r["abbreviation"]: r["province"] for r in read_table("province_abbreviations")}


@cache
def body_suffixes() -> tuple[tuple[str, str], ...]:
    """``(suffix, body type)`` of coordinating bodies, longest suffix first.

    >>> body_suffixes()[0][1] in ("expert_group", "committee", "leading_group")
    True
    """
    rows = [(r["suffix"], r["type"]) for r in read_table("body_types")]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


@cache
def label_suffixes() -> tuple[str, ...]:
    """Suffixes that make a name a body wherever it stands (a duty holder, a label):
    all but those that name a body only where a document sets one up (管理委员会)."""
    return tuple(r["suffix"] for r in read_table("body_types") if not r["setup_only"])


@cache
def body_roles() -> dict[str, str]:
    """Role words of a body's composition list and their kind (``leader`` or ``member``).

    >>> body_roles()["副总指挥"], body_roles()["成员单位"]
    ('leader', 'member')
    """
    return {r["word"]: r["kind"] for r in read_table("body_roles")}
