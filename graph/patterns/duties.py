"""Duties, tasks and appointments."""
from __future__ import annotations

import re

from .. import lexicon
from ..names import LexiconPattern
from .common import X, HAN, LPAREN, RPAREN, Cued

__test__: dict[str, str] = {}   # the examples below, run by doctest

# Duties, tasks and appointments (issue 4).

ITEM_NUMBER = re.compile(rf"""
    ^(?:[●◆■▪•](?![ \t\u3000]*[-•●▪·\d（(①-⑳一二三四五六七八九十第])[ \t\u3000]*   # a bullet alone: ●研究制定…
    | (?:[-•●▪·][ \t\u3000]*)?                                   # a bullet before the number
    (?:[一二三四五六七八九十百]+[、.．]
      | {LPAREN}[ \t\u3000]*(?:[一二三四五六七八九十]+|\d{{1,2}})[ \t\u3000]*{RPAREN}
      | \d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}}(?:[.．、](?!\d)|[ \t\u3000]+(?![年月日时个万亿元%])
                                          |(?=[{HAN}])(?![年月日时个万亿元人家项条次名台套公里千米小分秒周岁倍级]))
      | [①-⑳]
      | [一二三四五六七八九十]是
      | 第[一二三四五六七八九十百零]{{1,6}}条(?=[ \t\u3000])             # 第二条  推进…（an article）
    ))[ \t\u3000]*
""", X)
__test__["ITEM_NUMBER"] = """The number (or bullet) that opens a list item: 1. （一） (3) 一、 ① 一是.

>>> [ITEM_NUMBER.match(s).group() for s in ("（3）市卫健委：", "1. 市公安局", "一是建立", "- (1) 贯彻", "第二条  推进", "●审定")]
['（3）', '1. ', '一是', '- (1) ', '第二条  ', '●']
>>> [ITEM_NUMBER.match(s) for s in ("24小时内", "2024年", "30 万元")]
[None, None, None]
"""

TASK_LABEL = re.compile(r"""
    (?P<label>牵头|配合|协同|协办|主责|责任)            # who: lead / support / answer for
    [ \t\u3000]*(?:责任)?(?:单位|部门)[ \t\u3000]*(?:/人)?      # 牵头责任单位, 协同责任单位
    [ \t\u3000]*[：:]
""", X)
__test__["TASK_LABEL"] = """A label in a work item's bracket: 牵头单位： 配合部门: 责任单位：.

>>> [m.group("label") for m in TASK_LABEL.finditer("（牵头单位：市财政局；配合单位:市商务局，责任单位：各旗区）")]
['牵头', '配合', '责任']
"""

__test__["TASK_LABEL_LONG"] = """牵头责任单位 leads and 协同责任单位 supports (not 责任 inside them).

>>> [m.group("label") for m in TASK_LABEL.finditer("（牵头责任单位：县政务服务中心；协同责任单位：县财政局）")]
['牵头', '协同']
"""

LEAD_HEADING = re.compile(r"""
    ^(?P<unit>[^\s，,。；;：:、]{2,30}?)(?:牵头|负责)(?:负责)?的?(?:重点)?(?:工作|任务|事项)(?:[（(][^（）()]{0,12}[）)])?$
""", X)
__test__["LEAD_HEADING"] = """A sub-heading that names the lead of the items under it: （一）市发展改革委牵头的工作.

>>> LEAD_HEADING.match("市发展改革委牵头的工作").group("unit")
'市发展改革委'
>>> LEAD_HEADING.match("推进重点工作") is None
True
"""

LEADER_LABEL = re.compile(r"""
    ^[ \t\u3000]*(?:牵头|责任|分管|联系)?(?:负责)?(?:区|县|市)?领导[ \t\u3000]*[：:]
""", X)
__test__["LEADER_LABEL"] = """A line naming the leader in charge of an item (a person, not a unit): 责任领导：, 牵头负责领导：.

>>> [bool(LEADER_LABEL.match(s)) for s in ("牵头负责领导：金力。", "责任领导：毛晓青", "责任单位：县教体局")]
[True, True, False]
"""

