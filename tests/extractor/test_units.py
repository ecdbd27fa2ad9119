"""The block prefilter of `extractor.terms.units`: exclusion sentences reach the rules,
boilerplate does not."""

import pytest

from extractor.terms import clauses_to_terms
from extractor.terms.units import doc_to_sents
from extractor.types import ReadDocument


def make_doc(text: str) -> ReadDocument:
    return ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Downtime does not include problems with your DNS provider.",
         "internet_or_network_outside_provider"),
        ("Interruptions caused by your ISP are not Downtime.",
         "internet_or_network_outside_provider"),
        ("An outage attributable to an act of God is not counted as Downtime.", "force_majeure"),
        ("Downtime does not include failures of your own equipment.", "customer_caused"),
    ],
)  # fmt: skip
def test_exclusion_sentences_pass_the_prefilter(text, category):
    assert [s.text for s in doc_to_sents(make_doc(text), [])] == [text]
    terms = clauses_to_terms(make_doc(text), [], {})
    assert {t.attrs["category"] for t in terms if t.kind == "exclusion"} == {category}


@pytest.mark.parametrize(
    "text",
    [
        "We may update this commitment at any time by publishing a new version on our website.",
        "NOW THEREFORE the parties agree as follows:",
        "Signed by R. Patel for and on behalf of Northwind Cloud Ltd.",
    ],
)
def test_boilerplate_is_not_parsed(text):
    assert doc_to_sents(make_doc(text), []) == []


def test_only_the_relevant_block_of_a_document_is_parsed():
    text = ("NOW THEREFORE the parties agree as follows:\n\n"
            "Downtime does not include problems with your DNS provider.\n")  # fmt: skip
    assert [s.text for s in doc_to_sents(make_doc(text), [])] == [
        "Downtime does not include problems with your DNS provider."
    ]
