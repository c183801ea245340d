"""Gazettes as users get them: PDF (one and two columns, running heads, page numbers,
tables), DOCX, DOC/WPS through LibreOffice, scanned pages through Tesseract.

The files are made here from fixture texts (``scripts/print_gazette.py``, fpdf2 with
Debian's fonts-wqy-microhei); each test compares what the made file gives with what its
text gives.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build import build
from graph.cli import main
from graph.clean import clean
from graph.formats import ocr, office
from graph.formats.layout import page_lines
from graph.formats.pdf import table_rows
from graph.ingest import SourceError, parse_bytes, read_source
from graph.pipeline import process
from graph.query import run_query
from graph.store import open_graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
REQUIRED = os.environ.get("GOVKG_REQUIRE_FORMATS") == "1"
"""In CI every optional tool these tests use must be there: a missing one fails, not skips."""
print_gazette = pytest.importorskip("print_gazette")
pytest.importorskip("fpdf")
if not print_gazette.FONT.is_file() and not REQUIRED:
    pytest.skip("no CJK font: apt-get install fonts-wqy-microhei", allow_module_level=True)

PLAN = (ROOT / "tests" / "data" / "formats_plan.txt").read_text(encoding="utf-8")
HEAD = "桂林市人民政府公报"


def facts_of(source):
    """The facts of one source as comparable tuples, and the result."""
    result = process(source)
    rows = {(f.kind, f.rule, _names(f)) for f in result.facts}
    return rows, result


def _names(fact) -> tuple:
    return tuple(sorted(f"{field}={m.name}" for field, m in fact.mentions()))


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The fixture plan as text, PDF (one column, with a table), two-column PDF and DOCX."""
    folder = tmp_path_factory.mktemp("formats")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    print_gazette.write_pdf(PLAN, folder / "plan.pdf", HEAD, first_page=27)
    print_gazette.write_pdf(PLAN, folder / "columns.pdf", HEAD, columns=2)
    print_gazette.write_docx(PLAN, folder / "plan.docx")
    return folder


# ---------------------------------------------------------------------------------------
# Reading order of a page, from character boxes

def _chars(text: str, x: float, y: float, size: float = 10) -> list[dict]:
    return [{"text": ch, "x0": x + size * i, "x1": x + size * (i + 1), "top": y, "bottom": y + size,
             "size": size} for i, ch in enumerate(text)]


LAYOUTS = [
    # a running head across the page, then two columns: left column first
    pytest.param(_chars("某某市人民政府公报", 250, 20) + _chars("左栏第一行" * 5, 50, 60) + _chars("右栏第一行", 350, 60)
                 + _chars("左栏第二行", 50, 75), ["某某市人民政府公报", "左栏第一行" * 5 + "左栏第二行", "右栏第一行"],
                 id="running-head-two-columns"),
    # a paragraph's line that reaches the edge runs on; an indented line starts a paragraph
    pytest.param(_chars("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", 60, 60)
                 + _chars("续写完毕。", 60, 75) + _chars("新段落开始", 80, 90),
                 ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三续写完毕。", "新段落开始"],
                 id="wrapped-paragraph-joined"),
    # a heading after a finished sentence at the edge is not run on
    pytest.param(_chars("本预案适用于全市范围内突发性水旱灾害的预防和应急处置工作。", 60, 60)
                 + _chars("二、组织指挥体系", 60, 75),
                 ["本预案适用于全市范围内突发性水旱灾害的预防和应急处置工作。", "二、组织指挥体系"], id="heading-not-joined"),
    # a notice title at the edge and its 文号: two lines
    pytest.param(_chars("某某市人民政府办公室关于印发某某市防汛抗旱应急预案的通知", 60, 60)
                 + _chars("市政办发〔2024〕31号", 60, 75),
                 ["某某市人民政府办公室关于印发某某市防汛抗旱应急预案的通知", "市政办发〔2024〕31号"], id="title-and-number"),
    # a list of names and posts spaced apart on a one-column page stays line by line
    pytest.param(_chars("总指挥：", 60, 60) + _chars("王某某", 100, 60) + _chars("市人民政府市长", 400, 60)
                 + _chars("副总指挥：", 60, 75) + _chars("李某", 110, 75) + _chars("市应急管理局局长", 400, 75),
                 ["总指挥：王某某  市人民政府市长", "副总指挥：李某  市应急管理局局长"], id="names-and-posts-spaced"),
    # a line of blanks only (a spaced-out fill) is no line: caught a crash on empty lines
    pytest.param(_chars("正文", 60, 60) + _chars("   ", 60, 75) + _chars("下文", 60, 90), ["正文", "下文"],
                 id="blank-line"),
    # page number at the foot, centred
    pytest.param(_chars("正文一行", 60, 60) + _chars("- 27 -", 280, 800), ["正文一行", "- 27 -"], id="page-number"),
]


