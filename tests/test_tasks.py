"""tasks: work items and the units that lead (牵头), support (配合) or answer for (责任) them."""
from __future__ import annotations

import pytest

from graph.extract.tables import align, header_columns
from graph.ingest import parse_bytes
from graph.pipeline import process
from graph.query import query_text, run_query

HEADER = "鄂尔多斯市人民政府关于印发鄂尔多斯市温暖工程实施方案的通知\n鄂府发〔2024〕11号\n各旗区人民政府:\n"


def tasks(body: str, header: str = HEADER):
    """(text, ((relation, canonical unit), …)) of each task found in a short document."""
    result = process(parse_bytes((header + body).encode("utf-8"), "t.txt"))
    return [(f.text, tuple((u.relation, u.unit.name) for u in f.units))
            for f in result.facts if f.kind == "task"]


@pytest.mark.parametrize("body, expected", [
    # bugs caught: a note after the list (以下均需…不再列出) was read as units
    pytest.param("1.明确结构体系。鼓励采用钢结构。（责任单位：市住房和城乡建设局，以下均需各旗区人民政府推动落实，不再列出）\n",
                 [("明确结构体系", (("responsible", "鄂尔多斯市住房和城乡建设局"),))], id="note-after-list"),
    # a collective entry 旗直有关部门单位 lost its 有关部门单位 and became a unit 旗直
    pytest.param("1.强化预警。做好预警工作。(责任单位:市住建局、市直有关部门单位)\n",
                 [("强化预警", (("responsible", "鄂尔多斯市住房和城乡建设局"),
                                ("responsible", "市直有关部门单位")))], id="collective-kept-whole"),
    # labelled lead and support, separated by ；
    pytest.param("1.出资100亿元以上设立产业引导基金。产业引导基金是指……。（牵头单位：市国有资产投资控股集团有限公司；"
                 "配合单位：市财政局、市国有资产监督管理委员会）\n",
                 [("出资100亿元以上设立产业引导基金",
                   (("lead", "鄂尔多斯市国有资产投资控股集团有限公司"), ("support", "鄂尔多斯市财政局"),
                    ("support", "鄂尔多斯市国有资产监督管理委员会")))], id="lead-support"),
    # labels separated by a comma, and a third label
    pytest.param("(一)全面落实就业优先政策。优化中小微企业发展生态。(牵头单位:市市场监管局,配合单位:市工信局,"
                 "责任单位:各旗区人民政府)\n",
                 [("全面落实就业优先政策", (("lead", "鄂尔多斯市市场监督管理局"), ("support", "鄂尔多斯市工业和信息化局"),
                                          ("responsible", "各旗区人民政府")))], id="three-labels"),
    # a heading that holds one item names it; the bracket stands under it
    pytest.param("二、任务目标\n（一）拓宽第一产业就业渠道\n培育壮大新型农牧业经营主体。（责任单位：市农牧局、发改委）\n"
                 "（二）提高第二产业就业比重\n优化新兴产业结构。（责任单位：市工信局）\n",
                 [("拓宽第一产业就业渠道", (("responsible", "鄂尔多斯市农牧局"),
                                          ("responsible", "鄂尔多斯市发展和改革委员会"))),
                  ("提高第二产业就业比重", (("responsible", "鄂尔多斯市工业和信息化局"),))], id="heading-names-item"),
    # two brackets in one paragraph: two items, each from where the last one ended
    pytest.param("二、工作目标\n到2025年，研发经费支出比重达到1%。（责任单位：市科技局）企业主体作用更加凸显。（责任单位：市工信局）\n",
                 [("到2025年，研发经费支出比重达到1%", (("responsible", "鄂尔多斯市科学技术局"),)),
                  ("企业主体作用更加凸显", (("responsible", "鄂尔多斯市工业和信息化局"),))], id="two-in-a-paragraph"),
    # a bracket on a line of its own closes the paragraph above it
    pytest.param("（一）增强创新动力\n支持企业开展新产品研发。（市工信局）\n创新林草产品，加强产品商标注册。\n（市林草局）\n",
                 [("支持企业开展新产品研发", (("responsible", "鄂尔多斯市工业和信息化局"),)),
                  ("创新林草产品，加强产品商标注册", (("responsible", "鄂尔多斯市林业和草原局"),))], id="bare-bracket-own-line"),
    # a label on a line of its own, without brackets, closes the item above it
    pytest.param("3.规范供热市场秩序。推行供热质量综合评价管理。\n牵头单位：市住房和城乡建设局；配合单位：市财政局\n",
                 [("规范供热市场秩序", (("lead", "鄂尔多斯市住房和城乡建设局"), ("support", "鄂尔多斯市财政局")))],
                 id="label-line"),
    # a bracket in the middle of a sentence, or one holding no units, is not a task
    pytest.param("由市指挥部办公室（市应急管理局）\n发布预警。依据标准（T/CIQA54-2023）。试用期（试用期一年）。\n", [],
                 id="not-a-task-bracket"),
])
def test_bracket_tasks(body, expected):
    assert tasks(body) == expected


