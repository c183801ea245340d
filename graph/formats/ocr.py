"""Scanned pages through Tesseract with its simplified-Chinese model (``chi_sim``), an
optional system package: ``apt-get install tesseract-ocr tesseract-ocr-chi-sim``.

Tesseract puts a space between Chinese characters; those spaces are taken out.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import cache

LANGUAGE = "chi_sim"
READER = f"tesseract {LANGUAGE}"
RESOLUTION = 300
MISSING = "install Tesseract with its Chinese model (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)"

SPACE_BETWEEN_HAN = re.compile(r"""
    (?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])     # after a Han character or CJK punctuation
    [ ]+
    (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])      # before one
""", re.VERBOSE)
"""The spaces Tesseract puts between Chinese characters.

>>> SPACE_BETWEEN_HAN.sub("", "市 应急 管理 局 负责 。 Ⅳ 级")
'市应急管理局负责。 Ⅳ 级'
"""


@cache
def available() -> bool:
    """Tesseract is installed and has its simplified-Chinese model."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in langs.stdout.split()


def read_page(page) -> list[str]:
    """The lines of one PDF page (pdfplumber's), rendered and read by Tesseract."""
    image = page.to_image(resolution=RESOLUTION).original
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PNG")
    return read_image(buffer.getvalue())


def read_image(png: bytes) -> list[str]:
    """The text lines Tesseract reads in a PNG image."""
    try:
        done = subprocess.run([shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", LANGUAGE],
                              input=png, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as e:
        from . import ReadError
        raise ReadError(f"OCR failed: {e}") from None
    text = done.stdout.decode("utf-8", "replace")
    return [SPACE_BETWEEN_HAN.sub("", line).strip() for line in text.splitlines() if line.strip()]
