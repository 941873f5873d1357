"""Offline geocoding: place names to GeoNames features, read with the article's other places (lexicon/places.py)."""

from __future__ import annotations

import pytest

import newswire
from newswire.lexicon import load_table
from newswire.lexicon.places import Geocoder, country_geo, readings
from newswire.lexicon.tables import CountryGeo, GazetteerPlace


def resolve(name: str, *others: str, focus: str | None = None, **qualifier):
    return Geocoder([name, *others], focus).resolve(name, **qualifier)


def test_the_gazetteer_holds_cities_of_15000_and_first_level_divisions():
    rows = load_table("places.tsv", GazetteerPlace)
    cities = [r for r in rows if r.kind == "city"]
    divisions = [r for r in rows if r.kind == "adm1"]
    assert min(r.population for r in cities) >= 15_000 and len(cities) > 20_000
    assert len(divisions) > 3_000 and {("USA", "TX"), ("SYR", "13")} <= {(d.country, d.adm1) for d in divisions}
    assert len({r.id for r in rows}) == len(rows)  # one row per GeoNames feature
    for r in cities:
        assert -90 <= r.lat <= 90 and -180 <= r.lon <= 180
    countries = {r.code: r for r in load_table("country_geo.tsv", CountryGeo)}
    assert (countries["CHE"].alpha2, countries["CHE"].fips) == ("CH", "SZ")  # FIPS 10-4 differs from ISO


def test_a_country_a_division_and_a_city_get_their_gdelt_types():
    syria = resolve("Syria")
    assert (syria.type, syria.name, syria.country, syria.adm1) == (1, "Syria", "SYR", None)
    assert 32 < syria.lat < 37 and 35 < syria.lon < 42  # the centroid of the country
    texas = resolve("Texas")
    assert (texas.type, texas.name, texas.adm1, texas.feature_id) == (2, "Texas, United States", "US.TX", 4736286)
    bavaria = resolve("Bavaria")
    assert (bavaria.type, bavaria.country, bavaria.adm1) == (5, "DEU", "DE.02")
    aleppo = resolve("Aleppo")
    assert (aleppo.type, aleppo.country, aleppo.feature_id) == (4, "SYR", 170063)
    assert resolve("Houston").type == 3


def test_a_name_shared_by_places_in_several_countries_is_read_with_the_others():
    # alone, Paris is the French capital: it has far more people than any other Paris
    assert resolve("Paris").country == "FRA"
    # a national capital stays the capital among another country's places; only a qualifier moves it
    assert resolve("Paris", "Dallas", "Houston").country == "FRA"
    assert Geocoder(["Paris", "Texas"]).resolve("Paris", within="Texas").adm1 == "US.TX"
    # a city that is no capital, among places of a division that has a city of its name, is that one
    assert resolve("Birmingham") is None  # 1.2 million in England, 196,000 in Alabama: no evidence, no answer
    assert resolve("Birmingham", "Montgomery", "Alabama").name == "Birmingham, Alabama, United States"
    # country evidence alone does not move Damascus or Geneva to a small American namesake
    assert resolve("Damascus", "United States", "Washington", "United States").country == "SYR"
    assert resolve("Geneva", "United States", "United States").country == "CHE"


def test_split_or_absent_evidence_leaves_a_name_unresolved():
    # Tripoli, Libya has fewer than ten times the people of Tripoli, Lebanon
    assert resolve("Tripoli") is None
    assert resolve("Tripoli", "Libya", "Benghazi").country == "LBY"
    assert resolve("Tripoli", "Lebanon", "Beirut").country == "LBN"
    assert resolve("Tripoli", "Lebanon", "Libya") is None
    assert resolve("Punjab") is None
    assert resolve("Punjab", "India", "New Delhi").country == "IND"


def test_a_country_name_is_the_country_unless_the_article_places_it_elsewhere():
    assert resolve("Georgia").country == "GEO"
    assert resolve("Georgia", "Tbilisi", "Russia").country == "GEO"
    assert resolve("Georgia", "Atlanta", "Alabama", "Florida").name == "Georgia, United States"
    assert Geocoder(["Atlanta", "Georgia"]).resolve("Georgia", holds="Atlanta").adm1 == "US.GA"
    # a town that shares a country's name does not take it
    assert resolve("Lebanon", "Pennsylvania", "Ohio").country == "LBN"


