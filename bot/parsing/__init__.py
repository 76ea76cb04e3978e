"""Free-text answers read into values: ZIP code, ages, money per month, yes/no, "I don't know"."""

from bot.parsing.ages import parse_ages
from bot.parsing.money import parse_money_per_month
from bot.parsing.nonanswers import is_dont_know, is_skip
from bot.parsing.yesno import parse_yes_no
from bot.parsing.zip import parse_zip

__all__ = [
    "is_dont_know",
    "is_skip",
    "parse_ages",
    "parse_money_per_month",
    "parse_yes_no",
    "parse_zip",
]
