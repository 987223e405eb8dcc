"""The ranking tiers and the sample of ids both embedded stores share (no database)."""

from search.backends.stores.base import Tier, coordination_tiers, sample_error, sample_windows


def both(expression, other):
    return f"({expression}) AND ({other})"


def but_not(expression, other):
    return f"({expression}) NOT ({other})"


def test_sample_windows_are_spread_evenly_over_the_ids_and_do_not_overlap():
    windows = sample_windows(1, 1000, 4, 40)

    assert windows == [(1, 10), (251, 260), (501, 510), (751, 760)]


def test_sample_windows_are_at_least_one_id_wide():
    assert sample_windows(1, 1000, 4, 0) == [(1, 1), (251, 251), (501, 501), (751, 751)]


def test_no_sample_when_the_windows_would_cover_half_of_the_ids():
    assert sample_windows(1, 100, 4, 50) is None
    assert sample_windows(1, 100, 4, 48) is not None


def test_every_word_comes_first_then_some_of_them_by_how_many():
    tiers = coordination_tiers("all", "some", ["a", "b"], "title", 30, 5, 10, both, but_not)

    assert tiers == [Tier("all", 5), Tier("some", 30, ["a", "b"])]


def test_a_partial_tier_of_unknown_size_is_counted_only_when_a_page_skips_it():
    tiers = coordination_tiers("all", "some", ["a", "b"], None, None, 5, 10, both, but_not)

    assert tiers[-1] == Tier("some", None, ["a", "b"])


def test_many_documents_with_every_word_are_ranked_in_title_tiers():
    tiers = coordination_tiers("all", "some", ["a"], "title", None, 11, 10, both, but_not)

    assert [tier.expression for tier in tiers] == ["(all) AND (title)", "(all) NOT (title)", "some"]


def test_an_estimate_from_evenly_spread_matches_is_certain():
    assert sample_error([60, 62, 58, 61, 59, 63, 60, 57]) < 0.02


def test_an_estimate_from_matches_in_one_run_of_ids_is_uncertain():
    assert sample_error([0, 0, 0, 0, 0, 0, 0, 65]) > 0.3


def test_matches_in_long_runs_of_ids_still_give_a_certain_estimate():
    # Older documents of another kind, then newer ones that match more often.
    assert sample_error([10, 11, 9, 10, 30, 31, 29, 30]) < 0.1


def test_an_estimate_from_no_matches_is_never_taken():
    assert sample_error([0, 0, 0, 0]) == 1.0
