"""Shared fixtures: the parser (loaded once), and the shared evaluation data when present."""

from __future__ import annotations

import contextlib
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SEED = SHARED / "seed" / "000_20b5f4811ae35e92.txt"
SEED_PUBLISHED = "2013-09-13"


def pytest_collection_modifyitems(config, items):
    """Tests marked `shared` need ../shared/data: without it they are skipped, as the marker says (a test whose own
    data lookup found nothing would otherwise fail on a clone without the data)."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"{SHARED} is absent (../shared)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    from newswire.text.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The canonical article (a 2013 wire story whose body appears twice)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    """The seed article analysed with its publication date."""
    import newswire

    return newswire.analyze(seed_text, published=SEED_PUBLISHED)


def spans(record, path="$"):
    """Every (path, start, end, text) span in a JSON-ready record, at any depth."""
    if isinstance(record, dict):
        if {"start", "end", "text"} <= record.keys():
            yield path, record["start"], record["end"], record["text"]
        for key, value in record.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(record, list):
        for i, value in enumerate(record):
            yield from spans(value, f"{path}[{i}]")


# Short news stories written for the corpus tests (store, ingest, dedup, query):
# each long enough to pass the language check and to get a MinHash.
STORIES = {
    "floods": (
        "Floods force thousands from homes in northern Italy\n\n"
        "MILAN (Test Wire) - Heavy rain flooded towns across northern Italy on Sunday, forcing more than 3,000 people "
        "from their homes, the civil protection agency said.\n"
        "Regional president Stefano Bonaccini said the damage would run to hundreds of millions of euros and asked "
        "the government in Rome to declare a state of emergency.\n"
        "Rescue teams used boats to reach villages cut off by the water, and schools in Bologna stayed closed.\n"
    ),
    "budget": (
        "Kenya's parliament passes budget after weeks of protests\n\n"
        "NAIROBI (Test Wire) - Kenya's parliament approved a budget on Thursday that raises taxes on fuel and mobile "
        "money, after weeks of street protests against the cost of living.\n"
        "Finance Minister Njuguna Ndung'u told lawmakers the measures were needed to cut borrowing. Opposition leader "
        "Raila Odinga said his supporters would keep marching until the taxes were withdrawn.\n"
        "The International Monetary Fund welcomed the vote.\n"
    ),
    "election": (
        "Chile votes on a new constitution for the second time\n\n"
        "SANTIAGO (Test Wire) - Chileans voted on Sunday on a second draft constitution, a year after they rejected "
        "a first text written by a left-leaning assembly.\n"
        "President Gabriel Boric urged voters to take part and said he would respect the result. Polls suggested the "
        "conservative draft would also be rejected.\n"
        "Voting is compulsory in Chile, and turnout was expected to be high across the country.\n"
    ),
    "talks": (
        "Sudan's warring sides agree to new talks in Jeddah\n\n"
        "KHARTOUM (Test Wire) - Sudan's army and the Rapid Support Forces agreed on Monday to send delegations to new "
        "talks in Jeddah, Saudi Arabia, the U.S. State Department said.\n"
        "Secretary of State Antony Blinken said both sides had committed to a humanitarian ceasefire while the talks "
        "went on. Fighting continued in Khartoum and in Darfur, residents said.\n"
        "The United Nations says millions of people have fled their homes since April.\n"
    ),
}
# "floods" as another outlet ran it: new headline, a byline, a few words edited, the last paragraph cut.
SYNDICATED_FLOODS = (
    "Thousands flee as floods hit Italy's north\n\n"
    "By Maria Rossi, Test Wire\n\n"
    "MILAN (Test Wire) - Heavy rain flooded towns across northern Italy on Sunday, forcing more than 3,000 people "
    "out of their homes, the national civil protection agency said.\n"
    "Regional president Stefano Bonaccini said the damage would run to hundreds of millions of euros and asked "
    "the government in Rome to declare an emergency.\n"
)

# A publisher's footer that cleaning keeps (one paragraph of prose, 150 words):
# two unrelated short stories that end in it share most of their shingles.
PUBLISHER_FOOTER = (
    "About the Valley Courier: The Valley Courier has covered the towns, farms and schools of the river valley "
    "since 1921, and is owned by the Courier Media Group, an independent company based in Greenfield. Our "
    "reporters and editors work from newsrooms in Greenfield, Millbrook and Stone Ridge, and our journalism is "
    "supported by readers like you. Subscribers get unlimited access to every story on our website and in our "
    "apps, the printed edition delivered to their door on weekdays and weekends, the weekly puzzle pages, our "
    "morning newsletter with the headlines of the day, and invitations to events with our writers. To subscribe, "
    "change your delivery address, report a missed paper or ask about advertising with us, call our customer "
    "service team on weekdays between eight in the morning and six in the evening, or write to the address "
    "printed on the second page of every edition. Letters to the editor are welcome and may be edited for "
    "length and clarity before they are published. All rights reserved by the Courier Media Group."
)
FOOTER_STORIES = {
    "bridge": (
        "Millbrook bridge to close for repairs\n\n"
        "The old iron bridge on Mill Street will close for six weeks from Monday while crews replace its deck, "
        "the county engineer said. Drivers will be sent along Route 9.\n\n" + PUBLISHER_FOOTER + "\n"
    ),
    "library": (
        "Greenfield library extends its opening hours\n\n"
        "The public library in Greenfield will stay open until nine on Thursdays starting in March, after a "
        "donation from a local family paid for two more staff.\n\n" + PUBLISHER_FOOTER + "\n"
    ),
}


@pytest.fixture
def stories() -> dict[str, str]:
    return dict(STORIES)


@pytest.fixture
def syndicated_floods() -> str:
    return SYNDICATED_FLOODS


def warc_record(uri: str, body: str, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    """One WARC/1.0 response record holding an HTTP response."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body.encode("utf-8")
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{content_id_of(uri)}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def content_id_of(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:32]


def html_page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


@contextlib.contextmanager
def watchdog(seconds: int = 30):
    """Turn a hang into a failure (the old reader blocked for ever opening a FIFO)."""

    def hung(signum, frame):
        raise AssertionError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def newswire_cli(*args: str, stdin: bytes | None = None, env: dict[str, str | None] | None = None) -> CliResult:
    """`newswire ARGS` run in this process through `cli.main`, with its error handling and exit status.

    The standard streams are captured (typer's test runner: not a terminal, UTF-8),
    `stdin` is standard input and `env` sets environment variables for the run.
    No process start-up or model load per call: only what must happen at
    interpreter level (signals, encodings of the real streams and argv) needs
    `python -m newswire` in a subprocess.
    """
    from typer.testing import CliRunner

    from newswire import cli

    argv = sys.argv
    with CliRunner().isolation(input=stdin, env=env) as (out, err, _):
        sys.argv = ["newswire", *args]
        try:
            cli.main()
        except SystemExit as exit:
            code = exit.code
        else:
            raise AssertionError("cli.main returned instead of exiting")
        finally:
            sys.argv = argv
            sys.stdout.flush()  # as the interpreter does on exit
            sys.stderr.flush()
        return CliResult(0 if code is None else code if isinstance(code, int) else 1, out.getvalue().decode(), err.getvalue().decode())
