"""Command structures in the layouts real notices and plans print them in: one short
fixture per layout, written in the style of texts from all over China, asserting the
right person, post and unit on the right body."""
from __future__ import annotations

import pytest

from graph.document import Source
from graph.facts import Body, Leader, Membership, Office
from graph.pipeline import process


def facts_of(text: str):
    return process(Source("fixture.txt", text, "0" * 64, "utf-8")).facts


def leaders(text: str) -> set[tuple[str, str, str | None, str | None]]:
    return {(f.body.name, f.role, f.person.name if f.person else None,
             f.post.text if f.post else None) for f in facts_of(text) if isinstance(f, Leader)}


def units(text: str) -> set[tuple[str, str]]:
    return {(f.body.name, f.unit.name) for f in facts_of(text)
            if isinstance(f, Membership) and f.unit is not None}


GD = """广东省人民政府办公厅关于成立广东省数字政府建设领导小组的通知
粤办函〔2019〕99号
各地级以上市人民政府，省政府各部门：
为加强统筹协调，省政府决定成立广东省数字政府建设领导小组，组成人员名单如下：
组 长：马兴瑞 省长
副组长：张 虎 副省长
成 员：张少康 省政协副主席、省住房城乡建设厅厅长
景李虎 省教育厅厅长
省政府办公厅
2019年8月1日
"""

PX = """萍府办字〔2017〕52号
各县（区）人民政府，市政府各部门：
经市人民政府同意，决定建立萍乡市特色小镇建设工作联席会议（以下简称联席会议）制度。现将有关事项通知如下：
一、主要职责
（一）统筹协调全市特色小镇建设工作。
二、组成人员
召 集 人：陈 云 市政府常务副市长
副召集人：叶华林 市政府副市长
成 员：李新民 市财政局局长
联席会议办公室设在市建设局，承担联席会议日常工作，李南开同志兼任办公室主任，肖晓玲、陈水香兼任办公室副主任。
"""

ZQ = """肇庆市人民政府办公室关于成立肇庆市申报“中国人居环境范例奖”工作领导小组的通知
端州区、鼎湖区人民政府，市府直属有关单位：
市政府决定成立肇庆市申报“中国人居环境范例奖”工作领导小组。该领导小组由如下人员组成：
组 长：
刘惠祥（市委常委、常务副市长）
副组长：
孟广生（市建设局局长）
成 员：
唐建明（市财政局副局长）
"""

WJ = """各村，各有关单位：
经研究，决定成立湖塘镇农村公路管理养护工作领导小组，具体名单如下：
组 长：王伟华
副组长：王晓剑 谭志新
领导小组下设办公室，办公室设在湖塘镇交通管理所，由闵成兼任办公室主任。
"""

GD_BODY = "广东省数字政府建设领导小组"
PX_BODY = "萍乡市特色小镇建设工作联席会议"
ZQ_BODY = "肇庆市申报“中国人居环境范例奖”工作领导小组"
WJ_BODY = "湖塘镇农村公路管理养护工作领导小组"


@pytest.mark.parametrize("text, expected", [
    # role：name post on one line; the post 省长 / 副省长 (a provincial head) was not a post
    pytest.param(GD, (GD_BODY, "组长", "马兴瑞", "省长"), id="role-name-post-one-line"),
    # a name padded to three characters (张 虎)
    pytest.param(GD, (GD_BODY, "副组长", "张虎", "副省长"), id="padded-name"),
    # padded label 召 集 人 under a plain heading 二、组成人员 after 决定建立X制度
    pytest.param(PX, (PX_BODY, "召集人", "陈云", "市政府常务副市长"), id="plain-heading-after-declared"),
    # X同志兼任办公室主任: the office's director, by name alone
    pytest.param(PX, (PX_BODY + "办公室", "主任", "李南开", None), id="comrade-office-director"),
    # 肖晓玲、陈水香兼任办公室副主任: names only, several at once
    pytest.param(PX, (PX_BODY + "办公室", "副主任", "陈水香", None), id="names-only-office-deputies"),
    # role label alone on its line, name（post） under it; a name with quotes inside
    pytest.param(ZQ, (ZQ_BODY, "组长", "刘惠祥", "市委常委、常务副市长"), id="label-alone-name-bracketed-post"),
    # names only, several on one line separated by spaces
    pytest.param(WJ, (WJ_BODY, "副组长", "谭志新", None), id="several-names-one-line"),
    pytest.param(WJ, (WJ_BODY, "组长", "王伟华", None), id="name-only"),
    # 由X兼任办公室主任 after 下设办公室
    pytest.param(WJ, (WJ_BODY + "办公室", "主任", "闵成", None), id="by-name-office-director"),
])
def test_leaders_in_every_layout(text, expected):
    assert expected in leaders(text)