def test_bare_bracket_in_a_league_text_resolves_its_area():
    header = "兴安盟行政公署关于加快质量强盟建设的意见\n兴署发〔2024〕71号\n各旗县市人民政府：\n"
    found = tasks("（一）增强质量发展创新动力\n支持企业开展新产品研发。（盟工信局）\n"
                  "加强塑料污染治理专项整治工作。（盟市场监管局、商务口岸局）\n", header)
    assert found == [("支持企业开展新产品研发", (("responsible", "兴安盟工业和信息化局"),)),
                     ("加强塑料污染治理专项整治工作", (("responsible", "兴安盟市场监督管理局"),
                                                    ("responsible", "兴安盟商务口岸局")))]


TABLE = ("序号\t重点工作\t具体事项\t完成时限\t牵头单位\t配合单位\n"
         "1\t全面落实就业优先政策\t出台实施方案，持续减轻中小微企业负担。\t持续推进\t市场监管局 就业和社会保险事业中心\t工信局、财政局\n"
         "推进农村劳动力转移就业\t依托乡村振兴产业项目，拓宽就近就业渠道。\t持续推进\t人社局\t各镇人民政府\n")


def test_table_rows_are_tasks_with_their_columns():
    header = "伊金霍洛旗人民政府办公室关于印发伊金霍洛旗促进就业提升工作实施方案的通知\n伊政办发〔2024〕26号\n各镇人民政府:\n"
    assert tasks("附件1\n" + TABLE, header) == [
        ("全面落实就业优先政策", (("lead", "伊金霍洛旗市场监督管理局"), ("lead", "伊金霍洛旗就业和社会保险事业中心"),
                                 ("support", "伊金霍洛旗工业和信息化局"), ("support", "伊金霍洛旗财政局"))),
        ("推进农村劳动力转移就业", (("lead", "伊金霍洛旗人力资源和社会保障局"), ("support", "各镇人民政府")))]


def test_a_table_that_repeats_the_text_adds_nothing():
    header = "伊金霍洛旗人民政府办公室关于印发伊金霍洛旗促进就业提升工作实施方案的通知\n伊政办发〔2024〕26号\n各镇人民政府:\n"
    body = ("(一)全面落实就业优先政策。优化中小微企业发展生态。(牵头单位:旗市场监管局、旗就业和社会保险事业中心,"
            "配合单位:旗工信局、旗财政局)\n")
    found = tasks(body + "附件1\n" + TABLE, header)
    assert [t for t, _ in found] == ["全面落实就业优先政策", "推进农村劳动力转移就业"]


@pytest.mark.parametrize("cells, header, expected", [
    # the 序号 and 重点工作 cells span rows: the row starts with the 具体事项
    pytest.param(["制定卫生健康人才引进培育办法。拓展旗级医疗机构与国内三甲医院合作，引进专家团队和学科带头人，推动建立专科联盟。", "2024年底", "旗委组织部、旗卫健委"],
                 ("number", "heading", "detail", "date", "responsible"), ("detail", "date", "responsible"), id="spanned"),
    # an empty 备注 at the end is dropped
    pytest.param(["1", "制定落实基本养老服务清单", "分类梳理形成清单85项。", "民政局", "旗发改委、旗人社局", "2024年6月"],
                 ("number", "heading", "detail", "lead", "support", "date", "other"),
                 ("number", "heading", "detail", "lead", "support", "date"), id="trailing-empty"),
    # units split over the cell by spaces, "/" for none
    pytest.param(["5", "市住建局", "/", "城镇燃气普及率", "97.8%", "98%"],
                 ("number", "lead", "support", "heading", "other", "other"),
                 ("number", "lead", "support", "heading", "other", "other"), id="indicators"),
])
def test_row_cells_are_aligned_to_the_header_by_what_they_hold(cells, header, expected):
    assert align(cells, header) == expected


