r"""Regular expressions: one named ``re.VERBOSE`` constant each, with an example.

Patterns accept the forms a gazette prints rather than normalising the text (which would
move offsets): full-width and ASCII punctuation alike, 〔〕[]()（） around years, optional
spaces.  ``re.VERBOSE`` ignores ASCII white space only, so ``\u3000`` in a pattern still
matches a full-width space; literal spaces are written ``[ ]`` or ``\s``.
"""
from __future__ import annotations

import re

X = re.VERBOSE
__test__: dict[str, str] = {}   # the examples below, run by doctest

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
__test__["HAN"] = """Character-class body for Han characters."""

SPACE = r"[ \t\u3000\u00a0]"
__test__["SPACE"] = """Horizontal white space, full-width and no-break spaces included."""

COLON = r"[：:]"
LPAREN = r"[（(]"
RPAREN = r"[）)]"

# ---------------------------------------------------------------------------------------
# Cleaning: lines that are page furniture, not content.

MASTHEAD = re.compile(r"""
    ^\s*
    (?:中共)?[\u4e00-\u9fff]{2,16}?              # 通辽市 / 伊金霍洛旗 / 兴安盟
    (?:人民政府|行政公署|政府|委员会)?
    (?:办公室|办公厅)?
    公\s*报                                     # 公报
    (?:\s*编辑(?:委员会|部))?
    \s*$
""", X)
__test__["MASTHEAD"] = """A gazette's name on a line of its own, repeated as a running head.

>>> bool(MASTHEAD.match("通辽市人民政府公报")), bool(MASTHEAD.match("伊金霍洛旗人民政府公报 编辑部"))
(True, True)
>>> bool(MASTHEAD.match("《伊金霍洛旗人民政府公报》集中、准确地刊载"))
False
"""

ISSUE_NUMBER = re.compile(r"""
    ^[^。，；]{0,40}?
    (?:第\s*[\d\-—－–]+\s*期 | 总第\s*\d+\s*期)    # 第6期 / (总第45期)
    [^。，；]{0,40}$
""", X)
__test__["ISSUE_NUMBER"] = """The issue line of a gazette: 2023年第6期 (总第45期).

>>> bool(ISSUE_NUMBER.match("伊金霍洛旗人民政府办公室 2024年第3-5期(总第47期) 2024年6月10日"))
True
"""

PAGE_MARKER = re.compile(r"""
    ^\s*(?:
        [-—–－‐]\s*\d{1,4}\s*[-—–－‐]            # - 27 -
      | [·•]\s*\d{1,4}\s*[·•]                  # ·27·
      | 第\s*\d{1,4}\s*页(?:\s*[,，/共]\s*共?\s*\d+\s*页)?   # 第3页 / 第3页 共9页
      | \d{1,4}\s*/\s*\d{1,4}                  # 3/9
      | \d{1,4}                                # a bare page number
    )\s*$
""", X)
__test__["PAGE_MARKER"] = """A page number on a line of its own.

>>> [bool(PAGE_MARKER.match(s)) for s in ("- 27 -", "—3—", "第3页", "12", "1.1 目的")]
[True, True, True, True, False]
"""

WEB_CHROME = re.compile(r"""
    ^\s*(?:
        (?:当前位置|您的位置|你的位置|您现在的位置) \s*[：:] .*      # breadcrumbs
      | \d{4}-\d{1,2}-\d{1,2} \s* (?:朗读|阅读|浏览|点击|来源|字号).*   # list-page date + tools
      | (?:[•·●▪\-]\s*)? .{4,160}? (?:\.{3}|…{1,2})                 # a truncated preview
    )\s*$
""", X)
__test__["WEB_CHROME"] = """Lines of a scraped list page: breadcrumbs, 2024-03-11 朗读, previews cut off with "...".

>>> bool(WEB_CHROME.match("  • 鄂尔多斯市人民政府办公室关于印发促进产业基金高..."))
True
>>> bool(WEB_CHROME.match("    2024-03-11 朗读"))
True
"""

MONGOLIAN = re.compile(r"[\u1800-\u18af]")
__test__["MONGOLIAN"] = """Traditional Mongolian script (the mastheads of Inner Mongolian gazettes)."""

