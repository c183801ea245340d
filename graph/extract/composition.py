"""Command structures: the bodies a document sets up (``bodies``), who leads them
(``leaders``) and which units serve on them (``members``).

The document is read line by line, keeping the body being described: a heading or an
attachment title that names a body opens it, as does the paragraph that sets a body up
and announces its list (其组成如下：); a heading of its level or above that names no body
closes it.  Inside, a labelled line starts a list (总指挥：…, 成员单位：…) and the unlabelled
lines after it continue that list.  Roles named in sentences (办公室主任由…兼任) are read
anywhere; where a list names the holder of a role, a sentence naming only its post is not
repeated.
"""
from __future__ import annotations

import re

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Span
from ..facts import Fact, Leader, Membership
from ..names import SPACE
from .bodies import OFFICE, Record, Registry
from .declarations import body_facts, declare_bodies, doc_lines
from .leaders import PERSON, Entry, entries, is_post, mention, names_only, printed, prose_roles
from .members import Member, members, unit_of_post


def extract(clean: CleanText, doc: Document) -> list[Fact]:
    """Bodies and their offices, leaders and members, in one document."""
    reg = declare_bodies(clean, doc)
    walk = _Walk(reg)
    for a, b, _ in doc_lines(clean, doc):
        walk.line(a, b)
    return [*body_facts(reg), *walk.leader_facts(), *walk.memberships]


