"""The small readers behind command structures: list cells, posts, units, body names."""
from __future__ import annotations

import pytest

from graph.document import CleanText, Mention, OffsetMap, Source, Span
from graph.extract.bodies import body_type
from graph.extract.leaders import entries, is_post
from graph.extract.members import members, unit_of_post
from graph.extract.units import unit_mentions
from graph.facts import Body
from graph.resolve import BodyNames, abbreviates, canonical_sub_body, canonical_unit


def text(t: str) -> CleanText:
    return CleanText(Source("t", t, "", "utf-8"), t, OffsetMap.identity(len(t)))


def cell(t: str) -> list[tuple[str | None, str | None]]:
    return [(e.person and e.person.text, e.post and e.post.text) for e in entries(text(t), 0, len(t))]


@pytest.mark.parametrize("line, expected", [
    # a line of 003's 成员 list whose post was glued to the next name before the cleaner fix
    pytest.param("郝赟 市人民政府副秘书长", [("郝赟", "市人民政府副秘书长")], id="name-post"),
    # 003 D10: a list of titles of one person is one post
    pytest.param("张炜 市委常委、宣传部部长", [("张炜", "市委常委、宣传部部长")], id="one-person-two-titles"),
    # 000 office: 副主任由市应急管理局副局长、气象局局长兼任 names two posts
    pytest.param("市应急管理局副局长、气象局局长", [(None, "市应急管理局副局长"), (None, "气象局局长")],
                 id="two-posts"),
    # 003 D8 office: posts with their holders glued after them
    pytest.param("市水利局局长王帅、市能源局局长霍励平", [("王帅", "市水利局局长"), ("霍励平", "市能源局局长")],
                 id="posts-with-holders"),
    # 003 D10: the bare title after 、 belongs to the post before it
    pytest.param("市文化和旅游局(文物局)党组书记、局长李芸", [("李芸", "市文化和旅游局(文物局)党组书记、局长")],
                 id="bare-title-continues"),
    # 002 D12: a remark in brackets after the post is not part of it
    pytest.param("高艳明 旗应急管理局局长(突发应急事件预警)", [("高艳明", "旗应急管理局局长")], id="remark"),
    pytest.param("由市长担任", [(None, "市长")], id="by-whom"),
    pytest.param("张三（市发改委主任）", [("张三", "市发改委主任")], id="bracketed-post"),
    # 004 D7: either of two posts is one entry
    pytest.param("市政府分管副秘书长或市政府办公室分管副主任", [(None, "市政府分管副秘书长或市政府办公室分管副主任")],
                 id="either-or"),
    pytest.param("按照职责分工和战时需要协助总指挥开展工作，经总指挥授权后启动。", [], id="a-sentence"),
    pytest.param("市委宣传部、市发展和改革委员会", [], id="a-unit-list"),
])
def test_list_cells(line, expected):
    assert cell(line) == expected


def test_a_remark_that_adds_a_role():
    # 002 D12: 周立明 旗人民政府副旗长(兼常务副总指挥)
    t = "周立明 旗人民政府副旗长(兼常务副总指挥)"
    [e] = entries(text(t), 0, len(t))
    assert (e.person.text, e.post.text, e.also) == ("周立明", "旗人民政府副旗长", ("常务副总指挥",))


@pytest.mark.parametrize("post, expected", [
    ("盟应急管理局主要负责同志", True), ("市人民政府分管领导", True), ("副市长", True),
    ("市委常委、副市长", True), ("市委宣传部", False), ("主要职责是协调", False),
])
def test_is_post(post, expected):
    assert is_post(post) is expected


@pytest.mark.parametrize("post, unit", [
    ("东胜区区长", "东胜区"),                              # 003: a 旗区 head serves for its government
    ("市委统战部副部长、宗教事务局局长", "市委统战部"),      # 003 D10: the unit of the first post
    ("旗委政法委常务副书记", "旗委政法委"),                  # 002: not 旗委政法委常务
    ("市文化和旅游局(文物局)局长", "市文化和旅游局(文物局)"),
    ("副市长", None),
])
def test_unit_of_post(post, unit):
    found = unit_of_post(text(post), (0, len(post)))
    assert (found.text if found else None) == unit


def test_members_are_people_posts_or_units():
    t = "所需人员从市直相关部门、市水文站抽调。"
    assert [(u.text, e) for u, e in members(text(t), 0, len(t))] == [("市直相关部门", None), ("市水文站", None)]
    t = "旗委督查室主任、旗政府督查室主任。"     # 002 D12: members named by post
    assert [u.text for u, _ in members(text(t), 0, len(t))] == ["旗委督查室", "旗政府督查室"]


