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
    )
""", X)
__test__["STRUCTURE_START"] = """The start of a heading, list item, date or 文号: such a line is never a continuation.

>>> [bool(STRUCTURE_START.match(s)) for s in ("（一）编制目的", "1.1 编制目的", "路积雪结冰", "附件1")]
[True, True, False, True]
"""

PERSON_POST_LINE = re.compile(rf"""
    ^(?:[^\s：:，。]{{1,10}}{COLON}[ \t\u3000]*)?   # an optional label: 副组长：
    [{HAN}·]{{2,6}}[ \u3000]+                   # a name, then a space
    [{HAN}（(]                                  # and a post
    (?!.*[。；])
""", X)
__test__["PERSON_POST_LINE"] = """A line of a name list: [label：]name post.

>>> bool(PERSON_POST_LINE.match("副组长:王奋林 市住房和城乡建设局副局长"))
True
>>> bool(PERSON_POST_LINE.match("苏翠芳 市委常委、副市长"))
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
    (?P<about>关于.+?)
    (?P<genre>的?(?:通知|通告|公告|决定|意见|批复|通报|函|命令|决议|报告|请示))
    [ \t\u3000]*$
""", X)
__test__["NOTICE_TITLE"] = """The heading of a notice: [issuer]关于…的通知 (whitespace already removed).

>>> m = NOTICE_TITLE.match("兴安盟行政公署关于进一步加强财政预算管理的通知")
>>> m.group("issuer"), m.group("genre")
('兴安盟行政公署', '的通知')
"""

ISSUES_INSTRUMENT = re.compile(r"""
    (?:印发|转发|发布|公布|颁布)
    (?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))
    的?(?:通知|通告|公告|决定)$
""", X)
__test__["ISSUES_INSTRUMENT"] = """The part of a notice title that names the instrument it issues.

>>> ISSUES_INSTRUMENT.search("关于印发《通辽市推动城乡建设绿色发展实施方案》的通知").group("quoted")
'通辽市推动城乡建设绿色发展实施方案'
>>> ISSUES_INSTRUMENT.search("关于印发就业促进行动实施方案的通知").group("bare")
'就业促进行动实施方案'
"""

RECIPIENTS = re.compile(rf"""
    ^(?P<list>[^。；;：:]{{2,300}}?
      (?:人民政府|政府|行政公署|部门|单位|委办局|委、办、局|管委会|办事处|公司|机构|街道|苏木|乡镇|嘎查村|社区)
      [^。；;：:]{{0,40}}?)
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

BODY_SUFFIX = r"""(?:
      指挥部(?:办公室)? | 领导小组(?:办公室)? | 协调小组 | 工作小组 | 联席会议(?:办公室)?
    | 专项工作组(?:办公室)? | 工作组 | 推进组 | 工作专班 | 专班 | 专家组 | 专家咨询组 | 咨询组
    | 专家委员会 | (?:减灾|救灾|安全生产|应急)委员会(?:办公室)? | 应急办 | [{HAN}]{{2,8}}?组(?![建织成长员])
)""".replace("{HAN}", HAN).replace("{{", "{").replace("}}", "}")

BODY_NAME = re.compile(rf"""
    (?P<name>[{HAN}（）()·]{{0,30}}?{BODY_SUFFIX})
""", X)
__test__["BODY_NAME"] = """A coordinating body's name as printed: …指挥部, …领导小组办公室, …联席会议, 综合协调组.

>>> [BODY_NAME.fullmatch(s) is not None for s in ("市减灾指挥部办公室", "综合协调组", "市财政局")]
[True, True, False]
>>> [m.group() for m in BODY_NAME.finditer("市指挥部组建专家委员会，")]
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
