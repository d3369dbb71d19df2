#!/usr/bin/python3
"""LibreOffice's Compare Document, driven headless through UNO (run with Debian's /usr/bin/python3).

The venv's Python cannot import ``uno`` (python3-uno is built for Debian's
Python), so ``benchmarks/run.py`` starts this script as a subprocess. It starts
one headless soffice with its own profile in a temporary directory, then answers
requests, one JSON object a line on stdin, one JSON object a line on stdout:

    {"old": "/tmp/a.docx", "new": "/tmp/b.docx", "texts": true}
        -> {"ok": true, "load_s": ..., "compare_s": ..., "redlines": N, "by_type": {...}, "moved": M,
            "accepted": "...", "rejected": "..."}
    {"quit": true} -> soffice is closed and the script ends

With ``"texts": false`` only ``load_s``, ``compare_s`` and ``redlines`` are answered (a repeated timing run).

It loads the new document, dispatches ``.uno:CompareDocuments`` with the old
one's URL (as Edit > Track Changes > Compare Document does: the open document
is the later version, the changes shown are those that turn the old one into
it), counts the redlines (and those LibreOffice marks as moved), stores the
compared document as ODT, accepts every change and reads the text, then loads
the stored copy, rejects every change and reads the text. ``load_s`` and
``compare_s`` are wall-clock seconds of the load and of the compare dispatch.
The caller enforces the timeout (it kills this process group); the optional first argument is
a directory to hold soffice's temporary profile.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]

# One soffice session, shared with the tests' LibreOffice driver.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))
from lo_driver import Office, paragraphs, prop, redlines, serve


class CompareOffice(Office):
    """The tests' soffice session, with Compare Document."""

    def compare(self, old: str, new: str, texts: bool = True) -> dict[str, Any]:
        """Compare ``old`` (the original) with ``new`` (the open document); count, and (``texts``) accept, reject."""
        start = time.perf_counter()
        document = self.load(new)
        loaded = time.perf_counter()
        stored = os.path.join(self.profile, "compared.odt")
        try:
            old_url = uno.systemPathToFileUrl(os.path.abspath(old))
            self.dispatch(document, ".uno:CompareDocuments", prop("URL", old_url), prop("NoAcceptDialog", True))
            compared = time.perf_counter()
            found = redlines(document)
            if not texts:
                return {"load_s": loaded - start, "compare_s": compared - loaded, "redlines": len(found)}
            document.storeToURL(uno.systemPathToFileUrl(stored), (prop("FilterName", "writer8"),))
            self.dispatch(document, ".uno:AcceptAllTrackedChanges")
            accepted = _text(document)
        finally:
            document.close(True)
        document = self.load(stored)
        try:
            self.dispatch(document, ".uno:RejectAllTrackedChanges")
            rejected = _text(document)
        finally:
            document.close(True)
        by_type: dict[str, int] = {}
        for redline in found:
            by_type[redline["type"]] = by_type.get(redline["type"], 0) + 1
        return {
            "load_s": loaded - start,
            "compare_s": compared - loaded,
            "redlines": len(found),
            "by_type": by_type,
            "moved": sum(1 for r in found if r["moved"]),
            "accepted": accepted,
            "rejected": rejected,
        }



def _text(document: Any) -> str:
    """The body's paragraphs (table cells included), one a line."""
    return "\n".join(paragraph["text"] for paragraph in paragraphs(document))


def main() -> int:
    started = time.perf_counter()
    office = CompareOffice(sys.argv[1] if len(sys.argv) > 1 else None)
    return serve(office, lambda request: office.compare(request["old"], request["new"], request.get("texts", True)),
                 start_s=time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