TASK_COLUMN = LexiconPattern(lambda: re.compile(rf"""
    ^[ \t\u3000]*(?P<label>{"|".join(r["label"] for r in lexicon.read_table("task_labels"))})
    [ \t\u3000]*(?:责任)?(?:单位|部门)
""", X))
__test__["TASK_COLUMN"] = """A table header cell naming the units of a row: 牵头单位, 配合部门, 责任单位 (the label
words and their relations are lexicon/task_labels.tsv).

>>> bool(TASK_COLUMN.match("牵头部门")), bool(TASK_COLUMN.match("主要实施单位")), bool(TASK_COLUMN.match("协同责任单位"))
(True, False, True)
"""

BODY_LABEL = r"""
    (?P<name>[{han}（）()·]{{0,30}}?
      (?:(?:{suffixes})(?:办公室)? | [{han}]{{2,8}}?组(?![建织成长员])))    # …指挥部(办公室) / 综合协调组
"""
__test__["BODY_LABEL"] = """A whole body name used as a label or a duty holder (a template: the suffixes
come from lexicon/body_types.tsv, see ``extract.bodies.label_pattern``).

>>> p = re.compile(BODY_LABEL.format(han=HAN, suffixes="指挥部|专家委员会"), X)
>>> [p.fullmatch(s) is not None for s in ("市减灾指挥部办公室", "综合协调组", "市财政局")]
[True, True, False]
>>> [m.group() for m in p.finditer("市指挥部组建专家委员会，")]
['市指挥部', '组建专家委员会']
"""

DUTY_WORD = "职责"
"""The word both duty cues are made of (a line without it holds neither)."""

DUTY_CUE = re.compile(rf"""
    (?:的)?(?:主要|工作|具体|基本)?{DUTY_WORD}(?:和任务|任务)?
    (?:是|为|如下|包括|有)?[ \t\u3000]*(?:[：:，,]|$)
""", X)
__test__["DUTY_CUE"] = """The words that open a body's functions: 的主要职责： 职责: 主要职责是 职责如下：.

>>> [bool(DUTY_CUE.match(s)) for s in ("的主要职责：在", "职责:负责", "主要职责是协调", "职责分工")]
[True, True, False, False]
"""
# 主要职责是协调 has no colon: the cue then ends at 是 (see DUTY_CUE_BARE).

DUTY_CUE_BARE = re.compile(rf"(?:的)?(?:主要|工作|具体)?{DUTY_WORD}(?:是|为)(?=[\u4e00-\u9fff])")
__test__["DUTY_CUE_BARE"] = """主要职责是/为 run straight into the duty: 主要职责是协调组织….

>>> DUTY_CUE_BARE.match("主要职责是协调").group()
'主要职责是'
"""

HEADING_DUTY = Cued(re.compile(r"""
    ^(?P<body>.*?)(?:及其|及)?(?:的)?(?:主要|工作)?职责(?:分工)?$
""", X), ("职责",))
__test__["HEADING_DUTY"] = """A heading that announces functions: 市指挥部职责, 办公室及其职责, 市减灾指挥部的主要职责.

>>> [HEADING_DUTY.match(s).group("body") for s in ("市指挥部职责", "通辽市邮政业突发事件应急指挥部办公室及其职责")]
['市指挥部', '通辽市邮政业突发事件应急指挥部办公室']
"""

LISTING_TITLE = Cued(re.compile(r"""
    ^(?P<body>[^\s：:，,。；;]{0,30}?)
    (?:各)?(?:成员单位|有关部门|相关部门|部门|单位)(?:[（(]单位[）)]|和单位|及单位)?(?:及其?|的)?
    (?:主要|工作|具体)?职责(?:分工)?(?:如下)?[：:]?$
  | ^职责分工[：:]?$
""", X), ("职责",))
__test__["LISTING_TITLE"] = """The title of a per-unit duty listing (各部门职责分工, 市指挥部各成员单位职责 …).

>>> [LISTING_TITLE.match(s).group("body") for s in ("各部门职责分工", "市指挥部各成员单位职责", "成员单位职责")]
['', '市指挥部', '']
>>> LISTING_TITLE.match("部门（单位）职责").group("body"), LISTING_TITLE.match("职责分工").group("body")
('', None)
>>> [LISTING_TITLE.match(s) is None for s in ("指挥部职责", "办公室职责", "组织机构及职责", "工作组职责")]
[True, True, True, True]
"""

