from __future__ import annotations

import pytest

from lanner.geo.normalize import is_latin, loose_key, name_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ar-Raqqah", "raqqah"),
        ("Al Fallūjah", "fallujah"),
        ("Deir ez-Zor", "deir ez zor"),
        ("  São Paulo ", "sao paulo"),
        ("Ma'arrat al-Nu'man", "maarrat al numan"),
        ("Al", "al"),  # a lone article is a name, not nothing
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [("Deir Ezzor", "Deir ez-Zor"), ("Falluja", "Fallujah"), ("Deir al-Zour", "Deir el-Zour"), ("Qusayr", "Al-Qusayr")],
)
def test_loose_key_joins_transliterations(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b) != ""


def test_loose_key_refuses_short_names() -> None:
    assert loose_key("Hit") == ""


def test_is_latin() -> None:
    assert is_latin("Dayr az Zawr")
    assert not is_latin("الموصل")
