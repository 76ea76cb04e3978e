"""bench/nlu.py's splits: every example tested exactly once, never trained on in its fold."""

from __future__ import annotations

from bench.nlu import folds, split


def examples() -> list[tuple[str, str]]:
    return [(f"text {n}", intent) for intent in ("greet", "deny", "help") for n in range(11)]


def test_cross_validation_tests_every_example_once_and_never_trains_on_it() -> None:
    parts = folds(examples(), 5, seed=7)
    assert len(parts) == 5
    tested = [example for _, test in parts for example in test]
    assert sorted(tested) == sorted(examples())
    for train, test in parts:
        assert not set(train) & set(test)
        assert len(train) + len(test) == len(examples())
        assert {intent for _, intent in test} == {"greet", "deny", "help"}


def test_the_held_out_split_keeps_a_fifth_of_each_intent() -> None:
    train, test = split(examples(), 0.2, seed=7)
    assert len(test) == 3 * 2 and not set(train) & set(test)
    assert split(examples(), 0.2, seed=7) == (train, test)
