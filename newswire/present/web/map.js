"use strict";
// newswire serve: the map tab (#tab=map). Events by place, on a world outline the package ships
// (world.json: Natural Earth 110m, scripts/build_world.py), drawn as SVG: no tile server, nothing fetched
// from elsewhere. It uses app.js's helpers (el, svgEl, getJSON, go); app.js calls renderMap and showPlace.

// The most places the map draws (the table lists every place of the page).
const MAX_PLACES = 500;
const WORLD = {promise: null};

// The outline, asked once per page load: [ok, data].
function loadWorld() {
  if (!WORLD.promise) WORLD.promise = getJSON("/world.json");
  return WORLD.promise;
}

// Equirectangular, as world.json is drawn: x = longitude + 180, y = 90 - latitude (degrees).
function project(lat, lon) {
  return [lon + 180, 90 - lat];
}

// The events at one place, with the map's filters (actor, dates, type, modality, country).
function showPlace(s, row) {
  const filters = {...s.filters, place: row.place};
  go({tab: "events", filters, page: 1, sort: ""});
}

// Draw the places of `rows` into `box`: a dot per place with coordinates, its area by its events.
// `current`: whether this view is still the one asked for (the outline may arrive after a newer view).
async function renderMap(box, rows, s, current) {
  const [ok, world] = await loadWorld();
  if (!current()) return;
  const [x0, y0, width, height] = ok && Array.isArray(world.viewBox) ? world.viewBox : [0, 0, 360, 150];
  const svg = svgEl("svg", {viewBox: `${x0} ${y0} ${width} ${height}`, class: "map", role: "img",
                            "aria-label": `map of ${rows.length} places`});
  svg.append(svgEl("rect", {x: x0, y: y0, width, height, class: "sea"}));
  if (ok && Array.isArray(world.countries)) {
    for (const c of world.countries) {
      const path = svgEl("path", {d: String(c.d), class: "land"});
      if (c.code) path.dataset.code = String(c.code);
      svg.append(path);
    }
  }
  const placed = rows.filter(r => Number.isFinite(r.lat) && Number.isFinite(r.lon)).slice(0, MAX_PLACES);
  const most = Math.max(1, ...placed.map(r => r.events));
  // the largest last, so that small places on top of them stay clickable
  for (const row of [...placed].sort((a, b) => b.events - a.events)) {
    const [x, y] = project(row.lat, row.lon);
    const r = 0.9 + 3.5 * Math.sqrt(row.events / most);
    const dot = svgEl("circle", {cx: x.toFixed(2), cy: y.toFixed(2), r: r.toFixed(2), class: `place geo-${row.geo_type}`,
                                 tabindex: "0", role: "link", "data-place": row.place});
    const title = svgEl("title");
    title.textContent = `${row.place}: ${row.events} event${row.events === 1 ? "" : "s"} in ${row.articles} article${row.articles === 1 ? "" : "s"}; click for the events`;
    dot.append(title);
    dot.addEventListener("click", () => showPlace(s, row));
    dot.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showPlace(s, row); } });
    svg.append(dot);
  }
  const unplaced = rows.length - rows.filter(r => Number.isFinite(r.lat) && Number.isFinite(r.lon)).length;
  const notes = [`Drawn: ${placed.length} of the ${rows.length} places of this page (area: events; click a place for its events).`];
  if (unplaced) notes.push(`${unplaced} without coordinates (a division the gazetteer has no point for) are only in the table.`);
  if (!ok) notes.push(`The world outline could not be loaded (${world && world.error ? world.error : "no answer"}): places are drawn alone.`);
  notes.push("Only events whose place newswire resolved are counted; an ambiguous place name is left out.");
  box.replaceChildren(svg, el("p", {class: "cap map-cap"}, notes.join(" ")));
}
