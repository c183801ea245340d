"""Where a document declares its coordinating bodies.

A body is *declared* by an act (成立 / 设立 / 组建 / 建立 X, 以下简称 Y), by a heading or an
attachment title that names it, by a list of the groups a body sets up (下设 A、B), or by
its office (X办公室设在 Z).  A body set up only on a condition, by someone else or as a
unit's task (必要时设立, 部门应建立, 国家…设立, …(盟卫健委)) is mentioned, not
constituted.
"""
from __future__ import annotations

import re

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Document, Mention, Section, Span
from ..facts import Body, Fact, Office
from ..resolve import OFFICE, body_core, split_level
from ..names import SPACE
from .bodies import Record, Registry, body_type, is_generic, name_pattern
from .units import unit_mentions

FIELD_HQ = "现场"
"""A 现场指挥部 is the field arm of the document's own headquarters."""
Line = tuple[int, int, str]

# ---------------------------------------------------------------------------------------
# Finding the declarations

def declare_bodies(clean: CleanText, doc: Document) -> Registry:
    """Every body the document declares, with its names, parent and office hosts."""
    reg = Registry(clean, doc)
    heads = {s.start: s for s in doc.sections}
    lines = doc_lines(clean, doc)
    attachment: Record | None = None
    for i, (a, b, text) in enumerate(lines):
        if a in heads:
            _heading(reg, heads[a], attachment)
        elif P.PLAIN_COMPOSITION.match(SPACE.sub("", P.LIST_NUMBER.sub("", text.strip()))):
            _plain_composition(reg, a)          # 二、组成人员 that the segmenter did not take
        elif i and P.ATTACHMENT_LINE.match(lines[i - 1][2]):
            attachment = _attachment_title(reg, lines, i)
        _acts(reg, a, b)
        _subgroups(reg, a, b)
        _parents(reg, a, b)
        _offices(reg, a, b)
    _field_headquarters(reg)
    return reg


