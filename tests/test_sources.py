"""Sources as entities across articles: alias table, head noun + place, independent counts."""
from __future__ import annotations

from lagebild.consolidate.sources import independent_sources, source_key
from lagebild.model import Claim, Source


def test_alias_table_joins_a_body_and_its_german_name():
    assert source_key("UN-Flüchtlingshilfswerk") == source_key("UNHCR") == "body:UNHCR"
    assert source_key("das Flüchtlingshilfswerk der Vereinten Nationen") == "body:UNHCR"


def test_head_noun_with_its_place():
    assert source_key("Polizei Rheinland-Pfalz") == "body:polizei@Rheinland-Pfalz"
    assert source_key("die Polizei", place="Rheinland-Pfalz") == "body:polizei@Rheinland-Pfalz"
    assert source_key("Polizei Rheinland-Pfalz") != source_key("Polizei Bayern")


def test_a_linked_entity_keeps_its_id():
    assert source_key("Innenminister Müller", entity="per-mueller") == "entity:per-mueller"


def _claim(article: str, *sources: Source) -> Claim:
    return Claim(article=article, text="30 Tote", sentence="", start=0, end=7, low=30, high=30,
                 qualifier="exact", counted="Tote", source=sources[0].name if sources else None,
                 hedged=False, sources=list(sources))


def test_wire_copy_counts_once():
    claims = [_claim("a.txt", Source("UNHCR")), _claim("b.txt", Source("UN-Flüchtlingshilfswerk")),
              _claim("c.txt", Source("Polizei Rheinland-Pfalz"))]
    assert len(independent_sources(claims)) == 2


def test_a_body_is_named_by_its_compound_head_not_by_a_suffix():
    # one test of a speaking noun with the extractors (lagebild.nlp.compounds.headed_by): "Stadtrat" is a council,
    # "Vorrat" and "Sozialdemokrat" end in "rat" but are none
    assert source_key("Stadtrat") == "body:stadtrat"
    assert source_key("Gemeinderat Ulm") == "body:gemeinderat@Ulm"
    assert source_key("Vorrat") == "name:vorrat"
    assert source_key("Sozialdemokrat") == "name:sozialdemokrat"