PARAGRAPH_GAP = re.compile(r"[ \u00a0]{3,}|\u3000{2,}")
__test__["PARAGRAPH_GAP"] = """Three or more spaces inside a line: how a scraped page separates paragraphs."""

SPACED_PAIR = re.compile(rf"""
    (?<![^\s：:，,、])              # at the start of a field
    ([{HAN}])[ \u3000]([{HAN}])    # 张 炜 / 组 长 / 目 录
    (?=[\s：:，,、]|$)              # and its end
""", X | re.MULTILINE)
__test__["SPACED_PAIR"] = """Two single Han characters spaced apart as a field: a two-character name or label.

>>> SPACED_PAIR.sub(r"\\1\\2", "组 长:张 炜 市委常委、宣传部部长")
'组长:张炜 市委常委、宣传部部长'
>>> SPACED_PAIR.sub(r"\\1\\2", "耿浩 市政府市长")
'耿浩 市政府市长'
"""

STRAY_TAG = re.compile(r"""
    </?(?:p|br|div|span|font|td|th|tr|tbody|thead|table|b|i|u|strong|em|sup|sub|li|ul|ol
          |h[1-6]|center|hr|a|img|section|article)\b[^<>]{0,400}>
""", X | re.IGNORECASE)
__test__["STRAY_TAG"] = """HTML tags that leaked into a text file (a table scraped with its <p> tags).

>>> STRAY_TAG.findall("2	<p>高质量建设</p>	<p>持续推进</p>")
['<p>', '</p>', '<p>', '</p>']
"""

BLOCK_TAG = re.compile(r"</?(?:p|br|div|tr|li|h[1-6]|table|section|article|ul|ol|hr)\b",
                       re.IGNORECASE)
__test__["BLOCK_TAG"] = """Tags after which a new paragraph begins."""

CELL_TAG = re.compile(r"<(?:td|th)\b", re.IGNORECASE)
__test__["CELL_TAG"] = """Tags that open a table cell (cells become tab-separated)."""

HTML_TOKEN = re.compile(r"""
    <!--.*?-->                                           # comment
  | <(script|style|head|noscript|template)\b.*?</\1\s*>  # element whose content is not text
  | <![^>]*>                                             # doctype
  | </?[a-zA-Z][^<>]*>                                   # any other tag
  | &(?:[a-zA-Z][a-zA-Z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6});   # entity
""", X | re.DOTALL | re.IGNORECASE)
__test__["HTML_TOKEN"] = """What an HTML source holds besides text."""

# ---------------------------------------------------------------------------------------
# Line joining: what may not be glued to the line before it.

TERMINAL = "。！？；：:;!?…"
__test__["TERMINAL"] = """A line that ends in one of these is complete."""

STRUCTURE_START = re.compile(rf"""
    ^(?:
        [一二三四五六七八九十百]+[、.．]                       # 一、
      | {LPAREN}\s*[一二三四五六七八九十\d]+\s*{RPAREN}        # （一） (1)
      | \d+(?:[.．]\d+)*[、.．]?(?:[ \t\u3000]|(?=[{HAN}]))   # 1. 1.2 1、
      | [①-⑳]
      | 第[一二三四五六七八九十百零\d]+[条章节部分]           # 第三条
      | 附\s*件                                              # 附件
      | [（(]此件                                            # (此件公开发布)
      | [-•●■◆▪]                                            # bullets
      | \d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*$     # a date line
      | [{HAN}]{{1,6}}[发办字任函]*\s*[〔\[［(（]\s*\d{{4}}       # 文号 line
      | (?:[{HAN}][ \u3000]?){{0,5}}                                # a list label: 成员单位： / 副 指 挥 长：
        (?:指[ \u3000]?挥[ \u3000]?长?|组[ \u3000]?长|召[ \u3000]?集[ \u3000]?人|主[ \u3000]?任
         |成[ \u3000]?员(?:[ \u3000]?单[ \u3000]?位)?|委[ \u3000]?员)[ \u3000]*[：:]
    )
""", X)
__test__["STRUCTURE_START"] = """The start of a heading, list item, date or 文号: such a line is never a continuation.

>>> [bool(STRUCTURE_START.match(s)) for s in ("（一）编制目的", "1.1 编制目的", "路积雪结冰", "附件1")]
[True, True, False, True]
>>> bool(STRUCTURE_START.match("成员单位：市委宣传部、市发展改革委"))
True
"""

