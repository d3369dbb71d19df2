"""Names shared by the Akoma Ntoso reader and writer."""

from __future__ import annotations

from treaty_diff.model.eids import PREFIX

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Our namespace, for what Akoma Ntoso has no element for (inside ``meta/proprietary``).
TD_NS = "urn:x-treaty-diff:akn-proprietary:1"

#: ISO 639-1 (our model, docs/contracts.md) to ISO 639-2/B (Akoma Ntoso FRBRlanguage).
LANGUAGE_CODES = {"en": "eng", "fr": "fre", "es": "spa", "ru": "rus", "zh": "chi", "ar": "ara", "de": "ger"}
LANGUAGE_FROM_AKN = {v: k for k, v in LANGUAGE_CODES.items()} | {"zho": "zh", "fra": "fr", "deu": "de"}

_ELEMENT_BY_PREFIX = {prefix: element for element, prefix in PREFIX.items()}


def element_for_prefix(prefix: str) -> str:
    """``para`` gives ``paragraph``; raises KeyError for a prefix outside the subset."""
    return _ELEMENT_BY_PREFIX[prefix]
