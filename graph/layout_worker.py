"""The process that lays out a build's page (``layout.layout``) beside the rest of the page.

A build with workers starts it first, before it loads its stages: while the build loads
them on one core, this process imports numpy and the layout on the other, so that neither
the build nor its workers pay for that import.  Once the graph is made, the build hands
it the page's nodes and edges (``network.node_pairs``) and draws the rest of the page
meanwhile; it asks for the positions last.  A layout the process could not compute (it
failed, or died) is ``None``: the build lays the page out itself, the same page.

The process answers one request (or ``None``: no page after all) and leaves; it leaves too
when the build is gone (its end of the pipe closed).
"""
from __future__ import annotations

import signal


class LayoutWorker:
    """The layout process, started at once from ``context`` (a ``multiprocessing`` context)."""

    def __init__(self, context):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs,), name="govkg-layout", daemon=True)
        self.process.start()
        theirs.close()
        self.asked = self.answered = False

    def ask(self, nodes, pairs) -> None:
        """Lay out these nodes and edges (pairs of nodes); ``positions`` gives the answer."""
        try:
            self.conn.send((nodes, pairs))
            self.asked = True
        except (OSError, ValueError):               # the process is gone: ``positions`` says None
            pass

    def positions(self) -> dict | None:
        """Each node's position, once computed; None when the process could not."""
        if not self.asked:
            return None
        try:
            answer = self.conn.recv()
            self.answered = True
            return answer
        except (EOFError, OSError):
            return None
        finally:
            self.close()

    def close(self) -> None:
        """No (more) layout wanted: the process leaves, and is gone when this returns (it
        holds what the build holds open, its lock among them)."""
        if self.conn.closed:
            return
        if not self.asked:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        self.conn.close()
        if self.asked and not self.answered:
            self.process.kill()                 # a layout nobody will read
        self.process.join(LEAVE_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


LEAVE_SECONDS = 5
"""How long the process is given to leave once told to, before it is killed."""


def _serve(conn) -> None:
    """In the layout process: numpy and the layout imported while the build loads its
    stages, then one request answered.  Ctrl-C is the build's to answer: it closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from . import layout  # noqa: F401 — now, while the build loads its stages
    except Exception:                                       # noqa: BLE001 — lay_out fails and says None
        pass
    try:
        request = conn.recv()
    except (EOFError, OSError):
        return
    if request is None:
        return
    try:
        answer = lay_out(*request)
    except Exception:                                       # noqa: BLE001 — the build lays it out and reports
        answer = None
    try:
        conn.send(answer)
    except (OSError, ValueError):
        pass


def lay_out(nodes, pairs) -> dict:
    """The positions of the page's nodes (``layout.layout``)."""
    from .layout import layout
    return layout((nodes, pairs))