class _Walk:
    """The reader's state going down a document: the body described, the list open."""

    def __init__(self, reg: Registry):
        self.reg, self.clean, self.doc = reg, reg.clean, reg.doc
        self.heads = {s.start: s for s in reg.doc.sections}
        self.context: Record | None = None
        self.level = 0                    # the level of the heading that opened it
        self.attachment = False           # the line before was 附件N
        self.active: tuple[str, Record | None, str] | None = None   # (leader|member, body, role)
        self.leads: list[tuple[Record, str, Entry, Span, str]] = []
        self.memberships: list[Membership] = []

    def line(self, a: int, b: int) -> None:
        sec = self.heads.get(a)
        if a in self.reg.anchors:
            self.context, self.active = self.reg.anchors[a], None
            here = sec or (None if self.attachment else self.doc.section_at(a))
            self.level = here.level if here else 0     # 0: an attachment, open to its end
        elif sec is not None:
            if self.context is not None and self.level and sec.level <= self.level:
                self.context = None
            self.active = None
        self.attachment = bool(P.ATTACHMENT_LINE.match(self.clean.text[a:b]))
        if self.attachment:
            self.context = None
        label = P.LABEL_LINE.match(self.clean.text, a, b)
        if not (label and self._labelled(a, b, label)) and not self._continued(a, b):
            self.active = None
        self._sentences(a, b)

    # -- lists ------------------------------------------------------------------------

    def _labelled(self, a: int, b: int, m: re.Match) -> bool:
        """总指挥：耿浩 市政府市长 / 成员单位：… / 市指挥部成员单位：… / 人武部部长：杨利"""
        label = SPACE.sub("", m.group("label"))
        rest = (m.start("rest"), b)
        if lexicon.body_roles().get(label) == "leader":
            role = printed(self.clean, m, "label")
            self.active = ("leader", self.context, role)
            for found in entries(self.clean, *rest) or names_only(self.clean, *rest):
                self._lead(self.context, role, found, a, b, "composition.list")
            return True
        body = self._member_label(label)
        if body is not None:
            self.active = ("member", body, "")
            found = members(self.clean, *rest) or [(None, e) for e in names_only(self.clean, *rest)]
            self._members(body, found, a, b, "composition.list")
            return True
        rest_text = SPACE.sub("", self.clean.text[rest[0]:b])
        if self.active and self.active[0] == "leader" and is_post(label) and PERSON.match(rest_text):
            post_at = (m.start("label"), m.end("label"))
            found = Entry(mention(self.clean, *rest), mention(self.clean, *post_at), (), post_at)
            self._lead(self.active[1], self.active[2], found, a, b, "composition.list")
            return True
        return False

    def _member_label(self, label: str) -> Record | None:
        """The body a member label speaks of: 成员 (the one described), 市指挥部成员单位."""
        words = sorted((w for w, k in lexicon.body_roles().items() if k == "member"), key=len, reverse=True)
        for word in words:
            if label.endswith(word):
                prefix = label[: -len(word)]
                return self.reg.find(prefix) if prefix else self.context
        return None

    def _continued(self, a: int, b: int) -> bool:
        """An unlabelled line that goes on with the open list: 贾玉宝 市人民政府秘书长."""
        if self.active is None:
            return False
        kind, body, role = self.active
        people = entries(self.clean, a, b) or names_only(self.clean, a, b)
        for found in people:
            if kind == "leader":
                self._lead(body, role, found, a, b, "composition.list")
            else:
                unit = unit_of_post(self.clean, found.post_at)
                self._members(body, [(unit, found)], a, b, "composition.list")
        return bool(people)

    # -- sentences --------------------------------------------------------------------

    def _sentences(self, a: int, b: int) -> None:
        """办公室主任由X兼任 / X担任市指挥部总指挥 / BODY副总指挥(X); 成员包括… / 由…组成"""
        recent: Record | None = None
        for pos, head, role, people in prose_roles(self.clean, a, b):
            body = self._head_body(head, a, pos, recent)
            if body is None:
                continue
            recent = body
            for found in people:
                self._lead(body, role, found, a, b, "composition.sentence", at=pos)
        text = self.clean.text
        for m in P.MEMBERS_PROSE.finditer(text, a, b):
            if m.group("list"):         # 市指挥部成员为：… names its body before 成员
                body = recent or self._subject(a, m.start()) or self._before(a, m.start()) or self.context
                s, e = m.span("list")
            elif m.group("named"):
                body, (s, e) = self._head_body(m.group("of"), a, m.start(), recent), m.span("named")
            else:
                body, (s, e) = self._subject(a, m.start()), m.span("composed")
            self._members(body, members(self.clean, s, e), a, b, "composition.sentence", at=m.start())
        for m in P.LED_JOINED.finditer(text, a, b):     # only where the sentence names the body
            body = self._before(max(a, *(text.rfind(c, a, m.start()) for c in "。；;")), m.start())
            for s, e in (m.span("led"), m.span("joined")):
                self._members(body, members(self.clean, s, e), a, b, "composition.led_joined", at=m.start())

    def _head_body(self, head: str, a: int, pos: int, recent: Record | None) -> Record | None:
        """The body a sentence's head names (并向盟防灾减灾救灾委员会 → the committee), the
        office of the body spoken of (办公室), or, with no head, the body spoken of."""
        head = SPACE.sub("", head)
        for i in range(len(head)):
            if head[i:] == OFFICE:
                base = recent or self._before(a, pos) or self.context
                return base if base is None or base.body_type == "office" else base.office
            found = self.reg.find(head[i:])
            if found is not None:
                return found
        return None if head else recent or self._before(a, pos) or self.context

    def _before(self, a: int, pos: int) -> Record | None:
        """The body the paragraph set up or named last before ``pos``."""
        hits = [rec for at, rec in self.reg.spoken if a <= at < pos]
        return hits[-1] if hits else None

    def _subject(self, a: int, pos: int) -> Record | None:
        """The body a clause ending at ``pos`` begins with: 现场应急指挥部由…组成."""
        text = self.clean.text
        start = max(text.rfind(c, a, pos) for c in "，,。；;：:") + 1 or a
        return self.reg.find(text[max(start, a):pos].strip())

    # -- facts ------------------------------------------------------------------------

    def _span(self, a: int, b: int, at: int | None) -> Span:
        """The line, or the sentence around ``at`` in it."""
        if at is None:
            return self.clean.span(a, b)
        text = self.clean.text
        start = max(text.rfind(c, a, at) for c in "。；;") + 1
        ends = [e for e in (text.find(c, at, b) for c in "。；;") if e >= 0]
        return self.clean.span(max(start, a), min(ends) + 1 if ends else b)

    def _lead(self, body: Record | None, role: str, found: Entry, a: int, b: int, rule: str,
              at: int | None = None) -> None:
        if body is None or not body.constituted or (found.person is None and found.post is None):
            return
        for r in (role, *found.also):
            self.leads.append((body, r, found, self._span(a, b, at), rule))

    def _members(self, body: Record | None, items: list[Member], a: int, b: int, rule: str,
                 at: int | None = None) -> None:
        if body is None or not body.constituted:
            return
        for unit, found in items:
            person = found.person if found else None
            if unit is None and person is None:
                continue
            self.memberships.append(Membership(self.doc.key, self._span(a, b, at), rule, body.name,
                                               unit, person, found.post if found else None))

    def leader_facts(self) -> list[Leader]:
        """One Leader per (body, role, person, post); a post-only role from a sentence is
        dropped where a list names the role's holders."""
        named = {(id(body), role) for body, role, found, _, _ in self.leads if found.person}
        seen, out = set(), []
        for body, role, found, span, rule in self.leads:
            if found.person is None and rule == "composition.sentence" and (id(body), role) in named:
                continue
            key = (id(body), role, found.person.text if found.person else "",
                   found.post.text if found.post else "")
            if key not in seen:
                seen.add(key)
                out.append(Leader(self.doc.key, span, rule, body.name, role, found.person, found.post))
        return out

