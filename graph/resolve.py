"""Stage 5 — resolve: canonical names for the units, bodies, persons and posts in facts.

A document's jurisdiction comes from its issuer.  A leading 市/旗/盟/县/区 (and 市委,
市政府) stands for the area of that level the document belongs to, 自治区 for 内蒙古自治区;
an unprefixed local unit belongs to the document's own area.  Standard abbreviations
expand from ``lexicon/abbreviations.tsv``, and a name printed in full elsewhere in the same
document wins over a guess.  Bodies resolve through the names and aliases the document
declares (以下简称 市指挥部).  The printed form stays on the Mention (``text``); the
canonical one goes to ``value``.
"""
from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from typing import Generic, TypeVar

from . import lexicon
from .document import Document, Mention
from .facts import Body, Duty, Fact
from .names import SPACE, fold, government_heads, levelled, not_level_prefixes, split_level, unit_suffixes
from .names import key as spelling

NATIONAL = re.compile(r"^(?:国家|国网|中国|中央|中共中央|国务院|全国|武警|解放军|自治区级)")
TRAILING_ALIAS = re.compile(r"[（(][^（）()]{1,20}[）)]$")
UNIT_FIELDS = {"unit", "host", "units"}
BODY_FIELDS = {"body", "name", "parent", "aliases"}


def squeeze(text: str) -> str:
    return SPACE.sub("", text)


# ---------------------------------------------------------------------------------------
# Lexicon views

@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(short, full) pairs, longest short form first."""
    rows = [(r["short"], r["full"]) for r in lexicon.read_table("abbreviations")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def collective_rules() -> tuple[tuple[str, ...], ...]:
    """The words of ``lexicon/collective.tsv`` by how they match: (prefixes, suffixes,
    words contained, whole names)."""
    rows = lexicon.read_table("collective")
    return tuple(tuple(r["text"] for r in rows if r["match"] == match)
                 for match in ("prefix", "suffix", "contains", "exact"))


@cache
def post_titles() -> tuple[str, ...]:
    """Role words of posts (局长, 副主任 …), longest first."""
    return tuple(sorted((r["title"] for r in lexicon.read_table("post_titles")), key=len,
                        reverse=True))


# ---------------------------------------------------------------------------------------
# Units

def is_collective(name: str) -> bool:
    """Plural or generic entries: 各旗区人民政府, 有关部门, 事发单位, 铁路部门 …

    >>> [is_collective(n) for n in ("各苏木乡镇", "市直有关部门", "市财政局", "铁路部门")]
    [True, True, False, True]
    """
    prefixes, suffixes, contained, whole = collective_rules()
    return name.startswith(prefixes) or name.endswith(suffixes) or any(w in name for w in contained) \
        or name in whole


def expand(core: str) -> str:
    """Standard abbreviations written out: 住建局 → 住房和城乡建设局.

    >>> expand("发改委"), expand("委网信办"), expand("财政局")
    ('发展和改革委员会', '委网络安全和信息化委员会办公室', '财政局')
    """
    for short, full in abbreviations():
        if core.endswith(short) and not core.endswith(full):
            return core[: -len(short)] + full
    return core


PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)(?=.)")
"""中共市委组织部: the party prefix, dropped before a name is qualified."""


@lru_cache(maxsize=4096)         # a gazette's documents name the same units again and again
def qualify(name: str, jurisdiction: str | None) -> str:
    """The name with its area written out in full.

    >>> qualify("市应急管理局", "额尔古纳市"), qualify("旗住建局", "伊金霍洛旗")
    ('额尔古纳市应急管理局', '伊金霍洛旗住房和城乡建设局')
    >>> qualify("市委组织部", "伊金霍洛旗"), qualify("消防救援大队", "额尔古纳市")
    ('鄂尔多斯市委组织部', '额尔古纳市消防救援大队')
    >>> qualify("国网额尔古纳供电公司", "额尔古纳市"), qualify("自治区应急管理厅", "兴安盟")
    ('国网额尔古纳供电公司', '内蒙古自治区应急管理厅')
    """
    name = PARTY_PREFIX.sub("", squeeze(name))
    word, rest = split_level(name)
    here = area(jurisdiction)
    if word:
        owner = lexicon.level_owner(here, word) if here else None
        return (owner.name if owner else word) + expand(rest)
    if lexicon.jurisdiction_pattern().search(fold(name)) or NATIONAL.match(name) or here is None \
            or name.endswith("公司") or _named_after(name, here):
        return expand(name)
    return here.name + expand(name)


def _named_after(name: str, here) -> bool:
    """A unit named after its own area's short name (立山经济开发区 in 立山区) is not prefixed again.

    >>> qualify("立山经济开发区", "立山区")
    '立山经济开发区'
    """
    short = getattr(here, "short", "")
    return len(short) >= 2 and name.startswith(short) and not name.startswith(here.name)


def area(jurisdiction: str | None):
    """The Jurisdiction a document's jurisdiction names (a township too: 湖塘镇)."""
    if not jurisdiction:
        return None
    return lexicon.jurisdictions().get(jurisdiction) or lexicon.jurisdiction_of(jurisdiction)


