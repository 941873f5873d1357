"""A titled person with no country of their own takes none from a city where officials of every country meet."""

from newswire import analyze


def _person(text, name):
    return next(e for e in analyze(text).entities if e.name == name)


def test_a_meeting_city_gives_a_visiting_minister_no_country():
    for text in ("Foreign Minister Nino Kapanadze, speaking in Brussels, said the bill would not be withdrawn.\n",
                 "Foreign Minister Nino Kapanadze said in Geneva that the talks had stalled.\n"):
        minister = _person(text, "Nino Kapanadze")
        assert minister.country is None and minister.actor is None, (text, minister.country, minister.actor)


def test_another_city_of_the_sentence_still_gives_one():
    # the rule it narrows: "President Bouteflika threatened a curfew in Algiers" (a place of the act, the country's)
    minister = _person("Interior Minister Nino Kapanadze ordered a curfew in Kutaisi after the riots.\n", "Nino Kapanadze")
    assert minister.country == "GEO" and (minister.actor or "").startswith("GEO")