PERSON_POST_LINE = re.compile(rf"""
    ^[-•·]?[ \t\u3000]*                                   # a bullet
    (?:[^\s：:，。][^：:，。]{{0,9}}{COLON}[ \t\u3000]*)?    # an optional label: 副组长： / 成 员：
    (?:[{HAN}·]{{2,6}}|[{HAN}][ \u3000][{HAN}])             # a name, perhaps spaced: 郝 赟
    [ \t\u3000]+                                          # then a space
    [{HAN}（(]                                            # and a post
    (?!.*[。；])
""", X)
__test__["PERSON_POST_LINE"] = """A line of a name list: [label：]name post.

>>> bool(PERSON_POST_LINE.match("副组长:王奋林 市住房和城乡建设局副局长"))
True
>>> bool(PERSON_POST_LINE.match("苏翠芳 市委常委、副市长"))
True
>>> bool(PERSON_POST_LINE.match("成 员:张鹏程 鄂尔多斯高新技术产业开发区管理委员会主任"))
True
>>> bool(PERSON_POST_LINE.match("郝 赟 市人民政府副秘书长"))
True
>>> bool(PERSON_POST_LINE.match("现将《通辽市突发重大动物疫情应急预"))
False
"""

TITLE_END = re.compile(r"""
    (?:通知|通告|公告|决定|意见|批复|通报|方案|预案|办法|细则|规定|规则|措施|政策|名单|目录|纲要|规划|
       机制|制度|条例|报告|要点|清单|计划|解读|简介)
    (?:[（(][^）)]{1,20}[）)])?$
""", X)
__test__["TITLE_END"] = """The last words of a title line, which is complete even without punctuation."""

# ---------------------------------------------------------------------------------------
# Numbered headings.  ``HEADING`` names its groups by numbering style; the order of the
# alternatives is the order of precedence when one line could be read two ways.

HEADING = re.compile(rf"""
    ^(?:
        (?P<chapter>第[一二三四五六七八九十百零]+章)[ \t\u3000]*
      | (?P<article>第[一二三四五六七八九十百零\d]+条)[ \t\u3000]*
      | (?P<cn>[一二三四五六七八九十]+)[、.．][ \t\u3000]*
      | (?P<cnp>{LPAREN}[ \t\u3000]*[一二三四五六七八九十]+[ \t\u3000]*{RPAREN})[ \t\u3000]*
      | (?P<dotted>\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}})(?![.．\d%])[ \t\u3000]*
      | (?P<arabic>\d{{1,2}})(?:[.．、](?!\d)|[ \t\u3000]+(?=[{HAN}])|(?=[{HAN}]{{2}}[^\d]))[ \t\u3000]*
      | (?P<arp>{LPAREN}[ \t\u3000]*\d{{1,2}}[ \t\u3000]*{RPAREN})[ \t\u3000]*
      | (?P<circled>[①-⑳])[ \t\u3000]*
    )
""", X)
__test__["HEADING"] = """A numbered heading or list item at the start of a line.

>>> HEADING.match("（二）编制依据").lastgroup, HEADING.match("1.5.1 特别重大").lastgroup
('cnp', 'dotted')
>>> HEADING.match("第三条 本办法").lastgroup, HEADING.match("2. 市委宣传部").lastgroup
('article', 'arabic')
>>> HEADING.match("2024年") is None
True
"""

# ---------------------------------------------------------------------------------------
# Document headers.

DOC_NUMBER = re.compile(rf"""
    (?P<prefix>[{HAN}]{{1,8}})                                  # 鄂府办发 / 通政任字 / 通辽通告
    [ \t\u3000]*[〔\[［(（【][ \t\u3000]*(?P<year>(?:19|20)\d{{2}})[ \t\u3000]*[〕\]］)）】]
    [ \t\u3000]*(?P<serial>\d{{1,4}})[ \t\u3000]*号
""", X)
__test__["DOC_NUMBER"] = """A 文号: issuer code, year in brackets of any kind, serial, 号.

>>> m = DOC_NUMBER.search("伊政办发[2024]13号")
>>> m.group("prefix"), m.group("year"), m.group("serial")
('伊政办发', '2024', '13')
>>> DOC_NUMBER.search("(通政任字〔2023〕28号)").group("prefix")
'通政任字'
"""

