"""Which files a build reads: the inputs under the folders and files it is given.

A folder is walked without leaving it: a link whose target lies outside the folder is not
followed (unless asked), so no text of a file that was not an input reaches the graph or
the report.  What cannot be an input is reported, never passed over in silence or waited
on: a FIFO, socket or device (reading one would block), a broken or looping link, a
folder that cannot be read.  A file name that is not valid UTF-8 is shown with its
undecodable bytes escaped (``bad\\xffname.txt``); the file is still read by its real path.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator



@dataclass(frozen=True)
class Problem:
    """A path under the inputs that is not read, and why; ``error`` False for a path left
    out on purpose (a link out of the folder), True for one that should have been read."""

    name: str
    reason: str
    error: bool = True


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) escaped.

    >>> printable("bad\\udcffname.txt")
    'bad\\\\xffname.txt'
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_inputs(paths, problems: list[Problem], follow_links: bool = False) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, name)`` for every input under ``paths`` in sorted order; append what is
    not read to ``problems``.  Folders are searched recursively for the suffixes ingest
    reads; a file named directly is taken whatever its suffix.  ``name`` is the path
    relative to the folder it was found in, or the bare file name.  ``follow_links``
    follows links to files outside a folder (links to folders are never entered)."""
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            yield p, printable(p.name)
            continue
        found = []
        for path in _walk(p, problems):
            name = printable(path.relative_to(p).as_posix())
            reason = _refusal(path, p.resolve(), follow_links)
            if reason is None:
                found.append((name, path))
            elif reason:
                problems.append(Problem(name, reason, error=not reason.startswith("a link")))
        yield from ((path, name) for name, path in sorted(found))


def _walk(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """Candidate files under ``folder`` (all but hidden ones), and every link to a folder
    (not entered)."""
    def unreadable(e: OSError) -> None:
        rel = Path(e.filename).relative_to(folder).as_posix() if e.filename else str(folder)
        problems.append(Problem(printable(rel) + "/", f"cannot read folder: {e.strerror or e}"))
    for top, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [d for d in folders if not d.startswith(".")]
        yield from (Path(top, d) for d in folders if os.path.islink(os.path.join(top, d)))
        # every file but hidden ones: one of a kind govkg cannot read is named, not passed over
        yield from (Path(top, f) for f in files if not f.startswith("."))


def _refusal(path: Path, root: Path, follow_links: bool) -> str | None:
    """Why ``path`` is not read as an input; None to read it; "" to pass over it (a link
    to a folder inside ``root``, whose files are found where they are)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as e:            # RuntimeError: a loop, before Python 3.13
            looping = isinstance(e, RuntimeError) or e.errno == errno.ELOOP
            return "link loop, not read" if looping else \
                f"broken link to {printable(os.readlink(path))}, not read"
        inside = target.is_relative_to(root)
        if target.is_dir():
            return "" if inside else "a link to a folder outside the input folder, not followed"
        if not inside and not follow_links:
            return "a link to a file outside the input folder, not followed (--follow-links follows it)"
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    return None if stat.S_ISREG(mode) else f"not a regular file ({kind_of(mode)}), not read"


def not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file without waiting for ever (a FIFO …), or None.

    >>> not_regular(Path("/dev/null"))
    'not a regular file (a character device), not read'
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None                         # reading it will say what is wrong
    return None if stat.S_ISREG(mode) else f"not a regular file ({kind_of(mode)}), not read"


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a file"
