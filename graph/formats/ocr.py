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

from .layout import page_lines

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
    """The lines of one PDF page (pdfplumber's), rendered and read by Tesseract; the
    words' boxes go through the same reading order as a text layer's characters."""
    image = page.to_image(resolution=RESOLUTION).original.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    words = read_words(buffer.getvalue())
    return [SPACE_BETWEEN_HAN.sub("", line) for line in page_lines(words, image.width)]


def read_words(png: bytes) -> list[dict]:
    """The words Tesseract reads in a PNG image, as character-like boxes (pixels), each
    as high as the line Tesseract put it on."""
    try:
        done = subprocess.run([shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", LANGUAGE, "tsv"],
                              input=png, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as e:
        from . import ReadError
        raise ReadError(f"OCR failed: {e}") from None
    rows = [line.split("\t") for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]]
    lines = {tuple(r[1:5]): (int(r[7]), int(r[9])) for r in rows if len(r) == 12 and r[0] == "4"}
    words = []
    for r in rows:
        if len(r) != 12 or r[0] != "5" or not r[11].strip():
            continue
        left, top, width, height = map(int, r[6:10])
        top, size = lines.get(tuple(r[1:5]), (top, height))       # the line's box: one baseline
        words.append({"text": r[11].strip(), "x0": left, "x1": left + width, "top": top,
                      "bottom": top + size, "size": size})
    return words