def test_a_division_and_its_seat_are_the_seat_unless_the_division_is_meant():
    assert resolve("Geneva").type == 4
    assert resolve("Washington").name == "Washington, District of Columbia, United States"
    assert resolve("New York").feature_id == 5128581  # the city
    assert resolve("Quebec").type == 4  # a city in the division of its name is read as the city (a known limit)
    # a division and a city in another country: split, unless the article's places choose
    assert resolve("Victoria") is None
    assert resolve("Victoria", "Melbourne", "Australia").name == "Victoria, Australia"


def test_names_that_are_no_place_resolve_to_nothing():
    assert readings("Obama") == [] or all(r.place.population < 100_000 for r in readings("Obama"))
    assert resolve("the Pentagon") is None
    assert readings("nice") == [] and readings("Nice")  # case matters
    assert country_geo("XXX") is None


def test_analysis_records_carry_geo_on_places_events_and_actors():
    text = (
        "Syrian troops shelled rebel positions in Aleppo on Tuesday, activists said.\n"
        "In Paris, Texas, the city council met residents on Monday."
    )
    a = newswire.analyze(text, published="2013-09-13")
    by_name = {e.name: e for e in a.entities if e.geo}
    assert by_name["Aleppo"].geo.country == "SYR" and by_name["Aleppo"].geo.type == 4
    assert by_name["Paris"].geo.adm1 == "US.TX" and by_name["Paris"].country == "USA"
    assert text[by_name["Paris"].mentions[0].start : by_name["Paris"].mentions[0].end] == "Paris"
    shelling = next(e for e in a.events if e.cameo_root in ("19", "18"))
    assert shelling.location.text == "Aleppo" and shelling.location.geo.feature_id == 170063
    assert shelling.source.geo is not None and shelling.source.geo.country == "SYR" and shelling.source.geo.type == 1


@pytest.mark.parametrize("name", ["Paris", "Tripoli", "Georgia", "Springfield", "Victoria"])
def test_the_same_names_resolve_the_same_way_every_time(name):
    assert resolve(name, "Texas") == resolve(name, "Texas")


def test_continents_and_regions_of_several_countries_get_no_feature():
    # data/world_regions.txt: "Asia" is no Philippine town, "South America" no United States
    assert resolve("Asia") is None and resolve("South America") is None and resolve("the Middle East") is None
    assert resolve("America").country == "USA"  # a country's name stays the country


def test_a_direction_before_a_place_keeps_the_place_and_a_location_is_no_city():
    assert resolve("central London").feature_id == 2643743
    assert resolve("northern Iraq").type == 1
    # a name the parser tags LOC (no political entity) is at most a division or a country
    assert Geocoder(["Ontario"]).resolve("Ontario", city=False).type == 5
    assert resolve("Frankfurt").name.startswith("Frankfurt am Main")  # GeoNames' shortening, the far larger one


def test_an_actor_named_with_a_place_is_placed_there_else_in_its_country():
    a = newswire.analyze("Texas police arrested two men in Dallas on Monday.", published="2013-09-16")
    (arrest,) = a.events
    assert arrest.source.text == "Texas police" and arrest.source.geo.name == "Texas, United States"
    # the men arrested are not Dallas (issue 13, session twelve): no target, the event is placed there
    assert arrest.target is None and arrest.location.geo.name == "Dallas, Texas, United States"
    b = newswire.analyze("Russian forces shelled Ukrainian positions on Tuesday.", published="2022-03-01")
    assert [(e.source.geo.type, e.source.geo.name, e.target.geo.name) for e in b.events] == [(1, "Russia", "Ukraine")]


def test_a_shortened_name_is_a_large_city_only_and_yields_to_a_place_of_that_very_name():
    # GeoNames lists "Oklahoma" and "Maryland" among the names of Oklahoma City and Maryland City: the states win
    assert resolve("Oklahoma").name == "Oklahoma, United States"
    assert resolve("Maryland", "Baltimore").name == "Maryland, United States"
    assert resolve("New York").type == 3  # a city of millions is the reading over the state
    assert all(r.place is None or r.place.name != "Long Island City" for r in readings("Long Island"))  # a town's shortening


