#!/usr/bin/python3
"""LibreOffice's own text export, for ``benchmarks/wmlcomparer_quality.py`` (run with Debian's /usr/bin/python3).

The venv's Python cannot import ``uno``; the benchmark starts this script as a subprocess. It starts one
headless soffice (the tests' session, ``tests/support/lo_driver.py``), then answers requests, one JSON object
a line on stdin, one JSON object a line on stdout:

    {"path": "/tmp/x.docx"}                    -> {"ok": true, "text": "..."}   the document as loaded
    {"path": "/tmp/x.docx", "changes": "accept"} -> the text after .uno:AcceptAllTrackedChanges
    {"path": "/tmp/x.docx", "changes": "reject"} -> the text after .uno:RejectAllTrackedChanges
    {"quit": true}                             -> soffice is closed and the script ends

The text is what File > Save As > Text (UTF-8) writes (the export filter "Text (encoded)"), read back: the
reference text of a Word document for the benchmark, for the originals and for the redlines alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))
from lo_driver import Office, prop, serve


class TextOffice(Office):
    """The tests' soffice session, with the text export."""

    def text(self, path: str, changes: str | None = None) -> dict[str, Any]:
        document = self.load(path)
        target = os.path.join(self.profile, "export.txt")
        try:
            if changes == "accept":
                self.dispatch(document, ".uno:AcceptAllTrackedChanges")
            elif changes == "reject":
                self.dispatch(document, ".uno:RejectAllTrackedChanges")
            document.storeToURL(uno.systemPathToFileUrl(target),
                                (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
        finally:
            document.close(True)
        text = Path(target).read_text(encoding="utf-8-sig")
        os.remove(target)
        return {"text": text}


def main() -> int:
    office = TextOffice(sys.argv[1] if len(sys.argv) > 1 else None)
    return serve(office, lambda request: office.text(request["path"], request.get("changes")))


if __name__ == "__main__":
    sys.exit(main())
