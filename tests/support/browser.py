"""A minimal headless-Chromium driver for tests, with the standard library only.

Chromium is started with ``--remote-debugging-pipe``: it reads DevTools
protocol commands from file descriptor 3 and writes replies and events to file
descriptor 4, each message one JSON object followed by a NUL byte (no
websocket, no port). A :class:`Page` records what the page did while loaded:
console messages, uncaught exceptions, log entries (CSP violations land there),
JavaScript dialogs and every network request, so a test can assert there were
none.

Usage::

    with Browser.start() as browser:
        page = browser.new_page()
        page.load(path)
        assert page.errors() == [] and page.requests_other_than(path) == []
        page.evaluate("document.title")

Run as ``python tests/support/browser.py REPORT.html OUT.png [WIDTH [SLICE_HEIGHT]]`` to take a full-page screenshot
(and, with SLICE_HEIGHT, the same page in slices that an image viewer shows at full size).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

#: Where the browser is looked for, in order (``TREATY_DIFF_CHROMIUM`` overrides).
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

FLAGS = (
    "--headless",
    "--no-sandbox",  # tests run as root in containers
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


class BrowserMissing(RuntimeError):
    """No Chromium to run: the browser tests fail with this message (CI installs Debian's ``chromium``)."""


class ProtocolError(RuntimeError):
    """A DevTools command failed, or the browser stopped answering."""


def find_chromium() -> str:
    """The Chromium executable, or BrowserMissing with what to install."""
    override = os.environ.get("TREATY_DIFF_CHROMIUM")
    if override:
        if shutil.which(override):
            return override
        raise BrowserMissing(f"TREATY_DIFF_CHROMIUM={override!r} is not an executable")
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing(
        "Chromium is needed for the HTML browser tests and was not found "
        f"(looked for {', '.join(CANDIDATES)}); install it with `apt-get install -y chromium` "
        "or set TREATY_DIFF_CHROMIUM"
    )


class Browser:
    """One Chromium process driven over the DevTools pipe."""

    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int, profile: Path,
                 timeout: float) -> None:
        self.process = process
        self._out = to_browser
        self._in = from_browser
        self._profile = profile
        self.timeout = timeout
        self._buffer = b""
        self._next_id = 0
        self._pages: dict[str, Page] = {}

    @classmethod
    def start(cls, timeout: float = 30.0) -> Browser:
        executable = find_chromium()
        profile = Path(tempfile.mkdtemp(prefix="treaty-diff-chromium-"))
        # Pipes: we write commands into ``cmd_w`` (the browser's fd 3), read from ``evt_r`` (its fd 4).
        cmd_r, cmd_w = os.pipe()
        evt_r, evt_w = os.pipe()
        # Move the child's ends out of the way of 3 and 4 before dup2-ing them there.
        high_cmd = _dup_high(cmd_r)
        high_evt = _dup_high(evt_w)

        def wire_pipes() -> None:  # runs in the child, between fork and exec
            os.dup2(high_cmd, 3)
            os.dup2(high_evt, 4)

        try:
            process = subprocess.Popen(
                [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=wire_pipes,  # the test process is single-threaded
                pass_fds=(3, 4),
            )
        finally:
            for fd in (cmd_r, evt_w, high_cmd, high_evt):
                os.close(fd)
        browser = cls(process, cmd_w, evt_r, profile, timeout)
        try:
            browser.send("Target.setDiscoverTargets", {"discover": True})
        except Exception:
            browser.close()
            raise
        return browser

    # -- protocol -------------------------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float | None = None) -> dict[str, Any]:
        """Send one command and wait for its reply; events arriving meanwhile go to their pages."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            written = os.write(self._out, data)
            data = data[written:]
        wanted = self._next_id
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._dispatch(reply)

    def pump(self, seconds: float) -> None:
        """Read events for ``seconds`` (to let late requests or messages arrive)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._dispatch(self._receive(deadline))
            except TimeoutError:
                return

    def wait_for(self, predicate: Callable[[], object], timeout: float | None = None) -> None:
        """Read events until ``predicate()`` is true."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while not predicate():
            self._dispatch(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no message from Chromium in time")
            ready, _, _ = select.select([self._in], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise ProtocolError(f"Chromium closed the DevTools pipe (exit status {self.process.poll()})")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _dispatch(self, message: dict[str, Any]) -> None:
        page = self._pages.get(message.get("sessionId", ""))
        if page is not None and "method" in message:
            page.record(message["method"], message.get("params", {}))

    # -- pages ----------------------------------------------------------------------------------------

    def new_page(self, width: int = 1280, height: int = 900, javascript: bool = True) -> Page:
        """A fresh tab with console, log, network and page events recorded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self._pages[session] = page
        for method in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            page.send(method)
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        if not javascript:
            page.send("Emulation.setScriptExecutionDisabled", {"value": True})
        return page

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                with contextlib.suppress(ProtocolError, TimeoutError, OSError):
                    self.send("Browser.close", timeout=5)
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        finally:
            for fd in (self._out, self._in):
                with contextlib.suppress(OSError):
                    os.close(fd)
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _dup_high(fd: int) -> int:
    """A duplicate of ``fd`` numbered above 4 (so dup2 onto 3 and 4 cannot clobber it)."""
    import fcntl

    return fcntl.fcntl(fd, fcntl.F_DUPFD, 10)


@dataclass
class Page:
    """One tab, and what happened in it since it was last loaded."""

    browser: Browser
    target: str
    session: str
    console: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[dict[str, Any]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    loaded: bool = False

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def record(self, method: str, params: dict[str, Any]) -> None:
        if method == "Runtime.consoleAPICalled":
            texts = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
            self.console.append({"type": params.get("type"), "text": " ".join(texts)})
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(params.get("exceptionDetails", {}))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            self.log.append({"level": entry.get("level"), "source": entry.get("source"),
                             "text": entry.get("text"), "url": entry.get("url")})
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))
        elif method == "Network.loadingFailed":
            self.failed_requests.append(params)
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(str(params.get("message")))
            self.send("Page.handleJavaScriptDialog", {"accept": True})
        elif method == "Page.loadEventFired":
            self.loaded = True

    def load(self, path: Path | str, settle: float = 0.3) -> None:
        """Open a file (or URL), wait for its load event, then listen ``settle`` seconds more."""
        url = path if isinstance(path, str) and "://" in path else Path(path).resolve().as_uri()
        self.console.clear()
        self.exceptions.clear()
        self.log.clear()
        self.requests.clear()
        self.failed_requests.clear()
        self.dialogs.clear()
        self.loaded = False
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise ProtocolError(f"cannot open {url}: {result['errorText']}")
        self.browser.wait_for(lambda: self.loaded)
        self.browser.pump(settle)

    def errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, error log entries (e.g. CSP violations), dialogs."""
        bad = ("error", "warning", "assert")
        found = [f"console.{m['type']}: {m['text']}" for m in self.console if m["type"] in bad]
        found += [f"exception: {e.get('exception', {}).get('description') or e.get('text')}" for e in self.exceptions]
        found += [f"log {e['level']} ({e['source']}): {e['text']}" for e in self.log if e["level"] in bad]
        found += [f"dialog: {d}" for d in self.dialogs]
        return found

    def requests_other_than(self, path: Path | str) -> list[str]:
        """Every request except for the page itself."""
        own = Path(path).resolve().as_uri()
        return [url for url in self.requests if url.split("#", 1)[0] != own]

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable results only)."""
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True})
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise ProtocolError(f"JavaScript error: {details.get('exception', {}).get('description', details)}")
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click (pressed and released) at the centre of the element's first box, scrolled into view.

        The first box, not the bounding box: the centre of a link wrapped over two lines may hit neither line.
        """
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " if (!r) return null;"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; })()"
        )
        if not box or not box["w"] or not box["h"]:
            raise ProtocolError(f"nothing visible to click at {selector!r}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})
        self.browser.pump(0.05)

    def press(self, key: str, code: str, key_code: int) -> None:
        """A real key press (down and up) on the focused element, e.g. ("ArrowRight", "ArrowRight", 39)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent",
                      {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code})
        self.browser.pump(0.05)

    def screenshot(self, out: Path, slice_height: int | None = None) -> list[Path]:
        """A full-page PNG at ``out``; with ``slice_height``, also OUT-1.png, OUT-2.png... of that height."""
        width, height = self.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        clips = [(0, height)]
        if slice_height:
            clips += [(y, min(slice_height, height - y)) for y in range(0, height, slice_height)]
        written = []
        for index, (top, tall) in enumerate(clips):
            params = {"format": "png", "captureBeyondViewport": True,
                      "clip": {"x": 0, "y": top, "width": width, "height": tall, "scale": 1}}
            path = out if index == 0 else out.with_name(f"{out.stem}-{index}{out.suffix}")
            path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))
            written.append(path)
        return written

    def pdf(self) -> bytes:
        """The page printed as Chromium prints it (its own @page size)."""
        data = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
        self.browser._pages.pop(self.session, None)


def main(argv: list[str]) -> int:
    """``python tests/support/browser.py REPORT.html OUT.png [WIDTH [SLICE_HEIGHT]]``: a full-page screenshot of a report."""
    if len(argv) not in (2, 3, 4):
        print(main.__doc__, file=sys.stderr)
        return 2
    width = int(argv[2]) if len(argv) >= 3 else 1280
    slice_height = int(argv[3]) if len(argv) == 4 else None
    with Browser.start() as browser:
        page = browser.new_page(width=width)
        page.load(argv[0])
        for path in page.screenshot(Path(argv[1]), slice_height):
            print(path)
        for problem in page.errors() + [f"request: {u}" for u in page.requests_other_than(argv[0])]:
            print(problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
