"""What the user says about a draft to import (:class:`ImportOptions`), checked as it is given.

Whatever is left as None is guessed by the importer (see
:mod:`treaty_diff.read.importers.metadata`) and reported in the result's
``info``. A bad value raises ValueError with a message fit for the user, before
any file is read. :data:`FORBIDDEN` (the characters XML refuses) is also how
the text of a file is checked (:func:`treaty_diff.read.importers.plaintext.check_text`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from treaty_diff.model.draft import ProvenanceStatus

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
#: Characters that XML 1.0 forbids (form feed and vertical tab are read as spaces before this check).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class ImportOptions:
    """What the user says about the draft; whatever is None is guessed (and reported in ``info``).

    A given ``title`` is the draft's title in its metadata only: the text's
    title paragraph is treaty text and is never replaced (a warning says when
    the two differ), and a text without one gets no title paragraph.

    ``provenance`` says whether the text is the official wording ("verbatim")
    or not ("reconstructed"). When None, a text file's header decides (a
    ``# reconstructed: ...`` line marks the whole text reconstructed, with a
    warning); without one the text is taken to be verbatim, with a warning.
    ``source`` describes where the text comes from. ``strict`` turns every
    warning into an error. Values are checked here: a bad one raises
    ValueError with a message fit for the user.
    """

    id: str | None = None
    title: str | None = None
    symbol: str | None = None
    date: str | None = None
    language: str | None = None
    status: str = "draft"
    provenance: ProvenanceStatus | None = None
    source: str | None = None
    strict: bool = False

    def __post_init__(self) -> None:
        if self.id is not None and not _ID.fullmatch(self.id):
            raise ValueError(f"invalid id {self.id!r}: use lowercase letters, digits, '.', '_' and '-', "
                             "starting with a letter or digit")
        if self.date is not None:
            try:
                datetime.date.fromisoformat(self.date)
            except ValueError:
                raise ValueError(f"invalid date {self.date!r}: expected YYYY-MM-DD") from None
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date):
                raise ValueError(f"invalid date {self.date!r}: expected YYYY-MM-DD")
        if self.language is not None and not _LANGUAGE.fullmatch(self.language):
            raise ValueError(f"invalid language {self.language!r}: expected a code such as 'en' or 'zh'")
        if self.provenance not in (None, "verbatim", "reconstructed"):
            raise ValueError(f"invalid provenance {self.provenance!r}: expected 'verbatim' or 'reconstructed'")
        for name in ("title", "symbol", "status", "source"):
            value = getattr(self, name)
            if value is not None and (not value.strip() or FORBIDDEN.search(value)):
                raise ValueError(f"invalid {name} {value!r}: it must be non-empty text")


__all__ = ["FORBIDDEN", "ImportOptions"]