DATE = re.compile(r"""
    (?P<year>(?:19|20)\d{2}) [ \t\u3000]* 年 [ \t\u3000]*
    (?P<month>1[0-2]|0?[1-9]) [ \t\u3000]* 月 [ \t\u3000]*
    (?P<day>3[01]|[12]\d|0?[1-9]) [ \t\u3000]* 日
""", X)
__test__["DATE"] = """A date in Chinese: 2024年3月10日 (spaces allowed).

>>> DATE.search("印刷日期 2024年1月12日").group("year", "month", "day")
('2024', '1', '12')
"""

DATE_LINE = re.compile(rf"""
    ^[ \t\u3000]*(?:[{HAN}（()）]{{2,40}}[ \t\u3000]+)?   # an issuer before it, on the same line
    {DATE.pattern}
    [ \t\u3000]*$
""", X)
__test__["DATE_LINE"] = """A line that holds only a signing date (perhaps after the issuer's name)."""

NOTICE_TITLE = re.compile(rf"""
    ^(?P<issuer>[{HAN}][{HAN}（）()·]{{1,39}}?)?
    (?P<about>(?:关于|關於).+?)                          # 關於: a text in traditional characters
    (?P<genre>的?(?:通知|通告|公告|决定|決定|意见|意見|批复|批覆|通报|通報|函|命令|决议|決議|报告|報告|请示|請示))
    [ \t\u3000]*$
""", X)
__test__["NOTICE_TITLE"] = """The heading of a notice: [issuer]关于…的通知 (whitespace already removed).

>>> m = NOTICE_TITLE.match("兴安盟行政公署关于进一步加强财政预算管理的通知")
>>> m.group("issuer"), m.group("genre")
('兴安盟行政公署', '的通知')
>>> NOTICE_TITLE.match("額爾古納市人民政府關於印發就業促進行動實施方案的通知").group("issuer")
'額爾古納市人民政府'
"""

ISSUES_INSTRUMENT = re.compile(r"""
    (?:印发|转发|发布|公布|颁布|印發|轉發|發布|頒布)
    (?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))
    的?(?:通知|通告|公告|决定|決定)$
""", X)
__test__["ISSUES_INSTRUMENT"] = """The part of a notice title that names the instrument it issues.

>>> ISSUES_INSTRUMENT.search("关于印发《通辽市推动城乡建设绿色发展实施方案》的通知").group("quoted")
'通辽市推动城乡建设绿色发展实施方案'
>>> ISSUES_INSTRUMENT.search("关于印发就业促进行动实施方案的通知").group("bare")
'就业促进行动实施方案'
"""

RECIPIENTS = re.compile(r"""
    ^(?P<list>[^。；;：:]{2,300}?
      (?:人民政府|政府|行政公署|部门|单位|委办局|委、办、局|管委会|办事处|公司|机构|街道|苏木|乡镇|嘎查村|社区)
      [^。；;：:]{0,40}?)
    [：:]\s*$
""", X)
__test__["RECIPIENTS"] = """The 主送 line: a list of addressees ending with a colon.

>>> bool(RECIPIENTS.match("各旗县市人民政府，盟直各有关部门："))
True
"""

PERSONNEL_NUMBER = re.compile(r"[任免]字")
__test__["PERSONNEL_NUMBER"] = """A 文号 of a personnel notice (鄂府任字, 通政任字)."""

TOC_HEADING = re.compile(r"^[ \t\u3000]*(?:目[ \t\u3000]*录|目次)[ \t\u3000]*$")
__test__["TOC_HEADING"] = """The heading of a table of contents."""

TOC_ENTRY = re.compile(r"""
    (?: \.{2,}|…{2,}|·{3,} )            # leader dots
  | [ \t\u3000]*[(（]\s*\d{1,4}\s*[)）]\s*$   # (27) at the end
  | \t\s*[-—]?\s*\d{1,4}\s*[-—]?\s*$    # tab then a page number
  | ^\s*[-•]\s
""", X)
__test__["TOC_ENTRY"] = """A line of a table of contents: leader dots, a page number at the end, or a bullet."""

CHRONICLE = re.compile(r"^[ \t\u3000]*(?:[\u4e00-\u9fff]{2,20})?大事记")
__test__["CHRONICLE"] = """The heading of a chronicle (大事记), which is not a document."""

