"""An analysis carried through a Parquet partition file comes back equal and stores exactly the same rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scaletools import db_content, pipeline_name

from lanner.records import Analysis, Article, plain
from lanner.scale import read_partition, write_partition


def _articles(corpus: Path) -> list[Article]:
    from lanner.ingest import read_inputs

    return [item for item in read_inputs([corpus]) if isinstance(item, Article)]


@pytest.fixture(scope="module")
def analyses(corpus: Path, pipeline: Any) -> list[Analysis]:
    return list(pipeline.pipe(_articles(corpus)))


def _without_doc(analysis: Analysis) -> Analysis:
    return Analysis(
        article=analysis.article,
        places=analysis.places,
        actors=analysis.actors,
        dates=analysis.dates,
        events=analysis.events,
    )


def test_plain_form_round_trips_every_record(analyses: list[Analysis]) -> None:
    assert sum(len(a.events) for a in analyses) > 0 and sum(len(a.places) for a in analyses) > 0
    for analysis in analyses:
        again = Analysis.from_dict(json.loads(json.dumps(plain(analysis))))
        assert again == _without_doc(analysis)


def _fixed_time(rows: Any) -> Any:
    rows.document["processed_at"] = "-"
    return rows


def test_partition_file_round_trip_and_rewrite(tmp_path: Path, analyses: list[Analysis]) -> None:
    from lanner.store import article_rows

    path = tmp_path / "part-000000.parquet"
    assert write_partition(path, analyses[:10], "lanner-test/model") == (10, sum(len(a.events) for a in analyses[:10]))
    # a task that Dask runs twice writes the same file again: one file, no temporary left behind
    write_partition(path, analyses[:10], "lanner-test/model")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-000000.parquet"]
    name, read_back = read_partition(path)
    assert name == "lanner-test/model"
    expected = [_fixed_time(article_rows(a, "lanner-test/model")) for a in analyses[:10]]
    assert [_fixed_time(rows) for rows in read_back] == expected


def test_storing_rows_carried_through_a_partition_stores_the_same_rows(
    tmp_path: Path, analyses: list[Analysis], pipeline: Any
) -> None:
    from lanner.store import open_store

    name = pipeline_name(pipeline)
    direct, carried = open_store(tmp_path / "direct.db"), open_store(tmp_path / "carried.db")
    write_partition(tmp_path / "part.parquet", analyses, name)
    for analysis in analyses:
        direct.write(analysis, pipeline_name=name)
    for rows in read_partition(tmp_path / "part.parquet")[1]:
        carried.write_rows(rows)
    direct.close()
    carried.close()
    assert db_content(tmp_path / "direct.db") == db_content(tmp_path / "carried.db")


def test_unreadable_partition_is_a_coded_error(tmp_path: Path) -> None:
    from lanner.errors import ClusterError, Code

    broken = tmp_path / "part.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(ClusterError) as caught:
        read_partition(broken)
    assert caught.value.code == Code.PARTITION_FAILED
