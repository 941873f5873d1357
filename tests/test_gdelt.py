"""GDELT 2.0-style event rows: 61 columns, codes and actors in their GDELT places."""

from __future__ import annotations

import newswire
from newswire.gdelt import GDELT_COLUMNS, gdelt_rows, gdelt_tsv

TEXT = "Russian forces shelled Ukrainian positions near Kharkiv on Tuesday.\nThe United States praised Poland.\n"


def test_columns_are_gdelt_2_event_columns():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[25:31] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_rows_carry_codes_actors_dates_and_places():
    analysis = newswire.analyze(TEXT, published="2022-03-01", url="https://example.org/story")
    rows = [dict(zip(GDELT_COLUMNS, r)) for r in gdelt_rows(analysis)]
    assert [r["EventCode"] for r in rows] == ["194", "051"]
    shell, praise = rows
    assert (shell["Actor1Code"], shell["Actor1CountryCode"], shell["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (shell["EventBaseCode"], shell["EventRootCode"], shell["QuadClass"], shell["GoldsteinScale"]) == ("194", "19", "4", "-10.0")
    assert (shell["SQLDATE"], shell["MonthYear"], shell["Year"], shell["DATEADDED"]) == ("20220301", "202203", "2022", "20220301000000")
    assert (shell["IsRootEvent"], praise["IsRootEvent"]) == ("1", "0")
    assert (shell["ActionGeo_Type"], shell["ActionGeo_FullName"], shell["ActionGeo_CountryCode"]) == ("4", "Kharkiv, Kharkivska oblast, Ukraine", "UP")
    assert (praise["Actor1Code"], praise["Actor1Name"], praise["Actor2Code"], praise["Actor2Name"]) == ("USA", "UNITED STATES", "POL", "POLAND")
    assert shell["SOURCEURL"] == "https://example.org/story"
    assert shell["GLOBALEVENTID"].isdigit() and shell["GLOBALEVENTID"] != praise["GLOBALEVENTID"]


def test_tsv_has_one_line_per_event_and_no_header():
    analysis = newswire.analyze(TEXT, published="2022-03-01")
    lines = gdelt_tsv(analysis).splitlines()
    assert len(lines) == len(analysis.events) == 2
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert gdelt_tsv(newswire.analyze("Nothing happened here today at all, the report said.")) == ""


def test_an_igo_actor_splits_into_known_group_and_type():
    analysis = newswire.analyze("U.N. officials condemned Syria.", published="2013-09-13")
    (row,) = [dict(zip(GDELT_COLUMNS, r)) for r in gdelt_rows(analysis)]
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1KnownGroupCode"], row["Actor1Type1Code"]) == ("IGOUNO", "", "UNO", "IGO")


def test_geo_columns_use_fips_codes_adm1_codes_and_coordinates():
    text = "Kerry met Lavrov in Geneva on Friday.\nPolice arrested protesters in Austin, Texas, on Saturday.\n"
    analysis = newswire.analyze(text, published="2013-09-14")
    rows = [dict(zip(GDELT_COLUMNS, r)) for r in gdelt_rows(analysis)]
    meet = next(r for r in rows if r["EventRootCode"] == "04")
    # GDELT's geo country codes are FIPS 10-4: Switzerland is SZ (ISO CH), Russia RS (ISO RU)
    assert [meet[f"ActionGeo_{f}"] for f in ("Type", "CountryCode", "ADM1Code", "ADM2Code", "FeatureID")] == ["4", "SZ", "SZGE", "", "2660646"]
    assert abs(float(meet["ActionGeo_Lat"]) - 46.2) < 0.1 and abs(float(meet["ActionGeo_Long"]) - 6.15) < 0.1
    # an actor named by no place: its country's centroid, with the country as its feature, as GDELT does
    assert [meet[f"Actor2Geo_{f}"] for f in ("Type", "FullName", "CountryCode", "FeatureID")] == ["1", "Russia", "RS", "RS"]
    assert 50 < float(meet["Actor2Geo_Lat"]) < 70
    arrest = next(r for r in rows if r["EventRootCode"] == "17")
    assert [arrest[f"ActionGeo_{f}"] for f in ("Type", "FullName", "CountryCode", "ADM1Code")] == ["3", "Austin, Texas, United States", "US", "USTX"]


# --- the column lists, as GDELT's own codebook gives them ------------------------------------------
# "GDELT 2.0 Event Database Codebook" (V2.0, 2015-02-19; data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf):
# the event table (one row per event, the *.export.CSV files) and the Mentions table (*.mentions.CSV), in file order.
# Written out here, not generated from newswire/gdelt.py, so that a change to either side fails this test.
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
CODEBOOK_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO), *(f"Actor2Geo_{f}" for f in _GEO), *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
CODEBOOK_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]  # fmt: skip