@pytest.mark.parametrize("chars, expected", LAYOUTS)
def test_reading_order(chars, expected):
    assert page_lines(chars, 600) == expected


def test_a_table_stands_between_the_lines_around_it():
    chars = _chars("表前一行", 60, 60) + _chars("表后一行", 60, 300)
    assert page_lines(chars, 600, ((100, ("序号\t任务", "1\t防汛")),)) == ["表前一行", "序号\t任务", "1\t防汛", "表后一行"]


def test_table_cells_are_joined_and_rows_trimmed():
    assert table_rows([["序号", "重点\n任务", "牵头单位", None], ["1", "加强水库\n安全度汛", "市水利局", ""],
                       [None, None, None, None]]) == ["序号\t重点任务\t牵头单位", "1\t加强水库安全度汛\t市水利局"]


# ---------------------------------------------------------------------------------------
# PDF with a text layer

def test_pdf_gives_what_its_text_gives(made):
    text_facts, _ = facts_of(read_source(made / "plan.txt"))
    pdf_facts, result = facts_of(read_source(made / "plan.pdf"))
    kinds = Counter(k for k, _, _ in text_facts)
    assert kinds["membership"] >= 15 and kinds["task"] >= 3 and kinds["duty"] >= 4
    assert text_facts <= pdf_facts, sorted(text_facts - pdf_facts)[:5]
    assert result.documents and result.documents[0].number.value == "市政办发〔2024〕31号"


def test_pdf_running_head_and_page_numbers_are_furniture(made):
    source = read_source(made / "plan.pdf")
    assert source.media_type == "application/pdf" and source.encoding == "pdfplumber"
    assert len(source.pages) >= 2 and source.pages[0] == 0
    assert "- 27 -" in source.text and "- 28 -" in source.text
    cleaned = clean(source)
    reasons = Counter(d.reason for d in cleaned.dropped)
    assert reasons["page-number"] == len(source.pages) and reasons["masthead"] >= len(source.pages)
    assert "- 27 -" not in cleaned.text and HEAD not in cleaned.text.splitlines()


def test_pdf_table_rows_are_rows(made):
    source = read_source(made / "plan.pdf")
    assert "2\t加强水库安全度汛管理\t市水利局\t市应急管理局、市气象局\t2024年9月" in source.text.splitlines()
    _, result = facts_of(source)
    lead = {(f.text, u.unit.name) for f in result.facts if f.kind == "task" for u in f.units if u.relation == "lead"}
    assert any(t == "加强水库安全度汛管理" and u.endswith("市水利局") for t, u in lead)


def test_every_quote_is_the_text_at_its_offsets_and_has_its_page(made):
    source = read_source(made / "plan.pdf")
    _, result = facts_of(source)
    pages = {source.page_at(f.span.start) for f in result.facts}
    assert pages >= {1, 2}
    for f in result.facts:
        assert source.text[f.span.start:f.span.end] == f.span.quote(source)
        assert source.pages[source.page_at(f.span.start) - 1] <= f.span.start


