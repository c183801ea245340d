"""appointments: personnel decisions, one event per person per post."""
from __future__ import annotations

import pytest

from graph.extract.appointments import split_person
from graph.ingest import parse_bytes
from graph.pipeline import process
from graph.query import query_text, run_query

NOTICE = "鄂尔多斯市人民政府关于乔建江等职务任免的通知\n鄂府任字〔2024〕4号\n各旗区人民政府:\n根据工作需要，决定：\n{}\n" \
         "鄂尔多斯市人民政府\n2024年2月21日\n"


def appointments(decisions: str, notice: str = NOTICE):
    """(person, action, post, unit, date) of each event in a personnel notice."""
    result = process(parse_bytes(notice.format(decisions).encode("utf-8"), "t.txt"))
    return [(f.person.name, f.action, f.post.name, f.unit.name if f.unit else None, f.date)
            for f in result.facts if f.kind == "appointment"]


@pytest.mark.parametrize("decisions, expected", [
    # bugs caught: the notice's own 文号 鄂府任字〔2024〕4号 read as 鄂府 appointed to 字〔2024〕4号
    pytest.param("王蕾任市科学技术局副局长(试用期一年)；",
                 [("王蕾", "appoint", "鄂尔多斯市科学技术局副局长", "鄂尔多斯市科学技术局", "2024-02-21")], id="probation-note"),
    # a five-character name holds 根 (as in 根据), which is no reason to drop it
    pytest.param("莫日根吉雅任市司法局副局长；",
                 [("莫日根吉雅", "appoint", "鄂尔多斯市司法局副局长", "鄂尔多斯市司法局", "2024-02-21")], id="long-name"),
    # a name that begins with 任
    pytest.param("任二虎任市就业服务中心主任；",
                 [("任二虎", "appoint", "鄂尔多斯市就业服务中心主任", "鄂尔多斯市就业服务中心", "2024-02-21")], id="name-with-任"),
    # 任A，免去B职务: two events for one person
    pytest.param("丁挨玺任市公共资源交易中心主任,免去市政府投资项目代建中心主任职务;",
                 [("丁挨玺", "appoint", "鄂尔多斯市公共资源交易中心主任", "鄂尔多斯市公共资源交易中心", "2024-02-21"),
                  ("丁挨玺", "remove", "鄂尔多斯市政府投资项目代建中心主任", "鄂尔多斯市政府投资项目代建中心", "2024-02-21")],
                 id="appoint-and-remove"),
    # no 同志 between the removed person and the post
    pytest.param("免去金山市人民政府副秘书长职务；\n免去苏云高娃市科学技术局副局长职务。",
                 [("金山", "remove", "鄂尔多斯市人民政府副秘书长", "鄂尔多斯市人民政府", "2024-02-21"),
                  ("苏云高娃", "remove", "鄂尔多斯市科学技术局副局长", "鄂尔多斯市科学技术局", "2024-02-21")], id="remove-no-separator"),
    # 任命X为Y; a note after the post (正处级) is cut, an alias inside the unit's name is kept
    pytest.param("任命张三同志为市公共资源交易中心（市政府采购中心）主任（正处级）；",
                 [("张三", "appoint", "鄂尔多斯市公共资源交易中心（市政府采购中心）主任", "鄂尔多斯市公共资源交易中心",
                   "2024-02-21")], id="appoint-as"),
    # 挂职 is a secondment; its note is cut from the post
    pytest.param("钟财富挂职任市发展和改革委员会副主任(挂职时间为一年,2024年1月至2025年1月)；",
                 [("钟财富", "secondment", "鄂尔多斯市发展和改革委员会副主任", "鄂尔多斯市发展和改革委员会", "2024-02-21")],
                 id="secondment"),
])
def test_decisions(decisions, expected):
    assert appointments(decisions) == expected


def test_confirmation_after_probation_and_two_posts():
    notice = "鄂尔多斯市人民政府关于云小平等试用期满任职的通知\n鄂府任字〔2024〕3号\n各旗区人民政府:\n根据工作需要，决定：\n{}\n" \
             "鄂尔多斯市人民政府\n2024年2月21日\n"
    found = appointments("奇凤任市水利局副局长、市河湖长制办公室副主任,任职时间从2022年9月起算。", notice)
    assert [(p, a, post) for p, a, post, *_ in found] == [
        ("奇凤", "confirm", "鄂尔多斯市水利局副局长"), ("奇凤", "confirm", "鄂尔多斯市河湖长制办公室副主任")]


def test_gazette_personnel_part_without_a_date():
    text = ("通辽市人民政府公报\n人事任免\n(2023年11月至12月)\n经市政府党组研究决定：\n"
            "李凌芬同志任市行政学院副院长，免去其通辽广播电视台台长职务；\n"
            "免去戴国琴同志科尔沁艺术职业学院副院长职务，退休，退休时间为2023年7月31日。（通政任字〔2023〕24号）\n"
            "原超俊等同志任职试用期已满，经市政府研究决定：\n原超俊同志任市政府驻北京联络处副主任。\n"
            "以上同志任职时间从2022年9月起计算。（通政任字〔2023〕28号）\n")
    result = process(parse_bytes(text.encode("utf-8"), "t.txt"))
    found = [(f.document, f.person.name, f.action, f.post.name, f.date) for f in result.facts if f.kind == "appointment"]
    assert found == [("D1", "李凌芬", "appoint", "通辽市行政学院副院长", None),
                     ("D1", "李凌芬", "remove", "通辽广播电视台台长", None),
                     ("D1", "戴国琴", "remove", "科尔沁艺术职业学院副院长", None),
                     ("D2", "原超俊", "confirm", "通辽市政府驻北京联络处副主任", None)]


