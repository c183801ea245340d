"""Named SPARQL queries and raw SPARQL, on either store, with bound parameters.

Named queries are the ``.rq`` files in ``graph/queries`` (first line: ``# what it answers``).
Parameters are bound as values (``initBindings`` in rdflib, ``substitutions`` in
Oxigraph), never pasted into the query text.

Every query is parsed first (rdflib's parser, into SPARQL algebra), and decided on that
parsed form, never on its text (the named queries were, once, by the tests: their exact
text runs without rdflib, which costs a third of a second to import and parse): a query that would reach the network (``SERVICE``) or name
a graph from elsewhere (``FROM``, ``FROM NAMED``) is refused unless the caller allows it;
an update is always refused; a query rdflib cannot parse does not run on any engine.  At
the engine level, rdflib never loads a ``FROM`` graph (``SPARQL_LOAD_GRAPHS`` off: FROM
picks among the graphs already held, as Oxigraph's FROM does); pyoxigraph has no switch
for its own HTTP client, so for Oxigraph the parsed check is the gate.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Iterable

FORMATS = ("table", "csv", "json")
DEFAULT_LIMIT = 100_000
ORDER_BY = re.compile(r"\bORDER\s+BY((?:\s*(?:\?\w+|(?:ASC|DESC)\s*\(\s*\?\w+\s*\)))+)\s*$", re.IGNORECASE)
ORDER_KEY = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?\?(\w+)", re.IGNORECASE)
QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
STRINGS_AND_COMMENTS = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"|<[^<>\s]*>|#[^\n]*",
                                  re.DOTALL)


class QueryError(ValueError):
    """A query that cannot run: unknown name, bad syntax, refused, or too slow."""


@dataclass(frozen=True)
class Table:
    """The answer to a SELECT: a header and rows of strings ("" where unbound)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    truncated: bool = False

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts, column name → value."""
        return [dict(zip(self.header, row)) for row in self.rows]

    def typed_records(self) -> list[dict]:
        """The rows as dicts, with numbers as numbers (``"3"`` → 3, ``"0.25"`` → 0.25).

        >>> Table(("unit", "bodies", "share"), (("市财政局", "3", "0.25"),)).typed_records()
        [{'unit': '市财政局', 'bodies': 3, 'share': 0.25}]
        """
        return [{k: _number(v) for k, v in r.items()} for r in self.records()]

    def to_dataframe(self):
        """The rows as a pandas DataFrame (when pandas is installed)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Table.to_dataframe needs pandas (pip install pandas); "
                              "Table.records() gives the rows as dicts without it") from None
        return pd.DataFrame(list(self.rows), columns=list(self.header))


NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?")
"""A number as a JSON number can hold it (no leading zeros, as 文号 parts or codes have).

>>> bool(NUMBER.fullmatch("12.5")), bool(NUMBER.fullmatch("007"))
(True, False)
"""


def _number(value: str):
    m = NUMBER.fullmatch(value)
    if m is None:
        return value
    return float(value) if m.group(1) else int(value)


@cache
def named_queries() -> dict[str, str]:
    """Every named query with its one-line description."""
    out = {}
    for p in sorted(resources.files(__package__).joinpath("queries").iterdir(), key=lambda p: p.name):
        if p.name.endswith(".rq"):
            first = p.read_text(encoding="utf-8").splitlines()[0]
            out[p.name[:-3]] = first.lstrip("# ").strip()
    return out


@cache
def _named_texts() -> frozenset[str]:
    """The text of every named query: checked by the tests (they parse, read nothing from
    outside the graph), so they run without being parsed again."""
    folder = resources.files(__package__).joinpath("queries")
    return frozenset(folder.joinpath(f"{name}.rq").read_text(encoding="utf-8") for name in named_queries())


def query_text(name_or_query: str) -> str:
    """The text of a named query, of a ``.rq`` file, or the query itself."""
    if name_or_query in named_queries():
        return resources.files(__package__).joinpath("queries", f"{name_or_query}.rq") \
            .read_text(encoding="utf-8")
    path = Path(name_or_query)
    if len(name_or_query) < 4096 and "\n" not in name_or_query and path.suffix in (".rq", ".sparql") \
            and path.is_file():
        return path.read_text(encoding="utf-8")
    if path.suffix in (".rq", ".sparql") and "{" not in name_or_query:
        raise QueryError(f"no query file {name_or_query!r}")
    if QUERY_FORM.search(name_or_query) or any(c in name_or_query for c in "{ \n\t"):
        return name_or_query                # query text: the parser names any error in it
    raise QueryError(f"no named query or query file {name_or_query!r}; "
                     f"named queries: {', '.join(named_queries())}")