def test_two_column_pages_read_column_by_column(made):
    text_facts, _ = facts_of(read_source(made / "plan.txt"))
    source = read_source(made / "columns.pdf")
    lines = source.text.splitlines()
    assert lines.index("（一）市防汛抗旱指挥部") < lines.index("（二）成员单位职责")
    members = {r for r in text_facts if r[0] in ("membership", "leader")}
    column_facts, _ = facts_of(source)
    assert members <= column_facts, sorted(members - column_facts)[:5]


def test_graph_carries_page_and_quote_re_readable_from_clean_raw(made, tmp_path):
    out = tmp_path / "out"
    build([made / "plan.pdf"], out, html=False)
    raw = CliRunner().invoke(main, ["clean", "--raw", str(made / "plan.pdf")])
    assert raw.exit_code == 0
    rows = run_query(open_graph(out), """
        PREFIX gov: <https://w3id.org/govkg/ns#>
        SELECT ?s ?e ?q ?p WHERE { GRAPH ?g { ?f gov:start ?s ; gov:end ?e ; gov:quote ?q ; gov:page ?p } }""").rows
    assert len(rows) > 20
    for start, end, quote, page in rows:
        assert raw.output[int(start):int(end)] == quote and int(page) >= 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["files"][0]
    assert report["pages"] >= 2 and report["encoding"] == "pdfplumber" and report["ocr_pages"] == []


# ---------------------------------------------------------------------------------------
# DOCX, DOC and WPS

def test_docx_gives_what_its_text_gives(made):
    text_facts, _ = facts_of(read_source(made / "plan.txt"))
    source = read_source(made / "plan.docx")
    assert source.encoding == "python-docx" and source.pages == ()
    assert "3\t完善山洪灾害监测预警\t市自然资源局\t市水利局、市气象局\t2024年12月" in source.text.splitlines()
    docx_facts, _ = facts_of(source)
    assert text_facts == docx_facts


def test_docx_merged_cells_are_given_once(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("表一")
    table = document.add_table(rows=3, cols=3)
    for i, row in enumerate((("序号", "重点任务", "牵头单位"), ("1", "防汛", "市水利局"), ("2", "", "市气象局"))):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    table.cell(1, 1).merge(table.cell(2, 1))           # 防汛 spans two rows
    document.add_paragraph("表后")
    document.save(str(tmp_path / "t.docx"))
    assert read_source(tmp_path / "t.docx").text == "表一\n序号\t重点任务\t牵头单位\n1\t防汛\t市水利局\n2\t\t市气象局\n表后\n"


def test_doc_without_libreoffice_names_the_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "converter", lambda: None)
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    (tmp_path / "plan.wps").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    for name in ("plan.doc", "plan.wps"):
        with pytest.raises(SourceError, match=r"LibreOffice.*soffice.*libreoffice-writer-nogui"):
            read_source(tmp_path / name)


