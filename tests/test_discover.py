"""What a hostile folder holds (issue 16): links out of it, FIFOs, broken and looping links,
unreadable folders, names that are not UTF-8 — each reported, none followed, none hung on."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.discover import Problem, find_inputs, printable

GOOD = ("额尔古纳市人民政府关于印发就业促进行动实施方案的通知\n各苏木乡镇（街道）人民政府（办事处）、市直部门：\n"
        "现将《额尔古纳市就业促进行动实施方案》印发给你们，请结合实际，认真贯彻落实。\n2025年3月26日\n"
        "额尔古纳市就业促进行动实施方案\n一、总体要求\n依据《中华人民共和国就业促进法》，制定本方案。\n")
SECRET = "绝密口令 hunter2 不应出现在报告里\n"


def hostile_folder(tmp_path: Path) -> Path:
    """A folder with one good gazette and every kind of thing that is not an input."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET * 20, encoding="utf-8")
    (outside / "dir").mkdir()
    (outside / "dir" / "also.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "inner.txt").write_text(GOOD.replace("就业", "创业"), encoding="utf-8")
    (folder / "out-link.txt").symlink_to(outside / "secret.txt")
    (folder / "out-dir").symlink_to(outside / "dir", target_is_directory=True)
    (folder / "in-link.txt").symlink_to(folder / "a.txt")           # inside: a duplicate, read
    (folder / "in-dir").symlink_to(folder / "sub", target_is_directory=True)   # inside: passed over
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_find_inputs_reports_what_it_does_not_read(tmp_path):
    folder = hostile_folder(tmp_path)
    problems: list[Problem] = []
    names = [name for _, name in find_inputs([folder], problems)]
    assert names == ["a.txt", "in-link.txt", "sub/inner.txt"]
    reasons = {p.name: (p.reason, p.error) for p in problems}
    assert set(reasons) == {"out-link.txt", "out-dir", "dangling.txt", "loop.txt", "pipe.txt"}
    assert reasons["out-link.txt"][1] is False and "not followed" in reasons["out-link.txt"][0]
    assert reasons["out-dir"][1] is False
    assert "broken link" in reasons["dangling.txt"][0] and reasons["dangling.txt"][1]
    assert "loop" in reasons["loop.txt"][0]
    assert "FIFO" in reasons["pipe.txt"][0]


def test_follow_links_reads_a_file_outside_only_when_asked(tmp_path):
    folder = hostile_folder(tmp_path)
    names = [name for _, name in find_inputs([folder], [], follow_links=True)]
    assert "out-link.txt" in names and "out-dir/also.txt" not in names


def _build(args, timeout=120):
    """The CLI in a thread, so that a hang fails the test instead of stalling it."""
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("r", CliRunner().invoke(main, args)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"govkg {' '.join(args)} hung"
    return box["r"]


def test_build_of_a_hostile_folder_reports_each_and_copies_no_outside_text(tmp_path):
    folder, out = hostile_folder(tmp_path), tmp_path / "out"
    result = _build(["build", str(folder), "--out", str(out), "-q", "--no-html"])
    assert result.exit_code == 1                        # dangling, loop and FIFO are errors
    assert "skipped: out-link.txt: a link to a file outside the input folder" in result.output
    assert "error: pipe.txt: not a regular file (a FIFO)" in result.output
    text = (out / "report.json").read_text(encoding="utf-8") + (out / "graph.trig").read_text(encoding="utf-8")
    assert "hunter2" not in text and "绝密" not in text
    files = {f["name"]: f for f in json.loads((out / "report.json").read_text(encoding="utf-8"))["files"]}
    assert files["a.txt"]["documents"] == 1 and files["sub/inner.txt"]["documents"] == 1


def test_a_fifo_named_directly_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    for args in (["build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "-q"],
                 ["clean", str(tmp_path / "p.txt")], ["facts", str(tmp_path / "p.txt")]):
        result = _build(args, timeout=60)
        assert result.exit_code == 1 and "not a regular file (a FIFO)" in result.output, args


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    """Root reads any folder, so the refusal is simulated where os.walk lists it."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[Problem] = []
    assert [n for _, n in find_inputs([folder], problems)] == ["a.txt"]
    assert problems == [Problem("locked/", "cannot read folder: Permission denied")]


def test_a_name_that_is_not_utf8_is_one_file_among_the_others(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    bad = os.fsdecode(b"bad\xffname.txt")
    (folder / bad).write_text(GOOD.replace("就业", "创业"), encoding="utf-8")
    result = _build(["build", str(folder), "--out", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    files = {f["name"]: f for f in json.loads((out / "report.json").read_text(encoding="utf-8"))["files"]}
    assert set(files) == {"a.txt", "bad\\xffname.txt"} and files["bad\\xffname.txt"]["documents"] == 1
    again = _build(["build", str(folder), "--out", str(out), "-q", "--no-html"])
    assert again.exit_code == 0
    files = json.loads((out / "report.json").read_text(encoding="utf-8"))["files"]
    assert [f["skipped"] for f in files] == ["unchanged", "unchanged"]
    assert printable(bad) == "bad\\xffname.txt"


def test_a_folder_with_nothing_to_read_is_an_error_not_zero_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "in" / "notes.md").write_text("x", encoding="utf-8")
    # a file of a kind govkg does not read is named with the kinds it does read
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "notes.md: unsupported kind of file (.md)" in result.output
    assert ".txt" in result.output and ".pdf" in result.output
    # a folder with no file at all is an error, not "0 files"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty"), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 1 and "no file govkg reads under" in result.output