@pytest.mark.parametrize("text, expected", [
    # a member through a name-post line; a rank post (省政协副主席) before the unit post
    pytest.param(GD, (GD_BODY, "广东省住房城乡建设厅"), id="rank-post-then-unit-post"),
    # the continued member lines
    pytest.param(GD, (GD_BODY, "广东省教育厅"), id="member-continued"),
    pytest.param(PX, (PX_BODY, "萍乡市财政局"), id="member-under-plain-heading"),
    pytest.param(ZQ, (ZQ_BODY, "肇庆市财政局"), id="member-bracketed-post"),
])
def test_member_units_in_every_layout(text, expected):
    assert expected in units(text)


def test_a_rank_post_is_not_the_unit_served_through():
    assert all("政协" not in unit for _, unit in units(GD))


def test_decided_to_set_up_is_an_act_and_the_office_sits_where_it_says():
    facts = facts_of(PX)
    body = next(f for f in facts if isinstance(f, Body) and f.name.name == PX_BODY)
    assert body.constituted
    assert (PX_BODY, "萍乡市建设局") in {(o.body.name, o.host.name) for o in facts if isinstance(o, Office)}


SUBGROUPS = """宝坻区人民政府成立区抗旱防汛指挥部（以下简称区防指）。
区防指为应对抗旱防汛突发事件，每年汛期临时成立气象组、水情组、调度组三个组。
各工作组构成及职责
（1）气象组
组长：区气象局分管负责同志
副组长：区气象局气象台负责同志
（2）水情组
组长：区水务局分管负责同志
"""


@pytest.mark.parametrize("expected", [
    # (1)气象组 under a list of groups set up in a sentence: its own 组长 by post
    pytest.param(("宝坻区抗旱防汛指挥部气象组", "组长", None, "区气象局分管负责同志"), id="subgroup-leader"),
    pytest.param(("宝坻区抗旱防汛指挥部气象组", "副组长", None, "区气象局气象台负责同志"), id="subgroup-deputy"),
    # the next group's heading closes the first and opens its own
    pytest.param(("宝坻区抗旱防汛指挥部水情组", "组长", None, "区水务局分管负责同志"), id="parallel-subgroup"),
])
def test_numbered_subgroups_with_their_own_leaders(expected):
    assert expected in leaders(SUBGROUPS)


def test_groups_listed_after_the_verb_belong_to_the_body_the_sentence_begins_with():
    bodies = {f.name.name: f for f in facts_of(SUBGROUPS) if isinstance(f, Body)}
    assert bodies["宝坻区抗旱防汛指挥部调度组"].parent.name == "宝坻区抗旱防汛指挥部"
    assert not any("三个组" in name for name in bodies)


BEIJING = """2.1.3 当事件超出北京市控制范围时，提请党中央、国务院批准成立“首都突发公共事件应急委员会”，统一指挥协调首都突发公共事件应对工作。
2.1.4 北京市突发公共事件应急委员会办公室（以下简称市应急办）是市应急委日常办事机构，设在市政府办公厅。
"""


def test_a_body_first_named_by_its_office_and_a_body_of_another_place():
    facts = facts_of(BEIJING)
    names = {f.name.text for f in facts if isinstance(f, Body)}     # as printed
    assert {"首都突发公共事件应急委员会", "北京市突发公共事件应急委员会",
            "北京市突发公共事件应急委员会办公室"} <= names
    hosts = {(o.body.name, o.host.name) for o in facts if isinstance(o, Office)}
    assert ("北京市突发公共事件应急委员会", "北京市政府办公厅") in hosts


def test_a_page_with_pinyin_after_characters():
    """A mirror that prints each character's pinyin after it (應(yīng)急): the rules read the
    text without the glosses; names and quotes keep them as printed."""
    text = ("市政府設(shè)立三門峽市抗震救災(zāi)指揮部(下稱“市指揮部”)，負(fù)責(zé)統(tǒng)一領(lǐng)導(dǎo)。"
            "市指揮部指揮長由市政府分管副市長擔(dān)任。\n")
    facts = facts_of(text)
    assert "三門峽市抗震救災(zāi)指揮部" in {f.name.name for f in facts if isinstance(f, Body)}
    lead = next(f for f in facts if isinstance(f, Leader))
    assert (lead.body.name, lead.role, lead.post.text) == ("三門峽市抗震救災(zāi)指揮部", "指揮長", "市政府分管副市長")


