"""Coordinating bodies (指挥部, 领导小组, 联席会议, 工作组, 专家组 and their 办公室) as a
document comes to know them: one ``Record`` per body, found by any of its names.

One body printed under several names (市指挥部, 全旗…指挥部, the attachment's full title)
is one ``Record``; its fullest name is kept, the others are its aliases.  Where the
bodies are declared is read by ``declarations``; who leads them and serves on them by
``composition``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Mention, Section, Span
from ..names import key as spelling
from ..names import level_words
from ..resolve import OFFICE, BodyNames, body_core

SAME_TAIL_EXTRA = 4
"""Two names of one type in one document that share this many characters before the
type word (…城市运维保障工作指挥部) name one body."""


@dataclass(eq=False)
class Record:
    """One body as the extractor comes to know it across a document."""

    name: Mention                  # its fullest printed name
    body_type: str
    span: Span                     # the passage that first declares it
    section: str | None
    strong: bool = False           # a full title, an attachment, an office, a composition
    acts: list[bool] = field(default_factory=list)   # 成立 …: True an act, False a contingency
    parent: "Record | None" = None
    aliases: list[Mention] = field(default_factory=list)
    hosts: list[tuple[Mention, Span]] = field(default_factory=list)   # 设在 X, and where
    office: "Record | None" = None
    heading: Section | None = None

    @property
    def constituted(self) -> bool:
        """Set up by this document: by an act, or described without a contingent act."""
        return self.strong or any(self.acts) or not self.acts


# ---------------------------------------------------------------------------------------
# Lexicon views

@cache
def suffix_pattern() -> str:
    """The body-type words that end a body's name (not 办公室: an office needs its body)."""
    return "|".join(re.escape(s) for s, t in lexicon.body_suffixes() if t != "office")


@cache
def name_pattern() -> re.Pattern:
    return re.compile(P.BODY_NAME.format(suffixes=suffix_pattern()), P.X)


@cache
def label_pattern() -> re.Pattern:
    """A whole body name as a label or duty holder: …指挥部(办公室), …领导小组, 综合协调组."""
    suffixes = "|".join(re.escape(s) for s in sorted(lexicon.label_suffixes(), key=len, reverse=True))
    return re.compile(P.BODY_LABEL.format(han=P.HAN, suffixes=suffixes), P.X)


def body_type(name: str) -> str | None:
    """The type of a body from the word its name ends in.

    >>> body_type("兴安盟防灾减灾救灾委员会"), body_type("现场专家组"), body_type("综合协调组")
    ('committee', 'expert_group', None)
    >>> body_type("三門峽市抗震救災(zāi)指揮部")
    'headquarters'
    """
    name = spelling(name)
    for suffix, kind in lexicon.body_suffixes():
        if name.endswith(suffix):
            return kind
    return None


def is_generic(name: str) -> bool:
    """The name is only a type word (专家组, 办公室): it means nothing without its body."""
    return any(name == s for s, _ in lexicon.body_suffixes())


# ---------------------------------------------------------------------------------------
# The registry of one document's bodies

