"""Obligations: deontic clauses found in a draft (:mod:`.extract`), compared across two drafts
(:mod:`.compare`), and judged against a checklist (:mod:`.coverage`)."""
