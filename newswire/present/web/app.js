"use strict";
// newswire serve: the page's script (a file, so the Content-Security-Policy needs no 'unsafe-inline').
// Each tab: its form fields, the endpoint, and the columns to show.
const TABS = {
  quotes:   {fields: [["speaker", "speaker, e.g. Ban Ki-moon"]], api: "quotes",
             cols: ["published", "speaker", "type", "quote"]},
  events:   {fields: [["actor", "actor code, e.g. SYR"], ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"], ["type", "PLOVER type or CAMEO code"]],
             api: "events", cols: ["date", "source", "source_actor", "plover", "cameo", "target", "target_actor", "trigger"]},
  timeline: {fields: [["entity", "entity, e.g. John Kerry"]], api: "timeline", cols: ["date", "kind", "text", "title"]},
  network:  {fields: [["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"]], api: "network",
             cols: ["source", "target", "type", "events", "articles", "goldstein"]},
  entities: {fields: [["type", "type, e.g. PERSON"]], api: "entities", cols: ["name", "type", "articles", "mentions", "actor", "country"]},
};
let current = "quotes";

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// [ok, data] for a JSON endpoint; a server that cannot be reached or answers no JSON is an error too.
async function getJSON(url) {
  try {
    const reply = await fetch(url);
    return [reply.ok, await reply.json()];
  } catch (err) {
    return [false, {error: `no answer from the server (${err.message})`}];
  }
}

function showTab(name) {
  current = name;
  document.querySelectorAll("#tabs button").forEach(b => b.classList.toggle("on", b.dataset.tab === name));
  const form = document.getElementById("form");
  form.replaceChildren();
  for (const [key, hint] of TABS[name].fields) form.append(el("input", {name: key, placeholder: hint}));
  form.append(el("button", {type: "submit"}, "Show"));
  load();
}

async function load() {
  const tab = TABS[current];
  const params = new URLSearchParams(new FormData(document.getElementById("form")));
  for (const [k, v] of [...params]) if (!v) params.delete(k);
  const status = document.getElementById("status");
  if (current === "timeline" && !params.get("entity")) {
    status.textContent = "Name an entity to see it through time.";
    document.getElementById("results").replaceChildren();
    return;
  }
  const [ok, data] = await getJSON(`/api/${tab.api}?${params}`);
  status.textContent = ok ? `${data.length} rows` : data.error;
  status.classList.toggle("error", !ok);
  if (!ok) return;
  renderTable(data, tab.cols);
  document.getElementById("graph").replaceChildren(current === "network" ? renderNetwork(data) : "");
}

function renderTable(rows, cols) {
  const table = el("table");
  const head = el("tr");
  cols.forEach(c => head.append(el("th", {}, c)));
  table.append(head);
  for (const row of rows) {
    const tr = el("tr", row.article_id ? {class: "row"} : {});
    cols.forEach(c => tr.append(el("td", {}, row[c] ?? "")));
    if (row.article_id) tr.addEventListener("click", () => openArticle(row.article_id, row.start, row.end));
    table.append(tr);
  }
  document.getElementById("results").replaceChildren(table);
}

// Actors on a circle, one line per coded pair: width by events, red for conflict, green for cooperation.
function renderNetwork(rows) {
  const size = 420, r = 170, ns = "http://www.w3.org/2000/svg";
  const names = [...new Set(rows.flatMap(x => [x.source, x.target]))].slice(0, 40);
  const at = new Map(names.map((n, i) => [n, [size / 2 + r * Math.cos(2 * Math.PI * i / names.length),
                                               size / 2 + r * Math.sin(2 * Math.PI * i / names.length)]]));
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", size); svg.setAttribute("height", size);
  for (const e of rows) {
    if (!at.has(e.source) || !at.has(e.target) || e.source === e.target) continue;
    const [x1, y1] = at.get(e.source), [x2, y2] = at.get(e.target);
    const line = document.createElementNS(ns, "line");
    Object.entries({x1, y1, x2, y2, "stroke-width": Math.min(1 + e.events, 8),
                    stroke: e.goldstein < 0 ? "#c0392b" : "#2a9d8f", "stroke-opacity": 0.6}).forEach(([k, v]) => line.setAttribute(k, v));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${e.source} → ${e.target}: ${e.type} × ${e.events}`;
    line.append(title);
    svg.append(line);
  }
  for (const [name, [x, y]] of at) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", x); label.setAttribute("y", y); label.setAttribute("text-anchor", "middle");
    label.textContent = name;
    svg.append(label);
  }
  return svg;
}

// What the marks in an article mean.
function legend() {
  const p = el("p", {class: "legend"});
  for (const [cls, name] of [["q", "quote"], ["ev", "event"], ["ent", "entity"], ["removed", "removed"]]) p.append(el("span", {class: cls}, name));
  return p;
}

// The article's text with every quote, event trigger and entity mention marked at its offsets.
async function openArticle(id, focusStart, focusEnd) {
  const box = document.getElementById("article");
  const [ok, a] = await getJSON(`/api/article/${encodeURIComponent(id)}`);
  if (!ok) { box.textContent = a.error; return; }
  const marks = [];
  const entityName = new Map(a.entities.map(e => [e.id, e]));
  for (const r of a.removed) marks.push([r.start, r.end, "removed", `removed: ${r.reason}`]);
  for (const e of a.entities) for (const m of e.mentions) marks.push([m.start, m.end, "ent", `${e.name} ${e.actor || ""}`]);
  for (const q of a.quotes) marks.push([q.content.start, q.content.end, "q", `${q.type} quote by ${q.speaker_name || "unknown"}`]);
  for (const v of a.events) marks.push([v.trigger.start, v.trigger.end, "ev",
    `${v.plover || ""} ${v.cameo}: ${(v.source && v.source.actor) || "?"} → ${(v.target && v.target.actor) || "?"}`]);
  if (focusStart !== undefined && focusStart !== null) marks.push([focusStart, focusEnd, "focus", ""]);
  const cuts = [...new Set([0, a.text.length, ...marks.flatMap(m => [m[0], m[1]])])].sort((x, y) => x - y);
  const text = el("div", {class: "text"});
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, t] = [cuts[i], cuts[i + 1]];
    const over = marks.filter(m => m[0] <= s && t <= m[1]);
    const piece = el("span", over.length ? {class: over.map(m => m[2]).join(" "), title: over.map(m => m[3]).filter(Boolean).join("\n")} : {}, a.text.slice(s, t));
    text.append(piece);
  }
  box.replaceChildren(
    el("h2", {}, a.title || a.id),
    el("p", {}, `published ${a.published || "unknown"} · ${a.entities.length} entities · ${a.quotes.length} quotes · ${a.events.length} events`),
    legend(),
    text);
  const focus = box.querySelector(".focus");
  if (focus) focus.scrollIntoView({block: "center"});
}

document.getElementById("tabs").addEventListener("click", e => { if (e.target.dataset.tab) showTab(e.target.dataset.tab); });
document.getElementById("form").addEventListener("submit", e => { e.preventDefault(); load(); });
// Links can name a tab and an article: #tab=network&article=5e927c2828fab755
const wanted = new URLSearchParams(location.hash.slice(1));
showTab(TABS[wanted.get("tab")] ? wanted.get("tab") : "quotes");
if (wanted.get("article")) openArticle(wanted.get("article"));
