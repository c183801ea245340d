"""clean: furniture out, lines joined, and every cleaned character maps back to the file."""
from __future__ import annotations

import pytest

from graph.clean import clean, furniture, should_join
from graph.ingest import parse_bytes, read_source
from graph.build import sample_corpus


def cleaned(text: str, media_type: str = "text/plain"):
    return clean(parse_bytes(text.encode("utf-8"), "t.txt", media_type))


@pytest.mark.parametrize("path, name", sample_corpus(), ids=lambda x: getattr(x, "name", x)[:8])
def test_every_copied_character_is_the_original_one(path, name):
    source = read_source(path, name)
    c = clean(source)
    for run in c.offsets.runs:
        if run.copied:
            assert c.shown(run.clean_start, run.clean_end) == source.text[run.orig_start:run.orig_end]
    # and any cleaned range quotes the original without losing a character of it
    for start in range(0, len(c.text) - 40, 997):
        span = c.span(start, start + 40)
        original = "".join(source.text[span.start:span.end].split())
        assert "".join(c.shown(start, start + 40).split()) in original or len(original) >= 40


@pytest.mark.parametrize("line, reason", [
    ("鄂尔多斯市人民政府公报", "masthead"),          # a running head mid-text (seed 000)
    ("伊金霍洛旗人民政府公报", "masthead"),
    ("- 27 -", "page-number"),
    ("—3—", "page-number"),
    ("第4期(总第88期)", "issue-number"),
    ("ᠲᠤᠯᠢᠯᠤᠰ ᠤᠯᠤᠰ ᠮᠣᠩᠭᠣᠯ", "mongolian-script"),
    ("  • 鄂尔多斯市人民政府办公室关于印发促进产业基金高...", "web-page"),
    ("    2024-03-11 朗读", "web-page"),
    ("当前位置: 首页 > 政策文件", "web-page"),
    ("一、总则", None),
    ("1\t《伊金霍洛旗湿地保护规划》\t旗林业和草原局", None),   # a table row is content
])
def test_furniture(line, reason):
    assert furniture(line) == reason


@pytest.mark.parametrize("before, line, joined", [
    ("本预案适用于额尔古纳市范围内因春季融雪引发的雪灾、道", "路积雪结冰等灾害的应对工作。", True),
    ("各旗县市区人民政府，开发区管委会，市政府", "各委办局，各有关事业单位：", True),
    ("总指挥：耿浩 市政府市长", "副总指挥：王兴扬 市政府常务副市长", False),
    ("（一）编制目的", "以习近平新时代中国特色社会主义思想为指导，", False),
    ("22. 各基层组织（社区、村屯等）、各类人员密集场所", "迅速做好灾害先期处置工作。", False),
    ("通政发〔2023〕191号 2023年11月21日", "各旗县市区人民政府，开发区管委会：", False),
    ("2025年2月28日", "额尔古纳市人民政府办公室", False),
    ("额尔古纳市春季应对融雪 应急预案", "目录", False),
    ("(7) 盟应急管理局、消防救援支队、", "森林消防支队迅速调派救援队伍投入救灾工作", True),
    # a note under a table ran into the next notice's heading (seed 004, 通政办发〔2023〕64号)
    ("说明：各项量化指标均需各旗县市区人民政府、开发区管委会落实",
     "通辽市人民政府办公室 关于印发《关于进一步推进装配式建筑发展 若干政策措施》的通知", False),
])
def test_line_joining(before, line, joined):
    assert should_join(before, line) is joined


def test_broken_paragraph_is_joined_across_a_page_number_and_maps_back():
    text = "本预案适用于额尔古纳市范围内因春季融雪引发的雪灾、道\n\n- 3 -\n\n路积雪结冰等灾害的应对工作。\n"
    c = cleaned(text)
    assert c.text == "本预案适用于额尔古纳市范围内因春季融雪引发的雪灾、道路积雪结冰等灾害的应对工作。\n"
    i = c.text.index("道路")
    span = c.span(i, i + 2)
    assert text[span.start:span.end] == "道\n\n- 3 -\n\n路"
    assert [d.reason for d in c.dropped] == ["page-number"]


def test_spaced_two_character_names_are_closed_up_but_name_post_spaces_kept():
    c = cleaned("组 长:张 炜 市委常委、宣传部部长\n")
    assert c.shown(0, None) == "组长:张炜 市委常委、宣传部部长\n"
    i = c.text.index("张炜")
    span = c.span(i, i + 2)
    assert "组 长:张 炜 市委常委、宣传部部长"[span.start:span.end] == "张 炜"


def test_scraped_page_paragraphs_are_split_at_wide_gaps():
    c = cleaned("    通知,   鄂府办发〔2024〕18号   各旗区人民政府:   现将印发给你们。\n")
    assert c.shown(0, None).splitlines() == ["通知,", "鄂府办发〔2024〕18号", "各旗区人民政府:", "现将印发给你们。"]


def test_html_markup_becomes_paragraphs_and_entities_text():
    page = "<html><head><title>x</title><script>var a='<p>';</script></head>" \
           "<body><p>关于印发&lt;方案&gt;的通知</p><p>第二段&amp;</p></body></html>"
    c = cleaned(page, "text/html")
    assert [line for line in c.text.splitlines() if line] == ["关于印发<方案>的通知", "第二段&"]
    i = c.text.index("<方案>")
    span = c.span(i, i + 4)
    assert page[span.start:span.end] == "&lt;方案&gt;"


def test_stray_table_tags_in_a_text_file_are_removed_and_cells_kept():
    c = cleaned("2\t<p>高质量建设县域紧密型医共体</p>\t<p>持续推进</p>\n")
    assert c.text == "2\t高质量建设县域紧密型医共体\t持续推进\n"
