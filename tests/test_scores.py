"""The extraction scores on the hand-checked answer keys beside the project (``../shared/eval``),
held above floors kept in the repository (``score_floors.json``).  Skipped in a clone that has
no ``../shared``."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = json.loads((Path(__file__).parent / "score_floors.json").read_text(encoding="utf-8"))
KEY_SETS = {"dev": ROOT / "graph" / "samples", "wide": EVAL / "wide"}
LINE = re.compile(r"^(?P<kind>\w+)\s+P [\d.]+\s+R [\d.]+\s+F1 (?P<f1>[\d.]+)", re.MULTILINE)


@pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="no ../shared/eval beside the repository")
@pytest.mark.parametrize("key_set", sorted(KEY_SETS))
def test_scores_stay_above_their_floors(key_set):
    command = f"{sys.executable} -m graph"
    run = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / key_set),
                          "--texts", str(KEY_SETS[key_set]), "--cmd", command],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "FAILED" not in run.stdout, run.stdout
    scores = {m.group("kind"): float(m.group("f1")) for m in LINE.finditer(run.stdout)}
    below = {k: (scores.get(k), floor) for k, floor in FLOORS[key_set].items()
             if scores.get(k, 0.0) < floor}
    assert not below, f"{key_set}: F1 below its floor (score, floor): {below}\n{run.stdout}"