def parse_query(query: str):
    """The query parsed and translated to SPARQL algebra (rdflib's), which every check reads:
    its form, its dataset clause and its SERVICE patterns.  A syntax error names its line and
    column; an update (INSERT, DELETE, LOAD, CLEAR, DROP …) is refused.

    >>> parse_query("SELECT ?s WHERE { ?s ?p ?o }").algebra.name
    'SelectQuery'
    """
    return _parsed(query)


@lru_cache(maxsize=64)
def _parsed(query: str):
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    try:
        return translateQuery(parseQuery(query))
    except ParseBaseException as e:
        try:
            parseUpdate(query)
        except Exception:                   # noqa: BLE001 — not an update either
            raise QueryError(f"syntax error at line {e.lineno}, column {e.col}: {e.msg}\n"
                             f"  {e.line}\n  {' ' * (e.col - 1)}^") from None
        raise QueryError("updates (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused: govkg's "
                         "graphs are read-only; rebuild with `govkg build` instead") from None
    except Exception as e:                  # noqa: BLE001 — rdflib's translation raises assorted errors
        raise QueryError(f"query failed: {e}") from None


def network_reads(query: str) -> tuple[str, ...]:
    """What the parsed query would read from outside the graph: its ``SERVICE`` patterns
    and ``FROM``/``FROM NAMED`` clauses, as ``"SERVICE <iri>"`` etc.

    >>> network_reads("SELECT * FROM <file:///etc/passwd> WHERE { SERVICE <http://e/s> { ?s ?p ?o } }")
    ('FROM <file:///etc/passwd>', 'SERVICE <http://e/s>')
    """
    from rdflib.plugins.sparql.parserutils import CompValue
    algebra = parse_query(query).algebra
    clauses = algebra["datasetClause"] if "datasetClause" in algebra else None
    found = [f"FROM NAMED <{d['named']}>" if "named" in d else f"FROM <{d['default']}>"
             for d in clauses or ()]
    stack = [algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(f"SERVICE {node['term'].n3()}")
            stack.extend(v for k, v in node.items() if k != "_vars")
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return tuple(sorted(set(found)))


def named_query(graph, name: str, **bindings: str):
    """Run the named query ``name`` (one of ``named_queries()``) on an open graph, with its
    parameters bound: ``named_query(g, "unit_bodies", unit="鄂尔多斯市应急管理局")``."""
    if name not in named_queries():
        raise QueryError(f"no named query {name!r}; named queries: {', '.join(named_queries())}")
    return run_query(graph, query_text(name), bindings)


def check_network(query: str, allow_network: bool = False) -> None:
    """Refuse a query that would read from outside the graph (SERVICE, FROM), decided on
    its parsed form, unless the network is allowed.  Every query must parse (the named
    queries do: the tests parse them)."""
    if query in _named_texts():
        return
    reads = network_reads(query)
    if reads and not allow_network:
        raise QueryError(f"{reads[0]} would read from outside the graph; "
                         "pass --allow-network to permit it")


def run_query(graph, query: str, bindings: dict[str, str] | None = None, *,
              allow_network: bool = False, limit: int | None = DEFAULT_LIMIT):
    """Run a query on an rdflib Dataset, a pyoxigraph Store, an endpoint, or a build's
    folder opened by ``graph.rows.open_rows`` (a named query from its rows table, where the
    build tabled it: the same rows as its store gives).

    SELECT gives a ``Table``; ASK a bool; CONSTRUCT/DESCRIBE a list of rdflib triples.
    ``bindings`` maps variable names to values: ``<…>`` is an IRI, anything else a string.
    """
    check_network(query, allow_network)
    bindings = bindings or {}
    check_bindings(bindings)
    from .rows import Rows                  # a build's folder: its rows table, else its store
    if isinstance(graph, Rows):
        table = graph.answer(query, bindings, limit)
        if table is not None:
            return table
        graph = graph.store()
    import pyoxigraph as ox                 # not for an answer from the rows table
    if isinstance(graph, ox.Store):
        return _run_oxigraph(graph, query, bindings, limit)
    from .remote import Endpoint          # urllib and the like: only for a server
    if isinstance(graph, Endpoint):
        return _run_endpoint(graph, query, bindings, limit)
    from rdflib import Dataset             # imported only for rdflib's store
    if isinstance(graph, Dataset):
        return _run_rdflib(graph, query, bindings, limit)
    raise TypeError(f"cannot query a {type(graph).__name__}")


VARIABLE_NAME = r"""
    [A-Za-z_\u00C0-\uFFFF]          # SPARQL's VARNAME: a letter or _ first …
    [A-Za-z0-9_\u00B7\u00C0-\uFFFF]*  # … then letters, digits, _
    """
"""A query variable's name, without its ``?`` (a re.VERBOSE pattern, compiled on first use:
its wide character ranges take 30 ms to compile, which a query without parameters never pays).

>>> bool(variable_name().fullmatch("unit")), bool(variable_name().fullmatch("a b"))
(True, False)
"""


@cache
def variable_name() -> re.Pattern:
    return re.compile(VARIABLE_NAME, re.VERBOSE)


def check_bindings(bindings: dict[str, str]) -> None:
    """Refuse a parameter whose name is not a variable name, or whose ``<…>`` value is not
    an absolute IRI."""
    for name, value in bindings.items():
        if not variable_name().fullmatch(name):
            raise QueryError(f"parameter {name!r}: not a variable name (letters, digits and _)")
        if value.startswith("<") and value.endswith(">"):
            import pyoxigraph as ox
            try:
                ox.NamedNode(value[1:-1])
            except ValueError as e:
                raise QueryError(f"parameter {name}={value}: not an IRI ({e}); "
                                 "a value in <…> binds an IRI") from None


NAMES_CONTAINING = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?part WHERE { ?x skos:prefLabel ?name FILTER(CONTAINS(?name, ?part)) }
ORDER BY STRLEN(?name) ?name LIMIT 10"""


def names_containing(graph, part: str) -> list[str]:
    """Canonical names in the graph that contain ``part`` (shortest first, at most ten): what
    a user who typed a name as printed (市应急管理局) most likely meant.

    >>> from rdflib import Dataset, Literal, URIRef
    >>> from rdflib.namespace import SKOS
    >>> ds = Dataset(default_union=True)
    >>> _ = ds.add((URIRef("urn:u"), SKOS.prefLabel, Literal("鄂尔多斯市应急管理局"), URIRef("urn:g")))
    >>> names_containing(ds, "市应急管理局")
    ['鄂尔多斯市应急管理局']
    """
    return [row[0] for row in run_query(graph, NAMES_CONTAINING, {"part": part}, limit=10).rows]


def _term(value: str):
    from rdflib import Literal, URIRef
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


def _run_rdflib(ds, query: str, bindings: dict[str, str], limit: int | None):
    from rdflib import Variable
    from rdflib.plugins import sparql
    sparql.SPARQL_LOAD_GRAPHS = False       # FROM never loads a graph from a URL or a file
    try:
        result = ds.query(query, initBindings={Variable(k): _term(v) for k, v in bindings.items()})
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return list(result.graph)
        header = tuple(str(v) for v in result.vars)
        # rows are computed lazily: errors show up while they are taken
        return _table(header, (tuple(_text(v) for v in row) for row in result), limit)
    except Exception as e:          # rdflib raises pyparsing, network and assorted errors
        raise QueryError(f"query failed: {e}") from None


def _run_oxigraph(store: ox.Store, query: str, bindings: dict[str, str], limit: int | None):
    import pyoxigraph as ox
    subs = {}
    for k, v in bindings.items():
        subs[ox.Variable(k)] = ox.NamedNode(v[1:-1]) if v.startswith("<") and v.endswith(">") \
            else ox.Literal(v)
    body, order = split_order_by(query)
    result = _ox_query(store, body, subs)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return _triples(result)
    header = tuple(v.value for v in result.variables)
    if order and not all(name in header for name, _ in order):
        result, order = _ox_query(store, query, subs), ()
    solutions = _ordered(map(tuple, result), header, order, limit) if order else result
    return _table(header, (tuple(map(_ox_text, s)) for s in solutions), limit)


def _ordered(rows: Iterable[tuple], header: tuple[str, ...], order, limit: int | None) -> list[tuple]:
    """Rows in ``order``, rows that tie in it by their other columns (so that the order is
    the same whatever order the store gives them in: the rows table's); with a ``limit``,
    only the first ``limit`` + 1 of them are kept: the rows held are sorted and cut back
    whenever they pass four times that, so a row limit bounds the memory of an ``ORDER BY`` too."""
    columns = tuple((header.index(name), descending) for name, descending in order)
    keyed = {i for i, _ in columns}
    columns += tuple((i, False) for i in range(len(header)) if i not in keyed)
    keep = None if limit is None else limit + 1
    held: list[tuple] = []
    for row in rows:
        held.append(row)
        if keep is not None and len(held) >= 4 * keep:
            del _sorted(held, columns)[keep:]
    return _sorted(held, columns)[:keep]


def _sorted(rows: list[tuple], columns: tuple) -> list[tuple]:
    """``rows`` sorted in place, one stable pass per key from the last (so that Python's sort
    compares plain tuples, never a Python method per comparison); each term's key is
    computed once."""
    keys: dict = {}

    def key(term):
        found = keys.get(term)
        if found is None:
            found = keys[term] = order_key(term)
        return found
    for i, descending in reversed(columns):
        rows.sort(key=lambda row: key(row[i]), reverse=descending)
    return rows


def _table(header: tuple[str, ...], rows: Iterable[tuple], limit: int | None) -> Table:
    """The first ``limit`` rows (all when None), marked truncated when there were more."""
    if limit is None:
        return Table(header, tuple(rows))
    taken = tuple(islice(rows, limit + 1))
    return Table(header, taken[:limit], len(taken) > limit)


def _triples(triples) -> list[tuple]:
    """pyoxigraph triples as rdflib ones."""
    from .store import to_rdflib
    return [tuple(to_rdflib(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in triples]


def _ox_query(store: ox.Store, query: str, subs: dict):
    try:
        return store.query(query, use_default_graph_as_union=True, substitutions=subs or None)
    except (SyntaxError, OSError, ValueError) as e:
        raise QueryError(f"query failed: {e}") from None
    except RuntimeError as e:          # a parameter that is not in the SELECT list
        raise QueryError(f"query failed: {e} (a bound parameter must be selected)") from None


def split_order_by(query: str) -> tuple[str, tuple[tuple[str, bool], ...]]:
    """A query ending in ``ORDER BY`` plain variables, without it, and the keys
    ``(variable, descending)``; other queries unchanged, with no keys.

    Oxigraph's on-disk store looks every term up in RocksDB at each comparison of a sort
    (80 ms for 1,700 rows), so its rows are sorted here instead, in the same order.

    >>> split_order_by("SELECT ?a ?b WHERE { ?a <p> ?b } ORDER BY ?b DESC(?a)  # sorted")
    ('SELECT ?a ?b WHERE { ?a <p> ?b } ', (('b', False), ('a', True)))
    >>> split_order_by("SELECT ?a WHERE { ?a <p> ?b } ORDER BY ?a LIMIT 5")[1]
    ()
    """
    bare = STRINGS_AND_COMMENTS.sub(lambda m: " " * len(m.group()), query)
    m = ORDER_BY.search(bare)
    if m is None:
        return query, ()
    keys = tuple((k.group(2), bool(k.group(1)) and k.group(1).upper() == "DESC")
                 for k in ORDER_KEY.finditer(m.group(1)))
    return query[:m.start()], keys


NUMERIC = frozenset(f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"))


def order_key(term) -> tuple:
    """SPARQL's order of terms: unbound, blank nodes, IRIs, literals (numbers by value)."""
    import pyoxigraph as ox
    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    if term.datatype is not None and term.datatype.value in NUMERIC:
        try:
            return (3, 0, float(term.value), term.value)
        except ValueError:
            pass
    return (3, 1, 0.0, term.value)


def _run_endpoint(endpoint, query: str, bindings: dict[str, str], limit: int | None):
    import pyoxigraph as ox
    from .remote import SELECT_CSV, RemoteError, ask_answer, select_rows
    form = query_form(query)
    text = bound_query(query, bindings)
    accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else \
        SELECT_CSV if form == "SELECT" and own_text_is_ascii(text) else "application/sparql-results+json"
    try:
        data = endpoint.query(text, accept)
    except RemoteError as e:
        raise QueryError(str(e)) from None
    if form == "ASK":
        return ask_answer(data)
    if form in ("CONSTRUCT", "DESCRIBE"):
        return _triples(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    return _table(*select_rows(data), limit)


WHERE_OPEN = re.compile(r"""
    \bWHERE \s* \{          # the keyword and the brace that opens the query's pattern
""", re.IGNORECASE | re.VERBOSE)


def bound_query(query: str, bindings: dict[str, str]) -> str:
    """The query for a server, its bound parameters a ``VALUES`` block that opens its WHERE
    group: Virtuoso 7.2 ignores a trailing one (the protocol's usual place) in a query with
    a ``BIND``, and plans a leading one well.  Where no group is found, the block trails.

    >>> bound_query('SELECT ?u WHERE { ?u <p> "{" }', {"u": "x"})
    'SELECT ?u WHERE { VALUES (?u) { ("x") } ?u <p> "{" }'
    >>> bound_query('CONSTRUCT { ?u <q> ?u } WHERE { ?u <p> ?o }', {"u": "x"})
    'CONSTRUCT { ?u <q> ?u } WHERE { VALUES (?u) { ("x") } ?u <p> ?o }'
    """
    from .remote import values_clause
    if not bindings:
        return query
    bare = STRINGS_AND_COMMENTS.sub(lambda m: " " * len(m.group()), query)
    m = WHERE_OPEN.search(bare)
    brace = m.end() - 1 if m else bare.find("{") if query_form(query) in ("SELECT", "ASK") else -1
    if brace < 0:
        return query + values_clause(bindings)
    return f"{query[:brace + 1]} {values_clause(bindings).strip()}{query[brace + 1:]}"


def own_text_is_ascii(query: str) -> bool:
    """Whether a query's strings and IRIs are ASCII (comments aside): then a server may answer
    in CSV, which Virtuoso 7.2 writes seven times faster than JSON (JSON escapes every Chinese
    character) but in which it garbles the non-ASCII values that come from the query itself.

    >>> own_text_is_ascii('SELECT ?u { ?u <p> "x" }  # 牵头'), own_text_is_ascii('SELECT ?u { ?u <p> "牵头" }')
    (True, False)
    """
    return STRINGS_AND_COMMENTS.sub(lambda m: "" if m.group().startswith("#") else m.group(), query).isascii()


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, as the parsed query says.

    >>> query_form('PREFIX a: <http://e/ASK#> SELECT * WHERE { ?s a:p "ASK" }')
    'SELECT'
    """
    return parse_query(query).algebra.name[:-len("Query")].upper()


def _text(term) -> str:
    """The value of an rdflib or pyoxigraph term as text ("" when unbound)."""
    if term is None:
        return ""
    if type(term).__module__ == "pyoxigraph":
        return _ox_text(term)
    return str(term)


def _ox_text(term) -> str:
    """The value of a pyoxigraph term as text ("" when unbound; a triple term as written)."""
    if term is None:
        return ""
    try:
        return term.value
    except AttributeError:
        return str(term)


# ---------------------------------------------------------------------------------------
# Output

def format_table(table: Table, fmt: str = "table") -> str:
    """A Table as an aligned text table, CSV (header first) or JSON (a list of objects)."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(table.header)
        writer.writerows(table.rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(table.records(),
                          ensure_ascii=False, indent=1) + "\n"
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    columns = [set(c) for c in zip(*table.rows)] or [set() for _ in table.header]   # each text laid out once
    widths = [min(60, max([_width(h)] + [_width(c) for c in texts])) for h, texts in zip(table.header, columns)]
    shown = [{c: _pad(_clip(c, w), w) for c in texts} for texts, w in zip(columns, widths)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(table.header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join([cells[c] for cells, c in zip(shown, r)]) for r in table.rows]
    lines.append(f"({len(table.rows)} rows{', truncated' if table.truncated else ''})")
    return "\n".join(lines) + "\n"


def _width(s: str) -> int:
    """Columns a string takes in a terminal: two for a wide (W, F) character."""
    return len(s) if s.isascii() else sum(map(_char_width, s))


@cache
def _char_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _clip(s: str, w: int) -> str:
    s = s.replace("\n", " ")
    if _width(s) <= w:
        return s
    taken = 0
    for i, c in enumerate(s):
        taken += _char_width(c)
        if taken > w - 1:
            return s[:i] + "…"
    return s + "…"


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _width(s))