def test_the_event_and_mention_columns_are_the_codebooks_in_its_order():
    from newswire.gdelt import MENTION_COLUMNS

    assert len(CODEBOOK_EVENT_COLUMNS) == 61 and len(CODEBOOK_MENTION_COLUMNS) == 16
    assert list(GDELT_COLUMNS) == CODEBOOK_EVENT_COLUMNS
    assert list(MENTION_COLUMNS) == CODEBOOK_MENTION_COLUMNS


MENTIONED = (
    "Rebels attacked the village and killed twelve civilians.\n\n"
    "The United States praised Poland. Later it condemned Russia for the terrible attack.\n"
)


def test_mentions_point_at_their_evidence_and_agree_with_the_event_rows():
    from newswire.gdelt import MENTION_COLUMNS, mention_rows

    analysis = newswire.analyze(MENTIONED, published="2022-03-01", url="https://www.example.org/story")
    events = [dict(zip(GDELT_COLUMNS, r)) for r in gdelt_rows(analysis)]
    mentions = [dict(zip(MENTION_COLUMNS, r)) for r in mention_rows(analysis)]
    assert len(mentions) == len(events) == len(analysis.events) >= 2
    for event, mention, record in zip(events, mentions, analysis.events):
        assert mention["GLOBALEVENTID"] == event["GLOBALEVENTID"]
        assert event["NumArticles"] == event["NumSources"] == "1"  # one article: one Mentions row
        assert int(event["NumMentions"]) == len(record.mentions) >= 1
        assert mention["EventTimeDate"] == mention["MentionTimeDate"] == event["DATEADDED"] == "20220301000000"
        assert (mention["MentionType"], mention["MentionSourceName"], mention["MentionIdentifier"]) == ("1", "example.org", analysis.url)
        assert MENTIONED[int(mention["ActionCharOffset"]):].startswith(record.trigger.text)
        for side, actor in (("Actor1CharOffset", record.source), ("Actor2CharOffset", record.target)):
            assert mention[side] == "-1" if actor is None else MENTIONED[int(mention[side]):].startswith(actor.text)
        assert mention["MentionDocLen"] == str(len(MENTIONED))
        assert mention["MentionDocTone"] == event["AvgTone"] == f"{analysis.tone.score:.2f}"
        assert mention["Confidence"] == str(round(100 * record.confidence)) and 0 <= int(mention["Confidence"]) <= 100
        assert mention["MentionDocTranslationInfo"] == mention["Extras"] == ""
    # sentences counted from 1 (the blank line between paragraphs is none): here, the full stops before it, plus one
    for mention, record in zip(mentions, analysis.events):
        assert mention["SentenceID"] == str(MENTIONED[: record.sentence.start].count(".") + 1)
    assert {m["SentenceID"] for m in mentions} >= {"2", "3"}
    assert float(events[0]["AvgTone"]) < 0  # attacked, killed, terrible, attack; praised


def test_an_event_whose_actor_is_a_resolved_pronoun_or_inferred_is_not_in_raw_text():
    from newswire.gdelt import MENTION_COLUMNS, mention_rows

    analysis = newswire.analyze("The United States praised Poland. Later it condemned Russia.", published="2022-03-01")
    mentions = [dict(zip(MENTION_COLUMNS, r)) for r in mention_rows(analysis, source="story.txt")]
    by_trigger = {e.trigger.text: m for e, m in zip(analysis.events, mentions)}
    assert by_trigger["praised"]["InRawText"] == "1"
    condemned = next(e for e in analysis.events if e.trigger.text == "condemned")
    pronoun = condemned.source is not None and condemned.source.text.lower() == "it"
    assert by_trigger["condemned"]["InRawText"] == ("0" if pronoun or (condemned.target and condemned.target.implicit) else "1")
    assert {(m["MentionType"], m["MentionSourceName"], m["MentionIdentifier"]) for m in mentions} == {("2", "", "story.txt")}


def test_avgtone_is_empty_when_tone_was_not_measured():
    analysis = newswire.analyze(TEXT, published="2022-03-01")
    analysis.tone = None
    assert {dict(zip(GDELT_COLUMNS, r))["AvgTone"] for r in gdelt_rows(analysis)} == {""}
