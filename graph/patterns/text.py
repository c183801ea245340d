"""Page furniture, line joining and numbered headings (the clean and segment stages)."""
from __future__ import annotations

import re

from .common import X, COLON, HAN, LPAREN, RPAREN, Cued

__test__: dict[str, str] = {}   # the examples below, run by doctest

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

WEB_CHROME = Cued(re.compile(r"""
    ^\s*(?:
        (?:当前位置|您的位置|你的位置|您现在的位置) \s*[：:] .*      # breadcrumbs
      | \d{4}-\d{1,2}-\d{1,2} \s* (?:朗读|阅读|浏览|点击|来源|字号).*   # list-page date + tools
      | (?:[•·●▪\-]\s*)? .{4,160}? (?:\.{3}|…{1,2})                 # a truncated preview
    )\s*$
""", X), ("位置", "-", "...", "…"))
__test__["WEB_CHROME"] = """Lines of a scraped list page: breadcrumbs, 2024-03-11 朗读, previews cut off with "...".

>>> bool(WEB_CHROME.match("  • 鄂尔多斯市人民政府办公室关于印发促进产业基金高..."))
True
>>> bool(WEB_CHROME.match("    2024-03-11 朗读"))
True
"""

MONGOLIAN = re.compile(r"[\u1800-\u18af]")
__test__["MONGOLIAN"] = """Traditional Mongolian script (the mastheads of Inner Mongolian gazettes)."""

PARAGRAPH_GAP = Cued(re.compile(r"[ \u00a0]{3,}|\u3000{2,}"), (" ", "\u00a0", "\u3000\u3000"))
__test__["PARAGRAPH_GAP"] = """Three or more spaces inside a line: how a scraped page separates paragraphs."""

PINYIN_GLOSS = re.compile(rf"""
    (?<=[{HAN}])                   # right after the character it glosses
    [(（]
    [a-zü]{{0,5}}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{{0,5}}   # one syllable with its tone mark
    [)）]
""", X)
__test__["PINYIN_GLOSS"] = """A pinyin gloss that a converting mirror puts after a character: 應(yīng)急.

>>> PINYIN_GLOSS.sub("", "市地震應(yīng)急預(yù)案（試行）(GDP)")
'市地震應急預案（試行）(GDP)'

Lower-case Latin in brackets that is not a toned syllable after a character is text, kept:

>>> PINYIN_GLOSS.sub("", "浓度(ppm)、长度(km)")
'浓度(ppm)、长度(km)'
"""

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

FLATTENED_BREAK = re.compile(r"""
    [\u4e00-\u9fff]{1,8}〔(?:19|20)\d{2}〕\d{1,4}号          # a 文号 …
        (?=[\u4e00-\u9fff]{2,40}?关于[^。]{2,120}?的(?:通知|决定|意见|通告)
           | 各[^。：]{1,80}：)                                # … then the heading, or 主送
  | 关于[^。：]{2,120}?的(?:通知|决定|意见|通告)               # a heading …
        (?=各[^。：]{1,80}：)                                  # … then the 主送 line
""", X)
__test__["FLATTENED_BREAK"] = """Where a notice flattened onto one line goes on with its next part
(the text is the folded view: full-width colon, 〔〕 brackets).

>>> [m.end() for m in FLATTENED_BREAK.finditer("临政办发〔2021〕5号临县人民政府关于印发预案的通知各乡镇：")]
[12, 27]
"""

FLATTENED_CUES = ("〔", "关于")
__test__["FLATTENED_CUES"] = """What every match of ``FLATTENED_BREAK`` holds (the 文号's 〔 or the heading's
关于): a line with neither is not searched, which saves the search on most lines."""
