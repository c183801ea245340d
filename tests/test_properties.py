"""Properties on arbitrary Unicode and on mutated seed text: no exception, every span inside
the source, every quote the original text at its offsets, output deterministic."""
from __future__ import annotations

import hashlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import sample_corpus
from graph.clean import clean
from graph.document import Mention, Source
from graph.pipeline import process

GAZETTE_ALPHABET = list("关于印发的通知市旗盟人民政府办公室应急管理局指挥部成员单位负责牵头配合责任组长主任"
                        "、，。：:；;（）()《》〔〕[]号年月日一二三四五六七八九十0123456789 \n\t\u3000-—附件各部门"
                        "公报目录大事记人事任免免去任同志废止") + ["\r\n", "<p>", "</p>", "- 3 -\n", "\n\n"]
SEEDS = [p.read_text(encoding="utf-8") for p, _ in sample_corpus()]

unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
gazette_like = st.lists(st.sampled_from(GAZETTE_ALPHABET), max_size=400).map("".join)


@st.composite
def mutated_seed(draw):
    """A window of a real gazette with lines dropped, doubled, cut or spliced with noise."""
    seed = draw(st.sampled_from(SEEDS))
    start = draw(st.integers(0, max(0, len(seed) - 4000)))
    lines = seed[start:start + 4000].split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "double", "cut", "noise", "swap"]))
        if op == "drop":
            del lines[i]
        elif op == "double":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "noise":
            lines[i] += draw(unicode_text)
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def source(text: str) -> Source:
    return Source("prop.txt", text, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                  "utf-8", "text/plain", len(text))


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


any_text = st.one_of(unicode_text, gazette_like, mutated_seed())
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
def test_cleaning_maps_every_character_back(text):
    c = clean(source(text))
    for run in c.offsets.runs:
        assert 0 <= run.orig_start <= run.orig_end <= len(text)
        if run.copied:
            assert c.shown(run.clean_start, run.clean_end) == text[run.orig_start:run.orig_end]
    for i in range(0, len(c.text), 7):
        span = c.span(i, min(len(c.text), i + 5))
        assert 0 <= span.start <= span.end <= len(text)
        assert is_subsequence(squeeze(c.shown(i, i + 5)), squeeze(text[span.start:span.end]))


@SETTINGS
@given(any_text)
def test_every_span_is_inside_the_source_and_quotes_it(text):
    result = process(source(text))
    for doc in result.documents:
        assert 0 <= doc.span.start <= doc.span.end <= len(text)
        for m in (doc.notice_title, doc.title, doc.number, doc.date, doc.issuer, *doc.recipients):
            if m is not None:
                _check_mention(m, text)
    for fact in result.facts:
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
        for _, m in fact.mentions():
            _check_mention(m, text)


def _check_mention(m: Mention, text: str) -> None:
    assert 0 <= m.span.start <= m.span.end <= len(text)
    quote = squeeze(text[m.span.start:m.span.end])
    assert is_subsequence(squeeze(m.text).rstrip(",，"), quote), (m.text, quote)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_output_is_deterministic(text):
    a, b = process(source(text)), process(source(text))
    assert a.nquads == b.nquads and a.facts == b.facts
