"""``govkg build``: every file through the pipeline, then the outputs written.

A file that cannot be read or processed is reported with its name and the reason, and
the build goes on with the others.  Outputs are written to temporary files and renamed
into place, so an interrupted build leaves the previous output whole.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from .ingest import SourceError, find_files, read_source
from .pipeline import process
from .report import FileReport, FileResult
from .store import write_trig
from .viz import write_graph_html

REPORT = "report.json"


@dataclass(frozen=True)
class BuildReport:
    out: Path
    files: tuple[FileReport, ...]

    @property
    def failed(self) -> tuple[FileReport, ...]:
        return tuple(f for f in self.files if f.error)

    def totals(self) -> dict:
        facts: dict[str, int] = {}
        for f in self.files:
            for k, n in f.facts.items():
                facts[k] = facts.get(k, 0) + n
        return {"files": len(self.files), "failed": len(self.failed),
                "documents": sum(f.documents for f in self.files),
                "triples": sum(f.triples for f in self.files), "facts": facts,
                "chars_outside_documents": sum(f.chars_outside_documents for f in self.files),
                "chars_unclaimed_in_documents": sum(f.chars_unclaimed_in_documents for f in self.files)}

    def as_dict(self) -> dict:
        return {"totals": self.totals(), "files": [f.as_dict() for f in self.files],
                "errors": [{"file": f.name, "reason": f.error} for f in self.failed]}


def sample_corpus() -> list[tuple[Path, str]]:
    """The bundled sample gazettes (shipped inside the package)."""
    folder = resources.files("graph.samples")
    return [(Path(str(p)), p.name) for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".txt")]


def run_one(path: Path, name: str) -> FileResult | FileReport:
    """Read and process one file; a failure becomes a FileReport naming the reason."""
    try:
        source = read_source(path, name)
    except SourceError as e:
        return FileReport(name=name, error=e.reason)
    try:
        result = process(source)
    except RecursionError:
        return FileReport(name=name, sha256=source.digest, error="input too deeply nested to process")
    except Exception as e:                                  # noqa: BLE001 — reported, not hidden
        return FileReport(name=name, sha256=source.digest,
                          error=f"internal error while processing: {type(e).__name__}: {e}")
    return replace(result, report=replace(result.report, triples=len(result.quads)))


def build(paths: Iterable[str | Path], out: str | Path, *, jobs: int = 1,
          progress: Callable[[FileReport, int], None] | None = None) -> BuildReport:
    """Build the graph of ``paths`` (the sample corpus when empty) into folder ``out``."""
    files = list(find_files(paths)) if paths else sample_corpus()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    reports, quads, seen = [], [], {}
    for (path, name), result in zip(files, _results(files, jobs)):
        report = result if isinstance(result, FileReport) else result.report
        size = _size(path)
        if isinstance(result, FileResult):
            if report.sha256 in seen:
                report = replace(report, skipped=f"duplicate of {seen[report.sha256]}", triples=0)
            else:
                seen[report.sha256] = name
                quads.extend(result.quads)
        reports.append(report)
        if progress:
            progress(report, size)
    write_trig(quads, out / "graph.trig")
    write_graph_html(out)
    result = BuildReport(out, tuple(reports))
    _write_json(result.as_dict(), out / REPORT)
    return result


def _results(files, jobs: int):
    if jobs <= 1 or len(files) <= 1:
        for path, name in files:
            yield run_one(path, name)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(run_one, [p for p, _ in files], [n for _, n in files], chunksize=1)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_json(data: dict, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, path)
