"""Who leads a body: the entries of a composition list (总指挥：耿浩 市政府市长) and the
sentences that name a role (办公室主任由市应急管理局局长兼任, 市人民政府分管领导担任市指挥部
总指挥, 盟防灾减灾救灾委员会副总指挥(盟应急管理局主要负责同志)).

An entry is a person and a post, a post alone, or (in some lists) a post and a person
(人武部部长：杨利).  A remark after a post (突发应急事件预警) is dropped; 兼常务副总指挥
adds that role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from .. import patterns as P
from ..document import CleanText, Mention
from ..names import SPACE, split_level
from ..resolve import post_titles
from .units import UNIT_END

PERSON = re.compile(rf"^[{P.HAN}·]{{2,6}}$")
NOT_A_POST = re.compile(r"[。；;，,：:]")
MAX_POST = 60


@dataclass(frozen=True)
class Entry:
    """One line of a list: a person and/or a post, and roles a remark adds (兼常务副总指挥)."""

    person: Mention | None
    post: Mention | None
    also: tuple[str, ...] = ()
    post_at: tuple[int, int] = (0, 0)    # the post's cleaned offsets


@cache
def post_ends() -> tuple[str, ...]:
    """Words that end a post which names its holder only by function (分管负责同志, 主要领导)."""
    return tuple(w for w, k in lexicon.body_roles().items() if k == "post_end")


@cache
def leader_roles() -> tuple[str, ...]:
    """Leading roles, longest first (副总指挥 before 总指挥)."""
    return tuple(sorted((w for w, k in lexicon.body_roles().items() if k == "leader"),
                        key=len, reverse=True))


@cache
def role_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """Any role word; ROLE由WHO兼任, WHO担任ROLE, BODY ROLE(POST) with the lexicon's roles."""
    roles = "|".join(map(re.escape, leader_roles()))
    return (re.compile(roles),
            re.compile(P.ROLE_BY.format(roles=roles), P.X),
            re.compile(P.WHO_AS_ROLE.format(roles=roles), P.X | re.MULTILINE),
            re.compile(P.ROLE_IN_BRACKETS.format(roles=roles, lparen=P.LPAREN, rparen=P.RPAREN), P.X))


def is_post(text: str) -> bool:
    """The text reads as a post: it ends in a post title (局长, 主要负责同志 …).

    >>> is_post("市应急管理局局长"), is_post("旗委常委、政府副旗长"), is_post("按照职责分工")
    (True, True, False)
    """
    text = SPACE.sub("", text)
    text = P.TRAILING_REMARK.sub("", text)
    if not text or len(text) > MAX_POST or NOT_A_POST.search(text):
        return False
    return text.endswith(post_titles()) or text.endswith(post_ends()) or text in post_titles()


def mention(clean: CleanText, a: int, b: int) -> Mention:
    while a < b and clean.text[a] in " \t\u3000-•·":
        a += 1
    while b > a and clean.text[b - 1] in " \t\u3000":
        b -= 1
    return clean.mention(a, b)


def printed(clean: CleanText, m: re.Match, group: str) -> str:
    """A word the pattern matched (a role, a label), spelt as the text prints it."""
    return clean.mention(*m.span(group)).text


def entry(clean: CleanText, a: int, b: int) -> Entry | None:
    """A list entry in cleaned ``text[a:b]``: 耿浩 市政府市长 / 市邮政管理局局长 /
    周立明 旗人民政府副旗长(兼常务副总指挥).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> t = "周立明 旗人民政府副旗长(兼常务副总指挥)"
    >>> e = entry(CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t))), 0, len(t))
    >>> e.person.text, e.post.text, e.also
    ('周立明', '旗人民政府副旗长', ('常务副总指挥',))
    """
    text = clean.text
    m = P.NAME_POST.match(text, a, b) or P.NAME_BRACKETED_POST.match(text, a, b)
    if m and is_post(m.group("post")):
        return _post(clean, m.start("post"), m.end("post"),
                     mention(clean, m.start("name"), m.end("name")))
    if is_post(text[a:b]):
        return _post(clean, a, b, None)
    return None


