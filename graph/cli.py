"""The ``govkg`` command: a thin shell over the library, one call per command."""
from __future__ import annotations

import atexit
import gc
import json
import sys
from contextlib import contextmanager
import time
from pathlib import Path

import click

from . import query as Q
from .manifest import PAGE_FILE, REPORT_FILE, ROWS_FILE, TRIG_FILE
from .store import BACKENDS, GraphNotFound, open_graph

EPILOG_BUILD = """\b
Examples:
  govkg build --out out                 # the bundled sample gazettes
  govkg build gazettes/ --out out -j 2  # every .txt/.html under gazettes/, 2 workers
  govkg build gazettes/ --out out       # again: only new and changed files are read
  govkg build gazettes/ --out out --prune   # and drop files no longer in gazettes/
"""


def graph_option(f):
    return click.option("--graph", "graph_dir", required=True, type=click.Path(file_okay=False),
                        help="Folder a `govkg build` wrote, or the URL of a SPARQL endpoint.")(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(Q.FORMATS), default="table",
                        show_default=True, help="Output format.")(f)


def backend_option(f):
    return click.option("--backend", type=click.Choice(BACKENDS), default="oxigraph",
                        show_default=True, help="Store that runs the query.")(f)


def network_option(f):
    return click.option("--allow-network", is_flag=True,
                        help="Permit SERVICE / FROM / LOAD, which read from outside the graph.")(f)


def timeout_option(f):
    return click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(0.1),
                        help="Seconds a query may run before govkg gives up (exit status 3).")(f)


DEFAULT_TIMEOUT = 120.0


def query_options(f):
    """The options every query command shares: where, how to print, which store, the
    network, bound parameters, and the row and time limits."""
    for option in reversed((
            graph_option, format_option, backend_option, network_option,
            click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
                         help="Bind a query variable to a value (repeatable); <…> binds an IRI."),
            click.option("--limit", default=Q.DEFAULT_LIMIT, show_default=True, type=click.IntRange(1),
                         help="Most rows to print."),
            timeout_option)):
        f = option(f)
    return f


@contextmanager
def _deadline(seconds: float):
    """Give up on a query that runs too long: Oxigraph cannot be interrupted, so the
    process ends, with a clear message and exit status 3."""
    import os
    import threading

    def expire():
        sys.stderr.write(f"Error: the query ran longer than {seconds:g} s (--timeout)\n")
        sys.stderr.flush()
        os._exit(3)
    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _allow_network(allowed: bool) -> None:
    """Every command runs offline unless the user allows the network (or names an endpoint)."""
    from . import netguard
    netguard.offline(not allowed)


def _open(graph_dir: str, backend: str):
    try:
        return open_graph(graph_dir, backend)
    except GraphNotFound as e:
        raise click.ClickException(str(e)) from None