def test_a_small_place_alone_in_a_country_the_article_never_names_is_left_out():
    # the Bahamas' Long Island district in a story whose places are all in New York: no reading to trust
    assert resolve("Long Island", "New York", "Brooklyn") is None
    assert resolve("Long Island").country == "BHS"  # nothing says otherwise
    assert resolve("Aleppo", "Washington", "New York").country == "SYR"  # a city of 100,000 stands on its own
    # so does a division whose cities hold 100,000 people: California in a story on London
    assert resolve("California", "London", "UK").feature_id == 5332921


def test_a_country_entity_is_geocoded_by_its_name_not_its_peoples_word():
    a = newswire.analyze("German officials met French diplomats in Berlin. Germany and France agreed.", published="2013-09-13")
    germany = next(e for e in a.entities if e.name == "Germany")
    assert (germany.geo.type, germany.geo.country) == (1, "DEU")  # not German, a parish of the Isle of Man


def test_a_capital_is_its_countrys_unless_a_qualifier_or_a_large_namesake_says_otherwise():
    assert resolve("Washington", "Illinois", "Chicago").feature_id == 4140963  # not Washington, Illinois
    assert resolve("Paris", "Texas", "Dallas").country == "FRA"
    assert resolve("Victoria") is None  # the Seychelles' capital is no bigger than its namesakes
    assert resolve("Tripoli", "Lebanon", "Beirut").country == "LBN"  # Lebanon's Tripoli is a city of its own


def geo_in(text: str, name: str, nth: int = 0):
    """What `analyze` reads the nth place name `name` of a text as (Document.geo, with the article's other places)."""
    from newswire.document import Document
    from newswire.text.parse import parse

    doc = Document(parse(text))
    ents = [e for e in doc.doc.ents if e.text == name and e.label_ in ("GPE", "LOC")]
    return doc.geo(name, ents[nth].start_char)


def test_the_words_governing_a_name_say_what_kind_of_place_it_is():
    # a government's word rules out a city of another country: Ontario, California is no government's
    ontario = geo_in("The United States worked with the governments of Canada and Ontario.", "Ontario")
    assert (ontario.type, ontario.country, ontario.feature_id) == (5, "CAN", 6093943)
    assert geo_in("Loans came from the provincial government of Ontario and the United States.", "Ontario").country == "CAN"
    # within one country, a division's word picks the division over its seat; a national capital stays the city
    assert geo_in("The Quebec government protested.", "Quebec").type == 5
    assert geo_in("The Kabul government said Afghan forces had won.", "Kabul").type == 4
    # "governor" is a division's word: the US state, not the republic; "state" keeps a country's own name
    assert geo_in("The governor of Georgia spoke.", "Georgia").feature_id == 4197000
    assert geo_in("Russian troops entered the former Soviet state of Georgia.", "Georgia").type == 1
    # a country's word before the noun places the name, as "Paris, Texas" does
    assert geo_in("The Australian state of Victoria burned.", "Victoria").name == "Victoria, Australia"
    # the state of New York is the state, the city of New York the city
    text = "Officials in the state of New York and the city of New York disagreed."
    assert (geo_in(text, "New York", 0).type, geo_in(text, "New York", 1).type) == (2, 3)
    assert geo_in("The mayor of Victoria spoke.", "Victoria") is None  # a city, but which one: no evidence


def test_known_organisations_that_act_at_home_place_an_article_that_names_no_country():
    # San Jose, California has three times the people of Costa Rica's capital: alone it stays unresolved
    assert resolve("San Jose") is None
    assert Geocoder(["San Jose"], home="USA").resolve("San Jose").feature_id == 5392171
    assert geo_in("Apple Inc. was sued by Cisco, based in San Jose.", "San Jose").country == "USA"
    # places or a focus country outrank the organisations; a news agency's country is no evidence
    assert Geocoder(["San Jose", "Costa Rica"], home="USA").resolve("San Jose").country == "CRI"
    assert geo_in("Reuters reported rain in San Jose.", "San Jose") is None


def test_state_abbreviations_and_former_names_are_readings_of_their_places():
    assert resolve("Fla.").feature_id == 4155751 and resolve("Fla.").type == 2
    assert resolve("Fort Lauderdale", "Fla.", within="Fla.").name == "Fort Lauderdale, Florida, United States"
    assert resolve("Ont.").country == "CAN"
    assert resolve("Bombay").feature_id == resolve("Mumbai").feature_id == 1275339
    assert resolve("Kiev", "Ukraine").name.startswith("Kyiv")
    # an alias adds a reading, the name's other places stay: Odessa, Texas among Texan places
    assert resolve("Odessa", "Ukraine").country == "UKR"
    assert Geocoder(["Odessa", "Texas"]).resolve("Odessa", within="Texas").feature_id == 5527554
    assert readings("Miss.") == []  # an honorific too: not an abbreviation here