def doc_lines(clean: CleanText, doc: Document) -> list[Line]:
    """The document's cleaned lines as ``(start, end, text)``."""
    out, pos = [], doc.start
    for part in clean.text[doc.start:doc.end].split("\n"):
        if part.strip():
            out.append((pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def _leading_name(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """``(start, end, end of match)`` of a body's name at ``text[start:]``: not a list of
    bodies (A组、B组), and without what describes it (由…组成的现场专家组 → 现场专家组)."""
    m = name_pattern().match(text, start)
    if not m or m.end("name") > end:
        return None
    s, e = m.span("name")
    cut = text.rfind("的", s, e)
    s = cut + 1 if cut >= 0 else s
    parts = text[s:e].split("、")
    if any(body_type(p) or p.endswith("组") for p in parts[:-1]) or e - s < 2:
        return None
    return s, e, m.end()


def _heading(reg: Registry, sec: Section, attachment: Record | None) -> None:
    """A heading that names a body: 1 额尔古纳市减灾指挥部 / 2.2 …办公室及职责 / (一)综合协调组."""
    text = reg.clean.text
    if P.PLAIN_COMPOSITION.match(SPACE.sub("", sec.title)):
        _plain_composition(reg, sec.start)
        return
    title = P.TITLE_TAIL.sub("", sec.title)
    at = text.find(sec.title, sec.start)
    if not title or at < 0 or P.ESTABLISH.match(title) or not _is_name(title):
        return
    mention = reg.mention(at, at + len(title))
    context = _enclosing(reg, sec) or attachment
    if title.endswith(OFFICE):
        body = reg.find(title[: -len(OFFICE)]) or context
        if body is not None and len(title) > len(OFFICE):
            office = reg.office_of(body, mention, sec.span, sec.start)
            office.heading = office.heading or sec
            reg.anchors[sec.start] = office
        return
    known = reg.find(title) if title.endswith("组") else None
    kind = body_type(title) or ("working_group" if title.endswith("组") and (context or known) else None)
    if kind is None:
        return
    context = context or (known.parent if known else None)
    group = kind in ("working_group", "expert_group") or is_generic(title)
    named = split_level(re.sub(r"^全", "", title))[0] or lexicon.jurisdiction_pattern().match(title) \
        or title.startswith(FIELD_HQ) or is_generic(title) or (group and context is not None)
    if not named and reg.find(title) is None:
        return                  # a heading that ends in a body's name: （一）统一听从市指挥部
    rec = reg.declare(mention, kind, sec.span, sec.start,
                      strong=bool(lexicon.jurisdiction_pattern().match(title)),
                      parent=context if group else None, section=sec.title)
    if rec.parent is None and context is not None and context is not rec and rec.heading is None \
            and group:
        rec.parent = context
    rec.heading = rec.heading or sec
    reg.anchors[sec.start] = rec


def _plain_composition(reg: Registry, start: int) -> None:
    """二、组成人员 under a notice that 决定成立X: the heading at ``start`` opens X's list
    (the body the document set up last before it, by an act)."""
    before = [rec for at, rec in reg.spoken if at < start and rec.body_type != "office"
              and any(rec.acts)]
    if before:
        reg.anchors[start] = before[-1]


def _is_name(title: str) -> bool:
    """The heading is a body's name and nothing more, not a sentence that ends in one."""
    found = _leading_name(title, 0, len(title))
    return (found is not None and found[:2] == (0, len(title))) or title.endswith(("组", OFFICE)) \
        and not re.search(r"[，,。；;：:]", title)


def _enclosing(reg: Registry, sec: Section) -> Record | None:
    """The body whose heading encloses ``sec``."""
    for rec in reversed(reg.records):
        h = rec.heading
        if h is not None and h.start < sec.start < h.end and h.level < sec.level:
            return rec
    return None


def _attachment_title(reg: Registry, lines: list[Line], i: int) -> Record | None:
    """The title under 附件1 names a body: …联席会议 / …指挥部组成及工作职责, or, over two
    lines, 鄂尔多斯市第四次全国文物普查 / 领导小组组成人员名单."""
    a, b, line = lines[i]
    stem = P.TITLE_TAIL.sub("", line.rstrip())
    found = _leading_name(reg.clean.text, a, b)
    if stem != line.rstrip() and _is_name(SPACE.sub("", stem)):
        end = a + len(stem)         # 市抗旱专家组成员名单
    elif found:
        end = found[1]              # …指挥部为深入贯彻… (the title run into the text)
    elif i + 1 < len(lines) and is_generic(P.TITLE_TAIL.sub("", lines[i + 1][2].strip())):
        end = lines[i + 1][0] + len(P.TITLE_TAIL.sub("", lines[i + 1][2].rstrip()))
    else:
        return None
    mention = reg.mention(a, end)
    kind = body_type(mention.text)
    if kind is None:
        return None
    reg.anchors[a] = reg.declare(mention, kind, reg.clean.span(a, end), a, strong=True,
                                 section=mention.text)
    return reg.anchors[a]


def _acts(reg: Registry, a: int, b: int) -> None:
    """成立 / 设立 / 组建 / 建立 X (以下简称 Y): an act, or a contingency (必要时设立)."""
    text = reg.clean.text
    for verb in P.ESTABLISH.finditer(text, a, b):
        found = _leading_name(text, verb.end() + (text[verb.end():verb.end() + 1] in "“\""), b)
        if not found:
            _group_list(reg, a, b, verb.start(), verb.end())
            continue
        clause = text[_clause_start(text, a, verb.start()):verb.start()]
        before = text[_sentence_start(text, a, verb.start()):verb.start()]
        name = reg.mention(found[0], found[1])
        foreign = P.OTHER_LEVEL.match(clause.lstrip()) or name.text.startswith(("本单位", "旗区级"))
        task = P.TASK_TAIL.search(text, a, b)      # a task for the units in brackets
        act = not (P.MODAL.search(clause) or P.CONDITION.search(before) or foreign or task)
        rec = reg.declare(name, body_type(name.text), _sentence(reg, a, b, verb.start()), verb.start(),
                          act=act)
        alias = P.BODY_ALIAS.match(text, found[2], b)
        if alias:
            reg.alias(rec, reg.mention(alias.start("alias"), alias.end("alias")))
        owner = reg.find(re.sub(r"^由|组织$", "", clause.strip()))
        if owner is not None and owner is not rec and rec.parent is None:
            rec.parent = owner
        if P.COMPOSED_AS_FOLLOWS.search(text, found[2], b) or (act and _list_follows(text, b)):
            reg.anchors.setdefault(a, rec)


def _group_list(reg: Registry, a: int, b: int, at: int, start: int) -> None:
    """X临时成立A组、B组、…十二个组: the groups of X, the body the sentence begins with."""
    text = reg.clean.text
    m = P.GROUP_LIST.match(text, start, b)
    if m is None:
        return
    owner = _sentence_owner(reg, _sentence_start(text, a, at), at)
    if owner is None or P.CONDITION.search(text, _sentence_start(text, a, at), at):
        return
    for item in unit_mentions(reg.clean, *m.span("list")):
        if item.text.endswith("组") and item.text != OFFICE and len(item.text) > 2:
            rec = reg.declare(item, body_type(item.text) or "working_group",
                              _sentence(reg, a, b, at), at, act=True, parent=owner)
            rec.parent = rec.parent or owner


def _sentence_owner(reg: Registry, s: int, e: int) -> Record | None:
    """The body a sentence begins with: 区防指为应对…, 市指挥部根据…."""
    text = reg.clean.text
    for end in range(min(e, s + 40), s + 1, -1):
        rec = reg.find(text[s:end].strip())
        if rec is not None:
            return rec
    return None


def _list_follows(text: str, end: int) -> bool:
    """The next line starts the body's list: 成立X（以下简称…）。 / 成员单位：…"""
    start = text.find("\n", end) + 1 if text[end:end + 1] != "\n" else end + 1
    label = P.LABEL_LINE.match(text, start, text.find("\n", start) if "\n" in text[start:] else len(text))
    word = SPACE.sub("", label.group("label")) if label else ""
    return lexicon.body_roles().get(word) in ("leader", "member")


def _subgroups(reg: Registry, a: int, b: int) -> None:
    """X下设A、B、C / X选择设置A、B / X下设A、B、C3个保障推进组: the groups of X."""
    text = reg.clean.text
    if not P.SUBGROUP_VERB.search(text, a, b):
        return
    for m in P.SUBGROUPS.finditer(text, a, b):
        owner = reg.find(m.group("owner").strip())
        if owner is None:
            continue
        counted = P.COUNTED_GROUPS.match(m.group("list"))
        tail = counted.group("tail") if counted else ""
        for item in unit_mentions(reg.clean, m.start("list"), m.start("list") + len(
                counted.group("items")) if counted else m.end("list")):
            name = _with_tail(reg, item, tail, m.start("list"), m.end("list")) if tail else item
            if name.text.endswith("组") and name.text != OFFICE:
                rec = reg.declare(name, body_type(name.text) or "working_group",
                                  _sentence(reg, a, b, m.start()), m.start(), act=True, parent=owner)
                rec.parent = rec.parent or owner


def _with_tail(reg: Registry, item: Mention, tail: str, start: int, end: int) -> Mention:
    """供暖和供气 + 保障推进组, its span running to the shared tail (供暖和供气、…3个保障推进组),
    so that the quote holds every character of the name."""
    at = reg.clean.text.find(item.text, start, end)
    return Mention(item.text + tail, reg.clean.span(at, end) if at >= 0 else item.span)


def _parents(reg: Registry, a: int, b: int) -> None:
    """X是Y的日常工作机构 / 咨询机构: X belongs to Y."""
    text = reg.clean.text
    for m in P.PARENT_OF.finditer(text, a, b):
        parent = reg.find(m.group("parent"))
        child = reg.find(text[_clause_start(text, a, m.start()):m.start()].strip())
        if parent is not None and child is not None and child is not parent and child.parent is None:
            child.parent = parent


def _offices(reg: Registry, a: int, b: int) -> None:
    """办公室设在 X: X hosts the body's office, recorded on the body (its ``office_host``);
    the office is the body's by ``parent``, not a second host of its own."""
    text = reg.clean.text
    for m in P.OFFICE_HOST.finditer(text, a, b):
        found = _office_subject(reg, a, m.start())
        if found is None:
            continue
        body, (s, e) = found
        evidence = _sentence(reg, a, b, m.start())
        office = reg.office_of(body, reg.mention(s, e), evidence, m.start())
        reg.spoken.append((s, office))
        alias = P.BODY_ALIAS.match(text, e, m.start())
        if alias:
            reg.alias(office, reg.mention(alias.start("alias"), alias.end("alias")))
        for host in unit_mentions(reg.clean, m.start("host"), m.end("host")):
            if all(host.text != h.text for h, _ in body.hosts):
                body.hosts.append((host, evidence))


def _office_subject(reg: Registry, a: int, at: int) -> tuple[Record, tuple[int, int]] | None:
    """Whose office a 设在 speaks of, and where its office is named: the nearest 办公室
    before it in the paragraph that follows a body's name (X办公室, X下设办公室)."""
    text = reg.clean.text
    for hit in reversed(list(re.finditer(OFFICE, text[a:at]))):
        end = a + hit.end()
        start = _clause_start(text, a, end - len(OFFICE))
        m = P.OFFICE_OF.fullmatch(text, start, end)
        stem = P.LIST_NUMBER.sub("", m.group("body").strip()) if m else ""
        if not stem:
            continue
        start = end - len(OFFICE) - len(stem)
        body = reg.find(stem) or (None if m.group("verb") else _body_of_office(reg, start, stem))
        if body is None:
            return None
        return body, (end - len(OFFICE) if m.group("verb") else start, end)
    return None


def _body_of_office(reg: Registry, start: int, stem: str) -> Record | None:
    """A body first named by its office: 北京市突发公共事件应急委员会办公室(以下简称市应急办)
    是市应急委日常办事机构,设在市政府办公厅 declares the committee as well."""
    found = _leading_name(stem, 0, len(stem))
    kind = body_type(stem)
    if kind is None or found is None or found[:2] != (0, len(stem)):
        return None
    strong = bool(lexicon.jurisdiction_pattern().match(stem))
    return reg.declare(reg.mention(start, start + len(stem)), kind, reg.clean.span(start, start + len(stem)),
                       start, strong=strong)


def _field_headquarters(reg: Registry) -> None:
    """A 现场指挥部 without a parent belongs to the document's first headquarters."""
    top = next((r for r in reg.records if r.body_type == "headquarters" and r.parent is None
                and not body_core(r.name.text).startswith(FIELD_HQ)), None)
    for rec in reg.records:
        if rec.parent is None and rec is not top and top is not None \
                and body_core(rec.name.text).startswith(FIELD_HQ):
            rec.parent = top


def _clause_start(text: str, a: int, pos: int) -> int:
    cut = max(text.rfind(c, a, pos) for c in "，,。；;：:")
    return cut + 1 if cut >= a else a


def _sentence_start(text: str, a: int, pos: int) -> int:
    cut = max(text.rfind(c, a, pos) for c in "。；;")
    return cut + 1 if cut >= a else a


def _sentence(reg: Registry, a: int, b: int, pos: int) -> Span:
    """The sentence around ``pos`` within the paragraph ``[a, b)``, as an original span."""
    text = reg.clean.text
    start = _sentence_start(text, a, pos)
    ends = [e for e in (text.find(c, pos, b) for c in "。；;") if e >= 0]
    return reg.clean.span(start, min(ends) + 1 if ends else b)


# ---------------------------------------------------------------------------------------
# Facts

def body_facts(reg: Registry) -> list[Fact]:
    """A Body fact per record, and an Office fact per host (the second of two hosts is
    an additional one)."""
    out: list[Fact] = []
    key = reg.doc.key
    for rec in reg.records:
        parent = rec.parent.name if rec.parent else None
        out.append(Body(key, rec.span, "bodies.declared", rec.name, rec.body_type, parent,
                        tuple(rec.aliases), rec.section, rec.constituted))
        for i, (host, evidence) in enumerate(rec.hosts):
            out.append(Office(key, evidence, "bodies.office", rec.name, host, additional=i > 0))
    return out
