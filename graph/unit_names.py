"""Unit names as a plan audit compares them: which entries are one unit at all, which printed
names within one plan are one unit, and which two names are probably one unit misspelt.

- Not one unit: collectives (``resolve.is_collective``: 各旗区人民政府, 有关部门) and entries
  that list or lump several units (苏木、乡、镇、街道办事处; 消防救援大队以及其他应急救援力量),
  the ``listing`` rows of ``lexicon/audit_names.tsv``; a township's level word with no place
  (镇人民政府: every town's government).
- One unit (``read_names``, each joining step named in the ``Reading``): names equal once
  written alike (``bare_name``: 推进办 = 推进办公室, 政府督查室 = 人民政府督查室, without the
  company form 有限公司 or a zone's 管委会); the area's short name for its full one, a name with
  no area for the plan's only one with it; a name without its organ's mark for the plan's
  only one with it (宣传部 / 旗委宣传部); a parent company's name before another unit's
  (供电分公司圣地电力安装维护有限公司 / 圣地电力安装维护有限公司); one an abbreviation of the
  other (``resolve.abbreviates``: 文旅局 / 文化和旅游局), or a contraction of it: a middle
  part dropped between a head and a tail of two characters or more, the area the same
  (城市投资集团 / 城市投资建设集团, 数字投资 / 数字经济发展投资).
- Probably one unit spelt two ways (``spelling_variant``): same jurisdiction and last
  character, and the cores (the names without jurisdiction and company form) differ by a
  small edit (文广广电局 / 文旅广电局).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .names import unit_suffixes
from .resolve import abbreviates, is_collective, prefer_full

AREA_PREFIX = re.compile(r"""
    ^[^省市州盟县旗区]{0,8}?          # an area's name, unknown to the lexicon (洛阳, 长沙)
    [省市州盟县旗区]                  # ended by its level word
""", re.VERBOSE)
"""The area a name starts with where the jurisdiction lexicon knows none.

