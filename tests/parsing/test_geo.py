"""ZIP codes placed in their state and county."""

from __future__ import annotations

from bot.geo import Place, lookup_zip


def test_mission_district_zip_is_in_san_francisco_county() -> None:
    assert lookup_zip("94110") == Place(
        zip_code="94110", state="CA", county="San Francisco County", city="San Francisco"
    )


def test_manhattan_zip_is_in_new_york() -> None:
    place = lookup_zip("10001")
    assert place is not None and place.state == "NY"


def test_zip_plus_four_is_read_as_its_zip() -> None:
    place = lookup_zip("94110-1234")
    assert place is not None and place.zip_code == "94110"


def test_unknown_zip_is_none() -> None:
    assert lookup_zip("00000") is None


def test_malformed_zip_is_none() -> None:
    assert lookup_zip("9411") is None
