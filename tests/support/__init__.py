"""What the tests share, in one place: fixtures (:mod:`.fixtures`), the types of the CLI fixtures of conftest.py
(:mod:`.cli`), typed access to lxml results and JSON (:mod:`.typed`), reading HTML and DOCX redlines back
(:mod:`.html`, :mod:`.docx`), and the drivers of the real consumers, headless Chromium (:mod:`.browser`) and
LibreOffice through UNO (:mod:`.lo_driver`). Test modules import from here, never from each other."""
