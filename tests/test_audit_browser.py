"""The audit report in a real browser (headless Chromium, Playwright): the sample corpus's
report opens with no request beyond its own file and no console error, and the 通辽 postal
plan's misspelt unit is there with both quotes and their places, and the upkeep plan's
names read as one unit show how and where (城市投资集团, a contraction, in its 编制单位 table).  Screenshots go to
tests/artifacts/.  Skipped like the page's browser tests unless GOVKG_REQUIRE_BROWSER=1."""
from __future__ import annotations

import pytest

from graph.audit import audit_report, write_html
from test_viz_browser import ARTIFACTS, browser  # noqa: F401  (fixture: the browser)

POSTAL = "通辽市邮政业突发事件应急预案"
UPKEEP = "城市运维保障工作方案"          # its 编制单位 table prints 城市投资集团 for 城市投资建设集团


@pytest.fixture(scope="module")
def report_page(sample_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("audit") / "audit.html"
    return write_html(audit_report(sample_store), path, "sample")


def test_report_shows_a_finding_with_its_quotes(browser, report_page):  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url == report_page.as_uri()
               else route.abort())
    page.goto(report_page.as_uri())
    plan = page.locator("section.plan", has=page.locator("h2", has_text=POSTAL))
    finding = plan.locator('article.finding[data-rule="audit.spelling_variant"]')
    assert finding.count() == 1
    finding.scroll_into_view_if_needed()
    text = finding.inner_text()
    assert "通辽市文广广电局 / 通辽市文旅广电局" in text
    quotes = finding.locator("blockquote.quote").all_inner_texts()
    assert len(quotes) == 2 and any("文广广电局" in q for q in quotes) and any("文旅广电局" in q for q in quotes)
    assert text.count("004_8e672ddf229b4080.txt, characters") == 2
    assert plan.locator("ul.checks li").count() == 5 and "not applicable" in plan.locator("ul.checks").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "audit-postal.png")
    upkeep = page.locator("section.plan", has=page.locator("h2", has_text=UPKEEP))
    joined = upkeep.locator("table.names tr", has_text="伊金霍洛旗城市投资集团")
    joined.scroll_into_view_if_needed()
    assert "contraction" in joined.inner_text() and "城市在建项目城市运维保障工作方案" in joined.inner_text()
    assert "002_e1f51ba76b5882f4.txt, characters" in joined.inner_text()
    page.screenshot(path=ARTIFACTS / "audit-names.png")
    assert errors == [] and requests == [report_page.as_uri()]
    page.close()
