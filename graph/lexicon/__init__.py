"""Lexicons: the rules that are data.  Each ``*.tsv`` here has a header row, is sorted,
and carries a ``note`` column saying where an entry was seen or why it is there.

Tables load on first use (``functools.cache``), never at import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<name>.tsv`` as dicts keyed by the header."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, ln.split("\t") + [""] * (len(header) - ln.count("\t") - 1)))
                 for ln in lines[1:])


def table_names() -> list[str]:
    """The names of every lexicon shipped."""
    return sorted(p.name[:-4] for p in resources.files(__package__).iterdir()
                  if p.name.endswith(".tsv"))


@dataclass(frozen=True)
class Jurisdiction:
    """An administrative area: 鄂尔多斯市 (市), its parent 内蒙古自治区, its short name 鄂尔多斯."""

    name: str
    level: str            # 自治区 | 市 | 盟 | 旗 | 县 | 区
    parent: str | None

    @property
    def short(self) -> str:
        """The name without its level word: 鄂尔多斯市 → 鄂尔多斯 (kept when that is too short)."""
        for tail in ("自治区", "自治旗", "联合旗", "矿区", "市", "盟", "旗", "县", "区"):
            if self.name.endswith(tail) and len(self.name) - len(tail) >= 2:
                return self.name[: -len(tail)]
        return self.name


@cache
def jurisdictions() -> dict[str, Jurisdiction]:
    """Every jurisdiction by its full name."""
    return {r["name"]: Jurisdiction(r["name"], r["level"], r["parent"] or None)
            for r in read_table("jurisdictions")}


@cache
def jurisdiction_pattern() -> re.Pattern:
    """Matches a jurisdiction's full name or a short name that is safe to read alone
    (鄂尔多斯, 通辽, 伊金霍洛; not 东胜 or 海南), longest first."""
    names = set()
    for j in jurisdictions().values():
        names.add(j.name)
        if len(j.short) >= 3 or (len(j.short) == 2 and j.level in ("市", "盟")
                                  and j.parent == "内蒙古自治区"):
            names.add(j.short)
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(f"(?:{alternatives})")


def jurisdiction_of(name: str | None) -> Jurisdiction | None:
    """The jurisdiction a name such as an issuer starts with.

    >>> jurisdiction_of("额尔古纳市人民政府办公室").name
    '额尔古纳市'
    >>> jurisdiction_of("兴安盟行政公署").name
    '兴安盟'
    >>> jurisdiction_of("鄂尔多斯高新技术产业开发区").name
    '鄂尔多斯市'
    """
    if not name:
        return None
    m = jurisdiction_pattern().match(name)
    if not m:
        return None
    by_name = jurisdictions()
    hit = m.group()
    if hit in by_name:
        return by_name[hit]
    matches = [j for j in by_name.values() if j.short == hit]
    return min(matches, key=lambda j: LEVEL_RANK.get(j.level, 9)) if matches else None


LEVEL_RANK = {"自治区": 0, "市": 1, "盟": 1, "旗": 2, "县": 2, "区": 2}


def ancestors(j: Jurisdiction) -> list[Jurisdiction]:
    """``j`` and the areas above it, nearest first."""
    out, seen = [], set()
    by_name = jurisdictions()
    while j is not None and j.name not in seen:
        out.append(j)
        seen.add(j.name)
        j = by_name.get(j.parent) if j.parent else None
    return out


def level_owner(j: Jurisdiction, level_word: str) -> Jurisdiction | None:
    """Which area a leading 市/旗/盟/县/区/自治区 stands for in a text of ``j``.

    >>> level_owner(jurisdiction_of("伊金霍洛旗"), "市").name
    '鄂尔多斯市'
    >>> level_owner(jurisdiction_of("额尔古纳市"), "市").name
    '额尔古纳市'
    """
    for a in ancestors(j):
        if a.name.endswith(level_word) and (level_word != "区" or a.level == "区"):
            return a
        if a.level == level_word:
            return a
    return None


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
