"""The named queries' answers, file by file: ``rows.sqlite`` in a build's folder.

Every named query matches inside ``GRAPH ?g { … }``, one file's graph at a time, so its
answer over a whole build is the union of its answers on each file's graph, with DISTINCT
and ORDER BY applied after the union.  A build computes each file's rows once, where the
file is built (``file_rows``: the file's N-Quads in a pyoxigraph memory store, only the
triples whose properties and classes the queries name), keeps them with the file, and at
its commit merges them (``RowsFile``) into one table per query: its rows distinct, in the
query's order (its ``ORDER BY``, then the other columns), unbound as NULL.  ``govkg query``
answers from that table (``open_rows``) when the store is the build's own and the table was
made from the same graph by the same query text; otherwise from the store.  The one-unit
queries (``# … (parameter: unit …)``) are tabled unbound, with an index on that column.

An incremental build copies the last build's rows, drops those of the files it removes or
replaces, adds the new files' rows and merges again.  A column is tabled as text only when
its values are literals of one datatype that orders by its text (strings, dates): a column
holding numbers, IRIs or language-tagged strings, or a file whose rows could not be
computed, leaves its query to the store.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .manifest import ROWS_FILE, has_its_store, read_manifest, stat_of, trig_is_current
from .query import NUMERIC, STRINGS_AND_COMMENTS, Table, named_queries, query_text, split_order_by
from .vocab import RDF, XSD

if TYPE_CHECKING:
    from .nquads import GraphLines

UNTABLED = ("network", "provenance")
"""Named queries answered by the store only: ``network`` is the page's projection (the build
evaluates it on its own), ``provenance`` one row per fact (its spans and quotes would double
what each file costs to table; see the README's benchmarks)."""
RDF_TYPE, XSD_STRING, LANG_STRING = f"<{RDF.type}>", XSD.string, RDF.langString
SCHEMA_VERSION = "1"

PREFIX_DECL = re.compile(r"""
    \bPREFIX \s+ ([A-Za-z][\w.-]*)? : \s* <([^<>\s]*)>     # PREFIX skos: <http://…#>
""", re.IGNORECASE | re.VERBOSE)
"""A prefix declared by a query.

>>> PREFIX_DECL.findall("PREFIX org: <http://www.w3.org/ns/org#>")
[('org', 'http://www.w3.org/ns/org#')]
"""
PREFIXED_NAME = re.compile(r"""
    (?<![\w?$:])([A-Za-z][\w.-]*)? : ([A-Za-z_][\w-]*)     # org:memberOf, gov:Duty
""", re.VERBOSE)
"""A prefixed name in a query (its prefix and local part).

>>> PREFIXED_NAME.findall("?m a org:Membership ; org:member ?u")
[('org', 'Membership'), ('org', 'member')]
"""
FULL_IRI = re.compile(r"<([^<>\s]*)>")
"""An IRI written in full in a query.

>>> FULL_IRI.findall("?x <http://e/p> ?y")
['http://e/p']
"""
PARAMETER = re.compile(r"""
    \(parameter: \s* (\w+)          # the first line of a one-unit query: (parameter: unit, …)
""", re.VERBOSE)
"""The parameter a named query's description names.

>>> PARAMETER.findall("The bodies one unit serves on (parameter: unit, its canonical name).")
['unit']
"""
DISTINCT = re.compile(r"\bSELECT \s+ DISTINCT\b", re.IGNORECASE | re.VERBOSE)
"""A query that drops repeated rows.

>>> bool(DISTINCT.search("SELECT DISTINCT ?a WHERE {}")), bool(DISTINCT.search("SELECT ?a {}"))
(True, False)
"""


@dataclass(frozen=True)
class Spec:
    """One tabled query: its text (whose digest the table carries), the text that runs on a
    file (without ``ORDER BY``), its order keys ``(column, descending)``, whether it is
    DISTINCT, and the parameter its description names (indexed)."""

    name: str
    text: str
    body: str
    order: tuple[tuple[str, bool], ...]
    distinct: bool
    parameter: str | None

    @property
    def digest(self) -> str:
        return text_digest(self.text)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def specs() -> dict[str, Spec]:
    """The named queries a build tables: all but ``UNTABLED``, each ending in an ``ORDER BY``."""
    out = {}
    for name, description in named_queries().items():
        text = query_text(name)
        body, order = split_order_by(text)
        if name in UNTABLED or not order:
            continue
        bare = STRINGS_AND_COMMENTS.sub(" ", body)
        parameter = PARAMETER.search(description)
        out[name] = Spec(name, text, body, order, bool(DISTINCT.search(bare)),
                         parameter.group(1) if parameter else None)
    return out


@cache
def wanted_terms() -> frozenset[str]:
    """Every IRI the tabled queries name (``<…>``), properties and classes: a triple of another
    property, or typed with another class, cannot be part of any of their answers (each names
    its properties and classes; ``tasks``' variable property is bound by ``VALUES`` to named
    ones — the tests hold every table to the store's answer)."""
    found = set()
    for spec in specs().values():
        prefixes = dict(PREFIX_DECL.findall(spec.text))
        bare = STRINGS_AND_COMMENTS.sub(lambda m: m.group() if m.group().startswith("<") else " ", spec.text)
        bare = PREFIX_DECL.sub(" ", bare)
        found.update(prefixes[p] + local for p, local in PREFIXED_NAME.findall(bare) if p in prefixes)
        found.update(FULL_IRI.findall(bare))
    return frozenset(f"<{iri}>" for iri in found) | {RDF_TYPE}


# ---------------------------------------------------------------------------------------
# In the worker: one file's rows

Answers = dict  # query name -> (rows: list of tuples of str/None, kinds: frozenset of (column, datatype))


def file_rows(graph: GraphLines) -> Answers | None:
    """Each tabled query's rows on one file's graph (its N-Quads lines, which pyoxigraph
    has parsed: ``output.graph_chunk``), and the datatypes of the values in each column
    (``"iri"``, ``"blank"`` for other terms); None when they cannot be computed (the
    build's queries then run on its store)."""
    try:
        return _file_rows(graph)
    except (ValueError, SyntaxError, OSError, RuntimeError):
        return None


def _file_rows(graph: GraphLines) -> Answers:
    import pyoxigraph as ox
    wanted = wanted_iris()
    kept = "".join(graph.lines_of(wanted, wanted)).encode("utf-8")
    store = ox.Store()
    store.load(input=kept, format=ox.RdfFormat.N_QUADS, lenient=True)    # parsed already
    return {name: _answer(store, spec.body) for name, spec in specs().items()}


@cache
def wanted_iris() -> tuple[str, ...]:
    """``wanted_terms`` as IRIs (without ``<>``), sorted; ``rdf:type`` lines are wanted by
    their class."""
    return tuple(sorted(term[1:-1] for term in wanted_terms() if term != RDF_TYPE))


def _answer(store, body: str) -> tuple[list[tuple], frozenset]:
    """The rows of one query, read from Oxigraph's TSV (written in Rust: no Python object per
    term), and the datatypes found in each column."""
    import pyoxigraph as ox
    tsv = store.query(body, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.TSV)
    rows, kinds = [], set()
    for line in tsv.decode("utf-8").split("\n")[1:-1]:
        row = []
        for i, cell in enumerate(line.split("\t")):
            if not cell:
                row.append(None)
                continue
            if cell[0] == '"' and cell[-1] == '"' and len(cell) > 1:
                value, kind = cell[1:-1], XSD_STRING
            else:
                value, kind = _term(cell)
            kinds.add((i, kind))
            row.append(_unescape(value) if "\\" in value else value)
        rows.append(tuple(row))
    return rows, frozenset(kinds)


def _term(cell: str) -> tuple[str, str]:
    """A TSV term other than a plain string: its text (still escaped) and its datatype (or
    ``"iri"``, ``"blank"``, ``"bare"`` for a number or boolean written without quotes).

    >>> _term('"2025-02-28"^^<http://www.w3.org/2001/XMLSchema#date>'), _term('<http://e/x>'), _term('3')
    (('2025-02-28', 'http://www.w3.org/2001/XMLSchema#date'), ('http://e/x', 'iri'), ('3', 'bare'))
    """
    if cell[0] == '"':
        end = cell.rindex('"')
        rest = cell[end + 1:]
        return cell[1:end], rest[3:-1] if rest.startswith("^^<") else LANG_STRING
    if cell[0] == "<":
        return cell[1:-1], "iri"
    if cell.startswith("_:"):
        return cell[2:], "blank"
    return cell, "bare"


ESCAPE = re.compile(r"""
    \\ (?: u([0-9A-Fa-f]{4}) | U([0-9A-Fa-f]{8}) | (.) )    # \uXXXX, \UXXXXXXXX, \n, \" …
""", re.VERBOSE | re.DOTALL)
r"""An escape in a quoted term of SPARQL's TSV results.

>>> ESCAPE.findall(r'a\tb\u00e9')
[('', '', 't'), ('00e9', '', '')]
"""
ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    r"""A quoted term's text without its escapes.

    >>> _unescape(r'a\tb\"c\\d\u00e9')
    'a\tb"c\\dé'
    """
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                      else ESCAPED.get(m.group(3), m.group(3)), text)


