"""The data files in newswire/data/: each parses, is not empty, and holds valid codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import pycountry
import pytest

from newswire.lexicon import load_list, load_table, parse_table
from newswire.lexicon.tables import TABLES as ROW_TYPES

DATA = resources.files("newswire").joinpath("data")
FILES = sorted(p.name for p in DATA.iterdir() if p.is_file())
TABLES = [name for name in FILES if name.endswith(".tsv")]
LISTS = [name for name in FILES if name.endswith(".txt")]

# ISO 3166-1 alpha-3, plus ISO 3166-3 codes of former states (SUN, YUG, CSK, DDR).
ISO_CODES = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
# Codes outside ISO 3166 that a file may use if its header says so (countries.tsv: Kosovo).
NON_ISO_CODES = {"XKX"}

# Sectors allowed in titles.tsv and agents.tsv: the CAMEO/PLOVER role and modifier codes listed under
# "CAMEO actor codes" in /work/shared/docs/BACKGROUND.md.
CAMEO_ROLES = {
    "GOV", "MIL", "REB", "INS", "SEP", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "UAF",
    "MED", "JRN", "HLH", "EDU", "BUS", "CRM", "CVL", "LAB", "AGR", "REF", "ELI",
}  # fmt: skip
CAMEO_MODIFIERS = {"DEV", "ENV", "HRI", "REL", "CHR", "CTH", "PRO", "MUS", "MOS", "SUN", "SHI", "JEW", "HIN", "BUD"}
SECTORS = CAMEO_ROLES | CAMEO_MODIFIERS
# NGO is a CAMEO primary (transnational) code, not a sector; agents.tsv's header documents using it for aid groups.
AGENT_EXTRA_SECTORS = {"NGO"}
# Transnational roots an actor code may start with instead of a country.
TRANSNATIONAL_ROOTS = {"IGO", "NGO", "IMG", "MNC"}


def header_comment(name: str) -> str:
    """The opening comment lines of a data file."""
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.lstrip().startswith("#"))


def rows(name: str) -> tuple:
    """The typed rows of a table."""
    return load_table(name, ROW_TYPES[name])


def data_lines(name: str) -> list[str]:
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_data_directory_holds_only_lists_and_tables():
    assert FILES
    assert set(FILES) == set(TABLES) | set(LISTS)


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_and_is_not_empty(name):
    table = rows(name)
    assert table
    assert all(any(getattr(row, f) not in ("", (), None) for f in row.__dataclass_fields__) for row in table)


def test_every_table_has_a_row_type():
    assert set(ROW_TYPES) == set(TABLES)


@pytest.mark.parametrize("name", LISTS)
def test_list_loads_and_is_not_empty(name):
    entries = load_list(name)
    assert entries
    assert all(entries)


@pytest.mark.parametrize("name", FILES)
def test_file_states_its_source(name):
    assert header_comment(name).strip(), f"{name} has no opening comment saying where its entries come from"


@pytest.mark.parametrize("name", TABLES)
def test_rows_have_no_more_cells_than_the_header(name):
    header, *rows = data_lines(name)
    width = len(header.split("\t"))
    too_wide = [(n, row) for n, row in enumerate(rows, 2) if len(row.split("\t")) > width]
    assert too_wide == []


@pytest.mark.parametrize("name", TABLES)
def test_header_names_are_unique(name):
    header = data_lines(name)[0].split("\t")
    assert len(set(header)) == len(header)


@pytest.mark.parametrize("name, column", [("countries.tsv", "code"), ("actors.tsv", "country"), ("cities.tsv", "country")])
def test_country_codes_are_iso_or_documented(name, column):
    codes = {getattr(row, column) for row in rows(name) if getattr(row, column)}
    assert codes
    assert codes - ISO_CODES - NON_ISO_CODES == set()
    # every code outside ISO 3166-1 (a former state, Kosovo) is named in the file's header
    outside = codes - {c.alpha_3 for c in pycountry.countries}
    assert {code for code in outside if code not in header_comment(name)} == set()


def test_country_codes_are_unique():
    codes = [row.code for row in rows("countries.tsv")]
    assert len(codes) == len(set(codes))


def test_actor_codes_start_with_their_country_or_a_transnational_root():
    # entities/actors.py reads a known code's sector as code[3:6], which assumes this layout
    for row in rows("actors.tsv"):
        code = row.code
        if not code:
            continue
        assert len(code) % 3 == 0 and code.isupper(), row
        root = code[:3]
        if row.country:
            assert root == row.country, row
        else:
            assert root in TRANSNATIONAL_ROOTS, row


def test_boilerplate_patterns_compile():
    for pattern in load_list("boilerplate.txt"):
        re.compile(pattern, re.IGNORECASE)


def test_title_sectors_are_cameo_sectors():
    sectors = {row.sector for row in rows("titles.tsv") if row.sector}
    assert sectors - SECTORS == set()


def test_agent_sectors_are_cameo_sectors():
    sectors = {row.sector for row in rows("agents.tsv") if row.sector}
    assert sectors - SECTORS - AGENT_EXTRA_SECTORS == set()


def test_an_agent_without_a_sector_is_a_documented_person_noun():
    # "sailor": an actor noun whose sector its phrase must give ("navy sailor" MIL); the header says so
    bare = {row.word for row in rows("agents.tsv") if not row.sector}
    assert bare and all(row.number == "count" for row in rows("agents.tsv") if row.word in bare)
    assert "empty" in (DATA / "agents.tsv").read_text().split("\nword\t")[0]


@pytest.mark.parametrize(
    "name, column, allowed",
    [
        ("titles.tsv", "kind", {"title", "honorific"}),
        ("titles.tsv", "gender", {"", "m", "f"}),
        ("agents.tsv", "number", {"collective", "count"}),
        ("first_names.tsv", "gender", {"m", "f", "u"}),  # u: given to both
        ("actors.tsv", "type", {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "GROUP"}),
        ("time_units.tsv", "unit", {"second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "century"}),
        ("number_words.tsv", "kind", {"unit", "tens", "vague", "scale"}),
        ("seasons.tsv", "season", {"SP", "SU", "FA", "WI"}),
        ("time_shifts.tsv", "shift", {-1, 0, 1}),
        ("time_shifts.tsv", "anchor", {"published", "previous"}),
        ("time_references.tsv", "part", {"", "MO", "AF", "EV", "NI"}),
        ("tense_words.tsv", "kind", {"future_aux", "future_head", "schedule", "retime", "reporting", "future_prep"}),
    ],
)
def test_enumerated_columns(name, column, allowed):
    assert {getattr(row, column) for row in rows(name)} <= allowed


def test_titles_and_agents_are_lower_case():
    assert all(row.title == row.title.lower() for row in rows("titles.tsv"))
    assert all(row.word == row.word.lower() for row in rows("agents.tsv"))


def test_actor_dates_are_ordered():
    date = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
    for row in rows("actors.tsv"):
        for key in ("start", "end"):
            assert not getattr(row, key) or date.match(getattr(row, key)), row
        if row.start and row.end:
            assert row.start <= row.end, row


def test_city_aliases_are_split_cleanly():
    for row in rows("cities.tsv"):
        assert all(alias == alias.strip() for alias in row.aliases)
        assert row.population >= 100_000


def test_time_patterns_compile_with_known_kinds():
    from newswire.times.grammar import rules

    compiled = rules()
    names = [r.name for r in compiled]
    assert len(names) == len(set(names)) == len(rows("time_patterns.tsv"))


@pytest.mark.parametrize("name, column", [("months.tsv", "month"), ("weekdays.tsv", "weekday"), ("ordinal_words.tsv", "value")])
def test_calendar_numbers_are_in_range(name, column):
    limit = {"months.tsv": 12, "weekdays.tsv": 7, "ordinal_words.tsv": 31}[name]
    assert all(1 <= getattr(row, column) <= limit for row in rows(name))


def test_time_words_are_lower_case():
    for name, column in [("months.tsv", "word"), ("weekdays.tsv", "word"), ("time_units.tsv", "word"),
                         ("holidays.tsv", "name"), ("time_references.tsv", "phrase"), ("tense_words.tsv", "word")]:
        assert all(getattr(row, column) == getattr(row, column).lower() for row in rows(name)), name


def test_holiday_rules_give_a_date_in_the_right_month():
    from newswire.times.periods import holiday_date

    for row in rows("holidays.tsv"):
        for year in (1998, 2013, 2024):
            date = holiday_date(row.rule, year)
            assert date.year == year, row
    assert holiday_date("11:4:4", 2013).isoformat() == "2013-11-28"  # Thanksgiving
    assert holiday_date("easter+0", 2013).isoformat() == "2013-03-31"


def test_time_reference_values_are_refs_or_day_offsets():
    for row in rows("time_references.tsv"):
        assert row.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or re.fullmatch(r"-?\d+", row.value), row


def test_day_part_values_are_timex_parts_or_clock_times():
    for row in rows("day_parts.tsv"):
        assert row.value in ("MO", "MI", "AF", "EV", "NI") or re.fullmatch(r"\d\d:\d\d", row.value), row


# The typed loader: a table that does not fit its row type fails at load, naming the file and line.


@dataclass(frozen=True, slots=True)
class _Row:
    word: str
    kind: Literal["a", "b"]
    count: int
    items: tuple[str, ...]
    flag: bool
    share: float | None


_GOOD = "# a comment\nword\tkind\tcount\titems\tflag\tshare\nfirst\ta\t3\tx|y\tyes\t0.5\n\n# another\nsecond\tb\t-1\t\t\t\n"


def test_typed_rows_convert_each_column_by_its_type():
    first, second = parse_table("t.tsv", _GOOD, _Row)
    assert first == _Row("first", "a", 3, ("x", "y"), True, 0.5)
    assert second == _Row("second", "b", -1, (), False, None)


@pytest.mark.parametrize(
    "text, message",
    [
        ("word\tkind\tcount\titems\tflag\tshare\nfirst\ta\t3\tx\tyes\t0.5\textra\n", "t.tsv:2: 7 cells, the header has 6 columns"),
        ("# c\nword\tkind\tcount\titems\tflag\tshare\tcolour\nfirst\ta\t3\tx\tyes\t0.5\tred\n", "t.tsv:2: unknown column 'colour'"),
        ("word\tkind\tcount\titems\tflag\nfirst\ta\t3\tx\tyes\n", "t.tsv:1: no column 'share'"),
        ("word\tkind\tcount\titems\tflag\tshare\n# c\nfirst\tc\t3\tx\tyes\t0.5\n", "t.tsv:3: column kind: 'c' is not one of 'a', 'b'"),
        ("word\tkind\tcount\titems\tflag\tshare\nfirst\ta\tthree\tx\tyes\t0.5\n", "t.tsv:2: column count: 'three' is not an integer"),
        ("word\tkind\tcount\titems\tflag\tshare\nfirst\ta\t3\tx\tno\t0.5\n", "t.tsv:2: column flag: 'no' is neither 'yes' nor empty"),
        ("word\tkind\tcount\titems\tflag\tshare\nfirst\ta\t3\tx\tyes\thalf\n", "t.tsv:2: column share: 'half' is not a number"),
        ("word\tkind\tcount\titems\tflag\tshare\n", "data file t.tsv has no rows"),
    ],
)
def test_a_row_that_does_not_fit_fails_with_file_and_line(text, message):
    with pytest.raises(ValueError) as caught:
        parse_table("t.tsv", text, _Row)
    assert str(caught.value).startswith(message)


def test_speaker_pronouns_select_by_person_and_case():
    from newswire.lexicon.pronouns import speaker_pronouns

    assert speaker_pronouns((1,), ("subject",)) == {"i", "we"}
    assert speaker_pronouns(cases=("subject",)) == {"i", "we", "you"}
    assert "you" in speaker_pronouns((2,), ("object",))  # "you" is subject and object
    assert not speaker_pronouns() & {"myself", "yourself", "he", "they"}  # reflexives only when asked; no third person