class _Group(click.Group):
    """Every command's errors of the file system (a full disk, a read-only folder) as a
    clear message, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OSError as e:
            where = f"{e.filename}: " if getattr(e, "filename", None) else ""
            raise click.ClickException(f"{where}{e.strerror or e}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main():
    """govkg — a knowledge graph of agencies, documents, duties and command structures
    from Chinese government gazettes.

    Nothing reaches the network unless a command is told to (--allow-network, an endpoint
    URL for --graph, `govkg push`).
    """
    _allow_network(False)
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)      # the process ends after the command: its last collection skips what it holds


@main.command(epilog=EPILOG_BUILD)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out", default="govkg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write graph.trig, the store and report.json into.")
@click.option("--jobs", "-j", default=None, type=click.IntRange(1, 64),
              help="Worker processes that extract files.  [default: one per core, as the files allow]")
@click.option("--prune", is_flag=True,
              help="Drop the graphs of files an earlier build of --out had that are not among PATHS.")
@click.option("--html/--no-html", default=True, show_default=True,
              help="Also write graph.html, the interactive view of the whole graph.")
@click.option("--follow-links", is_flag=True,
              help="Read files that links in a folder point to outside it (not followed by default).")
@click.option("--store/--no-store", default=None,
              help="Also fill an Oxigraph store on disk, or not.  [default: when the earlier build of "
                   "--out had one; else the first query that needs one makes it from graph.trig, once a "
                   "graph has over 5 MB of TriG; a smaller graph is read from graph.trig at each query]")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def build(paths, out, jobs, prune, html, follow_links, store, quiet):
    """Build the graph of gazette files (.txt, .html) or folders of them.

    With no PATHS, builds the bundled sample corpus.  On a folder an earlier build wrote,
    only new and changed files are extracted.  Exit status 1 when any file failed.
    """
    from .build import build as run_build
    from .output import BuildError
    started = time.perf_counter()
    bar = _ProgressBar() if not quiet and sys.stderr.isatty() else None
    try:
        report = run_build(list(paths), out, jobs=jobs, prune=prune, progress=bar, html=html,
                           follow_links=follow_links, store=store)
    except BuildError as e:
        raise click.ClickException(str(e)) from None
    except OSError as e:                    # a full disk, a read-only folder
        where = f"{e.filename}: " if e.filename else ""
        raise click.ClickException(f"cannot write the build: {where}{e.strerror or e}; the previous "
                                   f"output in {out} is left as it was") from None
    finally:
        if bar is not None:
            bar.finish()
    for f in report.files:
        if f.error:
            click.echo(f"error: {f.name}: {f.error}", err=True)
        elif f.skipped and f.skipped != "unchanged":
            click.echo(f"skipped: {f.name}: {f.skipped}", err=True)
        elif not quiet:
            for w in f.warnings:
                click.echo(f"warning: {f.name}: {w}", err=True)
    if not quiet:
        _summary(report, out, time.perf_counter() - started)
    if report.failed:
        sys.exit(1)


class _ProgressBar:
    """Files and megabytes done, on stderr."""

    def __init__(self):
        self.bar = None

    def __call__(self, p) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=max(p.bytes, 1), label="building", file=sys.stderr,
                                         show_eta=True, show_percent=True,
                                         item_show_func=lambda text: text)
            self.bar.__enter__()
        self.bar.update(p.bytes_done - self.bar.pos,
                        f"{p.files_done}/{p.files} files, {p.bytes_done / 1e6:.1f}/{p.bytes / 1e6:.1f} MB")

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _summary(report, out, seconds: float) -> None:
    t = report.totals()
    facts = ", ".join(f"{k} {n}" for k, n in t["facts"].items() if n)
    click.echo(f"{t['files']} files ({t['failed']} failed, {report.unchanged} unchanged, "
               f"{len(report.removed)} removed), {t['documents']} documents, {t['triples']} triples; "
               f"{facts}", err=True)
    page, rows = Path(out) / PAGE_FILE, Path(out) / ROWS_FILE
    store = Path(out) / "store"
    click.echo(f"wrote {Path(out) / TRIG_FILE}, {str(store) + ', ' if store.exists() else ''}"
               f"{str(rows) + ', ' if rows.exists() else ''}{str(page) + ', ' if page.exists() else ''}"
               f"{Path(out) / REPORT_FILE} in {seconds:.2f}s", err=True)
    if not page.exists() and t["triples"] > 0:
        click.echo("no page: with --no-html, or when the graph is too large for one page: draw a part of it with "
                   "`govkg viz --graph DIR --focus NAME` (or --document, --kinds)", err=True)


def _params(values) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r} is not NAME=VALUE", param_hint="--param")
        k, val = v.split("=", 1)
        out[k.strip()] = val
    return out


def _print(result, fmt: str) -> None:
    if isinstance(result, Q.Table):
        click.echo(Q.format_table(result, fmt), nl=False)
        if result.truncated:
            click.echo("warning: output truncated at the row limit (--limit)", err=True)
    elif isinstance(result, bool):
        click.echo(json.dumps(result) if fmt == "json" else str(result).lower())
    else:
        from rdflib import Graph
        from .rdf import PREFIXES
        g = Graph()
        for prefix, namespace in PREFIXES.items():
            g.bind(prefix, namespace)
        for t in result:
            g.add(t)
        click.echo(g.serialize(format="json-ld" if fmt == "json" else "turtle"))


@main.command("query", epilog="""\b
Examples:
  govkg query memberships --graph out --format csv
  govkg query unit_bodies --graph out --param unit=鄂尔多斯市应急管理局