@pytest.mark.parametrize("text, known, expected", [
    pytest.param("王水云市口岸管理办公室主任", [], 3, id="at-市"),
    pytest.param("斯琴格日勒鄂尔多斯高新技术产业开发区综合保障中心主任", [], 5, id="at-place-name"),
    pytest.param("刘根外恩格贝生态示范区管理委员会副主任", ["恩格贝生态示范区管理委员会副主任"], 3, id="post-named-elsewhere"),
])
def test_split_person(text, known, expected):
    assert split_person(text, known) == expected


# ---------------------------------------------------------------------------------------
# The sample corpus

def test_appointment_from_a_鄂府任字_notice(sample_store):
    rows = run_query(sample_store, query_text("appointments")).rows
    assert ("鄂尔多斯市人民政府关于乔建江等职务任免的通知", "乔建江", "appoint", "鄂尔多斯市乡村振兴局局长",
            "鄂尔多斯市乡村振兴局", "2024-02-21") in rows
    assert ("鄂尔多斯市人民政府关于丁挨玺等职务任免的通知", "奇钨乐", "remove", "鄂尔多斯市地震局局长",
            "鄂尔多斯市地震局", "2024-01-09") in rows


def test_who_holds_a_post(sample_store):
    rows = run_query(sample_store, """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?person WHERE { ?p org:holds ?x ; foaf:name ?person . ?x skos:prefLabel "鄂尔多斯市能源局副局长" }""").rows
    assert ("乔世怀",) in rows


# ---------------------------------------------------------------------------------------
# Decisions told in news reports and 人大常委会 lists (header-less texts: inferred personnel documents)

def reported(text: str):
    """(person, action, post) of each event read from a header-less text."""
    result = process(parse_bytes(text.encode("utf-8"), "t.txt"))
    return [(f.person.name, f.action, f.post.name) for f in result.facts if f.kind == "appointment"]


@pytest.mark.parametrize("text, expected", [
    # 会议任命X为Y、Z: one person to two posts (Tianjin)
    pytest.param("本报讯 5日，区人大常委会举行会议。会议任命张勇为滨海新区人民政府副区长、代理区长；"
                 "任命张铁军为滨海新区人民政府副区长。",
                 [("张勇", "appoint", "滨海新区人民政府副区长"), ("张勇", "appoint", "滨海新区代理区长"),
                  ("张铁军", "appoint", "滨海新区人民政府副区长")], id="meeting-appoints-two-posts"),
    # 决定任命A、B为Y，C为Z; 决定X为Y; 免去X Y职务 (Heilongjiang)
    pytest.param("省人大常委会会议25日结束。会议表决通过了人事任免职名单，决定任命杜家毫、孙尧为省政府副省长，"
                 "郭晓华为省政府秘书长；免去张松岭省政府秘书长职务。会议决定栗战书为代理省长。",
                 [("杜家毫", "appoint", "省政府副省长"), ("孙尧", "appoint", "省政府副省长"),
                  ("郭晓华", "appoint", "省政府秘书长"), ("张松岭", "remove", "省政府秘书长"),
                  ("栗战书", "appoint", "代理省长")], id="several-persons-one-post"),
    # (挂职) after the post is a secondment; the lead and the body tell it once (Hubei)
    pytest.param("11月18日，商务部西亚非洲司司长江伟被任命为武汉市副市长（挂职）。\n"
                 "武汉市人大常委会会议表决通过人事任免事项，任命江伟为武汉市人民政府副市长（挂职）。",
                 [("江伟", "secondment", "武汉市副市长")], id="secondment-in-news"),
    # 免去X同志的Y职务: the post never starts with 的; 免除X同志Y一职 (Hubei)
    pytest.param("会议讨论决定了有关人事任免。免去周玲同志的竹山县人民政府副县长职务。免除王五同志县财政局局长一职。",
                 [("周玲", "remove", "竹山县人民政府副县长"), ("王五", "remove", "竹山县财政局局长")], id="remove-forms"),
    # 决定X副区长代理Y区长职务 (Tianjin)
    pytest.param("区人大常委会举行会议，会议决定任免事项，决定王六副区长代理东丽区区长职务。",
                 [("王六", "appoint", "代理东丽区区长")], id="acting-head"),
    # 人大常委会 任命名单 / 免职名单 (Hunan)
    pytest.param("湘阴县人民代表大会常务委员会任命名单\n任命：\n张三为湘阴县教育局局长；\n李四五为湘阴县财政局局长。\n"
                 "免职名单\n王六的湘阴县教育局局长职务。",
                 [("张三", "appoint", "湘阴县教育局局长"), ("李四五", "appoint", "湘阴县财政局局长"),
                  ("王六", "remove", "湘阴县教育局局长")], id="standing-committee-lists"),
    # 免除X同志Y一职 inside a sentence, 任命A同志为Y，B同志为Y (Hebei)
    pytest.param("会议还一致通过了新的人事任免决议，免除路正阳同志常务副县长一职，任命邢晟同志为政府副县长，苑华东同志为政府副县长。",
                 [("路正阳", "remove", "常务副县长"), ("邢晟", "appoint", "政府副县长"), ("苑华东", "appoint", "政府副县长")],
                 id="remove-within-sentence"),
    # 决定任命A、B三位同志为Y; 任命X等100名同志 names no one (Jiangxi, traditional characters)
    pytest.param("會議經投票表決，決定任命呂靖、李保庚、李超群三位同志為永豐縣監察委員會委員，任命肖世強等100名同志為人民陪審員。",
                 [("呂靖", "appoint", "永豐縣監察委員會委員"), ("李保庚", "appoint", "永豐縣監察委員會委員"),
                  ("李超群", "appoint", "永豐縣監察委員會委員")], id="counted-persons"),
])
def test_reported_decisions(text, expected):
    assert reported(text) == expected
