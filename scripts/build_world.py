"""Build the map's world outline: newswire/present/web/world.json, from Natural Earth's 110m countries.

Run once by a developer, not at run time:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz   # Natural Earth 110m (public domain), ISC package
    python scripts/build_world.py package/countries-110m.json

Each country becomes one SVG path in an equirectangular projection (x = longitude + 180, y = 90 − latitude,
in degrees, one decimal), simplified by dropping points closer than STEP degrees to the last kept one;
Antarctica is left out (no news happens there often enough to spend the space). The UI draws the paths
as they are and places events with the same projection (web/map.js).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry
from build_places import topo_rings  # scripts/ is on the path when a script in it runs

STEP = 0.4
OUT = Path(__file__).resolve().parents[1] / "newswire" / "present" / "web" / "world.json"


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:  # cut at the antimeridian: drawn whole, east of it
            ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
        kept = [ring[0]]
        for x, y in ring[1:]:
            if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= STEP:
                kept.append((x, y))
        if len(kept) < 3:
            continue
        pts = [f"{x + 180:.1f},{90 - y:.1f}" for x, y in kept]
        parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


def main(world_path: str) -> None:
    topo = json.loads(Path(world_path).read_text())
    shapes = topo_rings(topo)
    countries = []
    for numeric, rings in sorted(shapes.items()):
        country = pycountry.countries.get(numeric=numeric)
        code = country.alpha_3 if country else ""
        if code == "ATA":
            continue
        d = path(rings)
        if d:
            countries.append({"code": code, "d": d})
    data = {
        "source": "Natural Earth 110m admin-0 countries (public domain), via the world-atlas package; scripts/build_world.py",
        "projection": "equirectangular: x = longitude + 180, y = 90 - latitude",
        "viewBox": [0, 0, 360, 150],
        "countries": countries,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries → {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
