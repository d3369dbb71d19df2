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

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

START_TIMEOUT = 90.0


def _prop(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


class Office:
    """One headless soffice and a UNO connection to it."""

    def __init__(self, parent: str | None = None) -> None:
        # Inside the caller's temporary directory when it names one, so that its clean-up removes the
        # profile even when this process is killed on a timeout.
        self.profile = tempfile.mkdtemp(prefix="treaty-diff-bench-lo-", dir=parent)
        self.pipe = f"treaty_diff_bench_lo_{os.getpid()}"
        command = ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                   f"-env:UserInstallation=file://{self.profile}"]
        # A fresh profile makes soffice restart itself once, which would cut the connection: create it first.
        subprocess.run([*command, "--terminate_after_init"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=START_TIMEOUT, check=False)
        self.process = subprocess.Popen(
            [*command, f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("soffice did not start") from None
                time.sleep(0.2)
        manager = context.ServiceManager
        self.desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)

    def load(self, path: str) -> Any:
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        return document

    def dispatch(self, document: Any, command: str, *args: Any) -> None:
        frame = document.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, tuple(args))

    def compare(self, old: str, new: str, texts: bool = True) -> dict[str, Any]:
        """Compare ``old`` (the original) with ``new`` (the open document); count, and (``texts``) accept, reject."""
        start = time.perf_counter()
        document = self.load(new)
        loaded = time.perf_counter()
        stored = os.path.join(self.profile, "compared.odt")
        try:
            old_url = uno.systemPathToFileUrl(os.path.abspath(old))
            self.dispatch(document, ".uno:CompareDocuments", _prop("URL", old_url), _prop("NoAcceptDialog", True))
            compared = time.perf_counter()
            redlines = _redlines(document)
            if not texts:
                return {"load_s": loaded - start, "compare_s": compared - loaded, "redlines": len(redlines)}
            document.storeToURL(uno.systemPathToFileUrl(stored), (_prop("FilterName", "writer8"),))
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
        for redline in redlines:
            by_type[redline["type"]] = by_type.get(redline["type"], 0) + 1
        return {
            "load_s": loaded - start,
            "compare_s": compared - loaded,
            "redlines": len(redlines),
            "by_type": by_type,
            "moved": sum(1 for r in redlines if r["moved"]),
            "accepted": accepted,
            "rejected": rejected,
        }

    def close(self) -> None:
        with contextlib.suppress(Exception):  # soffice may already be gone
            self.desktop.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def _redlines(document: Any) -> list[dict[str, Any]]:
    result = []
    enumeration = document.Redlines.createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        try:
            moved = bool(redline.getPropertyValue("RedlineMoved"))
        except Exception:  # older LibreOffice: no such property
            moved = False
        result.append({"type": redline.getPropertyValue("RedlineType"), "moved": moved})
    return result


def _text(document: Any) -> str:
    """The body's paragraphs (table cells included), one a line."""
    lines: list[str] = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            lines.extend(element.getCellByName(name).getString() for name in element.getCellNames())
        elif element.supportsService("com.sun.star.text.Paragraph"):
            lines.append(element.getString())
    return "\n".join(lines)


def main() -> int:
    started = time.perf_counter()
    office = Office(sys.argv[1] if len(sys.argv) > 1 else None)
    print(json.dumps({"ok": True, "ready": True, "start_s": time.perf_counter() - started}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("quit"):
                break
            try:
                response = {"ok": True, **office.compare(request["old"], request["new"], request.get("texts", True))}
            except Exception:
                response = {"ok": False, "error": traceback.format_exc()}
            print(json.dumps(response), flush=True)
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