>>> AREA_PREFIX.match("洛阳市文广广电局").group()
'洛阳市'
"""
EDIT_PER_CHARS = 5
"""One edit allowed per this many characters of the longer core (none below five)."""
KEPT_ENDS = 2
"""Characters a contraction keeps at each end of the longer core (and twice this, the
shortest name a parent company's name may stand before)."""


@cache
def _rules(rule: str) -> tuple[str, ...]:
    rows = (r["text"] for r in lexicon.read_table("audit_names") if r["rule"] == rule)
    return tuple(sorted(rows, key=len, reverse=True))


@cache
def _covers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = [(r["text"], tuple(r["value"].split("|"))) for r in lexicon.read_table("audit_names")
            if r["rule"] == "covers"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def covers(entry: str, unit: str) -> bool:
    """A collective or listing entry (各镇人民政府, 旗直各有关部门, 消防救援大队以及其他…)
    stands for ``unit`` too: by the ``covers`` rows, or by naming it.

    >>> covers("伊金霍洛旗各镇人民政府", "伊金霍洛旗札萨克镇人民政府"), covers("各镇人民政府", "伊金霍洛旗财政局")
    (True, False)
    >>> covers("旗直各有关部门", "伊金霍洛旗财政局"), covers("受灾地区旗县市人民政府", "科尔沁右翼前旗人民政府")
    (True, True)
    >>> covers("额尔古纳市消防救援大队以及其他应急救援力量", "额尔古纳市消防救援大队")
    True
    """
    return _covers_unit(entry, unit, _covers())


def covers_every(entry: str, unit: str) -> bool:
    """``covers``, by the rows whose word names every unit of a kind (园区管委会, 各属地镇政府:
    the ``every`` rows), not an open class (有关部门, 成员单位), which cannot show that one
    unit is among them: what a collective on a body stands for.

    >>> covers_every("园区管委会", "伊金霍洛旗临港经济区"), covers_every("市直各相关部门", "鄂尔多斯市自然资源局")
    (True, False)
    """
    every = _rules("every")
    return _covers_unit(entry, unit, tuple(row for row in _covers() if row[0] in every))


def _covers_unit(entry: str, unit: str, rows) -> bool:
    if any(bare_name(in_area_of(part, entry)) == bare_name(unit) for part in _listed(entry)):
        return True
    for word, endings in rows:
        if word in entry:
            return endings == ("*",) or unit.endswith(endings)
    return False


def _listed(entry: str) -> list[str]:
    """The names an entry lists: 消防救援大队以及其他应急救援力量 → 消防救援大队, 其他应急救援力量."""
    marks = "|".join(re.escape(m) for m in _rules("listing"))
    return [p for p in re.split(marks, entry) if p] if marks else [entry]


def in_area_of(name: str, other: str) -> str:
    """``name`` with the area ``other`` starts with, where it has none of its own."""
    area = split_jurisdiction(other)[0]
    return name if split_jurisdiction(name)[0] or not area else area + name


def is_one_unit(name: str) -> bool:
    """False for collective or generic entries and for entries listing several units.

    A name that starts with a township's level word and no place (镇人民政府负责…: the
    ``township`` rows) names every such unit, as no township's name was found for it.

    >>> [is_one_unit(n) for n in ("额尔古纳市气象局", "各旗区人民政府", "额尔古纳市苏木、乡、镇")]
    [True, False, False]
    >>> [is_one_unit(n) for n in ("镇人民政府", "苏木人民政府", "伊金霍洛旗札萨克镇人民政府", "镇江市应急管理局")]
    [False, False, True, True]
    """
    return not is_collective(name) and not any(mark in name for mark in _rules("listing")) \
        and not (name.startswith(_rules("township")) and not split_jurisdiction(name)[0])


def is_formed_on_site(body: str) -> bool:
    """A body formed on the scene of an event (the ``on_site`` rows: 现场应急指挥部), whose
    head the standing body names when it is formed.

    >>> is_formed_on_site("通辽市邮政业突发事件现场应急指挥部"), is_formed_on_site("通辽市邮政业突发事件应急指挥部")
    (True, False)
    """
    return any(word in body for word in _rules("on_site"))


def bare_name(name: str) -> str:
    """The name as one unit's names are compared: a short ending written out (推进办 →
    推进办公室), without its company form (有限公司) or the 管委会 that governs a zone.

    >>> bare_name("鄂尔多斯市创新投资集团有限公司"), bare_name("伊金霍洛旗蒙苏经济开发区管委会")
    ('鄂尔多斯市创新投资集团', '伊金霍洛旗蒙苏经济开发区')
    >>> bare_name("伊金霍洛旗水岸新城推进办"), bare_name("伊金霍洛旗政府督查室")
    ('伊金霍洛旗水岸新城推进办公室', '伊金霍洛旗人民政府督查室')
    """
    for short, full in _short_forms():
        if name.endswith(short) and not name.endswith(full):
            name = name[: -len(short)] + full
            break
    area, core = split_jurisdiction(name)
    for short, full in _pairs("leading_form"):
        if area and core.startswith(short) and not core.startswith(full):
            name = area + full + core[len(short):]
            break
    for rule in ("legal_form", "administration"):
        for form in _rules(rule):
            if name.endswith(form) and len(name) > len(form):
                name = name[: -len(form)]
                break
    return name


def _short_forms() -> tuple[tuple[str, str], ...]:
    return _pairs("short_form")


@cache
def _pairs(rule: str) -> tuple[tuple[str, str], ...]:
    return tuple((r["text"], r["value"]) for r in lexicon.read_table("audit_names") if r["rule"] == rule)


@dataclass(frozen=True)
class Reading:
    """How one printed name is read within a plan: the name standing for its unit (the
    fullest printed form, not one with a parent company's name before it), and the steps
    that joined it to that unit (``JOINS``; none for that name itself)."""

    unit: str
    how: tuple[str, ...] = ()


JOINS = ("written form", "area", "organ", "parent", "abbreviation", "contraction")
"""The steps that join printed names of one unit, in the order ``read_names`` takes them."""


def read_names(names) -> dict[str, Reading]:
    """Each printed name → how it is read within one plan.

    >>> r = read_names(["伊金霍洛旗城市投资建设集团有限责任公司", "伊金霍洛旗城市投资集团"])
    >>> r["伊金霍洛旗城市投资集团"]
    Reading(unit='伊金霍洛旗城市投资建设集团有限责任公司', how=('contraction',))
    >>> read_names(["通辽市政府分管", "通辽市政府分管副秘书长或市政府办公室分管"])["通辽市政府分管"].unit
    '通辽市政府分管'
    >>> read_names(["伊金霍洛供电分公司圣地电力安装维护有限公司", "圣地电力安装维护有限公司"]
    ...            )["伊金霍洛供电分公司圣地电力安装维护有限公司"]
    Reading(unit='圣地电力安装维护有限公司', how=('written form', 'area', 'parent'))
    """
    names = sorted(set(names))
    key = {n: bare_name(n) for n in names}
    how: dict[str, list[str]] = {n: ["written form"] if key[n] != n else [] for n in names}
    unit_like = lambda: {key[n] for n in names if n.endswith(unit_suffixes())}    # noqa: E731
    for step, join in (("area", _by_area), ("organ", _by_organ), ("parent", _by_parent),
                       ("abbreviation", prefer_full),
                       ("contraction", lambda keys: _by_contraction(keys & unit_like()))):
        to = join(set(key.values()))
        for n in names:
            if to.get(key[n], key[n]) != key[n]:
                key[n] = to[key[n]]
                how[n].append(step)
    unit: dict[str, str] = {}              # the fullest printed name, not one with a parent's before it
    for n in sorted(names, key=lambda n: ("parent" in how[n], -len(n), n)):
        unit.setdefault(key[n], n)
    return {n: Reading(unit[key[n]], tuple(how[n]) if n != unit[key[n]] else ()) for n in names}


def same_unit_names(names) -> dict[str, str]:
    """Each name → the name that stands for its unit within one plan (the fullest form).

    >>> same_unit_names(["鄂尔多斯市创新投资集团有限公司", "鄂尔多斯市创新投资集团"])["鄂尔多斯市创新投资集团"]
    '鄂尔多斯市创新投资集团有限公司'
    >>> same_unit_names(["上善供水公司", "伊金霍洛旗上善供水有限责任公司"])["上善供水公司"]
    '伊金霍洛旗上善供水有限责任公司'
    >>> same_unit_names(["伊金霍洛供电分公司", "伊金霍洛旗供电分公司"])["伊金霍洛供电分公司"]
    '伊金霍洛旗供电分公司'
    >>> same_unit_names(["伊金霍洛旗宣传部", "伊金霍洛旗委宣传部"])["伊金霍洛旗宣传部"]
    '伊金霍洛旗委宣传部'
    """
    return {n: r.unit for n, r in read_names(names).items()}


def _by_area(names: set[str]) -> dict[str, str]:
    return {n: q for n in names if (q := _qualified(n, names)) != n}


def _by_organ(names: set[str]) -> dict[str, str]:
    """A name without its organ's mark after the area → the plan's only name with one
    (伊金霍洛旗宣传部 → 伊金霍洛旗委宣传部; not where 旗委督查室 and 旗人民政府督查室 both are)."""
    out = {}
    for n in names:
        area, core = split_jurisdiction(n)
        hits = {o for o in names for mark, _ in _pairs("organ")
                if area and o == area + mark + core and not core.startswith(mark)}
        if len(hits) == 1:
            out[n] = hits.pop()
    return out


def _by_parent(names: set[str]) -> dict[str, str]:
    """A name that is a parent company's name and then another name of the plan → that name
    (伊金霍洛旗供电分公司圣地电力安装维护 → 伊金霍洛旗圣地电力安装维护); the parent's
    endings are the ``parent`` rows (公司, 集团), so 森林消防救援大队 stays apart from
    消防救援大队."""
    out = {}
    for n in names:
        area, core = split_jurisdiction(n)
        hits = {o for o in names if o != n and (parts := split_jurisdiction(o))[0] in ("", area)
                and len(parts[1]) >= 2 * KEPT_ENDS and core.endswith(parts[1])
                and core[: -len(parts[1])].endswith(_rules("parent"))}
        if len(hits) == 1:
            out[n] = hits.pop()
    return out


def _by_contraction(names: set[str]) -> dict[str, str]:
    """A name that is the plan's only longer name of its area with a middle part dropped
    (``names``: those printed as a unit's end, so not 政府分管, words read as a unit)."""
    out = {}
    for n in names:
        area, core = split_jurisdiction(n)
        hits = {o for o in names if (parts := split_jurisdiction(o))[0] == area and contracts(core, parts[1])}
        if len(hits) == 1:
            out[n] = hits.pop()
    return out


def contracts(short: str, long_: str) -> bool:
    """``short`` is ``long_`` with a middle part dropped, keeping at least two characters
    at each end (城市投资集团 / 城市投资建设集团; not 交通运输局 / 交通运输综合行政执法局,
    whose kept tail is one character, nor 消防救援大队 / 森林消防救援大队, which keeps no head).

    >>> contracts("城市投资集团", "城市投资建设集团"), contracts("交通运输局", "交通运输综合行政执法局")
    (True, False)
    """
    if not short or len(short) >= len(long_):
        return False
    head = len(os.path.commonprefix([short, long_]))
    tail = len(os.path.commonprefix([short[::-1], long_[::-1]]))
    return head >= KEPT_ENDS and tail >= KEPT_ENDS and head + tail >= len(short)


def _qualified(name: str, names: set[str]) -> str:
    """The name with its jurisdiction in full (伊金霍洛供电分公司 → 伊金霍洛旗供电分公司); a name
    printed without one (上善供水) → the only name of the plan that is it with one
    (伊金霍洛旗上善供水); else itself."""
    area, core = split_jurisdiction(name)
    if area:
        j = lexicon.jurisdiction_of(area)
        return (j.name if j else area) + core
    hits = {_qualified(n, set()) for n in names
            if split_jurisdiction(n)[0] and split_jurisdiction(n)[1] == name}
    return hits.pop() if len(hits) == 1 else name


def split_jurisdiction(name: str) -> tuple[str, str]:
    """``(jurisdiction, core)``: 通辽市文广广电局 → ('通辽市', '文广广电局')."""
    m = lexicon.jurisdiction_pattern().match(name)
    return (m.group(), name[m.end():]) if m else ("", name)


def area_of(name: str) -> str:
    """The full name of the area a unit's name starts with, else "".

    >>> area_of("伊金霍洛发展和改革委员会"), area_of("洛阳市发展和改革委员会"), area_of("电信公司")
    ('伊金霍洛旗', '洛阳市', '')
    """
    area = split_jurisdiction(name)[0]
    if area:
        j = lexicon.jurisdiction_of(area)
        return j.name if j else area
    m = AREA_PREFIX.match(name)
    return m.group() if m else ""


def _cores(a: str, b: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Both names split into (area, core): by the jurisdiction lexicon, else by the area
    their common beginning names (洛阳市 in 洛阳市水利局 / 洛阳市水务局)."""
    split = split_jurisdiction(a), split_jurisdiction(b)
    if split[0][0] or split[1][0]:
        return split
    m = AREA_PREFIX.match(os.path.commonprefix([a, b]))
    n = m.end() if m else 0
    return (a[:n], a[n:]), (b[:n], b[n:])


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance.

    >>> edit_distance("文广广电局", "文旅广电局"), edit_distance("水利局", "水务局")
    (1, 1)
    """
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def spelling_variant(a: str, b: str) -> str | None:
    """How ``a`` and ``b`` are probably one unit spelt two ways ("edit"), or None.  A
    contraction (数字投资 / 数字经济发展投资) is no misspelling: ``read_names`` reads it as
    the same unit.

    >>> spelling_variant("通辽市文广广电局", "通辽市文旅广电局")
    'edit'
    >>> spelling_variant("洛阳市文广广电局", "洛阳市文旅广电局"), spelling_variant("洛阳市水利局", "洛阳市水务局")
    ('edit', None)
    >>> [spelling_variant(*p) for p in [("额尔古纳市水利局", "额尔古纳市水务局"),
    ...  ("额尔古纳市消防救援大队", "额尔古纳市森林消防救援大队"), ("市交通运输局", "市交通运输综合行政执法局")]]
    [None, None, None]
    """
    (ja, ca), (jb, cb) = _cores(bare_name(a), bare_name(b))
    if ja != jb or not ca or not cb or ca[-1] != cb[-1] or ca == cb \
            or abbreviates(a, b) or abbreviates(b, a):
        return None
    if 0 < edit_distance(ca, cb) <= max(len(ca), len(cb)) // EDIT_PER_CHARS:
        return "edit"
    return None
