"""The plan audit report (``govkg audit``): for each plan, its bodies and their composition
(leaders, members, office), every finding with the statements that support it and their
place in the source file (file, character span, quote), the checks that passed, and the
names the audits read as one unit (each printed name, the steps that joined it, a quote).

Written as one offline HTML page (no script, no network; prints one plan a page), as CSV
(one row per finding and supporting statement) or as JSON.
"""
from __future__ import annotations

import csv
import html
import json
from dataclasses import dataclass
from pathlib import Path

from .analyze import AUDITS, Finding, audit_plan
from .network import to_networkx
from .plans import Link, Plan, read_plans
from .query import query_text, run_query

TITLES = {rule: title.removeprefix("Audit: ") for rule, title, _ in AUDITS}
CSV_HEADER = ("document", "rule", "subject", "finding", "file", "start", "end", "quote")


@dataclass(frozen=True)
class Place:
    """Where a statement was read: file, half-open character span, quote."""

    file: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    results: dict[str, list[Finding] | None]      # rule → findings; None: does not apply
    places: dict[str, Place]

    def findings(self) -> list[Finding]:
        return [f for found in self.results.values() for f in (found or ())]

    def place(self, link: Link) -> Place | None:
        return self.places.get(link.fact)

    def names(self) -> list[tuple[str, list[tuple[str, tuple[str, ...], Link]]]]:
        """The units the plan prints two ways or more, each printed name with the steps
        that read it as the unit (``unit_names.JOINS``) and a statement that prints it."""
        first: dict[str, Link] = {}
        for x in self.plan.work + self.plan.serving:
            first.setdefault(x.unit, x)
        return [(unit, [(n, self.plan.readings[n].how, first[n]) for n in printed])
                for unit, printed in self.plan.joined().items()]


def read_places(graph) -> dict[str, Place]:
    """Statement IRI → where it was read (named query ``provenance``)."""
    rows = run_query(graph, query_text("provenance"), limit=None).records()
    return {r["fact"]: Place(r["file"], int(r["start"]), int(r["end"]), r["quote"]) for r in rows}


def audit_report(graph, document: str | None = None) -> list[PlanReport]:
    """Every plan's audit (or the plan titled ``document``: exact, else the only one containing
    it); ``LookupError`` names the plans when none or several match."""
    G = to_networkx(graph)
    plans = select_plans(read_plans(G), document)
    places = read_places(graph)
    return [PlanReport(p, audit_plan(p, G), places) for p in plans]


def select_plans(plans: list[Plan], document: str | None) -> list[Plan]:
    if document is None:
        return plans
    exact = [p for p in plans if p.title == document]
    partial = [p for p in plans if document in p.title]
    if exact or len(partial) == 1:
        return exact or partial
    titles = "; ".join(p.title for p in (partial or plans)[:20])
    raise LookupError(f"{'several' if partial else 'no'} plans titled {document!r}; plans: {titles}")


# ---------------------------------------------------------------------------------------
# CSV and JSON

def finding_rows(reports: list[PlanReport]):
    """One row per finding and supporting statement, as ``CSV_HEADER`` says."""
    for r in reports:
        for f in r.findings():
            for link in f.evidence:
                p = r.place(link)
                yield (f.document, f.rule, f.subject, f.detail, p.file if p else "",
                       p.start if p else "", p.end if p else "", link.quote)


def write_csv(reports: list[PlanReport], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADER)
        out.writerows(finding_rows(reports))
    return path


def to_json(reports: list[PlanReport]) -> list[dict]:
    return [{"document": r.plan.title, "bodies": composition(r.plan),
             "names": {unit: [{"name": n, "how": list(how), **_evidence(r, x)} for n, how, x in printed]
                       for unit, printed in r.names()},
             "checks": {rule: _check(found) for rule, found in r.results.items()},
             "findings": [{**f.as_dict(), "evidence": [_evidence(r, x) for x in f.evidence]}
                          for f in r.findings()]}
            for r in reports]