REFERENCE = re.compile(r"《(?P<title>[^《》\n]{2,120})》")
__test__["REFERENCE"] = """A title in 《…》 (angle brackets 〈〉 inside it are kept)."""

REPEAL = re.compile(r"(?:同时|即行|予以|自行)?(?:废止|失效|不再执行)")
__test__["REPEAL"] = """Words that repeal an earlier document."""

# ---------------------------------------------------------------------------------------
# Coordinating bodies: how a document sets them up, names them and staffs them.
# Patterns that need a lexicon's words are templates with a ``{roles}`` or ``{suffixes}``
# slot, filled (and compiled once) where the lexicon is read.

ESTABLISH = re.compile(r"(?:成立|设立|组建|建立)")
__test__["ESTABLISH"] = """Verbs that set a body up: 成立 / 设立 / 组建 / 建立."""

BODY_NAME = r"""
    (?P<name>[^，。；,;：:（()）\s“”《》]{{0,80}}?(?:{suffixes}))   # …指挥部 / …领导小组
    (?P<system>制度|机制)?                                  # 建立…联席会议制度
    (?=[（(，,。；;：:、\s]|$|下设|内设|是|为|负责|组成|统一|作为|及|的|主要)
"""
__test__["BODY_NAME"] = """A body's name up to the first word of a body type that ends it (a template).

>>> p = re.compile(BODY_NAME.format(suffixes="指挥部|联席会议"), X)
>>> p.match("鄂尔多斯市生产安全事故应急指挥部(下称市指挥部)").group("name")
'鄂尔多斯市生产安全事故应急指挥部'
>>> p.match("鄂尔多斯市产业基金发展运作联席会议制度(下称联席会议)").group("name", "system")
('鄂尔多斯市产业基金发展运作联席会议', '制度')
>>> p.match("现场指挥部办公场所;") is None
True
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
     | 视情况?|适时|先期|拟|决定)
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

TITLE_TAIL = re.compile(r"""
    (?:及其?|的)?(?:主要)?
    (?:组成(?:人员)?(?:名单)?(?:及(?:工作|主要)?职责)? | (?:工作)?职责 | 组建 | 成员名单 | 人员名单)
    $
""", X)
__test__["TITLE_TAIL"] = """What follows a body's name in a heading: …及职责, …组成及工作职责, …组成人员名单.

>>> [TITLE_TAIL.sub("", t) for t in ("通辽市邮政业突发事件应急指挥部及职责", "市指挥部组成", "领导小组组成人员名单")]
['通辽市邮政业突发事件应急指挥部', '市指挥部', '领导小组']
>>> TITLE_TAIL.sub("", "市减灾指挥部的主要职责"), TITLE_TAIL.sub("", "指挥部办公室职责")
('市减灾指挥部', '指挥部办公室')
"""

ATTACHMENT_LINE = re.compile(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*\d{0,2}[ \t\u3000]*$")
__test__["ATTACHMENT_LINE"] = """The line 附件1 above an attachment's title.

>>> [bool(ATTACHMENT_LINE.match(s)) for s in ("附件1", "附件", "附件:1.鄂尔多斯市产业基金发展运作联席会议")]
[True, True, False]
"""

COMPOSED_AS_FOLLOWS = re.compile(r"(?:组成|人员|名单|成员)[^。；，,]{0,8}?(?:如下|为)[：:]?\s*$|组成人员名单")
__test__["COMPOSED_AS_FOLLOWS"] = """A paragraph that announces a body's list of members: 其组成如下：

>>> bool(COMPOSED_AS_FOLLOWS.search("负责统一指挥、协调、部署全市春季融雪灾害应急处置工作。其组成如下："))
True
>>> bool(COMPOSED_AS_FOLLOWS.search("成立通辽市安全生产委员会（以下简称市安委会）。现将组成人员通知如下："))
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

