"""govkg's Python API under its own name: ``import govkg``.

The package is ``graph`` (the design card's layout), a name that a user's own ``graph.py``
beside a notebook or script takes first.  ``import govkg`` loads the package from where it
is installed, as ``govkg.core``, whatever ``graph`` means in the user's folder, and offers
its verbs and types (the table in ``graph/__init__.py``)::

    import govkg
    report = govkg.build(["gazettes/"], "out")
    g = govkg.open_graph("out")
    govkg.named_query(g, "unit_bodies", unit="鄂尔多斯市应急管理局").records()
"""
import importlib.util
import sys
from importlib import import_module
from pathlib import Path

__path__ = []                   # so that ``govkg.core`` (and its modules) can be imported


def _load(name: str, folder: Path):
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _core():
    if f"{__name__}.core" in sys.modules:
        return sys.modules[f"{__name__}.core"]
    here = Path(__file__).resolve().parent
    core = _load(f"{__name__}.core", here / "graph")
    if not (here / "graph" / "ontology").is_dir():         # a source checkout: ontology/ beside graph/
        core.ontology = _load(f"{__name__}.core.ontology", here / "ontology")
    return core


core = _core()
__all__ = list(core.__all__)


def __getattr__(name):
    """A verb or type, by the package's table (never a submodule of the same name)."""
    if name in core._EXPORTS:
        return getattr(import_module(f"{core.__name__}.{core._EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