def _post(clean: CleanText, a: int, b: int, person: Mention | None) -> Entry:
    """The entry, its post without a remark after it; a remark 兼ROLE gives a further role."""
    while b > a and clean.text[b - 1] in " \t\u3000。；;，,":
        b -= 1
    remark = P.TRAILING_REMARK.search(clean.text, a, b)
    also: tuple[str, ...] = ()
    if remark and remark.end() == b and is_post(clean.text[a:remark.start()]):
        word = remark.group("remark").lstrip("兼")
        also = (word,) if remark.group("remark").startswith("兼") and word in leader_roles() else ()
        b = remark.start()
    return Entry(person, mention(clean, a, b), also, (a, b))


def entries(clean: CleanText, a: int, b: int) -> list[Entry]:
    """The people a list cell or a sentence's WHO names: one person and post (耿浩 市政府市长,
    由市长担任), several posts (市应急管理局副局长、气象局局长), posts with their holders
    (市水利局局长王帅、市能源局局长霍励平), or one post whole (市委常委、副市长 — a bare
    title after 、 belongs to the post before it).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> def cell(t):
    ...     c = CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t)))
    ...     return [(e.person and e.person.text, e.post.text) for e in entries(c, 0, len(t))]
    >>> cell("市应急管理局副局长、气象局局长")
    [(None, '市应急管理局副局长'), (None, '气象局局长')]
    >>> cell("市文化和旅游局(文物局)党组书记、局长李芸")
    [('李芸', '市文化和旅游局(文物局)党组书记、局长')]
    >>> cell("由市长担任"), cell("张三（市发改委主任）")
    ([(None, '市长')], [('张三', '市发改委主任')])
    """
    while b > a and clean.text[b - 1] in " \t\u3000。；;，,":
        b -= 1
    m = P.BY_WHOM.match(clean.text, a, b)
    if m:
        a, b = m.span("who")
    whole = entry(clean, a, b)
    if whole is not None and whole.person is not None:
        return [whole]
    parts = _list_parts(clean, a, b)
    pieces = [_glued(clean, s, e) for s, e in parts]
    if len(pieces) > 1 and all(p and p.post.text not in post_titles() for p in pieces):
        return pieces
    shared = _shared_post(clean, parts, pieces)
    if shared:
        return shared
    whole = whole or _glued(clean, a, b) or _comrade(clean, a, b)
    return [whole] if whole else []


def _list_parts(clean: CleanText, a: int, b: int) -> list[tuple[int, int]]:
    """The items of a list of posts: cut at 、, and at 和/及 after a whole post
    (市政府分管副秘书长和市地震局 is two items; 住房和城乡建设局 is one)."""
    parts, start = [], a
    for cut in re.finditer("、", clean.text[a:b]):
        parts.append((start, a + cut.start()))
        start = a + cut.end()
    parts.append((start, b))
    out = []
    for s, e in parts:
        for m in AND.finditer(clean.text, s, e):
            if is_post(clean.text[s:m.start()]) and m.end() < e:
                out.append((s, m.start()))
                s = m.end()
                break
        out.append((s, e))
    return out


AND = re.compile("和|及")


def _shared_post(clean: CleanText, parts: list[tuple[int, int]],
                 pieces: list[Entry | None]) -> list[Entry]:
    """Units that share the post the last of them prints: 市地震局、市民政局、市公安局
    主要负责人 names each unit's 主要负责人 (a post by function, ``post_end``), when they
    are printed alike (each with its level word, or none; 区水务局服务站、水资源科负责同志
    is one post).

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> t = "军分区参谋长、市政府分管副秘书长和市地震局、市公安局主要负责人"
    >>> c = CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t)))
    >>> [e.post.text for e in entries(c, 0, len(t))]
    ['军分区参谋长', '市政府分管副秘书长', '市地震局主要负责人', '市公安局主要负责人']
    """
    if len(parts) < 2 or pieces[-1] is None:
        return []
    text = clean.text
    s, e = parts[-1]
    tail = _function_tail(SPACE.sub("", text[s:e]))
    if not tail:
        return []
    tail_at = e - len(tail)
    level = split_level(SPACE.sub("", text[s:tail_at]))[0]
    out = []
    for (s, e), piece in zip(parts[:-1], pieces[:-1]):
        unit = SPACE.sub("", text[s:e])
        if piece is not None:
            out.append(piece)
        elif UNIT_END.search(unit) and not is_post(unit) and split_level(unit)[0] == level:
            unit_m = mention(clean, s, e)
            post = Mention(unit_m.text + clean.mention(tail_at, parts[-1][1]).text, unit_m.span)
            out.append(Entry(None, post, (), (s, e)))
        else:
            return []
    return out + [pieces[-1]]