""")
@click.argument("name")
@query_options
def query_cmd(name, graph_dir, fmt, backend, allow_network, params, limit, timeout):
    """Run a named query (see `govkg queries`)."""
    if name not in Q.named_queries():
        raise click.ClickException(f"no named query {name!r}; try: {', '.join(Q.named_queries())}")
    _run(Q.query_text(name), graph_dir, fmt, backend, allow_network, params, limit, timeout)


@main.command(epilog="""\b
Examples:
  govkg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --graph out
  govkg sparql scripts/headquarters_members.rq --graph out --format csv
""")
@click.argument("query")
@query_options
def sparql(query, graph_dir, fmt, backend, allow_network, params, limit, timeout):
    """Run any SPARQL SELECT, ASK or CONSTRUCT (text, or a .rq file)."""
    try:
        text = Q.query_text(query)
    except Q.QueryError as e:
        raise click.ClickException(str(e)) from None
    _run(text, graph_dir, fmt, backend, allow_network, params, limit, timeout)


def _run(text, graph_dir, fmt, backend, allow_network, params, limit, timeout=DEFAULT_TIMEOUT):
    _allow_network(allow_network or str(graph_dir).startswith(("http://", "https://")))
    bindings = _params(params)
    try:                                    # a refusal before the graph is opened
        Q.check_network(text, allow_network)
        Q.check_bindings(bindings)
    except Q.QueryError as e:
        raise click.ClickException(str(e)) from None
    graph = _open_for_query(graph_dir, backend, text, bindings)      # not timed: it may make the store
    try:
        with _deadline(timeout):
            result = Q.run_query(graph, text, bindings, allow_network=allow_network, limit=limit)
            _print(result, fmt)
        if isinstance(result, Q.Table) and not result.rows and bindings:
            _open_store(graph, graph_dir)
            with _deadline(timeout):
                _suggest(graph, bindings)
    except Q.QueryError as e:
        raise click.ClickException(str(e)) from None


def _open_for_query(graph_dir: str, backend: str, text: str, bindings: dict[str, str]):
    """A build's rows table, with its store open if the table does not hold the query, else
    the graph."""
    if backend == "oxigraph" and not str(graph_dir).startswith(("http://", "https://")):
        from .rows import open_rows
        rows = open_rows(graph_dir)
        if rows is not None:
            if not rows.holds(text, bindings):
                _open_store(rows, graph_dir)
            return rows
    _making_note(graph_dir, backend)
    return _open(graph_dir, backend)


def _open_store(graph, graph_dir: str) -> None:
    """Open the store behind a rows table (``graph``), which the first opening of a large graph
    makes: before ``--timeout``'s timer starts, so that a query never cuts a store half made."""
    from .rows import Rows
    if isinstance(graph, Rows):
        _making_note(graph_dir, "oxigraph")
        graph.store()


def _making_note(graph_dir: str, backend: str) -> None:
    """Say that this opening makes the graph's store, and how large its source is."""
    from .store import store_to_make
    size = backend == "oxigraph" and store_to_make(graph_dir)
    if size:
        click.echo(f"note: making the store of {graph_dir} from its graph.trig ({size / 2**20:,.0f} MB), "
                   "once; the next queries open it at once", err=True)


def _suggest(graph, bindings: dict[str, str]) -> None:
    """No rows for a bound name: say which canonical names contain it."""
    for name, value in bindings.items():
        if value and not value.startswith("<"):
            found = Q.names_containing(graph, value)
            if found and value not in found:
                click.echo(f"note: no rows for {name}={value}; names in the graph that contain it: "
                           f"{', '.join(found)}", err=True)


@main.command()
def queries():
    """List the named queries."""
    for name, description in Q.named_queries().items():
        click.echo(f"{name:16s} {description}")


@main.command(epilog="Example:\n\n  govkg validate --graph out")
@graph_option
@click.option("--verbose", "-v", is_flag=True, help="Print the full SHACL report.")
@click.option("--pyshacl", "reference", is_flag=True,
              help="Run pySHACL, the reference SHACL engine, instead of the shapes compiled to "
                   "SPARQL (same verdicts, several times slower).")
def validate(graph_dir, verbose, reference):
    """Check a built graph against the SHACL shapes of the ontology."""
    from .validate import validate as run_validate
    try:
        result = run_validate(graph_dir, engine="pyshacl" if reference else "sparql")
    except GraphNotFound as e:
        raise click.ClickException(str(e)) from None
    if verbose or not result.conforms:
        click.echo(result.text)
    if not result.conforms:
        raise click.ClickException(f"does not conform: {result.violations} violations")
    click.echo("conforms")


