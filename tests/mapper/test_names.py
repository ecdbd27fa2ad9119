from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.names import best_match, group_names, normalise_name, same_name, service_canon


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ACME Corp.", "Acme Corporation"),
        ("Core API", "API Platform (Core)"),
        ("Globex Ltd", "GLOBEX LIMITED"),
        ("Initech", "Initech, Inc."),
        ("Smith & Sons GmbH", "Smith and Sons"),
        ("Data Warehouse Service", "data-warehouse"),
    ],
)
def test_same_names(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme Corporation", "Apex Corporation"),
        ("Core API", "Billing API"),
        ("Data Warehouse", "Data Lake"),
        ("Globex", "Initech"),
    ],
)
def test_different_names(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_normalise_drops_legal_forms_and_punctuation() -> None:
    assert normalise_name("ACME Corp.") == "acme"
    assert normalise_name("The Acme Company, Ltd.") == "the acme"


def test_best_match_and_groups() -> None:
    found = best_match("Acme Corporation", ["Globex Ltd", "ACME Corp.", "Apex Corp"])
    assert found is not None and found.match == "ACME Corp."
    assert best_match("Umbrella", ["Globex Ltd", "ACME Corp."]) is None
    groups = group_names(["Core API", "Billing API", "API Platform (Core)"])
    assert groups == [["Core API", "API Platform (Core)"], ["Billing API"]]


def test_service_canon_maps_aliases_to_one_key() -> None:
    canon = service_canon(["Core API", "API Platform (Core)", "Billing API"])
    assert canon("API Platform (Core)") == canon("Core API") != canon("Billing API")
    assert canon(None) is None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=30))
def test_normalise_is_idempotent_and_a_name_matches_itself(name: str) -> None:
    norm = normalise_name(name)
    assert normalise_name(norm) == norm
    if norm:
        assert same_name(name, name)