NATIONAL = """国务院办公厅关于成立第三次全国经济普查领导小组的通知
国务院决定成立第三次全国经济普查领导小组（以下简称领导小组），现将有关事项通知如下：
一、主要职责
负责第三次全国经济普查的组织和实施。
二、组成人员
组长：
孙春兰 国务院副总理
第一副组长：
王勇 国务委员
成员：
孔绍逊 中央办公厅副主任兼秘书局局长
孙玉宁 海关总署副署长
三、工作机构及其职责
领导小组办公室设在统计局，承担领导小组的日常工作，办公室主任由统计局副局长徐一帆兼任。
"""
NATIONAL_BODY = "第三次全国经济普查领导小组"


@pytest.mark.parametrize("expected", [
    # ranks beyond the common ones: 第一副组长; posts of the State Council (副总理, 国务委员)
    pytest.param((NATIONAL_BODY, "组长", "孙春兰", "国务院副总理"), id="vice-premier"),
    pytest.param((NATIONAL_BODY, "第一副组长", "王勇", "国务委员"), id="first-deputy-rank"),
    # 办公室主任由POST NAME兼任 after the composition heading has closed
    pytest.param((NATIONAL_BODY + "办公室", "主任", "徐一帆", "统计局副局长"), id="office-director-post-name"),
])
def test_national_notice(expected):
    assert expected in leaders(NATIONAL)


def test_two_posts_joined_by_jian_serve_through_the_first_unit():
    got = units(NATIONAL)
    assert (NATIONAL_BODY, "中央办公厅") in got and (NATIONAL_BODY, "海关总署") in got


COUNTY = """卢氏县人民政府办公室关于成立卢氏县防汛抗旱指挥部的通知
各乡镇人民政府，县直各单位：
县政府决定成立卢氏县防汛抗旱指挥部（以下简称县防指）。
总  指  挥  长：县长
执行副总指挥长：县政府分管副县长
县防指组长由县长担任，成员由县发改局、县财政局、县水利局组成。
县防指办公室设在县水利局，办公室主任由县水利局局长兼任。
成立卢氏县山洪灾害防御工作组，由县水利局牵头，县气象局、县自然资源局参加。
"""
COUNTY_HQ = "卢氏县防汛抗旱指挥部"


@pytest.mark.parametrize("expected", [
    # a label padded with spaces between its characters (总  指  挥  长)
    pytest.param((COUNTY_HQ, "总指挥长", None, "县长"), id="padded-label-post-only"),
    # a rank beyond the common ones
    pytest.param((COUNTY_HQ, "执行副总指挥长", None, "县政府分管副县长"), id="executive-deputy"),
    # posts only, in a sentence: 组长由县长担任
    pytest.param((COUNTY_HQ, "组长", None, "县长"), id="role-by-post-sentence"),
    # 办公室主任由X局局长兼任
    pytest.param((COUNTY_HQ + "办公室", "主任", None, "县水利局局长"), id="office-director-by-post"),
])
def test_county_headquarters_leaders(expected):
    assert expected in leaders(COUNTY)


@pytest.mark.parametrize("expected", [
    # 成员由A、B、C组成
    pytest.param((COUNTY_HQ, "卢氏县财政局"), id="members-composed-of"),
    # 由X牵头，Y、Z参加: the lead unit and the joined units serve on the group the sentence sets up
    pytest.param(("卢氏县山洪灾害防御工作组", "卢氏县水利局"), id="led-by"),
    pytest.param(("卢氏县山洪灾害防御工作组", "卢氏县自然资源局"), id="joined-by"),
])
def test_county_members_in_prose(expected):
    assert expected in units(COUNTY)


def test_led_and_joined_units_go_only_to_a_body_the_sentence_names():
    text = "一、重点任务\n（一）加强河道整治，由县水利局牵头，县财政局参加。\n"
    assert not units(text)


SHARED_POST = """湘阴县人民政府办公室关于成立县防汛抗旱指挥部的通知
县人民政府设立湘阴县防汛抗旱指挥部（下称“县指挥部”），负责统一领导全县防汛抗旱工作。县指挥部指挥长由县政府分管副县长担任，副指挥长由县人武部参谋长、县政府分管副主任和县水利局、县应急管理局、县气象局主要负责人担任。县指挥部成员为：县人武部、县发展改革局、县财政局。
"""
SP_BODY = "湘阴县防汛抗旱指挥部"