def canonical_unit(name: str, jurisdiction: str | None) -> str:
    """Qualified, expanded, without a trailing alias in brackets: 市文化和旅游局(文物局) →
    鄂尔多斯市文化和旅游局.  An area named as a unit (东胜区 on a member list) is its
    government.

    >>> canonical_unit("市文化和旅游局(文物局)", "鄂尔多斯市"), canonical_unit("东胜区", "鄂尔多斯市")
    ('鄂尔多斯市文化和旅游局', '东胜区人民政府')
    """
    name = squeeze(name).rstrip("等")
    while TRAILING_ALIAS.search(name) and not re.fullmatch(r"[（(].*[）)]", name):
        name = TRAILING_ALIAS.sub("", name)
    league = youth_league(name, jurisdiction)
    if league:
        return league
    name = qualify(name, jurisdiction)
    return name + "人民政府" if name in lexicon.jurisdictions() else name


def abbreviates(short: str, full: str) -> bool:
    """``short`` is an abbreviation of ``full``: same first and last character, a subsequence.

    >>> abbreviates("鄂尔多斯市文旅局", "鄂尔多斯市文化和旅游局"), abbreviates("市财政局", "市财政局")
    (True, False)
    >>> abbreviates("额尔古纳市消防救援大队", "额尔古纳市森林消防救援大队")
    False
    """
    if len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    common = len(os.path.commonprefix([short, full]))
    if full[common:].endswith(short[common:]):
        return False            # 消防救援大队 → 森林消防救援大队 is another unit
    it = iter(full)
    return all(c in it for c in short)


def prefer_full(names: set[str]) -> dict[str, str]:
    """For each name that abbreviates another in the set, the longest such full name."""
    ends: dict[tuple[str, str], list[str]] = {}     # only names with the same first and
    for name in names:                              # last character can abbreviate another
        ends.setdefault((name[:1], name[-1:]), []).append(name)
    out = {}
    for short in names:
        fulls = [f for f in ends[short[:1], short[-1:]] if len(f) > len(short) and abbreviates(short, f)]
        if fulls:
            out[short] = max(fulls, key=lambda f: (len(f), f))
    return out


# ---------------------------------------------------------------------------------------
# Posts and persons

def person_name(text: str) -> str:
    """张 炜 → 张炜; 李军同志 → 李军."""
    return re.sub(r"同志$", "", squeeze(text))


def canonical_post(post: str, jurisdiction: str | None) -> str:
    """A post with its unit qualified; a bare role word (市长) stays as printed.

    >>> canonical_post("市应急管理局局长", "鄂尔多斯市"), canonical_post("市长", "鄂尔多斯市")
    ('鄂尔多斯市应急管理局局长', '市长')
    """
    post = squeeze(post)
    if post in post_titles() or post in government_heads():
        return post
    return qualify(post, jurisdiction)


FORMER = "原"
"""Before a post title, a post once held (市建设局原党委委员)."""


def split_post(post: str, jurisdiction: str | None = None) -> tuple[str | None, str]:
    """``(unit, role)`` of a post; the unit is None where the post names none.

    >>> split_post("鄂尔多斯市应急管理局局长")
    ('鄂尔多斯市应急管理局', '局长')
    >>> split_post("东胜区区长")
    ('东胜区人民政府', '区长')
    >>> split_post("市长", "鄂尔多斯市")
    ('鄂尔多斯市人民政府', '市长')
    >>> split_post("鄂尔多斯市文化和旅游局(文物局)党组书记、局长")
    ('鄂尔多斯市文化和旅游局', '党组书记')
    >>> split_post("市建设局原党委委员"), split_post("太原市市长")
    (('市建设局', '党委委员'), ('太原市人民政府', '市长'))
    """
    first = re.split(r"[、，,]", squeeze(post))[0]
    for role in post_titles():
        if first.endswith(role) and len(first) > len(role):
            unit = first[: -len(role)].rstrip("兼")
            if unit.endswith(FORMER) and unit[: -len(FORMER)].endswith(unit_suffixes()):
                unit = unit[: -len(FORMER)]         # 市建设局原党委委员: a former post in 市建设局
            while TRAILING_ALIAS.search(unit):
                unit = TRAILING_ALIAS.sub("", unit)
            if unit in lexicon.jurisdictions() and role in government_heads():
                unit += "人民政府"
            return (unit or None), role
    if first in government_heads() and jurisdiction:
        return jurisdiction + "人民政府", first
    return None, first


