"""Every example in scripts/ runs on a built graph, answers right on the hand-made plans,
and is listed in the README."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"

ARGS = {  # script: extra arguments
    "headquarters_members": ["--type", "all"],
    "unit_duties": ["--unit", "鄂尔多斯市应急管理局"],
    "busiest_agencies": ["--top", "5"],
}


def run(name: str, folder: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPTS / f"{name}.py"), "--graph", str(folder), *args],
                            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_query_script_is_tested_and_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = sorted(p.stem for p in SCRIPTS.glob("*.rq"))
    assert names == sorted(ARGS)
    for name in names:
        assert (SCRIPTS / f"{name}.py").is_file() and f"scripts/{name}.py" in readme
        assert (SCRIPTS / f"{name}.rq").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("name", sorted(ARGS))
def test_script_runs_on_the_sample_corpus(name, sample_build):
    assert run(name, sample_build[0], *ARGS[name]).strip()


@pytest.mark.parametrize("name, args, expected", [
    pytest.param("headquarters_members", [], "鄂尔多斯市防汛抗旱指挥部 (3): 鄂尔多斯市应急管理局、鄂尔多斯市气象局、鄂尔多斯市水利局",
                 id="members"),
    pytest.param("unit_duties", ["--unit", "鄂尔多斯市林业和草原局"], "牵头 加强野外火源管控", id="task-lead"),
    pytest.param("unit_duties", ["--unit", "鄂尔多斯市应急管理局"],
                 "职责 [鄂尔多斯市防汛抗旱指挥部] 负责防汛抗旱应急救援工作", id="duty-second-plan"),
    pytest.param("busiest_agencies", ["--top", "1"], "鄂尔多斯市应急管理局 2 2 0 0 4",
                 id="busiest"),
])
def test_script_answers_on_the_plans(plan_build, name, args, expected):
    lines = [" ".join(line.split()) for line in run(name, plan_build, *args).splitlines()]
    assert expected in lines