def test_header_columns():
    assert header_columns("序号\t牵头部门\t配合部门\t指标内容\t2024 年 预期指标") == \
        ("number", "lead", "support", "heading", "other")
    assert header_columns("序号\t决策项目名称\t主要实施单位") is None


# ---------------------------------------------------------------------------------------
# The sample corpus

def task_rows(sample_store):
    return run_query(sample_store, query_text("tasks")).rows


def test_warmth_project_task_led_by_housing_bureau_with_its_supporting_units(sample_store):
    rows = [r for r in task_rows(sample_store) if r[0] == "鄂尔多斯市温暖工程实施方案" and r[1] == "提升供热整体能力"]
    assert ("lead", "鄂尔多斯市住房和城乡建设局") in {(r[2], r[3]) for r in rows}
    assert {r[3] for r in rows if r[2] == "support"} == {
        "鄂尔多斯市发展和改革委员会", "鄂尔多斯市财政局", "鄂尔多斯市自然资源局", "鄂尔多斯市生态环境局", "鄂尔多斯市能源局"}
    assert ("responsible", "各旗区人民政府") in {(r[2], r[3]) for r in rows}


def test_table_row_task_from_the_indicator_table(sample_store):
    rows = {(r[1], r[2], r[3]) for r in task_rows(sample_store) if r[0] == "通辽市推动城乡建设绿色发展实施方案"}
    assert ("市中心城区再生水回用率", "lead", "通辽市水务局") in rows
    assert ("市中心城区再生水回用率", "support", "通辽市工业和信息化局") in rows


def test_bare_bracket_task_of_the_quality_plan(sample_store):
    rows = {(r[1], r[2], r[3]) for r in task_rows(sample_store)}
    assert ("加强塑料污染治理专项整治工作", "responsible", "兴安盟商务口岸局") in rows
    assert ("持续推进内蒙古科尔沁肉牛、大兴安岭大豆优势特色产业集群项目建设", "responsible", "兴安盟农牧局") in rows


def test_tasks_a_unit_leads(sample_store):
    rows = run_query(sample_store, query_text("unit_lead_tasks"), {"unit": "鄂尔多斯市能源局"}).rows
    assert ("鄂尔多斯市能源局", "鄂尔多斯市温暖工程实施方案", "加快推进绿电上网") in rows
    assert all(r[0] == "鄂尔多斯市能源局" for r in rows)


# ---------------------------------------------------------------------------------------
# Forms met in other provinces' texts (issue 13)

ANHUI = "滁州市人民政府关于印发2020年市政府重点工作分工方案的通知\n滁政〔2020〕8号\n各县、市、区人民政府:\n"
HUNAN = "湘阴县人民政府关于印发湘阴县优化营商环境实施办法的通知\n湘政发〔2019〕3号\n各乡镇人民政府:\n"
HENAN = "洛阳市人民政府办公室关于印发洛阳市专项应急预案编制工作方案的通知\n洛政办〔2021〕15号\n各县（市、区）人民政府:\n"
JIANGXI = "吉水县人民政府办公室关于印发民生实事任务分解表的通知\n吉府办字〔2020〕9号\n各乡镇人民政府:\n"


