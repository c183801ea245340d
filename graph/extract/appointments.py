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

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Mention
from ..facts import Appointment
from ..names import levelled
from ..resolve import post_titles
from .items import document_lines

CLAUSE = re.compile(r"[^；;。]+")
SUB_CLAUSE = re.compile(r"[，,](?=免去|任)")
NOTE_START = re.compile(r"[（(](?:试用期|挂职|任期)")
POST_START = r"(?:{LEVEL}|国家|中共|共青团)(?=[\u4e00-\u9fff])"
NOT_A_NAME = re.compile(r"的|等|职务|根据|决定|以上|^经|[为命〔\[（(\d]")


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
    m = P.APPOINT.match(text) or P.APPOINT_AS.match(text)
    if m and not NOT_A_NAME.search(m.group("person")):
        person = _mention(clean, start, m.start("person"), m.end("person"))
        action = "secondment" if m.groupdict().get("secondment") else "confirm" if confirm else "appoint"
        return [_appointment(clean, doc, text, start, person, action, post, at, date)
                for post, at in _posts(m.group("posts"), m.start("posts"))]
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
    """The role word a post ends in (局长, 副主任 …), None if it names none."""
    return next((r for r in post_titles() if post.endswith(r) and len(post) > len(r)), None)


def _appointment(clean: CleanText, doc: Document, text: str, start: int, person: Mention,
                 action: str, post: str, at: int, date: str | None) -> Appointment:
    post_mention = _mention(clean, start, at, at + len(post))
    role = _role(post)
    unit = _mention(clean, start, at, at + len(post) - len(role)) if role else None
    span = clean.span(start, start + len(text.rstrip()))
    return Appointment(doc.key, span, f"appointments.{action}", person, action, post_mention, unit, date)


def _mention(clean: CleanText, start: int, a: int, b: int) -> Mention:
    return clean.mention(start + a, start + b)