# ---------------------------------------------------------------------------------------
# Bodies

K = TypeVar("K")
OFFICE = "办公室"
LEVEL_LEAD = r"^(?:全|本)?(?:{LEVEL})级?(?=.{3})"
"""A leading level word of a body's short name: 市指挥部, 市级现场指挥部, 全市…, 本级…"""


def body_core(name: str) -> str:
    """A body's name without the area it belongs to.

    >>> body_core("市减灾指挥部"), body_core("通辽市指挥部"), body_core("全市突发重大动物疫情专家委员会")
    ('减灾指挥部', '指挥部', '突发重大动物疫情专家委员会')
    """
    name = squeeze(name)
    m = lexicon.jurisdiction_pattern().match(name)
    if m and len(name) - m.end() >= 3:
        return name[m.end():]
    if name.startswith(not_level_prefixes()):
        return name
    return levelled(LEVEL_LEAD).sub("", name, count=1)


class BodyNames(Generic[K]):
    """The printed names and aliases of the bodies one document declares, each → a key.

    ``find`` reads a name the way the document's reader does: as printed or declared
    (以下简称), as the office of a known body (联席会议办公室), or by its core
    (市指挥部 → the one 指挥部 declared, the first one where several are).

    >>> names = BodyNames()
    >>> names.add("额尔古纳市减灾指挥部", "HQ"); names.add_office("HQ", "OFFICE")
    >>> names.find("市减灾指挥部"), names.find("市指挥部"), names.find("指挥部办公室")
    ('HQ', 'HQ', 'OFFICE')
    >>> names.find("应急管理局") is None
    True
    """

    def __init__(self) -> None:
        self.by_name: dict[str, K] = {}
        self.office_of: dict[K, K] = {}

    def add(self, name: str, key: K) -> None:
        self.by_name.setdefault(spelling(name), key)

    def add_office(self, body: K, office: K) -> None:
        self.office_of.setdefault(body, office)

    def find(self, name: str, prefer=None) -> K | None:
        """The body ``name`` stands for; among several by its core, the first that
        ``prefer(key)`` holds for (a body set up rather than one only mentioned)."""
        text = spelling(name)
        if text in self.by_name:
            return self.by_name[text]
        if text.endswith(OFFICE) and len(text) > len(OFFICE):
            body = self.find(text[: -len(OFFICE)], prefer)
            return self.office_of.get(body) if body is not None else None
        core = body_core(text)
        if core in self.by_name:
            return self.by_name[core]
        hits = [key for known, key in self.by_name.items()
                if known.endswith(core) and not (known.endswith(OFFICE) and not core.endswith(OFFICE))]
        if not hits or len(core) < 3:
            return None
        return next((k for k in hits if prefer is None or prefer(k)), hits[0])


# ---------------------------------------------------------------------------------------
# The stage

def resolve(facts: list[Fact], documents: tuple[Document, ...]) -> list[Fact]:
    """Every Mention in ``facts`` with its canonical ``value`` (and collective flag)."""
    docs = {d.key: d for d in documents}
    by_doc: dict[str, list[Fact]] = {}
    for f in facts:
        by_doc.setdefault(f.document, []).append(f)
    out = []
    for key, group in by_doc.items():
        doc = docs.get(key)
        out.extend(_resolve_document(group, doc.jurisdiction if doc else None))
    return out


def _resolve_document(facts: list[Fact], jurisdiction: str | None) -> list[Fact]:
    units = {m.implied + m.text for f in facts for field, m in f.mentions() if _kind(f, field) == "unit"}
    qualified = {u: canonical_unit(u, jurisdiction) for u in units if not is_collective(squeeze(u))}
    fuller = prefer_full(set(qualified.values()))
    body_spans, body_names = _body_table(facts, jurisdiction)

    def rename(field: str, m: Mention, fact: Fact) -> Mention:
        kind = _kind(fact, field)
        text = squeeze(m.text)
        if kind == "unit":
            if m.collective or is_collective(text):
                return m.resolved(text, collective=True)
            name = qualified.get(m.implied + m.text) or canonical_unit(m.implied + text, jurisdiction)
            return m.resolved(fuller.get(name, name))
        if kind == "body":
            name = body_spans.get((m.text, m.span)) or body_names.find(text) \
                or canonical_body(text, jurisdiction)
            return m.resolved(name, collective=m.collective or text.startswith("各"))
        if kind == "person":
            return m.resolved(person_name(text))
        if kind == "post":
            return m.resolved(canonical_post(text, jurisdiction))
        return m

    return [f.with_names(lambda field, m, f=f: rename(field, m, f)) for f in facts]