def write_json(reports: list[PlanReport], path: Path) -> Path:
    Path(path).write_text(json.dumps(to_json(reports), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    return path


def _check(found) -> str:
    return "not applicable" if found is None else "passed" if not found else f"{len(found)} finding(s)"


def _status(found) -> str:
    return "na" if found is None else "passed" if not found else "found"


def _evidence(r: PlanReport, link: Link) -> dict:
    p = r.place(link)
    where = {"file": p.file, "start": p.start, "end": p.end} if p else {}
    return {"quote": link.quote, **where}


def composition(plan: Plan) -> dict[str, dict[str, list[str]]]:
    """Body → {"leaders", "members", "office"} as printed in the plan."""
    out = {b: {"leaders": [], "members": [], "office": []} for b in plan.bodies}
    for x in plan.composition:
        part = {"leader": "leaders", "office": "office"}.get(x.how, "members")
        who = f"{x.unit}（{x.role}）" if x.role and x.role != x.unit else x.unit
        entry = out.setdefault(x.target, {"leaders": [], "members": [], "office": []})[part]
        if who not in entry:
            entry.append(who)
    return out


# ---------------------------------------------------------------------------------------
# HTML

def write_html(reports: list[PlanReport], path: Path, source: str = "") -> Path:
    """One page: a contents list, then each plan; no script and nothing fetched."""
    e = html.escape
    contents = "".join(f'<li><a href="#plan-{i}">{e(r.plan.title)}</a> — {len(r.findings())} finding(s)</li>'
                       for i, r in enumerate(reports, 1))
    body = "".join(_plan_html(r, i) for i, r in enumerate(reports, 1))
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>Plan audit</title><style>{STYLE}</style></head><body>'
            f'<header><h1>Plan audit</h1><p>From the graph {e(source)}: {len(reports)} plan(s). '
            f'Each finding names the rule that produced it and quotes the sentences behind it, '
            f'with their file and character span.</p><ol class="contents">{contents}</ol></header>'
            f'{body}</body></html>\n')
    Path(path).write_text(page, encoding="utf-8")
    return path


def _plan_html(r: PlanReport, i: int) -> str:
    e = html.escape
    findings = "".join(_finding_html(r, f) for f in r.findings()) or "<p>No findings.</p>"
    return (f'<section class="plan" id="plan-{i}"><h2>{e(r.plan.title)}</h2>'
            f'<h3>Bodies</h3>{_bodies_html(r.plan)}'
            f'<h3>Findings</h3>{findings}<h3>Checks</h3>{_checks_html(r)}'
            f'<h3>Names read as one unit</h3>{_names_html(r)}</section>')


def _names_html(r: PlanReport) -> str:
    """Each unit the plan prints two ways or more: its printed names, how each is read as
    the unit, and a sentence that prints it."""
    e = html.escape
    rows = []
    for unit, printed in r.names():
        for k, (name, how, link) in enumerate(printed):
            p = r.place(link)
            where = f"{e(p.file)}, characters {p.start}–{p.end}" if p else "place not recorded"
            head = f'<th scope="rowgroup" rowspan="{len(printed)}">{e(unit)}</th>' if k == 0 else ""
            rows.append(f'<tr>{head}<td>{e(name)}</td><td>{e("、".join(how)) or "as printed"}</td>'
                        f'<td><blockquote class="quote">{e(link.quote)}</blockquote><cite>{where}</cite></td></tr>')
    if not rows:
        return "<p>The plan prints each unit one way.</p>"
    return ('<table class="names"><colgroup><col class="unit"><col class="unit"><col class="how"><col>'
            '</colgroup><thead><tr><th>Unit</th><th>Printed</th><th>Read as the unit by</th>'
            f'<th>Where</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _bodies_html(plan: Plan) -> str:
    e = html.escape
    rows = "".join(f'<tr><th scope="row">{e(b)}</th>' + "".join(
        f'<td>{"、".join(e(x) for x in parts[k]) or "—"}</td>' for k in ("leaders", "members", "office"))
        + "</tr>" for b, parts in composition(plan).items())
    if not rows:
        return "<p>The plan sets up no body.</p>"
    return ('<table class="bodies"><thead><tr><th>Body</th><th>Leaders</th><th>Members</th>'
            f'<th>Office</th></tr></thead><tbody>{rows}</tbody></table>')


def _finding_html(r: PlanReport, f: Finding) -> str:
    e = html.escape
    items = []
    for link in f.evidence:
        p = r.place(link)
        where = f"{e(p.file)}, characters {p.start}–{p.end}" if p else "place not recorded"
        items.append(f'<li><blockquote class="quote">{e(link.quote)}</blockquote><cite>{where}</cite></li>')
    return (f'<article class="finding" data-rule="{e(f.rule)}"><h4>{e(f.subject)}</h4>'
            f'<p>{e(f.detail)} <span class="rule">{e(f.rule)}</span></p>'
            f'<ol class="evidence">{"".join(items)}</ol></article>')


def _checks_html(r: PlanReport) -> str:
    e = html.escape
    items = "".join(f'<li class="{_status(found)}">{e(TITLES[rule])}: '
                    f'<b>{e(_check(found))}</b> <span class="rule">{e(rule)}</span></li>'
                    for rule, found in r.results.items())
    return f'<ul class="checks">{items}</ul>'


STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;max-width:70em;margin:1em auto;
padding:0 1em;color:#222;line-height:1.5}
h2{border-bottom:2px solid #345;margin-top:2em}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:.3em;vertical-align:top;text-align:left}thead th{background:#eef}
table.bodies th[scope=row]{width:20%}table.bodies td:last-child{width:15%}
table.names col.unit{width:20%}table.names col.how{width:12%}
.finding{border-left:4px solid #c60;padding:.2em .8em;margin:.8em 0;background:#fff8f0}
.finding h4{margin:.2em 0}.rule{font-family:monospace;color:#666;font-size:.85em}
blockquote.quote{margin:.2em 0;padding:.2em .6em;background:#fff;border:1px solid #ddd}
cite{font-size:.85em;color:#555}.checks .passed b{color:#070}.checks .na b{color:#777}.checks .found b{color:#c60}
@media print{.plan{break-before:page}body{max-width:none}.finding{break-inside:avoid}}
"""