# ---------------------------------------------------------------------------------------
# Exploring a built graph: the HTML view, analyses, exports

def _network(graph_dir):
    from .network import to_networkx
    return to_networkx(_open(graph_dir, "oxigraph"))


@main.command(epilog="""\b
Examples:
  govkg viz --graph out                          # the whole graph, out/graph.html
  govkg viz --graph out --focus 鄂尔多斯市应急管理局 --depth 2 -o ems.html
  govkg viz --graph out --document 额尔古纳市春季应对融雪应急预案 --kinds agency,body
""")
@graph_option
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False),
              help="HTML file to write [default: DIR/graph.html, or DIR/view.html for a part].")
@click.option("--focus", metavar="NAME", help="Only the neighbourhood of the node of this name.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 20),
              help="Steps around --focus.")
@click.option("--document", metavar="TITLE", help="Only the statements read from this document.")
@click.option("--kinds", "kinds", multiple=True, metavar="KIND[,KIND…]",
              help="Only nodes of these kinds: agency, collective, body, person, post, document, "
                   "duty, task, work (repeatable or comma-separated).")
@click.option("--title", default=None,
              help="The page's title [default: govkg — the focus, document, kinds or folder].")
def viz(graph_dir, out, focus, depth, document, kinds, title):
    """Write the interactive HTML view of a built graph (works offline, in any browser)."""
    from .network import KINDS
    from .viz import select, write_html
    kinds = tuple(k.strip() for v in kinds for k in v.split(",") if k.strip())
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise click.BadParameter(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}",
                                 param_hint="--kinds")
    from .network import find_node
    from .viz import page_title
    G = _network(graph_dir)
    try:
        centre = find_node(G, focus) if focus else None
        G = select(G, focus=focus, depth=depth, document=document, kinds=kinds or None)
    except LookupError as e:
        raise click.ClickException(str(e.args[0])) from None
    part = focus or document or ", ".join(kinds)
    title = title or page_title(G, part or Path(graph_dir).resolve().name)
    path = write_html(G, out or Path(graph_dir) / ("view.html" if part else PAGE_FILE), title, focus=centre)
    click.echo(f"wrote {path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", err=True)


@main.command(epilog="Example:\n\n  govkg analyze --graph out --top 10")
@graph_option
@click.option("--top", default=20, show_default=True, type=click.IntRange(1),
              help="Rows of the rankings.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="Output format.")
def analyze(graph_dir, top, fmt):
    """Rank units, find who co-serves, and audit plans (duties off bodies, members without
    duties, bodies without office or leader, leaders removed from their posts)."""
    from .analyze import analyze as run_analyses
    tables = run_analyses(_network(graph_dir), top)
    if fmt == "json":
        click.echo(json.dumps({title: t.typed_records() for title, t in tables.items()},
                              ensure_ascii=False, indent=1))
        return
    for title, table in tables.items():
        click.echo(f"## {title}\n")
        click.echo(Q.format_table(table) if table.rows else "(none)\n")


@main.command(epilog="""\b
Examples:
  govkg audit --graph out -o audit.html
  govkg audit --graph out --document 通辽市邮政业突发事件应急预案 -o postal.csv""")
@graph_option
@click.option("--document", metavar="TITLE", help="Only the plan of this title (or the only one containing it).")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False),
              help="The report: FILE.html, FILE.csv or FILE.json (by its ending).")
def audit(graph_dir, document, out):
    """Audit each plan and write a report a planner can hand on: the plan's bodies and their
    composition, every finding with the sentences behind it (file, character span, quote),
    and the checks that passed."""
    from . import audit as A
    writers = {".html": A.write_html, ".csv": A.write_csv, ".json": A.write_json}
    write = writers.get(Path(out).suffix.lower())
    if write is None:
        raise click.BadParameter("the report's name ends in .html, .csv or .json", param_hint="-o")
    try:
        reports = A.audit_report(_open(graph_dir, "oxigraph"), document)
    except LookupError as e:
        raise click.ClickException(str(e.args[0])) from None
    args = (reports, Path(out), str(graph_dir)) if write is A.write_html else (reports, Path(out))
    try:
        write(*args)
    except OSError as e:
        raise click.ClickException(f"cannot write {out}: {e.strerror or e}") from None
    found = sum(len(r.findings()) for r in reports)
    click.echo(f"wrote {out}: {len(reports)} plan(s), {found} finding(s)", err=True)


