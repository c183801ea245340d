"""Coordinating bodies: how a document sets them up, names them and staffs them."""
from __future__ import annotations

import re

from .common import X, COLON, HAN, LPAREN, RPAREN, Cued

__test__: dict[str, str] = {}   # the examples below, run by doctest

# Coordinating bodies: how a document sets them up, names them and staffs them.
# Patterns that need a lexicon's words are templates with a ``{roles}`` or ``{suffixes}``
# slot, filled (and compiled once) where the lexicon is read.

ESTABLISH = re.compile(r"(?:成立|设立|组建|建立)")
__test__["ESTABLISH"] = """Verbs that set a body up: 成立 / 设立 / 组建 / 建立."""

BODY_NAME = r"""
    (?P<name>(?:[^，。；,;：:（()）\s“”《》][^，。；,;：:（()）\s《》]{{0,80}}?)?(?:{suffixes}))   # …指挥部 / …领导小组; quotes inside
    (?P<system>制度|机制)?                                  # 建立…联席会议制度
    (?=[（(，,。；;：:、\s”"]|$|下设|内设|是|为|负责|组成|统一|作为|及|的|主要)
"""
__test__["BODY_NAME"] = """A body's name up to the first word of a body type that ends it (a template).

>>> p = re.compile(BODY_NAME.format(suffixes="指挥部|联席会议"), X)
>>> p.match("鄂尔多斯市生产安全事故应急指挥部(下称市指挥部)").group("name")
'鄂尔多斯市生产安全事故应急指挥部'
>>> p.match("鄂尔多斯市产业基金发展运作联席会议制度(下称联席会议)").group("name", "system")
('鄂尔多斯市产业基金发展运作联席会议', '制度')
>>> p.match("现场指挥部办公场所;") is None
True
>>> p.match("肇庆市申报“中国人居环境范例奖”工作联席会议。").group("name")
'肇庆市申报“中国人居环境范例奖”工作联席会议'

"""

BODY_ALIAS = re.compile(rf"""                 # use .match(text, pos)
    [ \t\u3000]*{LPAREN}[ \t\u3000]*
    (?:以下简称|以下称|下称|简称)[：:]?[ \t\u3000]*[“"]?
    (?P<alias>[^）)”"，,]{{1,30}}?)
    [”"]?[ \t\u3000]*{RPAREN}
""", X)
__test__["BODY_ALIAS"] = """The short name a document declares for a body: (以下简称市指挥部).

>>> BODY_ALIAS.match("（以下简称市邮政业应急办）设在").group("alias")
'市邮政业应急办'
>>> BODY_ALIAS.match("(下称联席会议),由").group("alias")
'联席会议'
"""

MODAL = re.compile(r"""
    (?:应当?|要|可以?|须|必须|必要时|需要时
     | 根据[^，。；,;]{0,8}需要           # 根据工作需要 / 根据应急处置需要
     | 视情况?|适时|先期|拟)
    [^，。；,;]{0,4}$                    # just before the verb: 应建立 / 应当及时成立
""", X)
__test__["MODAL"] = """Words before a verb that make setting a body up an obligation or a contingency.

>>> [bool(MODAL.search(s)) for s in ("部门应", "必要时", "由市指挥部组织", "应急响应启动后，由市指挥部组织")]
[True, True, False, False]
"""

CONDITION = re.compile(r"必要时|需要时|视情况?|根据[^，。；,;]{0,10}需要")
__test__["CONDITION"] = """A condition anywhere before the verb: 必要时,经市委、市人民政府批准,…成立

>>> bool(CONDITION.search("必要时,经市委、市人民政府批准,启动市应急救助指挥部或"))
True
"""

