"""service/balancer.py's choice of replica: the least busy first, ties in turn."""

from __future__ import annotations

from service.balancer import Balancer


def test_ties_go_round_robin() -> None:
    balancer = Balancer(["http://a", "http://b"])
    assert [balancer.order()[0] for _ in range(4)] == [0, 1, 0, 1]


def test_a_replica_busy_with_a_turn_is_not_given_the_next_request() -> None:
    balancer = Balancer(["http://a", "http://b"])
    balancer._in_flight[0] = 1  # a turn running on a
    assert [balancer.order()[0] for _ in range(4)] == [1, 1, 1, 1]


def test_a_resting_replica_comes_last_even_when_idle() -> None:
    balancer = Balancer(["http://a", "http://b"])
    balancer._in_flight[1] = 3
    balancer._down_until[0] = float("inf")
    assert balancer.order() == [1, 0]