@main.command(epilog="""\b
Examples:
  govkg export --graph out --format nq               # out/graph.nq
  govkg export --graph out --format gexf -o g.gexf   # for Gephi
  govkg export --graph out --format csv -o tables/   # one CSV per named query
""")
@graph_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(("ttl", "nt", "nq", "jsonld", "graphml", "gexf", "csv")),
              help="RDF (ttl, nt, nq, jsonld), network (graphml, gexf) or csv (a folder).")
@click.option("-o", "--out", "out", type=click.Path(), help="File (folder for csv) [default: DIR/graph.FORMAT, DIR/csv].")
def export(graph_dir, fmt, out):
    """Export a built graph as RDF, GraphML/GEXF (Gephi) or CSV tables."""
    from .export import export as run_export
    try:
        path = run_export(graph_dir, fmt, out)
    except GraphNotFound as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"wrote {path}", err=True)


# ---------------------------------------------------------------------------------------
# SPARQL servers

@main.command(epilog="""\b
Examples:
  govkg serve --graph out               # http://127.0.0.1:7878/query
  govkg serve --graph out --port 8000 --host 0.0.0.0   # reachable from other machines
""")
@click.option("--graph", "graph_dir", required=True, type=click.Path(file_okay=False, exists=True),
              help="Folder a `govkg build` wrote.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(1),
              help="Seconds a query may run on the server, whether or not its client still waits.")
def serve(graph_dir, port, host, timeout):
    """Serve a built graph read-only as a SPARQL 1.1 endpoint (Oxigraph's server, behind a
    front that refuses SERVICE, FROM and updates, decided on each parsed query).

    Queries see the union of every file's graph as the default graph; Oxigraph's query
    page is at the root (http://HOST:PORT/).  Restart it after a build of the same folder.
    """
    from . import remote
    from .serve import ServeError, serve as run_server
    try:
        with remote.served_store(graph_dir) as location:
            argv = remote.serve_command(location, host, port)
            warning = remote.check_server_version(argv[0])
            if warning:
                click.echo(f"warning: {warning}", err=True)
            run_server(argv, host, port, timeout, ready=lambda url: click.echo(
                f"SPARQL endpoint: {url}  (SERVICE and updates refused, {timeout:g} s per query; "
                "Ctrl-C stops it)", err=True))
    except (GraphNotFound, remote.RemoteError, ServeError) as e:
        raise click.ClickException(str(e)) from None


@main.command(epilog="""\b
Examples:
  govkg push --graph out --endpoint http://localhost:3030/govkg/data          # Fuseki
  govkg push --graph out --endpoint http://localhost:7878/store               # Oxigraph
  govkg push --graph out --endpoint http://localhost:7200/repositories/govkg/rdf-graphs/service
  govkg push --graph out --endpoint http://localhost:8890/sparql-graph-crud-auth \\
      --graph-param graph-uri --user dba --prune --query-endpoint http://localhost:8890/sparql
""")
@click.option("--graph", "graph_dir", required=True, type=click.Path(file_okay=False, exists=True),
              help="Folder a `govkg build` wrote.")
@click.option("--endpoint", required=True, help="The server's Graph Store Protocol URL.")
@click.option("--user", default=None, help="User name for HTTP authentication (Basic or Digest).")
@click.option("--password", default=None, envvar="GOVKG_PASSWORD",
              help="Password (or set GOVKG_PASSWORD; asked for when --user is given without one).")
@click.option("--graph-param", default="graph", show_default=True,
              help="URL parameter that names the graph (Virtuoso's sparql-graph-crud: graph-uri).")
@click.option("--prune", is_flag=True,
              help="Then delete the server's govkg graphs whose files are no longer in the build.")
@click.option("--query-endpoint", default=None,
              help="The server's SPARQL query URL, where --prune lists its govkg graphs.")