TASK_TAIL = re.compile(rf"""
    {LPAREN}(?!以下简称|以下称|下称|简称)
    (?:(?:牵头|责任|配合)(?:单位|部门)[：:])?       # (责任单位：旗卫健委、…) / (盟卫健委)
    (?P<units>[^（）()：:。]{{2,120}}?(?:局|委|办|部|府|中心|公司|会|院|队|室))
    {RPAREN}[。.；;]?[ \t\u3000]*$
""", X)
__test__["TASK_TAIL"] = """A task item's closing bracket of the units that carry it out.

>>> bool(TASK_TAIL.search("成立蒙药制剂成果转化专家组,针对…开展科研攻关。(盟卫健委)"))
True
>>> bool(TASK_TAIL.search("成立鄂尔多斯市生产安全事故应急指挥部(下称市指挥部)"))
False
"""

OTHER_LEVEL = re.compile(r"^(?:由)?(?:国家|自治区|上级|各级|各旗|旗区|旗县|事发|生产经营单位|企业|本单位|各地)")
__test__["OTHER_LEVEL"] = """A clause whose actor is another level or an enterprise: the body is not this document's.

>>> bool(OTHER_LEVEL.match("国家、自治区应急指挥机构在本市"))
True
"""

TITLE_TAIL = Cued(re.compile(r"""
    (?:及其?|的)?(?:主要)?
    (?:组成(?:人员)?(?:名单)?(?:及(?:工作|主要)?职责)? | (?:工作)?职责 | 组建 | 成员名单 | 人员名单)
    $
""", X), ("组成", "职责", "组建", "名单"))
__test__["TITLE_TAIL"] = """What follows a body's name in a heading: …及职责, …组成及工作职责, …组成人员名单.

>>> [TITLE_TAIL.sub("", t) for t in ("通辽市邮政业突发事件应急指挥部及职责", "市指挥部组成", "领导小组组成人员名单")]
['通辽市邮政业突发事件应急指挥部', '市指挥部', '领导小组']
>>> TITLE_TAIL.sub("", "市减灾指挥部的主要职责"), TITLE_TAIL.sub("", "指挥部办公室职责")
('市减灾指挥部', '指挥部办公室')
"""

PLAIN_COMPOSITION = re.compile(r"""
    ^(?:(?:机构|人员|领导小组|指挥部)?组成(?:人员)?(?:及分工)?(?:名单)?   # 组成人员 / 人员组成 / 组成人员名单
     | 成员(?:名单|组成)? | 组织(?:机构|架构)(?:及人员)? | 领导机构 | 机构设置)$
""", X)
__test__["PLAIN_COMPOSITION"] = """A heading that only announces a composition, of the body declared just before it.

>>> [bool(PLAIN_COMPOSITION.match(t)) for t in ("组成人员", "人员组成", "组织机构", "工作措施", "主要职责")]
[True, True, True, False, False]
"""

