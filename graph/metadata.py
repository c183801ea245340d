"""A web page's metadata about the document it shows: the table or list of 索引号, 标题,
发文字号, 发文机关, 成文日期, 发布日期 … that government sites print above a document, often
several fields to a line (``发布机构: 晋城市应急管理局 成文日期: 2023年08月10日``).

The labels and the field each gives are data (``lexicon/page_metadata.tsv``).  The fields
fill what a document's own header leaves out; the publication date stays apart from the
signing date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .document import CleanText, Mention

Line = tuple[int, int, str]


@dataclass(frozen=True)
class PageMetadata:
    """The fields found, each as a Mention of its value; ``lines`` the lines they fill."""

    fields: dict[str, Mention]
    lines: frozenset[int]

    def get(self, field: str) -> Mention | None:
        return self.fields.get(field)


@cache
def label_pattern() -> re.Pattern:
    """A metadata label (its characters may be spaced out: 索  引 号, 标      题) and its colon.

    >>> label_pattern().search("标      题: 关于印发X的通知").group("label")
    '标      题'
    """
    labels = sorted({r["label"] for r in lexicon.read_table("page_metadata")}, key=len, reverse=True)
    spaced = "|".join(r"[ \t\u3000]*".join(map(re.escape, label)) for label in labels)
    return re.compile(rf"(?:^|(?<=[\s\-—•·【\[〔]))(?P<label>{spaced})[ \t\u3000]*[：:][ \t\u3000]*")


@cache
def field_of() -> dict[str, str]:
    return {r["label"]: r["field"] for r in lexicon.read_table("page_metadata")}


def read_metadata(clean: CleanText, lines: tuple[Line, ...] | list[Line], limit: int = 40) -> PageMetadata:
    """The metadata fields printed in the first ``limit`` lines; the first value of each field
    wins.  A line counts only when a label starts it (so prose mentioning 来源: stays prose).

    >>> from graph.ingest import parse_bytes
    >>> from graph.clean import clean
    >>> from graph.segment import lines_of
    >>> c = clean(parse_bytes("发布机构: 晋城市应急管理局 成文日期: 2023年08月10日\\n发文字号: 晋市政办〔2023〕33号\\n".encode(), "t.txt"))
    >>> m = read_metadata(c, lines_of(c.text))
    >>> m.get("signed").text, m.get("number").text, m.get("publisher").text
    ('2023年08月10日', '晋市政办〔2023〕33号', '晋城市应急管理局')
    """
    fields: dict[str, Mention] = {}
    used = set()
    for k, (start, end, text) in enumerate(lines[:limit]):
        found = list(label_pattern().finditer(text))
        if not found or text[:found[0].start()].strip(" \t\u3000-—•·【〔"):
            continue
        used.add(k)
        for n, m in enumerate(found):
            stop = found[n + 1].start() if n + 1 < len(found) else len(text)
            value = text[m.end():stop].rstrip(" \t\u3000】〕")
            a = start + m.end()
            if not value.strip() and len(found) == 1:
                a, value = _value_below(lines, k, limit)      # 文件名称: / its value below
                used.add(k + 1)
            if not value.strip():
                continue
            field = field_of()[re.sub(r"\s+", "", m.group("label"))]
            fields.setdefault(field, clean.mention(a, a + len(value)))
    return PageMetadata(fields, frozenset(used))


def _value_below(lines, k: int, limit: int) -> tuple[int, str]:
    """The value a list prints on the line under its label (``• 成文日期:`` / ``2013-10-12``)."""
    if k + 1 >= min(len(lines), limit):
        return 0, ""
    start, _, text = lines[k + 1]
    if label_pattern().search(text):
        return 0, ""
    lead = len(text) - len(text.lstrip(" \t\u3000•·-"))
    return start + lead, text[lead:].rstrip()