class Registry:
    """The bodies of one document, found by any of their names."""

    def __init__(self, clean: CleanText, doc: Document):
        self.clean, self.doc = clean, doc
        self.records: list[Record] = []
        self.names: BodyNames[Record] = BodyNames()
        self.anchors: dict[int, Record] = {}         # line start → the body it opens
        self.spoken: list[tuple[int, Record]] = []   # where a declaration names a body

    def find(self, text: str) -> Record | None:
        rec = self.names.find(text, lambda rec: rec.constituted) if text else None
        return None if rec is not None and _other_place(rec, text) else rec

    def mention(self, a: int, b: int) -> Mention:
        return self.clean.mention(a, b)

    def declare(self, name: Mention, kind: str, evidence: Span, pos: int, *, strong: bool = False,
                act: bool | None = None, parent: Record | None = None,
                section: str | None = None) -> Record:
        """The body named ``name`` (a new one, or one already known under any name);
        ``parent`` is the body it would belong to, if it is one of a body's groups;
        ``section`` the heading it is described under, if not the one around ``pos``."""
        rec = self.find(name.text) or self._same_as(name.text, kind, pos, parent)
        if rec is None:
            sec = self.doc.section_at(pos)
            rec = Record(name, kind, evidence, section or (sec.title if sec else None))
            self.records.append(rec)
        elif name.text != rec.name.text:
            self._rename(rec, name)
        self.names.add(name.text, rec)
        rec.strong = rec.strong or strong
        if act is not None:
            rec.acts.append(act)
        self.spoken.append((pos, rec))
        return rec

    def alias(self, rec: Record, m: Mention) -> None:
        if m.text != rec.name.text and all(a.text != m.text for a in rec.aliases):
            rec.aliases.append(m)
        self.names.add(m.text, rec)

    def office_of(self, body: Record, name: Mention, evidence: Span, pos: int) -> Record:
        """The 办公室 of ``body``, declared under ``name`` (办公室 / 联席会议办公室)."""
        if body.office is None:
            sec = self.doc.section_at(pos)
            body.office = Record(name, "office", evidence, sec.title if sec else None,
                                 strong=True, parent=body)
            self.records.append(body.office)
            self.names.add_office(body, body.office)
        if name.text != OFFICE:
            self.alias(body.office, name)
        return body.office

    def _same_as(self, text: str, kind: str, pos: int, parent: Record | None) -> Record | None:
        """A known body this new name also names: the generic heading of the section it
        stands in (专家委员会 → 全市突发重大动物疫情专家委员会), a group of the same body
        printed a little differently (道路秩序 / 道路交通秩序), or a body of its type
        whose name ends the same way."""
        for rec in self.records:
            if parent is not None and rec.parent is parent and _variant(rec.name.text, text):
                return rec
        for rec in self.records:
            if rec.heading and rec.heading.start <= pos < rec.heading.end \
                    and text.endswith(body_core(rec.name.text)) and rec.body_type == kind:
                return rec
        suffix = next((s for s, t in lexicon.body_suffixes() if text.endswith(s)), "")
        need = len(suffix) + SAME_TAIL_EXTRA
        for rec in self.records:
            shared = _shared_tail(rec.name.text, text)
            if rec.body_type == kind and rec.parent is None and shared >= need \
                    and _place_heads(rec.name.text[:-shared], text[:-shared]):
                return rec
        return None

    def _rename(self, rec: Record, name: Mention) -> None:
        """Keep the fuller of two names: the one that names its area, else the longer."""
        if _fullness(name.text) > _fullness(rec.name.text):
            old, rec.name = rec.name, name
            rec.aliases = [a for a in rec.aliases if a.text != name.text]
            self.alias(rec, old)
        else:
            self.alias(rec, name)


def _variant(a: str, b: str) -> bool:
    """One name is the other with a few characters left out.

    >>> _variant("公共安全与道路秩序维护响应组", "公共安全与道路交通秩序维护响应组"), _variant("综合协调组", "综合保障组")
    (True, False)
    """
    short, long = sorted((a, b), key=len)
    if not 0 < len(long) - len(short) <= 4 or short[0] != long[0] or short[-2:] != long[-2:]:
        return False
    it = iter(long)
    return all(c in it for c in short)


def _other_place(rec: Record, text: str) -> bool:
    """A long name found by its core in a body of another place: 北京市突发公共事件应急委员会
    is not 首都突发公共事件应急委员会 (a short core, 市指挥部, may stand for any 指挥部)."""
    text = spelling(text)
    core = body_core(text)
    suffix = next((s for s, _ in lexicon.body_suffixes() if core.endswith(s)), "")
    names = [spelling(n) for n in (rec.name.text, *(a.text for a in rec.aliases))]
    if text in names or len(core) < len(suffix) + SAME_TAIL_EXTRA:
        return False
    return not any(n.endswith(core) and _place_heads(n[: -len(core)]) for n in names)


def _place_heads(*heads: str) -> bool:
    """What two names put before their shared tail names at most places, so they may name
    one body (市 / 鄂尔多斯市 / 全旗), not two (首都 / 北京市).

    >>> _place_heads("市", "鄂尔多斯市"), _place_heads("首都", "北京市")
    (True, False)
    """
    return all(not h or re.sub(r"^全", "", h) in level_words() or lexicon.jurisdiction_pattern().fullmatch(h)
               for h in heads)


def _shared_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _fullness(name: str) -> tuple[int, int]:
    return int(bool(lexicon.jurisdiction_pattern().match(name))), len(name)
