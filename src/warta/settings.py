"""Every setting, declared once with its default and help; read at the edge, passed down."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    """Options for a `Pipeline`. The CLI and the service build one; the library takes it."""

    languages: tuple[str, ...] = field(
        default=("id", "en"),
        metadata={"help": "Languages whose boilerplate rules and patterns are loaded."},
    )
    max_input_bytes: int = field(
        default=20_000_000,
        metadata={"help": "Larger inputs are rejected as not a news page."},
    )
    min_text_chars: int = field(
        default=1,
        metadata={"help": "Articles whose clean text is shorter are reported as empty."},
    )
    detect_all_languages: bool = field(
        default=True,
        metadata={"help": "Report any language lingua knows, not only the loaded ones."},
    )
    actor_dictionaries: tuple[str, ...] = field(
        default=(),
        metadata={"help": "Extra actor dictionaries (`--dictionary FILE`): warta TSV "
                          "(name, codes, kind) or PETRARCH/Phoenix .actors/.agents files as they are."},
    )
    use_parser: bool = field(
        default=True,
        metadata={"help": "Read event roles off the shipped dependency parsers (sentences with a "
                          "trigger only); off: word-order rules alone."},
    )
    use_ner: bool = field(
        default=True,
        metadata={"help": "Tag people, organisations and places no dictionary has with the "
                          "shipped NER model."},
    )

    db_memory_limit: str = field(
        default="128MB",
        metadata={"help": "Cap on DuckDB's buffer while ingesting (`--memory-limit`), so a long "
                          "ingest does not cache the whole database; queries keep DuckDB's default."},
    )

    serve_host: str = field(
        default="127.0.0.1",
        metadata={"help": "Address `warta serve` listens on (loopback: reads are open only locally)."},
    )
    serve_port: int = field(
        default=8000,
        metadata={"help": "Port `warta serve` listens on."},
    )
    max_request_bytes: int = field(
        default=2_000_000,
        metadata={"help": "Largest request body the service accepts; larger ones get 413."},
    )
    analyze_wait_seconds: float = field(
        default=10.0,
        metadata={"help": "How long a POST /analyze waits for the analyzer while another request "
                          "holds it; then 503 with Retry-After instead of a queue that never drains."},
    )
    analyze_budget_seconds: float = field(
        default=30.0,
        metadata={"help": "Longest one POST /analyze may take: past it the analyzer process is "
                          "stopped and replaced, and the request gets 503 with Retry-After."},
    )
    rate_limit_per_second: float = field(
        default=20.0,
        metadata={"help": "Requests per second each client IP may sustain (token bucket); 0 turns it off."},
    )
    rate_limit_burst: int = field(
        default=60,
        metadata={"help": "Requests a client IP may send at once before the rate limit applies."},
    )
    ingest_token: str = field(
        default="",
        repr=False,
        metadata={"help": "Bearer token POST /ingest requires (`warta serve` reads WARTA_INGEST_TOKEN); "
                          "empty: ingest is off."},
    )
    page_size_max: int = field(
        default=500,
        metadata={"help": "Most rows one page of GET /events may return."},
    )

    lang_filter: tuple[str, ...] = field(
        default=(),
        metadata={"help": "Keep only articles detected in these languages (`--lang id,en`); the "
                          "rest are counted as filtered and skip the later stages. Empty keeps all."},
    )
    workers: int = field(
        default=0,
        metadata={"help": "Worker processes for a batch (`--workers N`); 0 means one per CPU core, "
                          "1 runs inline."},
    )
    dask: str | None = field(
        default=None,
        metadata={"help": "Run a batch on Dask: a scheduler address (`tcp://host:8786`) or "
                          "`local[N]` for a local cluster of N worker processes."},
    )
    chunk_size: int = field(
        default=32,
        metadata={"help": "Articles sent to a worker at a time; with two chunks in flight per "
                          "worker it bounds memory."},
    )

    @classmethod
    def describe(cls) -> list[tuple[str, object, str]]:
        """(name, default, help) for each setting, for docs and `--help`."""
        return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(cls)]