@pytest.mark.parametrize("expected", [
    # 指挥长由POST担任 in a sentence naming the body by its short name
    pytest.param((SP_BODY, "指挥长", None, "县政府分管副县长"), id="head-by-post-sentence"),
    # A、B和C局、D局、E局主要负责人担任: posts cut at 和 after a whole post
    pytest.param((SP_BODY, "副指挥长", None, "县政府分管副主任"), id="post-before-and"),
    # … and a holder by function shared by every unit of the run printed like it
    pytest.param((SP_BODY, "副指挥长", None, "县水利局主要负责人"), id="shared-post-first-unit"),
    pytest.param((SP_BODY, "副指挥长", None, "县应急管理局主要负责人"), id="shared-post-middle-unit"),
    pytest.param((SP_BODY, "副指挥长", None, "县气象局主要负责人"), id="shared-post-last-unit"),
])
def test_leaders_by_post_in_sentences(expected):
    assert expected in leaders(SHARED_POST)


def test_a_shared_post_is_not_split_where_the_units_are_printed_unlike():
    got = leaders(SUBGROUPS + "副组长：区水务局防汛抗旱服务站、水资源科负责同志\n")
    assert ("宝坻区抗旱防汛指挥部水情组", "副组长", None, "区水务局防汛抗旱服务站、水资源科负责同志") in got
    assert not any(p == "区水务局防汛抗旱服务站负责同志" for *_, p in got)


def test_members_of_the_body_a_sentence_names():
    assert {(SP_BODY, "湘阴县财政局"), (SP_BODY, "湘阴县人武部")} <= units(SHARED_POST)


UNNAMED = """北京市人民政府关于印发北京市突发公共事件总体应急预案的通知
2.1.3 当事件超出本市控制范围时，提请成立首都突发公共事件应急委员会，由国务院指定一名负责同志任主任，中央国家机关、驻京部队及北京市委、市政府有关领导为成员，统一指挥协调应对工作。
"""


def test_units_before_unnamed_people_are_one_collective_entry():
    found = [f.unit for f in facts_of(UNNAMED) if isinstance(f, Membership) and f.unit]
    entries = {(u.text, u.collective) for u in found}
    assert ("北京市委、市政府有关领导", True) in entries
    assert not {t for t, _ in entries} & {"北京市委", "市政府"}


def test_members_by_name_only_are_people_on_the_body():
    text = WJ + "成员：闵成 马梅红 许小建\n"
    people = {(f.body.name, f.person.name) for f in facts_of(text)
              if isinstance(f, Membership) and f.person is not None}
    assert {(WJ_BODY, "闵成"), (WJ_BODY, "马梅红"), (WJ_BODY, "许小建")} <= people


def test_a_former_post_serves_through_its_unit():
    assert (PX_BODY, "萍乡市建设局") in units(PX + "黎 兵 市建设局原党委委员\n".replace(
        "黎 兵", "成 员：黎 兵"))


def test_composition_lines_no_rule_read_are_reported():
    from graph.ingest import parse_bytes
    text = WJ + "成员：闵成 马梅红\n 长：许小建（镇长助理兼）\n"
    result = process(parse_bytes(text.encode(), "hutang.txt"))
    unused = result.report.unused_composition
    assert any("许小建" in line for line in unused)
    offset = int(next(line for line in unused if "许小建" in line).split(":")[0])
    assert text[offset:].startswith(" 长：许小建") or text[offset:].startswith("长：许小建")
    assert not any("王伟华" in line for line in unused)       # a line a rule read


def agency_iris(text: str, name: str) -> set[str]:
    from graph.rdf import agency_iri
    result = process(Source(name, text, name.ljust(64, "0"), "utf-8"))
    docs = {d.key: d for d in result.documents}
    return {str(agency_iri(f.unit, docs[f.document].jurisdiction)) for f in result.facts
            if isinstance(f, Membership) and f.unit is not None and "财政局" in f.unit.name}


def test_one_unit_in_two_texts_of_a_county_has_one_iri_and_two_counties_two():
    xiangyin_a = "湘阴县人民政府办公室关于成立县防汛指挥部的通知\n决定成立湘阴县防汛指挥部。\n成员单位：县财政局、县水利局。\n"
    xiangyin_b = "湘阴县人民政府关于成立县森林防火指挥部的通知\n决定成立湘阴县森林防火指挥部。\n成员单位：湘阴县财政局、湘阴县林业局。\n"
    pingjiang = "平江县人民政府办公室关于成立县防汛指挥部的通知\n决定成立平江县防汛指挥部。\n成员单位：县财政局、县水利局。\n"
    a, b, c = agency_iris(xiangyin_a, "a.txt"), agency_iris(xiangyin_b, "b.txt"), agency_iris(pingjiang, "c.txt")
    assert a == b and len(a) == 1 and "湘阴县财政局" in next(iter(a))
    assert c and not c & a