def test_every_place_alias_names_a_gazetteer_place():
    from newswire.lexicon.tables import PlaceAlias

    places = {r.id: r for r in load_table("places.tsv", GazetteerPlace)}
    for alias in load_table("place_aliases.tsv", PlaceAlias):
        place = places[alias.feature_id]
        assert (place.name, place.country) == (alias.place, alias.country), alias


def test_a_name_the_article_qualifies_keeps_that_reading_where_it_stands_alone():
    text = "Ford will cut a shift at the plant in St. Thomas, Ontario. The Windsor plant in Ontario and the St. Thomas plant are old. Detroit and Ohio lose jobs too."
    assert geo_in(text, "Ontario", 1).feature_id == 6093943  # the province, as in "St. Thomas, Ontario"
    assert geo_in(text, "St. Thomas", 1).country == "CAN"
    # two qualifiers that disagree settle nothing
    coder = Geocoder(["Paris", "Texas", "Paris", "France", "Paris"])
    coder.settle([("Paris", "Texas", None, True, None), ("Paris", "France", None, True, None)])
    assert coder.resolve("Paris").country == "FRA"  # the capital rule, as without the qualifiers


def test_a_division_with_its_cities_people_can_dwarf_towns_of_its_name():
    # Florida's cities hold millions; the Cuban and Colombian towns and the Uruguayan department a few ten thousands
    assert resolve("Florida").feature_id == 4155751
    assert resolve("Punjab") is None  # India's and Pakistan's are of a size: no reading dwarfs the other


def test_a_state_after_a_town_qualifies_it_and_a_town_it_lacks_is_left_out():
    # tagged LOC ("no city"), a name qualified by a division is still a town of it
    assert Geocoder(["Jupiter", "Florida"]).resolve("Jupiter", within="Florida", city=False).feature_id == 4160610
    # the gazetteer has no Hudson in New Hampshire: not Hudson, Ohio
    assert Geocoder(["Hudson", "New Hampshire"]).resolve("Hudson", within="New Hampshire") is None
    assert resolve("Hudson").feature_id == 5158164  # without the qualifier, the one Hudson it knows
    # a list of states is no qualifier: Ohio stays the state
    assert Geocoder(["Ohio", "Texas"]).resolve("Ohio", within="Texas").feature_id == 5165418
    # a name with no reading in the countries of the place it is "of" is none of its places
    assert geo_in("Lynch was U.S. attorney for the Eastern District of New York.", "the Eastern District") is None


def test_a_place_at_a_headline_end_is_its_name_without_the_line_break():
    # a new user's trial: the headline's last word "Mali" was the location "Mali⏎⏎" (the parser's entity ran on)
    text = ("Militants kill 12 soldiers in attack on army base in northern Mali\n\n"
            "BAMAKO - Islamist militants attacked an army base in northern Mali on Sunday, killing 12 soldiers, the army said.\n")
    a = newswire.analyze(text, published="2024-06-10")
    places = [ev.location for ev in a.events if ev.location is not None]
    assert places and all(p.text == p.text.strip() == text[p.start : p.end] for p in places)
    # and the dateline is no part of the militants' mention, nor their country
    militants = next(e for e in a.entities if e.name.endswith("militants"))
    assert militants.name == "Islamist militants"
    assert all("BAMAKO" not in m.text for m in militants.mentions)


@pytest.mark.parametrize("region", ["South America", "North America", "Central America"])
def test_a_continent_named_with_a_direction_is_no_country(region):
    # a new user's trial: "South America" was given the country USA ("South" + "America", as "South Lebanon" is Lebanon)
    from newswire.lexicon import countries

    assert countries.country_of(region) is None
    assert countries.country_of("South Lebanon") == "LBN" and countries.country_of("America") == "USA"
    a = newswire.analyze(f"Trade between the two largest economies in {region} fell last year, officials said.")
    assert all(e.country != "USA" for e in a.entities if region in e.name)
