"""Personnel decisions (人事任免): who is appointed to, removed from or confirmed in which post.

A decision is a clause of a personnel notice: 乔建江任市乡村振兴局局长； 免去李建国同志市水务局
副局长职务； 李凌芬同志任A，免去其B职务； 钟财富挂职任…(挂职时间为一年…).  Each clause gives
one event per person per post (奇凤任A、B gives two).  任 in a notice of 试用期满任职 confirms a
post held on probation.  Where no 同志 separates a removed person from the post
(免去金山市人民政府副秘书长职务), the post is the one the notice names elsewhere, or begins
where a unit's name begins (市…, 旗…, a place name).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from .. import patterns as P
from ..segment import iso_date
from ..document import CleanText, Document, Mention
from ..facts import Appointment
from ..names import government_heads, levelled
from ..resolve import post_titles
from .items import document_lines

CLAUSE = re.compile(r"[^；;。]+")
SUB_CLAUSE = re.compile(r"[，,](?=免去|免除|任)")
NOTE_START = re.compile(r"[（(](?:试用期|挂职|任期)")
POST_START = r"(?:{LEVEL}|国家|中共|共青团)(?=[\u4e00-\u9fff])"
NOT_A_NAME = re.compile(r"的|等|职务|根据|决定|以上|^经|[为命〔\[（(\d]")
SECONDED = re.compile(r"[（(]挂职[）)]")


def extract(clean: CleanText, doc: Document) -> list[Appointment]:
    if doc.kind != "personnel":
        return []
    lines = document_lines(clean, doc)
    clauses = [c for s, _, t in lines for c in _clauses(t, s)]
    confirm = _confirms(doc, lines)
    known = [post for text, _, _ in clauses if (m := P.APPOINT.match(text) or P.APPOINT_AS.match(text))
             for post, _ in _posts(m.group("posts"), 0)]
    out, last_person = [], None
    for text, start, follows in clauses:
        for appointment in _decisions(clean, doc, text, start, confirm, known,
                                      last_person if follows else None):
            out.append(appointment)
            last_person = appointment.person
    return _distinct(out + _listed(clean, doc, lines, confirm))


def _listed(clean: CleanText, doc: Document, lines, confirm: bool) -> list[Appointment]:
    """The lines under a 人大常委会 list's heading (任命名单 / 免职名单): 张三为县教育局局长,
    李四的县教育局局长职务, until a line in another form."""
    out, action, date = [], None, doc.date.name if doc.date else None
    for start, _, text in lines:
        head = P.LIST_HEADING.search(text) if len(text.strip()) <= 30 else None
        entry = P.LIST_ENTRY.match(text.strip())
        if head:
            action = "remove" if head.group("kind").startswith("免") else "confirm" if confirm else "appoint"
        elif not (action and entry) or NOT_A_NAME.search(entry.group("person")):
            action = None
        else:
            at = len(text) - len(text.lstrip())
            person = _mention(clean, start, at + entry.start("person"), at + entry.end("person"))
            out += [_appointment(clean, doc, text, start, person, action, post, at + entry.start("posts") + off, date)
                    for post, off in _posts(entry.group("posts"), 0)]
    return out


def _distinct(found: list[Appointment]) -> list[Appointment]:
    """One event per person, action and post: a news report that tells a decision twice
    (武汉市副市长 in its lead, 武汉市人民政府副市长 in its body) gives it once."""
    seen, out = set(), []
    for a in found:
        key = (a.person.name, a.action, a.post.name.replace("人民政府", "").replace("政府", ""))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _confirms(doc: Document, lines) -> bool:
    """A notice of 试用期满任职: said in its title or in the line that opens its decisions
    (原超俊等同志任职试用期已满，经市政府研究决定：), or every decision says from when the
    post is held (任职时间从2023年1月起算)."""
    title = doc.title.name if doc.title else ""
    return bool(P.CONFIRMATION.search(title)) or any(
        P.CONFIRMATION.search(t) and ("决定" in t or t.rstrip().endswith(("：", ":"))) for _, _, t in lines) \
        or any("任职时间从" in t for _, _, t in lines)


def _clauses(line: str, start: int) -> list[tuple[str, int, bool]]:
    """The decisions of a line: split at ；。 and before a second verb (，免去其…); the flag
    says the clause goes on from the one before it (its person is the same)."""
    out = []
    for m in CLAUSE.finditer(line):
        pos = m.start()
        for cut in [c.start() for c in SUB_CLAUSE.finditer(m.group())] + [len(m.group())]:
            piece = line[pos:m.start() + cut]
            if piece.strip():
                out.append((piece, start + pos, pos > m.start()))
            pos = m.start() + cut + 1
    return out


def _decisions(clean: CleanText, doc: Document, text: str, start: int, confirm: bool,
               known: list[str], last_person: Mention | None) -> list[Appointment]:
    """The events of one clause; ``last_person`` is the person of the clause it goes on from."""
    date = doc.date.name if doc.date else None
    m = P.APPOINT.match(text)
    if m and not NOT_A_NAME.search(m.group("person")):
        person = _mention(clean, start, m.start("person"), m.end("person"))
        action = "secondment" if m.groupdict().get("secondment") else "confirm" if confirm else "appoint"
        if _seconded(m.group("posts")):
            action = "secondment"
        return [_appointment(clean, doc, text, start, person, action, post, at, date)
                for post, at in _posts(m.group("posts"), m.start("posts"))]
    named = _named(clean, doc, text, start, confirm, date)
    if named:
        return named
    return _removals(clean, doc, text, start, known, last_person, date)


def _removals(clean: CleanText, doc: Document, text: str, start: int, known: list[str],
              last_person: Mention | None, date: str | None) -> list[Appointment]:
    """免去/免除 decisions: 免去X同志Y职务, 免去其Y职务, 免除X同志Y一职."""
    m = P.REMOVE.match(text)
    if not m:
        return []
    who, posts, at = m.group("who"), m.group("posts"), m.start("posts")
    if who == "其" or (not who and last_person):
        person = last_person             # 任A，免去(其)B职务: the same person
    elif who:
        person = _mention(clean, start, m.start("who"), m.end("who") - 2)
    else:
        cut = split_person(posts, known)
        person = _mention(clean, start, at, at + cut)
        posts, at = posts[cut:], at + cut
    if person is None:
        return []
    return [_appointment(clean, doc, text, start, person, "remove", post, offset, date)
            for post, offset in _posts(posts, at)]


def _named(clean: CleanText, doc: Document, text: str, start: int, confirm: bool,
           date: str | None) -> list[Appointment]:
    """任命X为Y said anywhere in a clause (会议决定任命A、B为Y，C为Z), X被任命为Y, and
    决定X副区长代理Y区长职务; (挂职) after a post makes it a secondment."""
    out, pos = [], 0
    m = P.APPOINT_NAMED.search(text)
    while m:
        action = "secondment" if _seconded(m.group("posts")) else "confirm" if confirm else "appoint"
        for a, b in _persons(m.group("persons"), m.start("persons")):
            person = _mention(clean, start, a, b)
            out += [_appointment(clean, doc, text, start, person, action, post, at, date)
                    for post, at in _posts(m.group("posts"), m.start("posts"))]
        pos = m.end()
        m = P.APPOINT_MORE.match(text, pos)
    return out or _passive(clean, doc, text, start, date) or _acting(clean, doc, text, start, date)


def _passive(clean: CleanText, doc: Document, text: str, start: int, date: str | None) -> list[Appointment]:
    """X被任命为Y: the person is the name after the last role word before 被 (司长江伟 → 江伟)."""
    m = P.APPOINT_PASSIVE.search(text)
    if not m:
        return []
    before, a = m.group("before"), m.start("before")
    role = max((before.rfind(r) + len(r) for r in _roles() if r in before[:-1]), default=0)
    if not 2 <= len(before) - role <= 4 or (role == 0 and len(before) > 3):
        return []
    person = _mention(clean, start, a + role, m.end("before"))
    action = "secondment" if _seconded(m.group("posts")) else "appoint"
    return [_appointment(clean, doc, text, start, person, action, post, at, date)
            for post, at in _posts(m.group("posts"), m.start("posts"))]


def _acting(clean: CleanText, doc: Document, text: str, start: int, date: str | None) -> list[Appointment]:
    """决定X副区长代理Y区长职务: X (the name before the post X holds) made acting head."""
    m = P.ACTING.search(text)
    if not m:
        return []
    rest, a = m.group("rest"), m.start("rest")
    held = next((r for r in _roles() if rest.endswith(r) and 2 <= len(rest) - len(r) <= 4), "")
    name = rest[:len(rest) - len(held)].removesuffix("同志")
    if NOT_A_NAME.search(name) or not 2 <= len(name) <= 4:
        return []
    person = _mention(clean, start, a, a + len(name))
    at = m.start("posts") - 2                       # the post as printed: 代理Y区长
    return [_appointment(clean, doc, text, start, person, "appoint", "代理" + m.group("posts"), at, date)]


def _persons(text: str, at: int) -> list[tuple[int, int]]:
    """The spans of the names in A、B同志、C; none if one of them is no name."""
    out, pos = [], at
    for piece in text.split("、"):
        name = piece.removesuffix("同志")
        if NOT_A_NAME.search(name) or not 2 <= len(name) <= 8:
            return []
        out.append((pos, pos + len(name)))
        pos += len(piece) + 1
    return out


def _seconded(posts: str) -> bool:
    """A post followed by （挂职）: a secondment."""
    return bool(SECONDED.search(posts))


def _posts(text: str, at: int) -> list[tuple[str, int]]:
    """The posts of a decision, each with its offset: a note after a post cut off
    ((试用期一年), (正处级)), 、 between two posts.

    >>> _posts("市水利局副局长、市河湖长制办公室副主任", 0)
    [('市水利局副局长', 0), ('市河湖长制办公室副主任', 8)]
    >>> _posts("市公共资源交易中心（市政府采购中心）主任（试用期一年）", 0)
    [('市公共资源交易中心（市政府采购中心）主任', 0)]
    """
    note = NOTE_START.search(text)
    text = text[:note.start()] if note else text
    for m in re.finditer(r"[（(]", text):
        if _role(text[:m.start()]):
            text = text[:m.start()]        # a bracket after the role word is a note
            break
    pieces, pos = [], 0
    for piece in text.split("、"):
        pieces.append((piece, pos))
        pos += len(piece) + 1
    if len(pieces) > 1 and not all(_role(p.strip()) for p, _ in pieces):
        pieces = [(text, 0)]
    return [(p.strip(), at + off + len(p) - len(p.lstrip())) for p, off in pieces
            if _role(p.strip()) and not re.search(r"[〔\[\d]", p)]


def split_person(text: str, known: list[str]) -> int:
    """Where the removed person's name ends in 免去<name><post>职务.

    >>> split_person("金山市人民政府副秘书长", []), split_person("苏云高娃市科学技术局副局长", [])
    (2, 4)
    >>> split_person("刘根外恩格贝生态示范区管理委员会副主任", ["恩格贝生态示范区管理委员会副主任"])
    3
    """
    for post in sorted(known, key=len, reverse=True):
        if text.endswith(post) and 2 <= len(text) - len(post) <= 7:
            return len(text) - len(post)
    places = lexicon.jurisdiction_pattern()
    for i in range(2, min(8, len(text) - 2)):
        if levelled(POST_START).match(text, i) or places.match(text, i):
            return i
    return 3 if len(text) > 5 else 2


def _role(post: str) -> str | None:
    """The role word a post ends in (局长, 副主任, 代理省长 …), None if it names none."""
    return next((r for r in _roles() if post.endswith(r) and len(post) > len(r)), None)


@cache
def _roles() -> tuple[str, ...]:
    """Role words of posts and the heads of governments (副省长, 县长 …), longest first."""
    return tuple(sorted(set(post_titles()) | government_heads(), key=len, reverse=True))


def _appointment(clean: CleanText, doc: Document, text: str, start: int, person: Mention,
                 action: str, post: str, at: int, date: str | None) -> Appointment:
    post_mention = _mention(clean, start, at, at + len(post))
    role = _role(post)
    unit = _mention(clean, start, at, at + len(post) - len(role)) if role else None
    span = clean.span(start, start + len(text.rstrip()))
    date, source = decision_date(clean, doc, start, date)
    return Appointment(doc.key, span, f"appointments.{action}", person, action, post_mention, unit,
                       date, source)


DECISION_REACH = 200
"""Characters before a decision where the meeting or decision that made it may be dated."""


def decision_date(clean: CleanText, doc: Document, start: int, signed: str | None) -> tuple[str | None, str | None]:
    """When a decision was made, and how that is known: a full date in the text just before it
    (the meeting's: 2016年5月24日，县人大常委会…会议决定), else the document's signing date,
    else the page's publication date (marked ``published``).

    >>> from graph.ingest import parse_bytes
    >>> from graph.clean import clean
    >>> from graph.segment import split_documents
    >>> c = clean(parse_bytes("2016年5月24日，县人大常委会召开会议，任命陈建平为竹山县人民政府副县长。\\n".encode(), "t.txt"))
    >>> decision_date(c, split_documents(c)[0], c.text.index("任命"), None)
    ('2016-05-24', 'decision')
    """
    window = clean.text[max(doc.start, start - DECISION_REACH):start]
    found = list(P.DATE.finditer(window))
    if found and not P.DOC_NUMBER.search(window, found[-1].end()):
        return iso_date(found[-1]), "decision"
    if signed:
        return signed, "signed"
    if doc.published:
        return doc.published.name, "published"
    return None, None


def _mention(clean: CleanText, start: int, a: int, b: int) -> Mention:
    return clean.mention(start + a, start + b)
