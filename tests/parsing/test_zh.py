"""Chinese answers, Simplified and Traditional: no spaces, 、，。 as separators."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month, parse_yes_no

WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12
SCRIPTS = ["zh", "zh_Hant", "zh-Hant", "zh-TW"]


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("我40岁，孩子10岁和8岁", [40, 10, 8], id="me-and-kids"),
        pytest.param("我和老公35、37，女儿5岁", [35, 37, 5], id="list-comma"),
        pytest.param("3个孩子，10岁、8岁、2岁，我40", [10, 8, 2, 40], id="count-then-ages"),
        pytest.param("就我一个人，67岁", [67], id="just-me"),
        pytest.param("宝宝8个月，我28", [0, 28], id="baby-months"),
        pytest.param("我四十岁，儿子十二岁", [40, 12], id="number-characters"),
        pytest.param("双胞胎3岁，我30岁", [3, 3, 30], id="twins"),
    ],
)
def test_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, "zh") == ages


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("我40歲，兩個孩子8歲和5歲", [40, 8, 5], id="traditional"),
        pytest.param("寶寶6個月，我和太太30、32", [0, 30, 32], id="traditional-months"),
    ],
)
def test_traditional_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, "zh_Hant") == ages


@pytest.mark.parametrize("answer", ["3个孩子", "就我一个人", "不知道"])
def test_answers_without_ages_are_none(answer: str) -> None:
    assert parse_ages(answer, "zh") is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("一千二百", 1200, id="characters"),
        pytest.param("1200元", 1200, id="yuan-sign"),
        pytest.param("每月1200", 1200, id="per-month-first"),
        pytest.param("两千", 2000, id="liang-qian"),
        pytest.param("一千二", 1200, id="short-tail"),
        pytest.param("每两周500", 500 * EVERY_TWO_WEEKS, id="every-two-weeks"),
        pytest.param("每周300块", 300 * WEEKLY, id="weekly-kuai"),
        pytest.param("一个月1200美元", 1200, id="one-month"),
        pytest.param("时薪15，每周20小时", 15 * 20 * WEEKLY, id="hourly"),
        pytest.param("月收入大概一千五", 1500, id="about"),
        pytest.param("年薪三万六", 3000, id="yearly-wan"),
        pytest.param("1200到1500", 1350, id="range"),
        pytest.param("没有", 0, id="none"),
        pytest.param("我没有收入", 0, id="no-income"),
    ],
)
def test_money(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, "zh") == pytest.approx(per_month)


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [("一千二百元", 1200), ("兩千", 2000), ("每兩週500", 500 * EVERY_TWO_WEEKS), ("沒有", 0)],
)
@pytest.mark.parametrize("lang", SCRIPTS)
def test_traditional_money(answer: str, lang: str, per_month: float) -> None:
    assert parse_money_per_month(answer, lang) == pytest.approx(per_month)


@pytest.mark.parametrize("answer", ["时薪15", "很多", "不知道"])
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer, "zh") is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("是", True),
        ("是的", True),
        ("对", True),
        ("有", True),
        ("有的，我太太", True),
        ("我有", True),
        ("我老婆怀孕了", True),
        ("没有", False),
        ("不是", False),
        ("没", False),
        ("我没有", False),
        ("沒有", False),
        ("對", True),
        ("不知道", None),
        ("可能吧", None),
    ],
)
def test_yes_no(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, "zh") is meaning


@pytest.mark.parametrize("answer", ["不知道", "我不知道", "不清楚", "不確定", "不曉得"])
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer, "zh")


@pytest.mark.parametrize("answer", ["跳过", "请跳过", "跳過", "下一个"])
def test_skip(answer: str) -> None:
    assert is_skip(answer, "zh_Hant")


@pytest.mark.parametrize("answer", ["没有", "1200", "我知道"])
def test_real_answers_are_neither_skip_nor_dont_know(answer: str) -> None:
    assert not is_skip(answer, "zh") and not is_dont_know(answer, "zh")
