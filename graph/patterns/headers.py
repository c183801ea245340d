"""Document headers: 文号, dates, notice titles, 主送, contents, references and repeals."""
from __future__ import annotations

import re

from .common import X, HAN, Cued

__test__: dict[str, str] = {}   # the examples below, run by doctest

# Document headers.

DOC_NUMBER = re.compile(rf"""
    (?P<prefix>[{HAN}]{{1,8}})                                  # 鄂府办发 / 通政任字 / 通辽通告
    [ \t\u3000]*[〔\[［(（【][ \t\u3000]*(?P<year>(?:19|20)\d{{2}})[ \t\u3000]*[〕\]］)）】]
    [ \t\u3000]*(?P<serial>\d{{1,4}})[ \t\u3000]*[号號]
""", X)
__test__["DOC_NUMBER"] = """A 文号: issuer code, year in brackets of any kind, serial, 号.

>>> m = DOC_NUMBER.search("伊政办发[2024]13号")
>>> m.group("prefix"), m.group("year"), m.group("serial")
('伊政办发', '2024', '13')
>>> DOC_NUMBER.search("(通政任字〔2023〕28号)").group("prefix")
'通政任字'
"""

CN_DIGIT = "〇○零O０一二三四五六七八九"
DATE = re.compile(r"""
    (?P<year>(?:19|20)\d{2} | [一二][〇○零O０一二三四五六七八九]{3}) [ \t\u3000]* 年 [ \t\u3000]*
    (?P<month>1[0-2]|0?[1-9] | 十[一二]? | [一二三四五六七八九]) [ \t\u3000]* 月 [ \t\u3000]*
    (?P<day>3[01]|[12]\d|0?[1-9] | 三十一? | 二?十[一二三四五六七八九]? | [一二三四五六七八九]) [ \t\u3000]* 日
""", X)
__test__["DATE"] = """A date in Chinese: 2024年3月10日 (spaces allowed), or in Chinese numerals.

>>> DATE.search("印刷日期 2024年1月12日").group("year", "month", "day")
('2024', '1', '12')
>>> DATE.search("二OO八年六月三十日").group("year", "month", "day")
('二OO八', '六', '三十')
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

TOC_ENTRY = Cued(re.compile(r"""
    (?: \.{2,}|…{2,}|·{3,} )            # leader dots
  | [ \t\u3000]*[(（]\s*\d{1,4}\s*[)）]\s*$   # (27) at the end
  | \t\s*[-—]?\s*\d{1,4}\s*[-—]?\s*$    # tab then a page number
  | ^\s*[-•]\s
""", X), ("..", "……", "···", "(", "（", "\t", "-", "•"))
__test__["TOC_ENTRY"] = """A line of a table of contents: leader dots, a page number at the end, or a bullet."""

CHRONICLE = re.compile(r"^[ \t\u3000]*(?:[\u4e00-\u9fff]{2,20})?大事记")
__test__["CHRONICLE"] = """The heading of a chronicle (大事记), which is not a document."""

REFERENCE = re.compile(r"《(?P<title>[^《》\n]{2,120})》")
__test__["REFERENCE"] = """A title in 《…》 (angle brackets 〈〉 inside it are kept)."""

REPEAL = Cued(re.compile(r"(?:同时|即行|予以|自行)?(?:废止|失效|不再执行)"), ("废止", "失效", "不再执行"))
__test__["REPEAL"] = """Words that repeal an earlier document (searched through whole documents: cued).

>>> REPEAL.search("原办法同时废止。").group()
'同时废止'
"""

PROVINCIAL_NUMBER = re.compile(r"^[\u4e00-\u9fff](?:政|府|办|发|委)")
__test__["PROVINCIAL_NUMBER"] = """A 文号 of a provincial government: its province's 简称, then 政/府/办.

>>> bool(PROVINCIAL_NUMBER.match("粤办函〔2019〕271号")), bool(PROVINCIAL_NUMBER.match("萍府办字〔2017〕52号"))
(True, True)
"""
