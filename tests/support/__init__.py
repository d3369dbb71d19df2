"""What the tests share, in one place: fixtures (:mod:`.fixtures`), reading HTML and DOCX redlines back
(:mod:`.html`, :mod:`.docx`), and the drivers of the real consumers, headless Chromium (:mod:`.browser`) and
LibreOffice through UNO (:mod:`.lo_driver`). Test modules import from here, never from each other."""
