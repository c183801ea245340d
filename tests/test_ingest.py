"""ingest: encodings are detected, not assumed; what is not text is refused with a reason."""
from __future__ import annotations

import codecs

import pytest

from graph.ingest import SourceError, find_files, parse_bytes, read_source

TEXT = "额尔古纳市人民政府办公室关于印发《额尔古纳市春季应对融雪应急预案》的通知\n各部门职责分工如下：\n"
TRADITIONAL = "各級機關、企事業單位、社會團體，負責做好本單位衛生責任區的積雪清掃工作。\n"


@pytest.mark.parametrize("data, encoding", [
    pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
    pytest.param(TEXT.encode("gbk"), "gb18030", id="gbk"),
    pytest.param(TEXT.encode("gb18030"), "gb18030", id="gb18030"),
    pytest.param(TEXT.encode("utf-16"), "utf-16", id="utf-16-bom"),
    pytest.param(TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(TEXT.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
])
def test_encodings_decode_to_the_same_text(data, encoding):
    source = parse_bytes(data, "x.txt")
    assert source.encoding == encoding
    assert source.text.lstrip("\ufeff") == TEXT


def test_big5_is_told_from_gbk():
    # Big5 bytes also decode as GB18030, into nonsense; plausibility picks Big5
    source = parse_bytes(TRADITIONAL.encode("big5"), "trad.txt")
    assert source.encoding == "big5"
    assert source.text == TRADITIONAL


def test_truncated_multibyte_sequence_is_kept_with_a_replacement():
    data = TEXT.rstrip().encode("gbk")[:-1]          # cut inside the last character
    source = parse_bytes(data, "cut.txt")
    assert source.text.startswith("额尔古纳市")
    assert "\ufffd" in source.text


@pytest.mark.parametrize("data, reason", [
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image", id="png"),
    pytest.param(b"PK\x03\x04" + bytes(200), "zip archive", id="zip"),
    pytest.param(b"abc\x00def\x00" * 10 + b"\xff", "NUL bytes", id="nul-bytes"),
])
def test_binary_files_are_refused_with_the_reason(data, reason):
    with pytest.raises(SourceError) as e:
        parse_bytes(data, "picture.txt")
    assert "picture.txt" in str(e.value) and reason in str(e.value)


def test_a_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="gone.txt: cannot read"):
        read_source(tmp_path / "gone.txt")


def test_html_is_recognised_and_its_meta_charset_used():
    html = '<html><head><meta charset="gbk"></head><body><p>关于印发的通知</p></body></html>'
    source = parse_bytes(html.encode("gbk"), "page.htm", "text/html")
    assert "关于印发的通知" in source.text


def test_folders_are_searched_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.htm").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_text("x", encoding="utf-8")         # every kind is taken, to be read or named
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")   # hidden files are not
    assert [name for _, name in find_files([tmp_path])] == ["a.htm", "b/2.txt", "c.pdf"]