ATTACHMENT_LINE = re.compile(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*\d{0,2}[ \t\u3000]*$")
__test__["ATTACHMENT_LINE"] = """The line 附件1 above an attachment's title.

>>> [bool(ATTACHMENT_LINE.match(s)) for s in ("附件1", "附件", "附件:1.鄂尔多斯市产业基金发展运作联席会议")]
[True, True, False]
"""

COMPOSED_AS_FOLLOWS = re.compile(r"(?:组成|人员|名单|成员)[^。；，,]{0,8}?(?:如下|为)[：:]?\s*$|组成人员名单|由(?:如下|以下)(?:人员|同志)组成[：:]?\s*$")
__test__["COMPOSED_AS_FOLLOWS"] = """A paragraph that announces a body's list of members: 其组成如下：

>>> bool(COMPOSED_AS_FOLLOWS.search("负责统一指挥、协调、部署全市春季融雪灾害应急处置工作。其组成如下："))
True
>>> bool(COMPOSED_AS_FOLLOWS.search("成立通辽市安全生产委员会（以下简称市安委会）。现将组成人员通知如下："))
True
>>> bool(COMPOSED_AS_FOLLOWS.search("工作领导小组。该领导小组由如下人员组成:"))
True
"""

OFFICE_HOST = re.compile(r"设在(?P<host>[^，。；,;：:（()）]+)")
__test__["OFFICE_HOST"] = """办公室设在 X: the unit that hosts a body's office.

>>> OFFICE_HOST.search("联席会议办公室设在市国有资产监督管理委员会和市财政局,负责").group("host")
'市国有资产监督管理委员会和市财政局'
"""

OFFICE_OF = re.compile(r"(?P<body>[^，。；,;：:]*?)(?P<verb>下设|内设|设立|设)?办公室")
__test__["OFFICE_OF"] = """The body whose office a clause speaks of: X下设办公室 / X办公室.

>>> OFFICE_OF.fullmatch("旗农村牧区产权协调小组下设办公室").group("body", "verb")
('旗农村牧区产权协调小组', '下设')
"""

LIST_NUMBER = re.compile(rf"^(?:第[一二三四五六七八九十百]+条|\d+(?:[.．]\d+)*[.、．]?|{LPAREN}[一二三四五六七八九十\d]+{RPAREN}|[一二三四五六七八九十]+、)[ \t\u3000]*")
__test__["LIST_NUMBER"] = """A list or article number at the start of a clause: 第七条 / 3. / (1) / 一、

>>> LIST_NUMBER.sub("", "第七条 成立旗农村牧区产权流转交易市场建设协调小组")
'成立旗农村牧区产权流转交易市场建设协调小组'
"""

SUBGROUP_VERB = re.compile(r"下设|内设|选择设置|分设")
__test__["SUBGROUP_VERB"] = """The verbs of SUBGROUPS: a sentence without one has no groups to read (and SUBGROUPS,
which tries every start, need not run)."""

SUBGROUPS = re.compile(rf"(?P<owner>[^，。；,;：:]*?)(?:{SUBGROUP_VERB.pattern})(?P<list>[^，。；,;]+)")
__test__["SUBGROUPS"] = """A body's groups: 指挥部下设综合协调组、… / 现场指挥部选择设置综合协调组、…

>>> SUBGROUPS.search("根据实际情况,现场指挥部选择设置综合协调组、专业处置组。").group("owner", "list")
('现场指挥部', '综合协调组、专业处置组')
"""

GROUP_LIST = re.compile(r"""                 # use .match(text, pos, endpos) after 成立
    (?P<list>[^，。；,;、\d个]{1,12}组(?:、[^，。；,;、\d个]{1,12}组)+)   # 气象组、水情组、…
    (?:[等共]?[\d一二三四五六七八九十]+个(?:工作)?(?:小)?组)?       # 十二个组
""", X)
__test__["GROUP_LIST"] = """The groups a body sets up, listed after the verb: 成立气象组、水情组、调度组十二个组.

>>> GROUP_LIST.match("气象组、水情组、调度组十二个组和区防办").group("list")
'气象组、水情组、调度组'
"""

COUNTED_GROUPS = re.compile(r"""
    ^(?P<items>[^，。；]+?)
    (?:[\d一二三四五六七八九十]+个)          # 3个
    (?P<tail>[^，。；、\d]{1,12}?组)$        # 保障推进组
""", X)
__test__["COUNTED_GROUPS"] = """Groups named by a shared tail: 供暖和供气、供水、供电3个保障推进组.

>>> COUNTED_GROUPS.match("供暖和供气、供水、供电3个保障推进组").group("items", "tail")
('供暖和供气、供水、供电', '保障推进组')
"""

PARENT_OF = re.compile(r"是(?P<parent>[^，。；,;的]{2,40}?)的(?:日常工作|日常办事|办事|咨询|常设|工作|议事协调)?机构")
__test__["PARENT_OF"] = """X是Y的日常工作机构 / 咨询机构: Y is the body X belongs to.

>>> PARENT_OF.search("市邮政业突发事件应急专家咨询组是市指挥部的咨询机构").group("parent")
'市指挥部'
"""

LABEL_LINE = re.compile(rf"""                 # use .match(text, pos): anchored at pos
    [-•·]?[ \t\u3000]*
    (?P<label>[{HAN}](?:[ \u3000]{{0,3}}[{HAN}（()）]){{0,24}}?)   # 总 指 挥 / 成员单位 / 人武部部长
    [ \t\u3000]*{COLON}[ \t\u3000]*
    (?P<rest>.*)$
""", X)
__test__["LABEL_LINE"] = """A labelled line of a composition list: 总指挥：耿浩 市政府市长.

>>> LABEL_LINE.match("总 指 挥:乔小军 旗委副书记、政府旗长").group("label", "rest")
('总 指 挥', '乔小军 旗委副书记、政府旗长')
>>> LABEL_LINE.match("- 副总指挥：市政府分管副秘书长").group("label"), LABEL_LINE.match("组  长：李四").group("label")
('副总指挥', '组  长')
"""

NAME_POST = re.compile(rf"""                  # use .match(text, pos, endpos)
    [-•·]?[ \t\u3000]*
    (?P<name>[{HAN}·]{{2,6}})          # 耿浩 / 额登毕力格
    [ \t\u3000]+
    (?P<post>[^ \t\u3000].*?)           # 市政府市长
    [ \t\u3000]*$
""", X)
__test__["NAME_POST"] = """One entry of a name list: a person, white space, the post.

>>> NAME_POST.match("白歧兵\\t旗城市管理综合执法局局长").group("name", "post")
('白歧兵', '旗城市管理综合执法局局长')
"""

NAME_BRACKETED_POST = re.compile(rf"""         # use .match(text, pos, endpos)
    [-•·]?[ \t\u3000]*
    (?P<name>[{HAN}·]{{2,6}})                  # 张三
    {LPAREN}(?P<post>[^（）()]{{2,60}}){RPAREN}   # （市发改委主任）
    [ \t\u3000。；;]*$
""", X)
__test__["NAME_BRACKETED_POST"] = """A person with the post in brackets: 张三（市发改委主任）.

>>> NAME_BRACKETED_POST.match("张三（市发改委主任）").group("name", "post")
('张三', '市发改委主任')
"""

COMRADE = re.compile(rf"(?P<name>[{HAN}·]{{2,6}}?)同志")
__test__["COMRADE"] = """A person named in a sentence: 李五同志.

>>> COMRADE.fullmatch("李五同志").group("name")
'李五'
"""

NAME_IN_LIST = re.compile(rf"(?<![{HAN}·])(?!同志)[{HAN}·]{{2,4}}?(?=同志|[、，,\s]|$)")
__test__["NAME_IN_LIST"] = """A person's name in a list of names only: 肖晓玲、陈水香、黎兵.

>>> NAME_IN_LIST.findall("肖晓玲、陈水香、黎兵同志")
['肖晓玲', '陈水香', '黎兵']
"""

BY_WHOM = re.compile(r"由(?P<who>[^，。；,;]+?)(?:同志)?(?:兼任|担任)[。；;]?$")
__test__["BY_WHOM"] = """A list cell that says who fills the role: 由市长担任.

>>> BY_WHOM.match("由市应急管理局局长兼任").group("who")
'市应急管理局局长'
"""

TRAILING_REMARK = re.compile(rf"{LPAREN}(?P<remark>[^（）()]{{1,30}}){RPAREN}$")
__test__["TRAILING_REMARK"] = """A remark after a post: 旗应急管理局局长(突发应急事件预警), 副旗长(兼常务副总指挥)."""

ROLE_BY = r"""
    (?P<head>[^，。；,;]*?)
    (?P<role>{roles})
    由(?P<who>[^，。；,;]+?)
    (?:兼任|担任|出任)
"""
__test__["ROLE_BY"] = """ROLE由WHO兼任: 办公室主任由市应急管理局局长兼任 (a template).

>>> p = re.compile(ROLE_BY.format(roles="副主任|主任"), X)
>>> p.search("指挥部办公室主任由市应急管理局局长兼任").group("head", "role", "who")
('指挥部办公室', '主任', '市应急管理局局长')
"""

WHO_AS_ROLE = r"""
    (?:^|(?<=[，。；,;]))[ \t\u3000]*由?
    (?P<who>[^，。；,;由]+?)
    (?:担任|兼任|任|为)
    (?P<head>[^，。；,;]*?)
    (?P<role>{roles})
    (?=[，。；,;]|$)
"""
__test__["WHO_AS_ROLE"] = """WHO担任ROLE: 市人民政府分管领导担任市指挥部总指挥 (a template).

>>> p = re.compile(WHO_AS_ROLE.format(roles="副总指挥|总指挥"), X)
>>> p.search("市人民政府分管领导担任市指挥部总指挥，").group("who", "head", "role")
('市人民政府分管领导', '市指挥部', '总指挥')
"""

ROLE_IN_BRACKETS = r"""
    (?P<head>[^，。；,;：:（()）]{{2,40}}?)
    (?P<role>{roles})
    {lparen}(?P<post>[^（）()]{{2,40}}){rparen}
"""
__test__["ROLE_IN_BRACKETS"] = """BODY ROLE (POST): 盟防灾减灾救灾委员会副总指挥(盟应急管理局主要负责同志) (a template).

>>> p = re.compile(ROLE_IN_BRACKETS.format(roles="副总指挥|总指挥", lparen=LPAREN, rparen=RPAREN), X)
>>> p.search("盟防灾减灾救灾委员会副总指挥(盟应急管理局主要负责同志)组织").group("head", "role", "post")
('盟防灾减灾救灾委员会', '副总指挥', '盟应急管理局主要负责同志')
"""

DRAWN_FROM = re.compile(r"从(?P<list>[^。；;]+?)(?:中)?(?:抽调|选调|选派|调配)")
__test__["DRAWN_FROM"] = """Members drawn from units: 所需人员从市直相关部门、相关企事业单位抽调.

>>> DRAWN_FROM.search("所需人员从市直相关部门、相关企事业单位抽调。").group("list")
'市直相关部门、相关企事业单位'
"""

MEMBERS_PROSE = Cued(re.compile(r"""
    成员(?:单位)?(?:包括|为|有|由)[：:]?(?P<list>[^。；;]+?)(?:等?(?:共同)?组成|担任|兼任)?(?=[。；;]|$)   # 成员包括市应急管理局、…
  | 由(?P<composed>[^。；;由]+?)(?:等)?(?:共同)?组成            # 由事发地人民政府、…组成
  | (?:^|(?<=[，。；,;]))[ \t\u3000]*                             # …主要负责人为成员
    (?P<named>[^，。；,;由]+?)为(?P<of>[^，。；,;为]{0,20}?)成员(?:单位)?(?=[，。；,;]|$)
""", X | re.MULTILINE), ("成员", "组成"))
__test__["MEMBERS_PROSE"] = """Members named in a sentence: 成员包括…, 由…组成, …为成员.

>>> MEMBERS_PROSE.search("由市应急管理局牵头,成员包括事发地旗区人民政府、事发单位。").group("list")
'事发地旗区人民政府、事发单位'
>>> MEMBERS_PROSE.search("办公室成员由成员单位有关司局负责同志担任。").group("list")
'成员单位有关司局负责同志'
>>> MEMBERS_PROSE.search("副召集人,各旗区人民政府主要领导、市属国有企业主要负责人为成员,统筹").group("named", "of")
('各旗区人民政府主要领导、市属国有企业主要负责人', '')
"""


LED_JOINED = Cued(re.compile(r"""
    由(?P<led>[^，。；,;由]{2,40}?)牵头[，,、]?                      # 由县水利局牵头，
    (?P<joined>[^。；;牵]{2,200}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:参加|参与)   # 县气象局、县自然资源局参加
""", X), ("牵头",))
__test__["LED_JOINED"] = """A body's members in one clause: 由X牵头，Y、Z参加.

>>> LED_JOINED.search("成立山洪灾害防御工作组，由县水利局牵头，县气象局、县自然资源局参加。").group("led", "joined")
('县水利局', '县气象局、县自然资源局')
"""