def _function_tail(post: str) -> str:
    """The part of ``post`` after its unit when it names a holder by function
    (市公安局主要负责人 → 主要负责人), else ''."""
    if not post.endswith(post_ends()):
        return ""
    for k in range(len(post) - 1, 0, -1):
        if UNIT_END.search(post[:k]):
            return post[k:] if len(post) - k <= MAX_TAIL else ""
    return ""


MAX_TAIL = 8
"""The longest holder-by-function a unit's post ends in (主要负责同志, 分管负责同志)."""


def _who(clean: CleanText, a: int, b: int) -> list[Entry]:
    """The holders a sentence names: posts or people with posts, else people by name alone."""
    return entries(clean, a, b) or names_only(clean, a, b)


def names_only(clean: CleanText, a: int, b: int) -> list[Entry]:
    """People named without posts, as a sentence or a leader's line names them:
    肖晓玲、陈水香、黎兵 / 王五 李六.

    >>> from graph.document import CleanText, OffsetMap, Source
    >>> t = "肖晓玲、陈水香、黎兵同志"
    >>> [e.person.text for e in names_only(CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t))), 0, len(t))]
    ['肖晓玲', '陈水香', '黎兵']
    """
    text = clean.text
    parts = [(a + m.start(), a + m.end()) for m in P.NAME_IN_LIST.finditer(text[a:b])]
    rest = P.NAME_IN_LIST.sub("", text[a:b])
    if not parts or re.sub(r"[、，,\s]|同志", "", rest):
        return []
    names = [mention(clean, s, e) for s, e in parts]
    if any(UNIT_END.search(n.text) or is_post(n.text) for n in names):
        return []
    return [Entry(n, None) for n in names]


def _comrade(clean: CleanText, a: int, b: int) -> Entry | None:
    """A person named alone, as a sentence names one: 李五同志."""
    m = P.COMRADE.fullmatch(clean.text, a, b)
    return Entry(mention(clean, *m.span("name")), None) if m else None


def _glued(clean: CleanText, a: int, b: int) -> Entry | None:
    """A post, perhaps with its holder's name glued after it: 市应急管理局局长马保荣."""
    text = SPACE.sub("", clean.text[a:b])
    if is_post(text):
        return Entry(None, mention(clean, a, b), (), (a, b))
    for n in (2, 3, 4):
        name = text[-n:]
        if len(text) > n + 1 and PERSON.match(name) and not UNIT_END.search(name) \
                and is_post(text[:-n]):
            cut = b - n
            return Entry(mention(clean, cut, b), mention(clean, a, cut), (), (a, cut))
    return None


def prose_roles(clean: CleanText, a: int, b: int) -> list[tuple[int, str, str, list[Entry]]]:
    """``(position, head, role, entries)`` for each sentence in ``[a, b)`` that names a role:
    the head is the text naming the body (perhaps empty: the body spoken of before)."""
    text = clean.text
    any_role, role_by, who_as, bracketed = role_patterns()
    if not any_role.search(text, a, b):
        return []                   # most lines name no role: skip the slower patterns
    found = []
    for m in role_by.finditer(text, a, b):
        found.append((m.start(), m.group("head"), printed(clean, m, "role"), _who(clean, *m.span("who"))))
    for m in who_as.finditer(text, a, b):
        found.append((m.start("who"), m.group("head"), printed(clean, m, "role"), _who(clean, *m.span("who"))))
    for m in bracketed.finditer(text, a, b):
        if is_post(m.group("post")):
            at = (m.start("post"), m.end("post"))
            found.append((m.start(), m.group("head"), printed(clean, m, "role"),
                          [Entry(None, mention(clean, *at), (), at)]))
    return sorted((f for f in found if f[3]), key=lambda f: f[0])