UNIT_LABEL = Cued(re.compile(r"""
    ^(?P<unit>[^\s：:，,。；;（）()]{2,40}(?:[（(][^（）()：:]{1,12}[）)])?)[ \t\u3000]*[：:]
""", X), ("：", ":"))
__test__["UNIT_LABEL"] = """A unit's name opening its paragraph in a listing: 市气象局：负责…

>>> UNIT_LABEL.match("市文化和旅游局(文物局)：负责").group("unit")
'市文化和旅游局(文物局)'
>>> UNIT_LABEL.match("市发展改革委、市财政局：负责").group("unit")
'市发展改革委、市财政局'
"""

LISTING_STOP = re.compile(r"^(?:其他|其它|其余|各成员单位|各有关|各相关|以上|上述|今后|附件)")
__test__["LISTING_STOP"] = """A paragraph that closes a listing: 其他有关部门单位根据…, 各成员单位应当….

>>> bool(LISTING_STOP.match("各成员单位应当建立应急联动工作机制"))
True
"""

NARRATIVE_DUTY = Cued(re.compile(r"""
    (?:^|(?<=[。；;！？]))
    (?:由)?(?P<holder>[^\s，,。；;：:、（）()“”《》]{3,30}?)
    (?:牵头|统一|具体|主要)?负责(?!人)
""", X), ("负责",))
__test__["NARRATIVE_DUTY"] = """A sentence whose subject is charged with something: 市应急管理局负责… (not 负责人).

>>> NARRATIVE_DUTY.search("本预案由市应急管理局负责解释。").group("holder")
'本预案由市应急管理局'
"""

APPOINT = re.compile(rf"""
    ^(?P<person>[{HAN}·]{{2,8}}?)(?:同志)?
    (?P<secondment>挂职)?任(?!职时间|职试用|命)
    (?P<posts>[^，,；;。]+)
""", X)
__test__["APPOINT"] = """A decision that puts a person into posts: 乔建江任市乡村振兴局局长, 钟财富挂职任….

>>> APPOINT.match("魏斌同志任市行政学院副院长").group("person", "posts")
('魏斌', '市行政学院副院长')
>>> APPOINT.match("任二虎任市就业服务中心主任").group("person")
'任二虎'
"""

APPOINT_AS = re.compile(rf"""
    ^(?:任命|聘任|聘请|提名)(?P<person>[{HAN}·]{{2,8}}?)(?:同志)?为
    (?P<posts>[^，,；;。]+)
""", X)
__test__["APPOINT_AS"] = """任命X为Y: another way to put a person into a post.

>>> APPOINT_AS.match("任命张三同志为市财政局副局长").group("person", "posts")
('张三', '市财政局副局长')
"""

REMOVE = re.compile(rf"""
    ^(?:会议|决定|同意){{0,2}}免(?:去|除)(?P<who>[{HAN}·]{{1,8}}?同志|其)?(?:的)?
    (?P<posts>[^，,；;。]+?)(?:的)?(?:职务|一职)
""", X)
__test__["REMOVE"] = """A decision that removes a person from posts: 免去李建国同志市水务局副局长职务, 免去其…职务.

>>> REMOVE.match("免去李建国同志市水务局副局长职务").group("who", "posts")
('李建国同志', '市水务局副局长')
>>> REMOVE.match("免去金山市人民政府副秘书长职务").group("posts")
'金山市人民政府副秘书长'
"""

__test__["REMOVE_FORMS"] = """免除X同志Y一职, and a post never starts with 的 (免去周玲同志的…职务).

>>> REMOVE.match("免除王五同志县财政局局长一职").group("who", "posts")
('王五同志', '县财政局局长')
>>> REMOVE.match("免去周玲同志的竹山县人民政府副县长职务").group("posts")
'竹山县人民政府副县长'
"""