@pytest.mark.skipif(office.converter() is None and not REQUIRED, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-writer-nogui to test DOC and WPS conversion")
def test_doc_and_wps_are_converted_by_libreoffice(made, tmp_path):
    subprocess.run([office.converter(), "--headless", f"-env:UserInstallation=file://{tmp_path}/p",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(made / "plan.docx")],
                   check=True, capture_output=True, timeout=300)
    shutil.copy(tmp_path / "plan.doc", tmp_path / "plan.wps")
    text_facts, _ = facts_of(read_source(made / "plan.txt"))
    for name in ("plan.doc", "plan.wps"):
        source = read_source(tmp_path / name)
        assert source.encoding == "libreoffice+python-docx"
        assert facts_of(source)[0] == text_facts


# ---------------------------------------------------------------------------------------
# Scanned pages

@pytest.fixture(scope="module")
def scanned(made, tmp_path_factory):
    folder = tmp_path_factory.mktemp("scanned")
    short = "\n".join(PLAN.splitlines()[:40])
    pdf = print_gazette.write_pdf(short, folder / "short.pdf", HEAD)
    return print_gazette.write_scanned_pdf(pdf, folder / "scanned.pdf")


def test_scanned_pdf_without_ocr_is_refused_with_the_reason(scanned, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(SourceError, match=r"scanned.pdf: no text layer .*tesseract-ocr-chi-sim"):
        read_source(scanned)


@pytest.mark.skipif(not ocr.available() and not REQUIRED, reason="Tesseract with chi_sim is not installed: "
                    "apt-get install tesseract-ocr tesseract-ocr-chi-sim")
def test_scanned_pdf_is_read_by_ocr_and_flagged(scanned, tmp_path):
    source = read_source(scanned)
    assert source.ocr_pages == tuple(range(1, len(source.pages) + 1))
    assert "应急预案" in source.text and "成员单位" in source.text
    out = tmp_path / "out"
    build([scanned], out, html=False)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["files"][0]
    assert report["ocr_pages"] == list(source.ocr_pages) and "OCR" in " ".join(report["warnings"])
    assert run_query(open_graph(out), """PREFIX gov: <https://w3id.org/govkg/ns#>
        ASK { GRAPH ?g { ?f gov:readByOCR true ; gov:quote ?q } }""") is True


# ---------------------------------------------------------------------------------------
# Nothing silent: bad files beside good ones

def _encrypted_pdf(path: Path) -> None:
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(print_gazette.FONT))
    pdf.set_font("cjk", size=12)
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    pdf.cell(0, 10, "保密文件")
    pdf.output(str(path))


BAD_FILES = [
    pytest.param("secret.pdf", _encrypted_pdf, "encrypted PDF", id="encrypted"),
    pytest.param("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), "broken PDF", id="broken"),
    pytest.param("table.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + bytes(60)), "unsupported kind", id="unsupported"),
    pytest.param("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "broken DOCX", id="broken-docx"),
]


@pytest.mark.parametrize("name, make, reason", BAD_FILES)
def test_a_bad_file_beside_good_ones_is_named_and_fails_the_build(made, tmp_path, name, make, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    for good in ("plan.pdf", "plan.docx"):
        shutil.copy(made / good, folder / good)
    make(folder / name)
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 1
    assert f"error: {name}: " in result.output and reason in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in report["errors"]] == [name] and reason in report["errors"][0]["reason"]
    built = {f["name"]: f for f in report["files"] if not f["error"]}
    assert set(built) == {"plan.pdf", "plan.docx"} and all(f["facts"]["membership"] >= 15 for f in built.values())


def test_a_folder_with_no_files_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no file govkg reads under" in result.output and ".pdf" in result.output


def test_a_pdf_named_otherwise_is_recognised_by_its_signature(made, tmp_path):
    shutil.copy(made / "plan.pdf", tmp_path / "plan.bin")
    assert read_source(tmp_path / "plan.bin").media_type == "application/pdf"
    with pytest.raises(SourceError, match=r"unsupported kind of file \(\.md\)"):
        (tmp_path / "notes.md").write_text("说明", encoding="utf-8")
        read_source(tmp_path / "notes.md")


def test_text_files_are_read_as_before():
    source = parse_bytes("通知\n".encode("utf-8"), "a.txt")
    assert source.pages == () and source.page_at(0) is None and not source.read_by_ocr(0)


def test_the_page_shows_the_page_number_of_each_quote(made, tmp_path):
    from graph.network import to_networkx
    out = tmp_path / "out"
    build([made / "plan.pdf"], out)
    G = to_networkx(open_graph(out))
    pages = {d.get("page") for _, _, d in G.edges(data=True) if d["relation"] == "member_of"}
    assert pages and pages <= {"1", "2", "3"}
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert '"page": "1"' in html or '"page":"1"' in html
    assert '"第" + item.page + "页"' in html