@pytest.mark.parametrize("listed, expected", [
    # 004: organs of the party committee share its prefix until the run ends at ，
    pytest.param("市委组织部、宣传部、网信办，市政府外事办，市发展和改革委员会、科学技术局",
                 [("市委组织部", "", False), ("宣传部", "市委", False), ("网信办", "市委", False),
                  ("市政府外事办", "", False), ("市发展和改革委员会", "", False), ("科学技术局", "", False)],
                 id="implied-party-prefix"),
    # 002 D12: 各 distributes over the bare names after it
    pytest.param("各属地镇政府、街区党工委、园区管委会负责人。",
                 [("各属地镇政府", "", False), ("街区党工委", "", True), ("园区管委会", "", True)],
                 id="plural-run"),
    # people the list leaves unnamed (有关负责人): the run is one collective entry
    pytest.param("各属地镇政府、街区党工委、园区管委会有关负责人。",
                 [("各属地镇政府、街区党工委、园区管委会有关负责人", "", True)], id="unnamed-people-of-a-run"),
    pytest.param("驻京部队及北京市委、市政府有关领导",
                 [("驻京部队", "", False), ("北京市委、市政府有关领导", "", True)], id="unnamed-people-after-and"),
    # 003 D2: a generic tail joins two lists
    pytest.param("市住房和城乡建设局等相关部门以及事发地旗区人民政府、事发单位",
                 [("市住房和城乡建设局", "", False), ("事发地旗区人民政府", "", False), ("事发单位", "", False)],
                 id="generic-join"),
])
def test_unit_lists(listed, expected):
    found = unit_mentions(text(listed), 0, len(listed))
    assert [(m.text, m.implied, m.collective) for m in found] == expected


def test_body_names_are_found_by_alias_office_and_core():
    names = BodyNames()
    names.add("鄂尔多斯市生产安全事故应急指挥部", "HQ")
    names.add("市指挥部", "HQ")
    names.add("现场指挥部", "FIELD")
    names.add_office("HQ", "OFFICE")
    assert [names.find(n) for n in ("市指挥部办公室", "指挥部", "市级现场指挥部", "应急管理局")] == \
        ["OFFICE", "HQ", "FIELD", None]


@pytest.mark.parametrize("name, body_type_, parent, parent_type, expected", [
    ("综合协调组", "working_group", "鄂尔多斯市现场指挥部", "headquarters", "鄂尔多斯市现场指挥部综合协调组"),
    ("专家组", "expert_group", "兴安盟防灾减灾救灾委员会", "committee", "兴安盟防灾减灾救灾委员会专家组"),
    ("供水保障推进组", "working_group", "鄂尔多斯市推进实施温暖工程专项工作组", "working_group",
     "鄂尔多斯市供水保障推进组"),
    ("市容市貌环境维护保障响应组", "working_group", "伊金霍洛旗X指挥部", "headquarters",
     "伊金霍洛旗X指挥部市容市貌环境维护保障响应组"),          # 市容 is not 市 + 容
    ("联席会议办公室", "office", "鄂尔多斯市产业基金发展运作联席会议", "joint_conference",
     "鄂尔多斯市产业基金发展运作联席会议办公室"),
])
def test_names_of_bodies_inside_bodies(name, body_type_, parent, parent_type, expected):
    body = Body("D", Span(0, 0), "t", Mention(name, Span(0, 0)), body_type_)
    jurisdiction = expected[:5] if expected.startswith("鄂尔多斯") else None
    assert canonical_sub_body(body, parent, parent_type, jurisdiction or "伊金霍洛旗") == expected


@pytest.mark.parametrize("name, kind", [
    ("兴安盟防灾减灾救灾委员会", "committee"), ("鄂尔多斯市产业基金发展运作联席会议", "joint_conference"),
    ("市邮政业突发事件应急专家咨询组", "expert_group"), ("旗农村牧区产权协调小组", "leading_group"),
    ("鄂尔多斯市发展和改革委员会", None),          # an agency, not a body
])
def test_body_type(name, kind):
    assert body_type(name) == kind


def test_units_named_as_areas_and_units_that_only_look_abbreviated():
    assert canonical_unit("东胜区", "鄂尔多斯市") == "东胜区人民政府"
    assert canonical_unit("市政府", "通辽市") == "通辽市人民政府"
    assert not abbreviates("额尔古纳市消防救援大队", "额尔古纳市森林消防救援大队")   # 000: two units