def _kind(fact: Fact, field: str) -> str | None:
    if isinstance(fact, Duty) and field == "holder":
        return "body" if fact.holder_kind == "body" else "unit"
    if field in UNIT_FIELDS:
        return "unit"
    if field in BODY_FIELDS:
        return "body"
    if field in ("person", "post"):
        return field
    return None


def canonical_body(name: str, jurisdiction: str | None) -> str:
    """A body's name with its area written out (市减灾指挥部 → 额尔古纳市减灾指挥部,
    全市…专家委员会 → 通辽市…专家委员会).

    >>> canonical_body("全市突发重大动物疫情专家委员会", "通辽市"), canonical_body("现场指挥部", "鄂尔多斯市")
    ('通辽市突发重大动物疫情专家委员会', '鄂尔多斯市现场指挥部')
    """
    return qualify(levelled(r"^全(?={LEVEL})").sub("", squeeze(name)), jurisdiction)


def canonical_sub_body(body: Body, parent: str, parent_type: str | None,
                       jurisdiction: str | None) -> str:
    """The name of a body inside another: an office is its body's office; a group whose
    name says nothing alone (专家组) or a group of a headquarters (综合协调组) is named
    after its parent; any other keeps its own name.

    >>> from graph.document import Span
    >>> g = Body("D2", Span(0, 0), "t", Mention("综合协调组", Span(0, 0)), "working_group")
    >>> canonical_sub_body(g, "鄂尔多斯市现场指挥部", "headquarters", "鄂尔多斯市")
    '鄂尔多斯市现场指挥部综合协调组'
    >>> g = Body("D8", Span(0, 0), "t", Mention("供水保障推进组", Span(0, 0)), "working_group")
    >>> canonical_sub_body(g, "鄂尔多斯市推进实施温暖工程专项工作组", "working_group", "鄂尔多斯市")
    '鄂尔多斯市供水保障推进组'
    """
    name = squeeze(body.name.text)
    if body.body_type == "office":      # the office word as printed: 办公室, 辦公室
        return parent + (name[-len(OFFICE):] if fold(name).endswith(OFFICE) else OFFICE)
    generic = name in dict(lexicon.body_suffixes())
    named_alone = split_level(re.sub(r"^全", "", name))[0] or lexicon.jurisdiction_pattern().match(name)
    if generic or (parent_type == "headquarters" and body.body_type in SUB_GROUP_TYPES
                   and not named_alone):
        return parent + name
    return canonical_body(name, jurisdiction)


SUB_GROUP_TYPES = ("working_group", "expert_group")


def _body_table(facts: list[Fact], jurisdiction: str | None) -> tuple[dict, BodyNames[str]]:
    """The canonical name of each body a document declares, by the (text, span) of its
    name, and a ``BodyNames`` that finds it by any printed name or alias.

    Constituted bodies come first, so a short name (市指挥部) means the body the document
    sets up rather than one it only mentions.
    """
    declared = {(f.name.text, f.name.span): f for f in facts if isinstance(f, Body)}
    by_span: dict[tuple, str] = {}

    def canonical(key, depth=0) -> str:
        if key not in by_span:
            f = declared[key]
            parent = (f.parent.text, f.parent.span) if f.parent else None
            if parent in declared and depth < 8:
                by_span[key] = canonical_sub_body(f, canonical(parent, depth + 1),
                                                  declared[parent].body_type, jurisdiction)
            else:
                by_span[key] = canonical_body(f.name.text, jurisdiction)
        return by_span[key]

    names: BodyNames[str] = BodyNames()
    for key, f in sorted(declared.items(), key=lambda kv: not kv[1].constituted):
        name = canonical(key)
        for m in (f.name, *f.aliases):
            names.add(m.text, name)
        if f.body_type == "office" and f.parent and (f.parent.text, f.parent.span) in declared:
            names.add_office(canonical((f.parent.text, f.parent.span)), name)
    return by_span, names


# ---------------------------------------------------------------------------------------
# Units named by their area's level (issue 4: task and duty units)

YOUTH_LEAGUE = r"^(?P<a>{LEVEL})?团(?P<b>{LEVEL})?委$"


def youth_league(name: str, jurisdiction: str | None) -> str | None:
    """团市委, 团旗委, 旗团委, 团盟委: the Communist Youth League committee of the area.

    >>> youth_league("团市委", "额尔古纳市"), youth_league("旗团委", "伊金霍洛旗")
    ('共青团额尔古纳市委员会', '共青团伊金霍洛旗委员会')
    >>> youth_league("团委", "伊金霍洛旗") is None, youth_league("市财政局", "额尔古纳市") is None
    (True, True)
    """
    m = levelled(YOUTH_LEAGUE).match(name)
    word = m and (m.group("a") or m.group("b"))
    if not word:
        return None
    here = area(jurisdiction)
    owner = lexicon.level_owner(here, word) if here else None
    return f"共青团{owner.name}委员会" if owner else None
