#!/usr/bin/python3
"""LibreOffice as a test oracle for the DOCX redline: run with Debian's /usr/bin/python3 (python3-uno).

The venv's Python cannot import ``uno``, so the tests start this script in a
subprocess. It starts one headless soffice (its own profile in a temporary
directory, a named pipe for the connection), then answers requests, one JSON
object a line on stdin, one JSON object a line on stdout:

    {"path": "/tmp/x.docx"}            -> {"ok": true, "redlines": [...], "comments": [...],
                                           "paragraphs": [...], "accepted": [...], "rejected": [...]}
    {"path": "/tmp/x.docx", "pdf": "/tmp/x.pdf"}  -> the same, after printing the document (as loaded) to x.pdf
    {"quit": true}                     -> soffice is closed and the script ends

``redlines`` are LibreOffice's tracked changes (type, author, date, moved, the text they span);
``comments`` the text of each annotation field; ``paragraphs`` the body's
paragraphs as loaded (text and style); ``accepted`` and ``rejected`` the
body's paragraph texts after .uno:AcceptAllTrackedChanges and, on a fresh
load, .uno:RejectAllTrackedChanges. Table cells are read as paragraphs too.
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
from collections.abc import Callable
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_TIMEOUT = 60.0


def prop(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


class Office:
    """One headless soffice and a connection to it (also used by benchmarks/lo_compare.py).

    The profile goes in ``parent`` when given, so that the caller's clean-up removes it even when this
    process is killed on a timeout.
    """

    def __init__(self, parent: str | None = None) -> None:
        self.profile = tempfile.mkdtemp(prefix="treaty-diff-lo-", dir=parent)
        self.pipe = f"treaty_diff_lo_{os.getpid()}"
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
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        return document

    def dispatch(self, document: Any, command: str, *args: Any) -> None:
        frame = document.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, tuple(args))

    def inspect(self, path: str, pdf: str | None = None) -> dict[str, Any]:
        document = self.load(path)
        try:
            if pdf is not None:
                document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)),
                                    (prop("FilterName", "writer_pdf_Export"),))
            report: dict[str, Any] = {
                "redlines": redlines(document),
                "comments": comments(document),
                "paragraphs": paragraphs(document),
            }
            self.dispatch(document, ".uno:AcceptAllTrackedChanges")
            report["accepted"] = [p["text"] for p in paragraphs(document)]
            report["redlines_after_accept"] = len(redlines(document))
        finally:
            document.close(True)
        document = self.load(path)
        try:
            self.dispatch(document, ".uno:RejectAllTrackedChanges")
            report["rejected"] = [p["text"] for p in paragraphs(document)]
            report["redlines_after_reject"] = len(redlines(document))
        finally:
            document.close(True)
        return report

    def close(self) -> None:
        with contextlib.suppress(Exception):  # soffice may already be gone
            self.desktop.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def redlines(document: Any) -> list[dict[str, Any]]:
    result = []
    enumeration = document.Redlines.createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        info = {"type": redline.getPropertyValue("RedlineType"), "author": redline.getPropertyValue("RedlineAuthor")}
        when = redline.getPropertyValue("RedlineDateTime")
        info["date"] = f"{when.Year:04d}-{when.Month:02d}-{when.Day:02d}"
        try:
            info["moved"] = bool(redline.getPropertyValue("RedlineMoved"))
        except Exception:
            info["moved"] = None
        info["text"] = _spanned(redline)
        result.append(info)
    return result


def _spanned(redline: Any) -> str | None:
    """The text a tracked change spans (None for one LibreOffice cannot give a range, such as a table's)."""
    try:
        start, end = redline.getPropertyValue("RedlineStart"), redline.getPropertyValue("RedlineEnd")
        cursor = start.getText().createTextCursorByRange(start)
        cursor.gotoRange(end, True)
        return str(cursor.getString())
    except Exception:
        return None


def comments(document: Any) -> list[str]:
    result = []
    enumeration = document.getTextFields().createEnumeration()
    while enumeration.hasMoreElements():
        field = enumeration.nextElement()
        if field.supportsService("com.sun.star.text.TextField.Annotation"):
            result.append(field.getPropertyValue("Content"))
    return result


def paragraphs(document: Any) -> list[dict[str, str]]:
    result: list[dict[str, str]] = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                cell = element.getCellByName(name)
                result.append({"text": cell.getString(), "style": "table"})
        elif element.supportsService("com.sun.star.text.Paragraph"):
            result.append({"text": element.getString(), "style": element.getPropertyValue("ParaStyleName")})
    return result


def serve(office: Any, handle: Callable[[dict[str, Any]], dict[str, Any]], **ready: Any) -> int:
    """Answer one JSON request a line on stdin with one JSON line on stdout, until "quit" or end of input.

    The tests' driver and the benchmark's (``benchmarks/lo_compare.py``) share this loop.
    """
    print(json.dumps({"ok": True, "ready": True, **ready}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("quit"):
                break
            try:
                response = {"ok": True, **handle(request)}
            except Exception:
                response = {"ok": False, "error": traceback.format_exc()}
            print(json.dumps(response), flush=True)
    finally:
        office.close()
    return 0


def main() -> int:
    office = Office()
    return serve(office, lambda request: office.inspect(request["path"], request.get("pdf")))


if __name__ == "__main__":
    sys.exit(main())