APPOINT_NAMED = re.compile(rf"""
    (?:^|(?<=[，,：:])|(?<=会议)|(?<=决定)|(?<=通过))
    (?:(?:会议|决定|研究|表决)*)
    (?:任命|聘任|聘请|提名|决定)
    (?P<persons>[{HAN}·]{{2,8}}?(?:同志)?(?:、[{HAN}·]{{2,8}}?(?:同志)?){{0,9}})
    (?:[一二三四五六七八九十两\d]{{1,2}}(?:位|名)(?:同志)?)?              # 三位同志
    为(?!止|准|主|了|由)
    (?P<posts>[^，,；;。]+)
""", X)
__test__["APPOINT_NAMED"] = """任命X为Y anywhere in a clause (会议任命…, 决定任命…, 决定X为Y), several persons for one post.

>>> APPOINT_NAMED.search("会议表决通过了人事任免职名单，决定任命杜家毫、孙尧为省政府副省长").group("persons", "posts")
('杜家毫、孙尧', '省政府副省长')
>>> APPOINT_NAMED.search("决定栗战书为代理省长").group("persons")
'栗战书'
>>> APPOINT_NAMED.search("决定任命吕靖、李超群两位同志为县监察委员会委员").group("persons")
'吕靖、李超群'
"""

APPOINT_MORE = re.compile(rf"""
    [，,](?P<persons>[{HAN}·]{{2,4}}?(?:同志)?(?:、[{HAN}·]{{2,4}}?(?:同志)?){{0,9}})
    为(?!止|准|主|了|由)(?P<posts>[^，,；;。]+)
""", X)
__test__["APPOINT_MORE"] = """A further X为Y after a 任命 in the same sentence: 任命A为B，C为D.

>>> APPOINT_MORE.match("，郭晓华为省政府秘书长；").group("persons", "posts")
('郭晓华', '省政府秘书长')
"""

APPOINT_PASSIVE = re.compile(rf"""
    (?P<before>[{HAN}·]{{2,12}})被任命为(?P<posts>[^，,；;。]+)
""", X)
__test__["APPOINT_PASSIVE"] = """X被任命为Y in a news report; the person is the name after any post before it.

>>> APPOINT_PASSIVE.search("司长江伟被任命为武汉市副市长（挂职）。").group("before", "posts")
('司长江伟', '武汉市副市长（挂职）')
"""

ACTING = re.compile(rf"""
    决定(?P<rest>[{HAN}·]{{2,16}}?)代理(?P<posts>[^，,；;。]+?)职务
""", X)
__test__["ACTING"] = """决定X副区长代理Y区长职务: a person made acting head (the person's present post between).

>>> ACTING.search("会议决定王六副区长代理东丽区区长职务。").group("rest", "posts")
('王六副区长', '东丽区区长')
"""

LIST_HEADING = re.compile(r"""
    (?P<kind>任命|任职|免职|免去)(?:名单|人员)?(?:[（(][^）)]{0,20}[）)])?[：:]?$
""", X)
__test__["LIST_HEADING"] = """The heading of a 人大常委会 list: 任命名单, 免职名单（共3人）, 任命：.

>>> [LIST_HEADING.search(s).group("kind") for s in ("任命名单", "县人大常委会免职名单（2人）", "免去：")]
['任命', '免职', '免去']
"""

LIST_ENTRY = re.compile(rf"""
    ^(?P<person>[{HAN}·]{{2,8}}?)(?:同志)?(?:为|的)(?P<posts>[^，,；;。]+?)(?:职务)?[；;。]?$
""", X)
__test__["LIST_ENTRY"] = """A line of such a list: 张三为县教育局局长 / 李四的县教育局局长职务.

>>> LIST_ENTRY.match("李四的县教育局局长职务；").group("person", "posts")
('李四', '县教育局局长')
"""

CONFIRMATION = re.compile(r"试用期(?:已)?满|任职时间从")
__test__["CONFIRMATION"] = """Words that make 任 a confirmation after probation (试用期满任职)."""
