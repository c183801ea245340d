"""govkg: a knowledge graph of agencies, documents, duties and command structures from
Chinese government gazettes.

The verbs, one per stage, and the data types they pass along::

    source = read_source("gazette.txt")
    text = clean(source)
    documents = split_documents(text)
    facts = resolve(extract(text, documents), documents)
    dataset = to_rdf([(source, documents, facts)])

Names are looked up on first use, so that importing one stage does not import them all.
"""
from importlib import import_module

_EXPORTS = {
    "read_source": "ingest", "clean": "clean", "split_documents": "segment",
    "extract": "extract", "resolve": "resolve", "to_rdf": "rdf", "process": "pipeline",
    "build": "build", "open_graph": "store", "run_query": "query",
    "to_networkx": "network", "write_html": "viz",
    "Source": "document", "CleanText": "document", "Document": "document", "Section": "document",
    "Mention": "document", "Span": "document", "Fact": "facts", "FACT_KINDS": "facts",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
