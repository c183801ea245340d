"""govkg: a knowledge graph of agencies, documents, duties and command structures from
Chinese government gazettes.

The verbs, one per stage, and the data types they pass along::

    source = read_source("gazette.txt")
    text = clean(source)
    documents = split_documents(text)
    facts = resolve(extract(text, documents), documents)
    dataset = to_rdf([(source, documents, facts)])

And over a built graph (``import govkg`` gives the same, under a name that a ``graph.py``
of one's own cannot shadow)::

    report = build(["gazettes/"], "out")
    g = open_graph("out")
    named_query(g, "unit_bodies", unit="鄂尔多斯市应急管理局").records()

Names are looked up on first use, so that importing one stage does not import them all.
"""
from importlib import import_module

_EXPORTS = {
    "read_source": "ingest", "clean": "clean", "split_documents": "segment",
    "extract": "extract", "resolve": "resolve", "to_rdf": "rdf", "process": "pipeline",
    "build": "build", "open_graph": "store", "open_rows": "rows", "run_query": "query", "named_query": "query",
    "named_queries": "query", "Table": "query", "validate": "validate", "export": "export",
    "to_networkx": "network", "write_html": "viz",
    "Source": "document", "CleanText": "document", "Document": "document", "Section": "document",
    "Mention": "document", "Span": "document", "Fact": "facts", "FACT_KINDS": "facts",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
