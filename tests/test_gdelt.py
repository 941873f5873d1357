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