def tabled_kind(kinds: set[str]) -> bool:
    """A column can be kept as text, in its order: no values, or literals of one datatype
    that orders by its text.

    >>> tabled_kind({XSD_STRING}), tabled_kind({XSD_STRING, "http://www.w3.org/2001/XMLSchema#date"})
    (True, False)
    """
    return len(kinds) <= 1 and not kinds & (NUMERIC | {LANG_STRING, "iri", "blank", "bare"})


# ---------------------------------------------------------------------------------------
# At the commit: the rows of every file, merged

def _q(name: str) -> str:
    """An SQL identifier (a query or column name)."""
    return '"' + name.replace('"', '""') + '"'


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (id INTEGER PRIMARY KEY, graph TEXT NOT NULL UNIQUE, kinds TEXT);
CREATE TABLE queries (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, columns TEXT NOT NULL,
                      kinds TEXT NOT NULL, tabled INTEGER NOT NULL);
"""


@cache
def columns_of(name: str) -> tuple[str, ...]:
    """A tabled query's columns (its SELECT's variables, as Oxigraph gives them)."""
    import pyoxigraph as ox
    return tuple(v.value for v in ox.Store().query(specs()[name].body).variables)


def schema_digest() -> str:
    """What the rows of a file depend on besides the file: the tabled queries' texts."""
    return text_digest(SCHEMA_VERSION + "".join(s.digest for s in specs().values()))


