"""Hostile and careless inputs, made by the tests themselves (nothing hostile is checked in), and the ways to run
the CLI as a user would where the process matters (signals, closed streams): in a subprocess.

- :func:`numbered_docx`: a small DOCX whose list numbering says what the test wants (a start of 10^11, ...);
- :func:`chained_styles_docx`: a DOCX whose paragraph style is based on a chain of any number of styles;
- :func:`zip_with_entries`: a real ZIP package of any number of empty entries, written directly (400,003
  entries in about a second, where :mod:`zipfile` takes 12 s), with ZIP64 end records when needed;
- :func:`cli`: ``python -m treaty_diff ARGS`` in a subprocess, with a timeout (a hang fails the test);
- :func:`slowed_cli_script`: a script that runs the CLI with one library function slowed down and a file
  created when it is reached, so that a test can send a signal at a known moment;
- :func:`error_line`: the one stderr line of a failed run (exit 2, no traceback).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support.cli import Result

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         f'2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
         "</Relationships>")
_DOCUMENT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                  f'package/2006/relationships"><Relationship Id="rId2" Type="{_REL}/numbering" '
                  'Target="numbering.xml"/></Relationships>')
TREATY = ["Treaty on Numbered Lists", "The Parties,", "Considering lists,", "Have agreed as follows:", "Article 1",
          "Each Party shall count:"]


def _paragraph(text: str, level: int | None = None) -> str:
    numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                if level is not None else "")
    return f'<w:p>{numbered}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbered_docx(path: Path, fmt: str = "lowerLetter", start: str = "1", level_text: str = "(%1)",
                  items: tuple[str, ...] = ("apples;", "pears."), item_level: int = 0) -> Path:
    """The :data:`TREATY` with ``items`` as points of one list numbered by Word (format, start and text given)."""
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum '
                 f'w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId '
                 'w:val="0"/></w:num></w:numbering>')
    body = "".join(_paragraph(text) for text in TREATY) + "".join(_paragraph(text, item_level) for text in items)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/numbering.xml", numbering)
        archive.writestr("word/document.xml", document)
    return path


def chained_styles_docx(path: Path, chain: int, paragraphs: int) -> Path:
    """The :data:`TREATY` and ``paragraphs`` more paragraphs, all styled ``s0``, a style based on ``s1``, based
    on ``s2``, ... ``chain`` styles deep."""
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
                     + (f'<w:basedOn w:val="s{i + 1}"/>' if i + 1 < chain else "") + "</w:style>"
                     for i in range(chain))
    relations = _DOCUMENT_RELS.replace(f"{_REL}/numbering", f"{_REL}/styles").replace("numbering.xml", "styles.xml")
    texts = [*TREATY, *(f"point {n};" for n in range(paragraphs))]
    body = "".join(f'<w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>' for text in texts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/_rels/document.xml.rels", relations)
        archive.writestr("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">'
                                            f"{styles}</w:styles>")
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
                                              f'"{W_NS}"><w:body>{body}</w:body></w:document>')
    return path


def zip_with_entries(path: Path, count: int) -> Path:
    """A ZIP archive of ``count`` empty stored entries (``e0``, ``e1``, ...), ZIP64 end records beyond 65,534."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for index in range(count):
        name = f"e{index}".encode()
        header = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name
        central.append(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0, 0,
                                   0, 0, 0, offset) + name)
        local.append(header)
        offset += len(header)
    directory = b"".join(central)
    tail = b""
    if count >= 0xFFFF:
        record = struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), offset)
        locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, offset + len(directory), 1)
        tail = record + locator
        end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    path.write_bytes(b"".join(local) + directory + tail + end)
    return path


def cli(*args: str, timeout: float = 60, **options: Any) -> subprocess.CompletedProcess[str]:
    """``python -m treaty_diff ARGS`` as a user runs it; a run longer than ``timeout`` fails the test."""
    if "stdout" not in options and "stderr" not in options:
        options["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "treaty_diff", *args], text=True, timeout=timeout,
                          check=False, **options)


def slowed_cli_script(folder: Path, module: str, function: str) -> tuple[Path, Path]:
    """A script running the CLI (its arguments) with ``module.function`` made to create a marker file and wait
    60 s before doing its work; (script, marker). A test starts it, waits for the marker, sends a signal."""
    marker = folder / f"{function}.reached"
    script = folder / f"slowed_{function}.py"
    script.write_text(
        "import sys, time\n"
        f"import {module} as target\n"
        f"real = target.{function}\n"
        "def slowed(*args, **kwargs):\n"
        f"    open({str(marker)!r}, 'w').close()\n"
        "    time.sleep(60)\n"
        "    return real(*args, **kwargs)\n"
        f"target.{function} = slowed\n"
        "from treaty_diff.cli import main\n"
        "main(sys.argv[1:])\n",
        encoding="utf-8",
    )
    return script, marker


def wait_for(condition: Callable[[], bool], timeout: float = 60) -> None:
    """Wait until ``condition()`` holds (polling), failing the test after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def error_line(result: Result | subprocess.CompletedProcess[str]) -> str:
    """The one stderr line of a run that failed as the contract says: exit 2, one line, no traceback."""
    code = result.code if isinstance(result, Result) else result.returncode
    err = result.err if isinstance(result, Result) else result.stderr
    assert code == 2, (code, err)
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Hidden temporary files that a write left in ``folder``."""
    return sorted(name for name in os.listdir(folder) if name.startswith(".") and name.endswith(".tmp"))
