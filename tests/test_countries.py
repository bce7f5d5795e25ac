"""Country names and demonyms behind the generated state actors."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from lanner.countries import CountryTable
from lanner.errors import Code, DataError


@pytest.fixture(scope="module")
def table() -> CountryTable:
    return CountryTable.load()


@pytest.mark.parametrize(
    ("demonym", "code"),
    [
        ("Iraqi", "IQ"),
        ("Syrian", "SY"),
        ("Afghan", "AF"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Malian", "ML"),
        ("Somali", "SO"),
        ("Yemeni", "YE"),
        ("American", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("British", "GB"),
        ("UK", "GB"),
        ("Russian", "RU"),
        ("Turkish", "TR"),
        ("Israeli", "IL"),
        ("Iranian", "IR"),
        ("Saudi", "SA"),
        ("Emirati", "AE"),
        ("Egyptian", "EG"),
        ("Libyan", "LY"),
        ("Burkinabe", "BF"),
        ("Congolese", "CD"),
        ("South Sudanese", "SS"),
        ("Sudanese", "SD"),
        ("Palestinian", "PS"),
        ("Kosovar", "XK"),
    ],
)
def test_demonyms(table: CountryTable, demonym: str, code: str) -> None:
    country = table.get(code)
    assert country is not None and demonym in country.demonyms


def test_each_demonym_names_one_country(table: CountryTable) -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for country in table:
        for demonym in country.demonyms:
            owners[demonym].append(country.code)
    assert {d: c for d, c in owners.items() if len(c) > 1} == {}


def test_names_and_display(table: CountryTable) -> None:
    assert "Turkey" in table.get("TR").names  # type: ignore[union-attr]
    assert table.get("SY").name == "Syria"  # type: ignore[union-attr]
    assert "Congo" in table.get("CD").names and "Congo" not in table.get("CG").names  # type: ignore[union-attr]
    assert table.get("US").name_with_article == "the United States"  # type: ignore[union-attr]
    assert all(country.name and country.name != country.code for country in table if country.code != "XK")


def test_sovereign_states_have_demonyms(table: CountryTable) -> None:
    # Territories may lack one; every UN member in the regions Lanner covers must have one.
    regions = "IQ SY YE LB JO IL PS EG LY TN DZ MA MR ML NE BF TD NG CM CF SD SS"
    regions += " ET ER SO KE UG RW BI CD MZ AF PK IN BD IR TR SA AE QA KW BH OM"
    for code in regions.split():
        assert table.get(code).demonyms, code  # type: ignore[union-attr]
    assert sum(1 for country in table if country.demonyms) >= 193


def test_bad_demonym_table(tmp_path: Path) -> None:
    path = tmp_path / "demonyms.yaml"
    path.write_text("countries:\n  IQ: {demonyms: Iraqi}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        CountryTable.load(path)
    assert caught.value.code is Code.BAD_DATA_FILE and "country 'IQ'" in caught.value.message
    path.write_text("countries:\n  ZQ: {demonyms: [Zed]}\n", encoding="utf-8")
    with pytest.raises(DataError, match="give it a `name`"):
        CountryTable.load(path)
