"""Definitions read into the obligations: which defined terms a clause uses, coverage through a definition, a
changed definition judged as a change of every clause that uses it, and a clause carried by the other draft's
definitions. Small drafts written for each rule, then the PPWT pair."""

from __future__ import annotations

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.obligations.compare import compare_obligations
from treaty_diff.obligations.coverage import check_coverage
from treaty_diff.obligations.definitions import defined_terms, terms_used
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.checklist import load_checklist
from treaty_diff.read.corpus import load_corpus_draft

VERBATIM = Provenance("verbatim", Source("test", "written for the test"))


def _draft(draft_id: str, definition: str, term: str, *articles: str) -> Draft:
    """A draft whose Article 1 defines ``term`` and whose other articles are one paragraph each."""
    first = Provision("art_1", "article", "Article 1", None,
                      (Block("art_1__list_1__intro", "intro", None, "For the purposes of this Treaty:", VERBATIM),
                       Block("art_1__list_1__point_a", "point", "(a)", definition, VERBATIM, depth=1,
                             terms=(term,))))
    rest = tuple(Provision(f"art_{n}", "article", f"Article {n}", None,
                           (Block(f"art_{n}", "paragraph", None, text, VERBATIM),))
                 for n, text in enumerate(articles, 2))
    return Draft(DraftMeta(id=draft_id, title=f"Treaty {draft_id}"), (first, *rest))


TEST = 'the term "destructive test" means the destruction of, or damage to, a space object by kinetic or non-kinetic means;'
NARROW_TEST = 'the term "destructive test" means the destruction of a space object by kinetic means;'
BAN = "No State Party shall conduct a destructive test."


def test_a_clause_uses_a_term_whose_words_stand_in_it_in_order_with_a_few_words_between() -> None:
    ppwt = load_corpus_draft("ppwt-2014")
    terms = defined_terms(ppwt)
    assert [(t.term, t.label) for t in terms] == [
        ("outer space object", "Article I(a)"), ("weapon in outer space", "Article I(b)"),
        ("placed in outer space", "Article I(c)"), ("use of force", "Article I(d)")]
    used = terms_used("not place any weapons in outer space", terms)
    assert [t.term for t in used] == ["weapon in outer space", "placed in outer space"]
    assert terms_used("the use of outer space for peaceful purposes", terms) == ()


def test_a_participle_defined_alone_is_not_used_by_the_noun() -> None:
    ppwt = load_corpus_draft("ppwt-2008")
    placed = tuple(t for t in defined_terms(ppwt) if t.term == "placed")
    assert terms_used("not to place such weapons in orbit", placed) == tuple(placed)
    assert terms_used("in any other place under its jurisdiction", placed) == ()


def test_each_obligation_lists_the_defined_terms_it_uses() -> None:
    draft = _draft("a", TEST, "destructive test", BAN, "Each State Party shall report its launches.")
    assert [o.terms for o in extract_obligations(draft)] == [("destructive test",), ()]


def test_a_checklist_term_found_only_in_a_definition_covers_through_that_definition() -> None:
    ppwt = load_corpus_draft("ppwt-2014")
    report = check_coverage([ppwt], load_checklist("paros"))
    verdict = report.verdict("no-celestial-installation", "ppwt-2014")
    assert verdict.status == "covered"
    assert "through the definition of 'placed in outer space' (Article I(c))" in verdict.reason
    assert verdict.citations[0].quote == "not place any weapons in outer space"
    assert verdict.citations[0].via == ("'placed in outer space' (Article I(c))",)


def test_a_narrowed_definition_weakens_every_duty_that_uses_it_and_shows_both_wordings() -> None:
    old = _draft("old", TEST, "destructive test", BAN)
    new = _draft("new", NARROW_TEST, "destructive test", BAN)
    (change,) = [c for c in compare_obligations(old, new).changes if c.old and c.old.eid == "art_2"]
    assert change.status == "weakened"
    (reason,) = change.reasons
    assert reason.startswith("the definition of 'destructive test' (Article 1(a)) narrows, so the clause covers "
                             "less: ")
    assert reason.endswith(": 'the term \"destructive test\" means the destruction of, or damage to, a space object by "
                           "kinetic or non-kinetic means' becomes 'the term \"destructive test\" means the destruction "
                           "of a space object by kinetic means'")
    back = compare_obligations(new, old)
    assert [c.status for c in back.changes if c.old and c.old.eid == "art_2"] == ["strengthened"]


def test_a_narrowed_definition_makes_a_freedom_that_uses_it_bind_more() -> None:
    may = "Each State Party may conduct a destructive test for research."
    old, new = _draft("old", TEST, "destructive test", may), _draft("new", NARROW_TEST, "destructive test", may)
    (change,) = [c for c in compare_obligations(old, new).changes if c.old and c.old.eid == "art_2"]
    assert change.status == "strengthened"


def test_a_clause_that_does_not_use_the_changed_term_is_untouched() -> None:
    report = "Each State Party shall report its launches."
    old, new = _draft("old", TEST, "destructive test", report), _draft("new", NARROW_TEST, "destructive test", report)
    assert [c.status for c in compare_obligations(old, new).changes] == ["unchanged"]


def test_a_dropped_ban_whose_content_the_other_drafts_definition_carries_is_not_dropped() -> None:
    old = _draft("old", 'the term "weapon" means any device designed to destroy objects;', "weapon",
                 "States Parties shall not place weapons in orbit and shall not install weapons on celestial bodies.")
    new = _draft("new", 'a weapon is considered as "placed" when it orbits the Earth or is located on any '
                        "celestial body;", "placed", "States Parties shall not place weapons in orbit.")
    comparison = compare_obligations(old, new)
    carried = [c for c in comparison.changes if c.old and "celestial" in c.old.quote]
    assert [c.status for c in carried] == ["changed"]
    assert carried[0].reasons[0] == ("carried in new by 'shall not place weapons in orbit' (Article 2), through the "
                                     "definition of 'placed' (Article 1(a)): 'a weapon is considered as \"placed\" "
                                     "when it orbits the Earth or is located on any celestial body'")
    back = compare_obligations(new, old)
    assert [c.status for c in back.changes if c.new and "celestial" in c.new.quote] == ["changed"]


def test_the_ppwt_2014_definitions_are_read_into_the_comparison_with_the_2008_draft() -> None:
    comparison = compare_obligations(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    celestial = [c for c in comparison.changes if c.old and "install such weapons" in c.old.quote]
    assert [c.status for c in celestial] == ["changed"]
    force = next(c for c in comparison.changes if c.old and "use of force" in c.old.quote)
    assert any(r.startswith("the definition of 'use of force' (Article I(e)), in ppwt-2014 'use of force' "
                            "(Article I(d)),") for r in force.reasons)