class RowsFile:
    """The rows table of one build, written aside (``rows.sqlite.tmp``) until the commit;
    ``previous`` is the last build's, which an unchanged rebuild keeps as it is."""

    def __init__(self, folder: Path, previous: bool, stale_graphs: Iterable[str]):
        self.path, self.tmp = folder / ROWS_FILE, folder / (ROWS_FILE + ".tmp")
        self.previous = previous and _schema_of(self.path) == schema_digest()
        self.stale = sorted(stale_graphs)
        self.db = None

    def _open(self):
        if self.db is None:
            import sqlite3
            self.tmp.unlink(missing_ok=True)
            if self.previous:
                shutil.copyfile(self.path, self.tmp)
            self.db = sqlite3.connect(self.tmp, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("BEGIN")
            if self.previous:
                self._drop(self.stale)
            else:
                self._create()
        return self.db

    def _create(self) -> None:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (schema_digest(),))
        for name in specs():
            cols = ", ".join(_q(c) + " TEXT" for c in columns_of(name))
            self.db.execute(f"CREATE TABLE {_q('file_' + name)} (file INTEGER NOT NULL, {cols})")
            self.db.execute(f"CREATE INDEX {_q('file_' + name + '_file')} ON {_q('file_' + name)} (file)")

    def _drop(self, graphs: list[str]) -> None:
        """Forget the rows of ``graphs``."""
        db = self.db
        db.execute("CREATE TEMP TABLE stale (id INTEGER PRIMARY KEY)")
        db.executemany("INSERT INTO stale SELECT id FROM files WHERE graph = ?", [(g,) for g in graphs])
        for table in [f"file_{n}" for n in specs()]:
            db.execute(f"DELETE FROM {_q(table)} WHERE file IN (SELECT id FROM stale)")
        db.execute("DELETE FROM files WHERE id IN (SELECT id FROM stale)")
        db.execute("DROP TABLE stale")

    def add(self, graph: str, answers: Answers | None) -> None:
        """A new file's rows (None: they could not be computed, so no query is tabled)."""
        db = self._open()
        answers = {name: a for name, a in (answers or {}).items() if name in specs()}
        kinds = {name: sorted(k) for name, (_, k) in answers.items()} if answers else None
        file = int(db.execute("INSERT INTO files (graph, kinds) VALUES (?, ?)",
                              (graph, json.dumps(kinds))).lastrowid)
        for name, (rows, _) in answers.items():
            marks = ", ".join("?" * len(columns_of(name)))
            db.executemany(f"INSERT INTO {_q('file_' + name)} VALUES ({file}, {marks})", rows)

    def commit(self, graph_digest: str, graphs: Iterable[str]) -> Path | None:
        """Merge the rows of every file of the build (its ``graphs``) into one table per
        query, marked with ``graph_digest``: the file to rename into place, or None when the
        last build's already holds them."""
        if self.db is None and not self.stale and self.previous and _meta(self.path, "graph") == graph_digest:
            return None
        db = self._open()
        held = dict(db.execute("SELECT graph, kinds FROM files"))
        per_file = [json.loads(k) or {} for k in held.values()] if set(held) == set(graphs) else [{}]
        for name, spec in specs().items():
            _merge(db, spec, [f.get(name) for f in per_file])
        db.execute("INSERT OR REPLACE INTO meta VALUES ('graph', ?)", (graph_digest,))
        db.execute("COMMIT")
        db.close()
        self.db = None
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())
        return self.tmp

    def abort(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        self.tmp.unlink(missing_ok=True)


def _merge(db, spec: Spec, file_kinds: list) -> None:
    """The table of one query: every file's rows, distinct when the query is, in its order;
    none when some file has no rows for it (its ``file_kinds`` None: the datatypes in each
    column, per file) or a column cannot be kept as text."""
    name, cols = spec.name, columns_of(spec.name)
    db.execute(f"DROP TABLE IF EXISTS {_q(name)}")
    kinds: dict[str, set] = {c: set() for c in cols}
    for i, kind in (pair for found in file_kinds if found for pair in found):
        kinds[cols[i]].add(kind)
    tabled = None not in file_kinds and all(map(tabled_kind, kinds.values()))
    db.execute("INSERT OR REPLACE INTO queries VALUES (?, ?, ?, ?, ?)", (
        name, spec.digest, json.dumps(cols), json.dumps({c: min(k) for c, k in kinds.items() if k}), int(tabled)))
    if not tabled:
        return
    keyed = [c for c, _ in spec.order]
    order = [f"{_q(c)}{' DESC' if desc else ''}" for c, desc in spec.order] + [_q(c) for c in cols if c not in keyed]
    listed = ", ".join(map(_q, cols))
    db.execute(f"CREATE TABLE {_q(name)} (position INTEGER PRIMARY KEY, "
               + ", ".join(_q(c) + " TEXT" for c in cols) + ")")
    db.execute(f"INSERT INTO {_q(name)} ({listed}) SELECT {'DISTINCT ' if spec.distinct else ''}{listed} "
               f"FROM {_q('file_' + name)} ORDER BY {', '.join(order)}")      # positions in this order
    if spec.parameter in cols:
        db.execute(f"CREATE INDEX {_q(name + '_' + spec.parameter)} ON {_q(name)} ({_q(spec.parameter)})")


def _connect(path: Path):
    import sqlite3
    from urllib.parse import quote
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


def _meta(path: Path, key: str) -> str | None:
    """A value of a rows file's ``meta`` table (None when there is no such file)."""
    if not path.is_file():
        return None
    import sqlite3
    try:
        db = _connect(path)
        try:
            found = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return found[0] if found else None


def _schema_of(path: Path) -> str | None:
    return _meta(path, "schema")


# ---------------------------------------------------------------------------------------
# Reading: the answer of a tabled query

@dataclass
class Rows:
    """A build's rows table, open for reading, and the build's folder (whose store answers
    what the table does not: ``run_query`` takes it as a graph)."""

    folder: Path
    db: object
    tabled: dict[str, tuple[str, tuple[str, ...], dict]]   # text digest -> (name, columns, kinds)
    _store: object = field(default=None, repr=False)

    def answer(self, text: str, bindings: dict[str, str], limit: int | None) -> Table | None:
        """The rows of query ``text`` with ``bindings``, from the table; None when the table
        does not hold that query, or cannot bind those values as the store would."""
        found = self._table_of(text, bindings)
        if found is None:
            return None
        name, cols, _ = found
        where = [f"{_q(k)} = ?" for k in bindings]
        values = list(bindings.values())
        sql = (f"SELECT {', '.join(f'coalesce({_q(c)}, {chr(39) * 2})' for c in cols)} FROM {_q(name)}"
               + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY position")
        if limit is not None:
            sql += f" LIMIT {int(limit) + 1}"
        rows = tuple(self.db.execute(sql, values).fetchall())      # unbound: "", as the store gives it
        if limit is not None and len(rows) > limit:
            return Table(cols, rows[:limit], True)
        return Table(cols, rows)

    def holds(self, text: str, bindings: dict[str, str]) -> bool:
        """The table answers query ``text`` with ``bindings`` as the store would."""
        return self._table_of(text, bindings) is not None

    def _table_of(self, text: str, bindings: dict[str, str]) -> tuple | None:
        """``(table, columns, kinds)`` of query ``text``, when the table can bind ``bindings``
        as the store would (none an IRI, none a column of another datatype)."""
        found = self.tabled.get(text_digest(text))
        if found is None:
            return None
        _, cols, kinds = found
        if all(k in cols and not (v.startswith("<") and v.endswith(">")) and kinds.get(k, XSD_STRING) == XSD_STRING
               for k, v in bindings.items()):
            return found
        return None

    def store(self):
        """The build's store (opened on first use)."""
        if self._store is None:
            from .store import open_graph
            self._store = open_graph(self.folder)
        return self._store


def open_rows(folder: Path | str) -> Rows | None:
    """The rows table of the build in ``folder``, when it is the one that build committed
    with its store and TriG; else None (then query the store)."""
    import sqlite3
    folder = Path(folder)
    manifest = read_manifest(folder)
    path = folder / ROWS_FILE
    if manifest is None or ROWS_FILE not in manifest.outputs \
            or not trig_is_current(manifest, folder) \
            or stat_of(path) != manifest.outputs.get(ROWS_FILE) or not has_its_store(manifest, folder):
        return None
    try:
        db = _connect(path)
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("graph") != manifest.graph_digest():
            db.close()
            return None
        tabled = {digest: (name, tuple(json.loads(cols)), json.loads(kinds)) for name, digest, cols, kinds in
                  db.execute("SELECT name, sha256, columns, kinds FROM queries WHERE tabled = 1")}
    except sqlite3.Error:
        return None
    return Rows(folder, db, tabled)