SUBGROUPS = re.compile(r"(?P<owner>[^，。；,;：:]*?)(?:下设|内设|选择设置|分设)(?P<list>[^，。；,;]+)")
__test__["SUBGROUPS"] = """A body's groups: 指挥部下设综合协调组、… / 现场指挥部选择设置综合协调组、…

>>> SUBGROUPS.search("根据实际情况,现场指挥部选择设置综合协调组、专业处置组。").group("owner", "list")
('现场指挥部', '综合协调组、专业处置组')
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

MEMBERS_PROSE = re.compile(r"""
    成员(?:单位)?(?:包括|为|有|由)[：:]?(?P<list>[^。；;]+?)(?:等?(?:共同)?组成)?(?=[。；;]|$)   # 成员包括市应急管理局、…
  | 由(?P<composed>[^。；;由]+?)(?:等)?(?:共同)?组成            # 由事发地人民政府、…组成
  | (?:^|(?<=[，。；,;]))[ \t\u3000]*                             # …主要负责人为成员
    (?P<named>[^，。；,;由]+?)为(?P<of>[^，。；,;为]{0,20}?)成员(?:单位)?(?=[，。；,;]|$)
""", X | re.MULTILINE)
__test__["MEMBERS_PROSE"] = """Members named in a sentence: 成员包括…, 由…组成, …为成员.

>>> MEMBERS_PROSE.search("由市应急管理局牵头,成员包括事发地旗区人民政府、事发单位。").group("list")
'事发地旗区人民政府、事发单位'
>>> MEMBERS_PROSE.search("副召集人,各旗区人民政府主要领导、市属国有企业主要负责人为成员,统筹").group("named", "of")
('各旗区人民政府主要领导、市属国有企业主要负责人', '')
"""

# Duties, tasks and appointments (issue 4).

ITEM_NUMBER = re.compile(rf"""
    ^(?:[-•●▪·][ \t\u3000]*)?                                    # a bullet before the number
    (?:[一二三四五六七八九十百]+[、.．]
      | {LPAREN}[ \t\u3000]*(?:[一二三四五六七八九十]+|\d{{1,2}})[ \t\u3000]*{RPAREN}
      | \d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}}(?:[.．、](?!\d)|[ \t\u3000]+(?![年月日时个万亿元%])
                                          |(?=[{HAN}])(?![年月日时个万亿元人家项条次名台套公里千米小分秒周岁倍级]))
      | [①-⑳]
      | [一二三四五六七八九十]是
    )[ \t\u3000]*
""", X)
__test__["ITEM_NUMBER"] = """The number (or bullet) that opens a list item: 1. （一） (3) 一、 ① 一是.

>>> [ITEM_NUMBER.match(s).group() for s in ("（3）市卫健委：", "1. 市公安局", "一是建立", "- (1) 贯彻")]
['（3）', '1. ', '一是', '- (1) ']
>>> [ITEM_NUMBER.match(s) for s in ("24小时内", "2024年", "30 万元")]
[None, None, None]
"""

TASK_LABEL = re.compile(r"""
    (?P<label>牵头|配合|协同|协办|主责|责任)            # who: lead / support / answer for
    [ \t\u3000]*(?:单位|部门)[ \t\u3000]*(?:/人)?
    [ \t\u3000]*[：:]
""", X)
__test__["TASK_LABEL"] = """A label in a work item's bracket: 牵头单位： 配合部门: 责任单位：.

>>> [m.group("label") for m in TASK_LABEL.finditer("（牵头单位：市财政局；配合单位:市商务局，责任单位：各旗区）")]
['牵头', '配合', '责任']
"""

TASK_COLUMN = re.compile(r"""
    ^[ \t\u3000]*(?P<label>牵头|配合|协同|协办|主责|责任)[ \t\u3000]*(?:单位|部门)
""", X)
__test__["TASK_COLUMN"] = """A table header cell naming the units of a row: 牵头单位, 配合部门, 责任单位.

>>> bool(TASK_COLUMN.match("牵头部门")), bool(TASK_COLUMN.match("主要实施单位"))
(True, False)
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

DUTY_CUE = re.compile(r"""
    (?:的)?(?:主要|工作|具体|基本)?职责(?:和任务|任务)?
    (?:是|为|如下|包括|有)?[ \t\u3000]*(?:[：:，,]|$)
""", X)
__test__["DUTY_CUE"] = """The words that open a body's functions: 的主要职责： 职责: 主要职责是 职责如下：.

>>> [bool(DUTY_CUE.match(s)) for s in ("的主要职责：在", "职责:负责", "主要职责是协调", "职责分工")]
[True, True, False, False]
"""
# 主要职责是协调 has no colon: the cue then ends at 是 (see DUTY_CUE_BARE).

