"""The guard measured both ways on the seeded corpus (tests/core/identity_code_corpus.py):
every code is caught, however written, and professional text passes."""

from typ_site.core.validators import contains_personal_identity_code

from .identity_code_corpus import EVERY_SIGN, WRITINGS, negatives, positives


def test_the_corpus_is_large_enough_and_covers_every_sign_and_writing():
    samples = positives()

    assert len(samples) >= 300 and len(negatives()) >= 300
    assert {sample.kind.rsplit(" (", 1)[1][:-1] for sample in samples} == set(EVERY_SIGN)
    assert {sample.kind.rsplit(" (", 1)[0] for sample in samples} == set(WRITINGS)


def test_every_code_is_caught():
    missed = [sample for sample in positives() if not contains_personal_identity_code(sample.text)]

    assert missed == []


def test_under_one_percent_of_professional_text_is_refused():
    samples = negatives()
    refused = [sample for sample in samples if contains_personal_identity_code(sample.text)]

    assert len(refused) / len(samples) < 0.01, refused