@pytest.mark.parametrize("body, header, expected", [
    # 牵头责任单位 / 协同责任单位 on their own lines after the item, a 牵头负责领导 (a person) between (Anhui)
    pytest.param("1.地区生产总值增长8%以上。\n牵头负责领导:金力。\n牵头责任单位:市发展改革委。\n协同责任单位:市经信局、市商务局。\n",
                 ANHUI, [("地区生产总值增长8%以上", (("lead", "滁州市发展和改革委员会"),)),
                         ("地区生产总值增长8%以上", (("support", "滁州市经信局"), ("support", "滁州市商务局")))],
                 id="own-lines-long-labels"),
    # 第X条 numbers an item; （牵头责任单位：…；责任单位：…） in a bracket (Hunan)
    pytest.param("第二条  推进政务服务事项网上办。分批次推进网上办理。(牵头责任单位:县政务服务中心;责任单位:县财政局)\n",
                 HUNAN, [("推进政务服务事项网上办", (("lead", "湘阴县政务服务中心"), ("responsible", "湘阴县财政局")))],
                 id="article-number-long-label"),
    # 〔责任单位：…〕 (Hunan)
    pytest.param("1.优化审批流程。压缩审批时限。〔责任单位：县行政审批服务局、县财政局按职责分工负责〕\n",
                 HUNAN, [("优化审批流程", (("responsible", "湘阴县行政审批服务局"), ("responsible", "湘阴县财政局")))],
                 id="tortoise-bracket"),
    # a pipe table with a 责任领导 column (a person) and a 责任单位 column (Jiangxi)
    pytest.param("序号 | 工作任务 | 责任领导 | 责任单位 |\n1 | 推进县域综合医改试点工作 | 毛晓青 | 县卫健委 |\n",
                 JIANGXI, [("推进县域综合医改试点工作", (("responsible", "吉水县卫生健康委员会"),))], id="pipe-table"),
    # a lead named only in a sub-heading, for the items under it until the next heading (Anhui)
    pytest.param("（一）市发展改革委牵头的工作\n1.推进重大项目建设。年内开工项目100个。\n2.扩大有效投资。\n"
                 "（二）市财政局牵头的工作\n1.加强预算管理。\n二、保障措施\n（一）加强组织领导。各部门要高度重视。\n", ANHUI,
                 [("推进重大项目建设", (("lead", "滁州市发展和改革委员会"),)), ("扩大有效投资", (("lead", "滁州市发展和改革委员会"),)),
                  ("加强预算管理", (("lead", "滁州市财政局"),))], id="lead-in-sub-heading"),
    # a list of plans to draft: 专项方案 / 编制单位, units split by spaces, the 备注 empty (Inner Mongolia)
    pytest.param("附件2\n专项工作方案编制任务清单\n序号\t专项方案\t编制单位\t备注\n"
                 "10\t城市供电运维保障工作方案\t供电分公司 圣地电力安装维护有限公司\t\n"
                 "17\t城市在建项目城市运维保障工作方案\t住房和城乡建设局 城市投资集团\t\n",
                 "伊金霍洛旗人民政府办公室关于印发城市运维保障工作方案的通知\n伊政办发〔2024〕30号\n各镇人民政府:\n",
                 [("城市供电运维保障工作方案", (("responsible", "供电分公司"),
                                             ("responsible", "圣地电力安装维护有限公司"))),
                  ("城市在建项目城市运维保障工作方案", (("responsible", "伊金霍洛旗住房和城乡建设局"),
                                                     ("responsible", "伊金霍洛旗城市投资集团")))],
                 id="plans-to-draft"),
    # 预案名称 / 编制单位: each unit drafts a contingency plan (Henan)
    pytest.param("序号\t预案名称\t编制单位\n1\t洛阳市防汛抗旱应急预案\t市水利局\n2\t洛阳市地震应急预案\t市应急管理局\n",
                 HENAN, [("洛阳市防汛抗旱应急预案", (("responsible", "洛阳市水利局"),)),
                         ("洛阳市地震应急预案", (("responsible", "洛阳市应急管理局"),))], id="contingency-plans-to-draft"),
    # a pipe table whose unit column is 承办单位 (Jiangxi)
    pytest.param("序号 | 工作任务 | 承办单位 |\n1 | 新建城区公办幼儿园2所 | 县教体局 |\n",
                 JIANGXI, [("新建城区公办幼儿园2所", (("responsible", "吉水县教育体育局"),))], id="pipe-table-handled-by"),
])
def test_forms_of_other_provinces(body, header, expected):
    assert tasks(body, header) == expected