DUTY_CUE_BARE = re.compile(r"(?:的)?(?:主要|工作|具体)?职责(?:是|为)(?=[\u4e00-\u9fff])")
__test__["DUTY_CUE_BARE"] = """主要职责是/为 run straight into the duty: 主要职责是协调组织….

>>> DUTY_CUE_BARE.match("主要职责是协调").group()
'主要职责是'
"""

HEADING_DUTY = re.compile(r"""
    ^(?P<body>.*?)(?:及其|及)?(?:的)?(?:主要|工作)?职责(?:分工)?$
""", X)
__test__["HEADING_DUTY"] = """A heading that announces functions: 市指挥部职责, 办公室及其职责, 市减灾指挥部的主要职责.

>>> [HEADING_DUTY.match(s).group("body") for s in ("市指挥部职责", "通辽市邮政业突发事件应急指挥部办公室及其职责")]
['市指挥部', '通辽市邮政业突发事件应急指挥部办公室']
"""

LISTING_TITLE = re.compile(r"""
    ^(?P<body>[^\s：:，,。；;]{0,30}?)
    (?:各)?(?:成员单位|有关部门|相关部门|部门|单位)(?:[（(]单位[）)]|和单位|及单位)?(?:及其?|的)?
    (?:主要|工作|具体)?职责(?:分工)?(?:如下)?[：:]?$
  | ^职责分工[：:]?$
""", X)
__test__["LISTING_TITLE"] = """The title of a per-unit duty listing (各部门职责分工, 市指挥部各成员单位职责 …).

>>> [LISTING_TITLE.match(s).group("body") for s in ("各部门职责分工", "市指挥部各成员单位职责", "成员单位职责")]
['', '市指挥部', '']
>>> LISTING_TITLE.match("部门（单位）职责").group("body"), LISTING_TITLE.match("职责分工").group("body")
('', None)
>>> [LISTING_TITLE.match(s) is None for s in ("指挥部职责", "办公室职责", "组织机构及职责", "工作组职责")]
[True, True, True, True]
"""

UNIT_LABEL = re.compile(r"""
    ^(?P<unit>[^\s：:，,。；;（）()]{2,40}(?:[（(][^（）()：:]{1,12}[）)])?)[ \t\u3000]*[：:]
""", X)
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

NARRATIVE_DUTY = re.compile(r"""
    (?:^|(?<=[。；;！？]))
    (?:由)?(?P<holder>[^\s，,。；;：:、（）()“”《》]{3,30}?)
    (?:牵头|统一|具体|主要)?负责(?!人)
""", X)
__test__["NARRATIVE_DUTY"] = """A sentence whose subject is charged with something: 市应急管理局负责… (not 负责人).

>>> NARRATIVE_DUTY.search("本预案由市应急管理局负责解释。").group("holder")
'本预案由市应急管理局'
"""

APPOINT = re.compile(rf"""
    ^(?P<person>[{HAN}·]{{2,8}}?)(?:同志)?
    (?P<secondment>挂职)?任(?!职时间|职试用)
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
    ^免去(?P<who>[{HAN}·]{{1,8}}?同志|其)?
    (?P<posts>[^，,；;。]+?)(?:的)?职务
""", X)
__test__["REMOVE"] = """A decision that removes a person from posts: 免去李建国同志市水务局副局长职务, 免去其…职务.

>>> REMOVE.match("免去李建国同志市水务局副局长职务").group("who", "posts")
('李建国同志', '市水务局副局长')
>>> REMOVE.match("免去金山市人民政府副秘书长职务").group("posts")
'金山市人民政府副秘书长'
"""

POST_NOTE = re.compile(r"[（(](?:试用期|挂职|任期|兼)[^（）()]*[）)]")
__test__["POST_NOTE"] = """A note after a post: (试用期一年), (挂职时间为一年,2024年1月至2025年1月).

>>> POST_NOTE.sub("", "市科学技术局副局长(试用期一年)")
'市科学技术局副局长'
"""

CONFIRMATION = re.compile(r"试用期(?:已)?满|任职时间从")
__test__["CONFIRMATION"] = """Words that make 任 a confirmation after probation (试用期满任职)."""
