"""DOC and WPS: converted to DOCX by LibreOffice's headless converter (``soffice``), an
optional system package: ``apt-get install libreoffice-writer-nogui``."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from . import Extraction, ReadError
from .docx import read_docx

MISSING = "LibreOffice is needed to convert it and `soffice` was not found " \
          "(Debian: apt-get install libreoffice-writer-nogui)"
TIMEOUT = 300


def converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(data: bytes, suffix: str) -> Extraction:
    """The text of a .doc or .wps file, through LibreOffice and python-docx."""
    exe = converter()
    if exe is None:
        raise ReadError(f"a {suffix} file: {MISSING}")
    with tempfile.TemporaryDirectory(prefix="govkg-convert-") as tmp:
        source = Path(tmp) / f"in{suffix}"
        source.write_bytes(data)
        try:
            subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "docx", "--outdir", tmp, str(source)],
                           capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError) as e:
            raise ReadError(f"LibreOffice could not convert it: {e}") from None
        converted = Path(tmp) / "in.docx"
        if not converted.is_file():
            raise ReadError(f"LibreOffice could not convert this {suffix} file (broken, or not a {suffix} file)")
        result = read_docx(converted.read_bytes())
    return Extraction(result.text, f"libreoffice+{result.reader}", warnings=result.warnings)