def push(graph_dir, endpoint, user, password, graph_param, prune, query_endpoint):
    """Upload every named graph of a build to a SPARQL 1.1 server (Graph Store Protocol:
    one PUT per file's graph, which replaces that graph on the server).

    A graph the server refuses is reported and the others still go; the exit status is the
    number of graphs that failed (at most 100), 0 when all were stored.
    """
    from . import remote
    if prune and not query_endpoint:
        raise click.UsageError("--prune needs --query-endpoint (where the server answers SPARQL queries)")
    _allow_network(True)            # the endpoint is the point
    if user is not None and password is None:
        password = click.prompt("password", hide_input=True, err=True)
    try:
        result = remote.push(graph_dir, endpoint, user=user, password=password, graph_param=graph_param,
                             prune_from=query_endpoint if prune else None)
    except (GraphNotFound, remote.RemoteError) as e:
        raise click.ClickException(str(e)) from None
    for graph, message in result.failed:
        click.echo(f"error: {graph}: {message}", err=True)
    for graph in result.deleted:
        click.echo(f"deleted {graph}", err=True)
    click.echo(f"pushed {len(result.sent)} graphs to {endpoint}"
               + (f"; {len(result.failed)} failed" if result.failed else "")
               + (f"; deleted {len(result.deleted)} stale" if prune else ""), err=True)
    if result.failed:
        sys.exit(min(len(result.failed), 100))


# ---------------------------------------------------------------------------------------
# Stage commands: every intermediate value, from the shell

def _source(path):
    from .discover import not_regular
    from .ingest import SourceError, read_source
    refused = not_regular(Path(path))
    if refused:                             # a FIFO would block the read for ever
        raise click.ClickException(f"{path}: {refused}")
    try:
        return read_source(path)
    except SourceError as e:
        raise click.ClickException(str(e)) from None


@main.command("clean", epilog="""\b
Examples:
  govkg clean gazette.txt | less
  govkg clean --raw gazette.pdf > gazette.pdf.txt   # the text every offset points into
""")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--raw", is_flag=True,
              help="Print the text as read, before cleaning: for a PDF, DOCX, DOC or WPS file, the "
                   "extracted text that the offsets of its facts point into.")
def clean_cmd(file, raw):
    """Print a file's cleaned text (furniture out, broken lines joined), or with --raw
    the text as read."""
    from .clean import clean
    source = _source(file)
    click.echo(source.text if raw else clean(source).shown(0, None), nl=False)


@main.command(epilog="Example:\n\n  govkg segment gazette.txt")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def segment(file):
    """Print the documents found in a file, with their headers and sections (JSON)."""
    from .clean import clean
    from .segment import split_documents
    docs = split_documents(clean(_source(file)))
    click.echo(json.dumps([_doc_json(d) for d in docs], ensure_ascii=False, indent=1))


def _doc_json(d) -> dict:
    def m(x):
        return None if x is None else {"text": x.text, "value": x.value, "span": [x.span.start, x.span.end]}
    return {"key": d.key, "kind": d.kind, "jurisdiction": d.jurisdiction,
            "span": [d.span.start, d.span.end], "notice_title": m(d.notice_title), "title": m(d.title),
            "number": m(d.number), "date": m(d.date), "issuer": m(d.issuer),
            "recipients": [x.text for x in d.recipients], "attachments": [x.text for x in d.attachments],
            "sections": [{"number": s.number, "title": s.title, "level": s.level} for s in d.sections]}


class _FactKind(click.Choice):
    """The choice of fact kinds, read from ``graph.facts`` (its twenty dataclasses) only when
    ``govkg facts`` runs or shows its help, not at every command's start."""

    def __init__(self):
        super().__init__(())

    @property
    def choices(self):
        from .facts import FACT_KINDS
        return FACT_KINDS

    @choices.setter
    def choices(self, value) -> None:
        pass


@main.command(epilog="Example:\n\n  govkg facts gazette.txt --kind membership")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", "kinds", multiple=True, type=_FactKind(),
              help="Only facts of this kind (repeatable).")
def facts(file, kinds):
    """Print the resolved facts found in a file (JSON lines), each with the rule that read
    it and the quote it was read from."""
    from dataclasses import asdict
    from .pipeline import process
    result = process(_source(file))
    for f in result.facts:
        if kinds and f.kind not in kinds:
            continue
        quote = result.source.text[f.span.start:f.span.end]
        row = {"kind": f.kind, "rule": f.rule, "quote": quote, **asdict(f)}
        click.echo(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
