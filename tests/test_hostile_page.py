"""A page built from a document that holds <script> and <img onerror> in its text: opened
in headless Chromium, the text shows as text and nothing runs."""
from __future__ import annotations

from click.testing import CliRunner

from graph.cli import main
from test_viz_browser import ARTIFACTS, browser, open_page  # noqa: F401  (fixture)

DOCUMENT = """额尔古纳市人民政府办公室关于印发《额尔古纳市春季应对融雪应急预案》的通知
各苏木乡镇人民政府、市直部门：
现将《额尔古纳市春季应对融雪应急预案》印发给你们，请认真贯彻落实。
2025年2月28日
额尔古纳市春季应对融雪应急预案
一、总则
依据《</script><script>window.pwned=1</script>条例》和《<img src=x onerror="window.pwned=2">办法》，制定本预案。
二、组织机构
成立额尔古纳市减灾指挥部（以下简称市指挥部）。
成员单位：市应急管理局、市<img src=x onerror="window.pwned=3">局、市财政局。
"""


def test_a_hostile_document_never_runs_in_the_page(browser, tmp_path):  # noqa: F811
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(DOCUMENT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    opened = open_page(browser, out / "graph.html")
    work = '</script><script>window.pwned=1</script>条例'
    assert opened.page.evaluate("(w) => nodes.get({filter: n => n.name === w}).length", work) == 1
    opened.page.fill("#govkg-search", work)
    opened.page.press("#govkg-search", "Enter")
    assert opened.page.inner_text("#govkg-details h2") == work
    # the membership's quote is the original sentence, <img …> and all: shown, not run
    opened.page.fill("#govkg-search", "额尔古纳市减灾指挥部")
    opened.page.press("#govkg-search", "Enter")
    details = opened.page.inner_text("#govkg-details")
    assert '市<img src=x onerror="window.pwned=3">局' in details
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=ARTIFACTS / "hostile-document.png")
    assert opened.page.evaluate("typeof window.pwned") == "undefined"
    assert opened.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    assert opened.errors == [] and opened.requests == [(out / "graph.html").as_uri()]
