"use strict";
// newswire serve: the page's script (a file, so the Content-Security-Policy needs no 'unsafe-inline').
// Every view is a URL: the hash holds the tab, its filters, the page, the order and the open article
// (#tab=events&actor=RUS&page=2&sort=-date&article=5e927c2828fab755&at=120-180), so a view can be
// shared or bookmarked and the back button goes back to the view before. Two views are not one question's
// table: the overview (#tab=overview, the landing page) and an entity's page (#entity=John+Kerry).

// Each tab: its form fields, the endpoint, and the columns to show.
const TABS = {
  quotes:   {fields: [["speaker", "speaker, e.g. Ban Ki-moon"], ["q", "text in the quote"], ["min-confidence", "min. confidence, 0-1 (default 0.3; 0: all)"], ["type", "type"], ["outlet", "outlet, e.g. reuters.com"]],
             api: "quotes", cols: ["published", "speaker", "type", "quote", "confidence"]},
  articles: {fields: [["q", "text, e.g. ceasefire"], ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"], ["outlet", "outlet, e.g. reuters.com"]], api: "articles",
             cols: ["published", "title", "outlet", "snippet"]},
  events:   {fields: [["actor", "actor: code or country (SYR, Russia)"], ["source", "source actor"], ["target", "target actor"],
                      ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"], ["type", "PLOVER type or CAMEO code"], ["modality", "modality"],
                      ["min-confidence", "min. confidence, 0-1 (default 0.3; 0: all)"], ["outlet", "outlet, e.g. reuters.com"],
                      ["place", "place, e.g. Aleppo"], ["country", "country it happened in"]],
             api: "events", cols: ["date", "source", "source_actor", "plover", "cameo", "target", "target_actor", "trigger", "modality",
                                   "confidence", "place"]},
  // `id`: one corpus entity (chosen among those of the name); `match=name`: every entity of the name, linked or not;
  // `match=choose`: the choice even when the name is one corpus entity's own
  timeline: {fields: [["entity", "entity, e.g. John Kerry"]], hidden: ["id", "match"], api: "timeline", cols: ["date", "kind", "text", "title"]},
  network:  {fields: [["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"], ["min-confidence", "min. confidence, 0-1 (default 0.3; 0: all)"]],
             api: "network",
             cols: ["source", "target", "type", "events", "articles", "goldstein"]},
  entities: {fields: [["type", "type, e.g. PERSON"]], api: "entities", cols: ["name", "type", "articles", "mentions", "actor", "country", "titles"]},
  // where events happened (web/map.js draws them)
  map:      {fields: [["actor", "actor: code or country (SYR, Russia)"], ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"],
                      ["type", "PLOVER type or CAMEO code"], ["modality", "modality"],
                      ["min-confidence", "min. confidence, 0-1 (default 0.3; 0: all)"], ["country", "country it happened in"]],
             api: "places", cols: ["place", "country", "events", "articles", "first", "last"]},
  tone:     {fields: [["entity", "entity, e.g. John Kerry"], ["outlet", "outlet, e.g. reuters.com"], ["from", "from YYYY-MM-DD"],
                      ["to", "to YYYY-MM-DD"], ["by", "group by"]], api: "tone",
             cols: ["period", "outlet", "articles", "tone", "positive", "negative", "quotes", "quote_tone"]},
  // reported figures; with conflicts=1 the figures of one happening that disagree, side by side (renderConflicts)
  figures:  {fields: [["what", "what, e.g. killed"], ["country", "country, e.g. Kenya"], ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"],
                      ["conflicts", "conflicts"]], api: "figures",
             cols: ["published", "what", "figure", "source", "place", "date", "title"]},
  // one happening across articles: what several outlets reported, each article with its evidence; #tab=stories&story=ID
  // is one story's page (storyHeader)
  stories:  {fields: [["min-sources", "min. sources, e.g. 2"], ["from", "from YYYY-MM-DD"], ["to", "to YYYY-MM-DD"],
                      ["type", "PLOVER type or CAMEO code"], ["story", "story id"]], api: "stories",
             cols: ["date", "type", "source", "target", "place", "sources", "articles", "outlet", "evidence", "story"]},
  // one entity across articles (no button: the entity page links to it)
  // (its quotes and events: those of the Quotes and Events tabs by default, asserted events at the floor)
  corpus_entity: {fields: [["name", "entity, e.g. Ban Ki-moon"], ["modality", "modality"],
                           ["min-confidence", "min. confidence, 0-1 (default 0.3; 0: all)"]],
                  api: "corpus_entity", cols: ["name", "kind", "date", "text", "title"]},
};
// A story's page lists its articles: what the happening's columns would repeat on every row is in its header.
const STORY_COLS = ["published", "outlet", "title", "trigger", "evidence"];
// Fields chosen from a list, not typed: the first choice is the server's default.
const CHOICES = new Map([["modality", ["asserted", "any", "negated", "intended", "requested", "conditional", "hypothetical"]],
                         ["by", ["month", "week", "day", "year", "outlet"]]]);
// ... per tab, where one tab's field is chosen and another's typed (a quote's type; an event's is typed: THREATEN, 13, 138)
const TAB_CHOICES = {quotes: new Map([["type", ["", "direct", "indirect", "mixed"]]]), figures: new Map([["conflicts", ["", "1"]]])};
// What a choice is called where its value is no word ("" is "any" elsewhere).
const CHOICE_NAMES = new Map([["conflicts", new Map([["", "every figure"], ["1", "side by side: values that disagree"]])]]);
const choiceName = (key, choice) => (CHOICE_NAMES.get(key) && CHOICE_NAMES.get(key).get(choice)) || choice || "any";
const choicesOf = (tab, key) => (has(TAB_CHOICES, tab) && TAB_CHOICES[tab].get(key)) || CHOICES.get(key);
// What a field is called on the page, where its parameter's name is no word a reader knows (the URL keeps the name).
const FIELD_LABELS = new Map([["q", "search text"], ["min-confidence", "min. confidence"], ["min-sources", "min. sources"], ["by", "group by"]]);
// The parameter that sets a page's size, where it is not `limit`.
const COUNT_PARAM = new Map([["entities", "top"]]);
const PAGE_SIZE = 100;
// The confidence below which the Events tab leaves an event out by default (query.EVENT_FLOOR).
const EVENT_FLOOR = 0.3;
// The confidence below which the Quotes tab, the overview's and an entity page's quotes leave a quote out by default
// (query.QUOTE_FLOOR).
const QUOTE_FLOOR = 0.3;
// The most actors the network draws (the table lists every pair of the page).
const MAX_ACTORS = 40;
// The most spans an article highlights: beyond, its text is shown plain (a 700 KB article has tens of thousands).
const MAX_MARKS = 4000;
// The characters of an article's text in one block (markedText): blocks out of view are not laid out.
const CHUNK = 10000;
// The views besides the tables: the first is the landing page.
const VIEWS = ["overview", "entity"];
// The longest entity name a URL may carry to the server (query.MAX_TEXT).
const MAX_NAME = 1000;
// A corpus entity's id (corpus_entities.id): one entity across articles.
const CORPUS_ID = /^C[0-9a-f]{15}$/;

// own properties only: a hash naming "constructor" or "__proto__" is no tab
const has = (object, key) => typeof key === "string" && Object.prototype.hasOwnProperty.call(object, key);
const $ = id => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// --- the state, in the URL's hash ------------------------------------------------

function readState() {
  const hash = new URLSearchParams(location.hash.slice(1));
  // #entity=NAME without a tab is the entity's page (the timeline tab has an entity filter of its own)
  const named = hash.get("tab");
  const entity = has(TABS, named) ? "" : (hash.get("entity") || "").trim().slice(0, MAX_NAME);
  const tab = entity ? "entity" : has(TABS, named) || named === "overview" ? named : VIEWS[0];
  const filters = {};
  for (const key of has(TABS, tab) ? [...TABS[tab].fields.map(f => f[0]), ...(TABS[tab].hidden || [])] : []) {
    const value = (hash.get(key) || "").trim();
    if (value) filters[key] = value;
  }
  // an entity's page: of one corpus entity (`id`), or of every entity of the name (`match=name`), else who the name may be
  const id = entity && CORPUS_ID.test(hash.get("id") || "") ? hash.get("id") : "";
  const match = entity && ["name", "choose"].includes(hash.get("match")) ? hash.get("match") : "";
  const page = Math.max(1, Math.min(1e6, parseInt(hash.get("page") || "1", 10) || 1));
  const at = /^\d+-\d+$/.test(hash.get("at") || "") ? hash.get("at") : "";
  return {tab, entity, id, match, filters, page, sort: hash.get("sort") || "", article: hash.get("article") || "", at};
}

function stateHash(s) {
  const hash = new URLSearchParams(s.entity ? {entity: s.entity} : {tab: s.tab});
  if (s.entity && s.id) hash.set("id", s.id);
  if (s.entity && s.match) hash.set("match", s.match);
  for (const [k, v] of Object.entries(s.filters)) if (v) hash.set(k, v);
  if (s.page > 1) hash.set("page", s.page);
  if (s.sort) hash.set("sort", s.sort);
  if (s.article) hash.set("article", s.article);
  if (s.article && s.at) hash.set("at", s.at);
  return "#" + hash;
}

// A new view: a new history entry (the back button returns), then drawn by `render` on hashchange.
function go(changes) {
  const next = {...readState(), ...changes};
  if (next.tab !== "entity") Object.assign(next, {entity: "", id: "", match: ""});
  const hash = stateHash(next);
  if (hash === location.hash) render();
  else location.hash = hash;
}

// What is on screen, so that a change of article does not reload the table (and keeps its scroll).
const shown = {tab: null, table: null, article: null};

function render() {
  const s = readState();
  document.querySelectorAll("#tabs button").forEach(b => {
    b.classList.toggle("on", b.dataset.tab === s.tab);
    b.setAttribute("aria-selected", b.dataset.tab === s.tab ? "true" : "false");
  });
  if (shown.tab !== s.tab) buildForm(s.tab);
  shown.tab = s.tab;
  fillForm(s);
  const table = JSON.stringify([s.tab, s.entity, s.id, s.match, s.filters, s.page, s.sort]);
  if (table !== shown.table) {
    shown.table = table;
    if (s.tab === "overview") loadOverview(s); else if (s.tab === "entity") loadEntity(s); else loadTable(s);
  }
  const article = s.article ? `${s.article}@${s.at}` : "";
  if (article !== shown.article) {
    shown.article = article;
    if (s.article) openArticle(s.article, s.at); else closeArticle();
  }
  markOpenRow(s);
}

function buildForm(tab) {
  const form = $("form");
  form.replaceChildren();
  form.hidden = !has(TABS, tab);
  if (form.hidden) return;
  for (const [key, hint] of TABS[tab].fields) {
    const id = `f-${key}`;
    const label = el("label", {for: id, class: "field"});
    label.append(el("span", {}, FIELD_LABELS.get(key) || key));
    if (choicesOf(tab, key)) {
      const select = el("select", {name: key, id});
      for (const choice of choicesOf(tab, key)) select.append(el("option", {value: choice}, choiceName(key, choice)));
      label.append(select);
    } else {
      label.append(el("input", {name: key, id, placeholder: hint, autocomplete: "off"}));
    }
    form.append(label);
  }
  form.append(el("button", {type: "submit"}, "Show"));
}

function fillForm(s) {
  for (const field of $("form").elements) {
    if (!field.name) continue;
    field.value = s.filters[field.name] || (choicesOf(s.tab, field.name) ? choicesOf(s.tab, field.name)[0] : "");
  }
}

function formFilters() {
  const filters = {};
  for (const [k, v] of new FormData($("form"))) {
    const value = String(v).trim();
    // a choice left at its default is not written in the URL
    const choices = choicesOf(readState().tab, k);
    if (value && !(choices && choices[0] === value)) filters[k] = value;
  }
  return filters;
}

// --- replies ---------------------------------------------------------------------

// [ok, data] for a JSON endpoint. A server that cannot be reached, or answers something that is
// not JSON (a proxy's 502 page, a crash), is an error with a message too; a cancelled request is [false, null].
async function getJSON(url, signal) {
  let reply, body;
  try {
    reply = await fetch(url, {signal, headers: {Accept: "application/json"}});
    body = await reply.text();
  } catch (err) {
    if (err.name === "AbortError") return [false, null];
    return [false, {error: `no answer from the server (${err.message})`}];
  }
  let data;
  try {
    data = JSON.parse(body);
  } catch (err) {
    return [false, {error: `the server answered ${reply.status} ${reply.statusText} with something that is not JSON`.replace(/\s+with/, " with")}];
  }
  if (!reply.ok) {
    const said = data && typeof data.error === "string" ? data.error : `the server answered ${reply.status} ${reply.statusText}`;
    return [false, {error: said}];
  }
  return [true, data];
}

// Each view cancels the request of the view before it, and a reply is drawn only if it is the last asked for.
const requests = {table: {seq: 0, controller: null}, article: {seq: 0, controller: null}};

function ask(kind) {
  const slot = requests[kind];
  if (slot.controller) slot.controller.abort();
  slot.controller = new AbortController();
  const seq = ++slot.seq;
  return {signal: slot.controller.signal, current: () => seq === slot.seq};
}

function setStatus(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

// --- tables ----------------------------------------------------------------------

async function loadTable(s) {
  const tab = TABS[s.tab];
  const request = ask("table");
  const results = $("results");
  $("facets").replaceChildren();
  if (s.tab === "timeline" && !s.filters.entity && !s.filters.id) {
    setStatus("Name an entity to see it through time.");
    results.replaceChildren(); $("graph").replaceChildren(); $("pager").replaceChildren(); $("export").replaceChildren();
    return;
  }
  // a name that is several entities across articles: choose one first (or ask for every entity of the name)
  if (s.tab === "timeline" && !s.filters.id && s.filters.match !== "name" && await chooseEntity(s, request)) return;
  if (s.tab === "timeline" && s.filters.match === "choose") s = {...s, filters: {...s.filters, match: "name"}};  // none to choose
  const params = apiParams(s);
  params.set(COUNT_PARAM.get(s.tab) || "limit", PAGE_SIZE);
  params.set("offset", (s.page - 1) * PAGE_SIZE);
  if (s.sort) params.set("sort", s.sort);
  results.classList.add("stale");
  results.setAttribute("aria-busy", "true");
  setStatus("Loading…");
  // the facets asked at once, and drawn with the table (not after it: the rows would move under the pointer)
  const facets = has(FACETED, s.tab) ? getJSON(`/api/facets/${tab.api}?${apiParams(s)}`, request.signal) : null;
  const [ok, data] = await getJSON(`/api/${tab.api}?${params}`, request.signal);
  const [facetsOk, facetsData] = facets ? await facets : [false, null];
  if (!request.current()) return;  // a newer view asked since: this reply is not for the screen
  results.classList.remove("stale");
  results.removeAttribute("aria-busy");
  if (!ok) {  // an error replaces the results it would otherwise sit above
    setStatus(data.error, true);
    results.replaceChildren(); $("facets").replaceChildren(); $("graph").replaceChildren(); $("pager").replaceChildren(); $("export").replaceChildren();
    return;
  }
  setStatus(describe(s, data));
  if (s.tab === "figures" && s.filters.conflicts === "1") renderConflicts(s, data.rows);
  else renderTable(s, data.rows, s.tab === "stories" && s.filters.story ? STORY_COLS : tab.cols, data.sort || "");
  if (s.tab === "timeline" && (s.filters.id || s.filters.match)) {
    const timeline = filters => viewHref({tab: "timeline", ...filters});
    $("results").prepend(whoNote(s.filters.entity || s.filters.id, s.filters.id, timeline({entity: s.filters.entity || "", match: "choose"}),
                                 timeline({entity: s.filters.entity || "", match: "name"})));
  }
  renderPager(s, data);
  renderExport(s, data);
  if (facetsOk) renderFacets(s, facetsData);  // an error there: the table is still worth showing
  if (facetsOk && facetsData.trend) $("facets").append(trendChart(s, facetsData.trend));
  $("graph").replaceChildren(...(s.tab === "network" ? renderNetwork(data.rows, s) : s.tab === "tone" ? toneGraph(s, data.rows) : storyHeader(s, data)));
  if (s.tab === "map") renderMap($("graph"), data.rows, s, request.current);  // web/map.js
  markOpenRow(readState());
}

// The filters the server takes: a timeline of one corpus entity is asked by its id alone; `match` is the page's own.
function apiParams(s) {
  const filters = {...s.filters};
  if (s.tab === "timeline") {
    delete filters.match;
    if (filters.id) delete filters.entity;
  }
  return new URLSearchParams(filters);
}

// Who a name may be (/api/corpus_entities): the corpus entities it names are offered to choose from, with their type,
// country, code, titles and articles, and beside them every entity of the name as it is (linked or not, mixed).
// The one whose own name it is, when only one is, is opened at once (its id put in the URL in place of this view). True: drawn (or moved on);
// false: the name is no corpus entity's (or the store has no links): ask for it by name.
async function chooseEntity(s, request) {
  const name = s.tab === "entity" ? s.entity : s.filters.entity;
  const [ok, data] = await getJSON(`/api/corpus_entities?${new URLSearchParams({name})}`, request.signal);
  if (!request.current()) return true;
  if (!ok || !data.choices.length) return false;  // an error: the name's own view says it
  const view = changes => stateHash(s.tab === "entity" ? {...s, ...changes} : {...s, page: 1, sort: "", filters: {...s.filters, ...changes}});
  const choosing = (s.tab === "entity" ? s.match : s.filters.match) === "choose";
  const own = data.choices.filter(c => c.exact);  // whose own name it is (others may have been written so once)
  if (own.length === 1 && !choosing) {
    location.replace(view({id: own[0].id}));
    return true;
  }
  $("results").classList.remove("stale");
  $("results").removeAttribute("aria-busy");
  clearView();
  const n = data.choices.length;
  setStatus(`“${name}” is ${n} ${n === 1 ? "entity" : "entities"} across articles: choose one`);
  const box = el("section", {class: "choices"});
  box.append(el("h2", {}, `Who is “${name}”?`),
             el("p", {class: "hint"}, "Entities linked across articles by their full name (and country, where two share a name). " +
                "A bare surname that an article never resolved to a full name is in none of them."));
  const list = el("ul");
  for (const c of data.choices) {
    const item = el("li", {class: "choice", "data-id": c.id});
    const facts = [c.type, c.country, c.actor, ...(c.titles || []).slice(0, 3)].filter(Boolean);
    const dates = c.first_published ? ` · ${String(c.first_published).slice(0, 10)} – ${String(c.last_published).slice(0, 10)}` : "";
    item.append(el("a", {href: view({id: c.id})}, c.name), el("span", {class: "evidence"}, ` · ${facts.join(" · ")}${dates} · `),
                el("span", {class: "count"}, `${Number(c.articles).toLocaleString("en")} article${c.articles === 1 ? "" : "s"}`));
    const other = (c.aliases || []).filter(a => a !== c.name);
    if (other.length) item.append(el("div", {class: "aliases"}, `also written: ${other.slice(0, 8).join(", ")}${other.length > 8 ? ", …" : ""}`));
    list.append(item);
  }
  const every = el("p");
  every.append(el("a", {href: view({match: "name"}), class: "every"}, `Every entity named “${name}”, linked or not`),
               el("span", {class: "hint"}, " (all of these and any other of that name, mixed together)"));
  box.append(list, every);
  $("results").replaceChildren(box);
  return true;
}

// Above a timeline or an entity page: whose it is (one corpus entity, or every entity of a name), and the way to the other.
function whoNote(name, id, choose, every) {
  const note = el("p", {class: "who"});
  if (id) {
    note.append(`One entity across articles (${id}): only the mentions linked to it. `,
                el("a", {href: every}, `Every entity named “${name}”`), " · ", el("a", {href: choose}, `who else is “${name}”?`));
  } else {
    note.append(`Every entity named “${name}”, linked across articles or not. `, el("a", {href: choose}, `Who is “${name}”?`));
  }
  return note;
}

// "Rows 101–150 of 150 · newest first · actor “Russia” is RUS"
function describe(s, data) {
  const rows = data.rows.length;
  const first = rows ? data.offset + 1 : 0;
  const parts = [rows ? `Rows ${first.toLocaleString("en")}–${(data.offset + rows).toLocaleString("en")} of ${data.total.toLocaleString("en")}`
                      : (data.total ? `No rows here: the answer has ${data.total.toLocaleString("en")}` : "No rows")];
  if (data.sort) parts.push(data.sort === "-date" || data.sort === "-published" ? "newest first" : `sorted by ${data.sort.replace(/^-/, "")}${data.sort.startsWith("-") ? ", descending" : ""}`);
  for (const [k, v] of Object.entries(data.params || {})) {
    if (k === "conflicts") { if (v === true) parts.push("figures of one happening that disagree, one happening a row"); continue; }
    const typed = s.filters[k];
    if (typed && typed.toUpperCase() !== String(v).toUpperCase()) parts.push(`${k} “${typed}” is ${v}`);
    else if (!typed && k === "modality") parts.push(`${v} events only`);
    else if (!typed && k === "min-confidence" && s.tab === "corpus_entity") parts.push(`quotes and events at confidence ≥ ${v}`);
    // what the stories are when none is given: say so, so that an empty tab is understood (a corpus of one outlet has none)
    else if (!typed && k === "min-sources" && !s.filters.story) parts.push(`happenings reported by at least ${v} sources (min. sources 1: every one)`);
  }
  return parts.join(" · ");
}

function renderTable(s, rows, cols, sort) {
  $("results").replaceChildren(makeTable(s, rows, cols, sort));
}

// An entity's page, as a link (a real one: it opens in a new tab, the keyboard reaches it).
function entityLink(name) {
  const link = el("a", {href: "#" + new URLSearchParams({entity: name}), class: "entity"}, name);
  link.addEventListener("click", e => e.stopPropagation());  // not the row's article as well
  link.addEventListener("keydown", e => e.stopPropagation());
  return link;
}

// A story's page, as a link (#tab=stories&story=ID: the happening and every article that reported it).
function storyLink(id) {
  const link = el("a", {href: "#" + new URLSearchParams({tab: "stories", story: id}), class: "story", title: id}, "story");
  link.addEventListener("click", e => e.stopPropagation());
  link.addEventListener("keydown", e => e.stopPropagation());
  return link;
}

// A story's page: above its articles, what happened, who did it to whom, when and where, and how far it was reported.
function storyHeader(s, data) {
  if (s.tab !== "stories" || !s.filters.story) return [];
  const row = data.rows[0];
  if (!row) return [el("p", {class: "story-head"}, "No story has this id.")];
  const head = el("div", {class: "story-head"});
  head.append(el("h2", {}, `${row.type || row.cameo}: ${row.source || "?"} → ${row.target || "?"}`),
              el("p", {}, `${row.date}${row.place ? " · " + row.place : ""} · CAMEO ${row.cameo} · reported by ${row.sources} ` +
                          `source${row.sources === 1 ? "" : "s"} in ${row.articles} article${row.articles === 1 ? "" : "s"} ` +
                          `(${row.mentions} mention${row.mentions === 1 ? "" : "s"}); first ${data.rows.reduce((f, r) => !f || (r.published && r.published < f) ? r.published : f, "") || "undated"}`),
              el("a", {href: "#tab=stories"}, "all stories"));
  return [head];
}

// A table of rows; `sort` null: its columns do not sort (a list inside a view).
function makeTable(s, rows, cols, sort) {
  const table = el("table");
  const head = el("tr");
  for (const c of cols) {
    const th = el("th", {scope: "col"});
    const order = sort === c ? "ascending" : sort === `-${c}` ? "descending" : "none";
    th.setAttribute("aria-sort", order);
    if (sort === null) { th.textContent = c; th.dataset.col = c; head.append(th); continue; }
    const button = el("button", {type: "button", class: "sort", "data-col": c, title: `sort by ${c}`},
                      c + (order === "ascending" ? " ▲" : order === "descending" ? " ▼" : ""));
    button.addEventListener("click", () => go({sort: sort === c ? `-${c}` : c, page: 1}));
    th.append(button);
    head.append(th);
  }
  const thead = el("thead"); thead.append(head);
  const tbody = el("tbody");
  for (const row of rows) {
    const target = rowTarget(s, row);
    const tr = el("tr", target ? {class: "row", tabindex: "0"} : {});
    if (row.modality && row.modality !== "asserted") tr.classList.add("unasserted");
    for (const c of cols) {
      const linked = (c === "speaker" || c === "story") && row[c];
      const td = linked ? el("td") : el("td", {}, c === "snippet" ? passage(row) : Array.isArray(row[c]) ? row[c].join("; ") : row[c] ?? "");
      if (linked) td.append(c === "story" ? storyLink(row[c]) : entityLink(row[c]));
      if (c === "modality") td.classList.add(`modality-${String(row[c]).replace(/[^a-z]/g, "")}`);
      tr.append(td);
    }
    if (target) {
      if (row.article_id) { tr.dataset.article = row.article_id; tr.dataset.at = `${row.start}-${row.end}`; }
      tr.addEventListener("click", target);
      tr.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); target(); } });
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

// An article's passage around a match (the server's 200 characters from 80 before it, query.articles) in whole words:
// a word cut at either end is left out for "…", never a piece of the match.
function passage(row) {
  const text = String(row.snippet ?? "");
  const from = Math.max(0, Number(row.start) - 80);
  const units = codeUnits(text), unit = n => (units ? units[Math.min(n, units.length - 1)] : n);
  const match = [unit(Number(row.start) - from), unit(Number(row.end) - from)];  // where the match is in the passage (code points to units)
  let first = 0, last = text.length;
  if (from > 0) {
    const space = text.slice(0, match[0]).search(/\s/);
    if (space >= 0) first = space + 1;
  }
  if (from + text.length < Number(row.characters)) {
    const space = text.slice(match[1]).search(/\s\S*$/);
    if (space >= 0) last = match[1] + space;
  }
  return (first ? "… " : "") + text.slice(first, last) + (last < text.length ? " …" : "");
}

// What a row opens: its article at the row's evidence; an entity, its timeline; a pair of actors, their events.
function rowTarget(s, row) {
  if (row.article_id) return () => go({article: row.article_id, at: `${row.start}-${row.end}`});
  if (s.tab === "entities") return () => go({tab: "entity", entity: row.name, id: "", match: "", filters: {}, page: 1, sort: "", article: "", at: ""});
  if (s.tab === "network") return () => showEdge(s, row);
  if (s.tab === "map") return () => showPlace(s, row);  // web/map.js
  if (s.tab === "tone" && row.outlet && !s.filters.outlet) return () => go({filters: {...s.filters, outlet: row.outlet, by: ""}, page: 1, sort: ""});
  return null;
}

// Figures side by side (/api/figures?conflicts=1): per group what is counted, where and when, its values as stated
// with their sources and articles, and every figure's evidence, which opens its article at the figure.
function renderConflicts(s, rows) {
  const list = el("div", {class: "figure-groups"});
  for (const row of rows) {
    const group = el("section", {class: "figure-group", "data-group": row.group});
    group.append(el("h3", {}, `${row.what} · ${row.place} · ${row.from === row.to ? row.from : `${row.from} – ${row.to}`}`));
    group.append(el("p", {class: "summary"}, row.figures));
    let evidence = [];
    try { evidence = JSON.parse(row.evidence); } catch { evidence = []; }
    const table = el("table");
    const head = el("tr");
    for (const c of ["figure", "source", "published"]) head.append(el("th", {scope: "col"}, c));
    const thead = el("thead"); thead.append(head);
    const tbody = el("tbody");
    for (const item of Array.isArray(evidence) ? evidence : []) {
      const tr = el("tr", {class: "row", tabindex: "0"});
      for (const c of ["figure", "source", "published"]) tr.append(el("td", {}, item[c] ?? ""));
      tr.dataset.article = item.article_id; tr.dataset.at = `${item.start}-${item.end}`;
      const open = () => go({article: item.article_id, at: `${item.start}-${item.end}`});
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      tbody.append(tr);
    }
    table.append(thead, tbody);
    group.append(table);
    list.append(group);
  }
  $("results").replaceChildren(list);
}

function markOpenRow(s) {
  document.querySelectorAll("#results tr.open").forEach(tr => tr.classList.remove("open"));
  if (!s.article) return;
  document.querySelectorAll("#results tr[data-article]").forEach(tr => {
    if (tr.dataset.article === s.article && tr.dataset.at === s.at) tr.classList.add("open");
  });
}

function renderPager(s, data) {
  const pager = $("pager");
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const prev = el("button", {type: "button", "data-page": "prev"}, "← Newer" );
  const next = el("button", {type: "button", "data-page": "next"}, "Older →");
  if (!(data.sort === "-date" || data.sort === "-published")) { prev.textContent = "← Previous"; next.textContent = "Next →"; }
  prev.disabled = s.page <= 1;
  next.disabled = data.offset + data.rows.length >= data.total;
  prev.addEventListener("click", () => go({page: s.page - 1}));
  next.addEventListener("click", () => go({page: s.page + 1}));
  pager.replaceChildren(prev, el("span", {}, `page ${s.page.toLocaleString("en")} of ${pages.toLocaleString("en")}`), next);
}

// The whole answer of the table (every page, in its order) as a file, written as `newswire query --out` writes it.
function renderExport(s, data) {
  const box = $("export");
  box.replaceChildren();
  if (!data.total) return;
  box.append(el("span", {}, `Export the ${data.total.toLocaleString("en")} rows: `));
  for (const [format, name] of [["csv", "CSV"], ["jsonl", "JSON lines"], ["parquet", "Parquet"]]) {
    const params = apiParams(s);
    if (s.sort) params.set("sort", s.sort);
    params.set("format", format);
    box.append(el("a", {href: `/api/export/${TABS[s.tab].api}?${params}`, download: `newswire-${s.tab}.${format}`, "data-format": format}, name), " ");
  }
}

// --- the overview and the entity pages ---------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function clearView() {
  for (const id of ["results", "facets", "graph", "pager", "export"]) $(id).replaceChildren();
}

// A bar per date ("YYYY-MM-DD"), placed on a time axis (a gap of days is a gap), `key` of each point as its height.
function barChart(points, key, label, unit) {
  const width = 560, height = 110, top = 14, bottom = 18;
  const time = p => Date.parse(String(p.day || p.week).slice(0, 10) + "T00:00:00Z");
  const dated = points.filter(p => !Number.isNaN(time(p)));
  const figure = el("figure", {class: "chart", "data-series": key});
  const total = dated.reduce((n, p) => n + Number(p[key] || 0), 0);
  figure.append(el("figcaption", {}, `${label}: ${total.toLocaleString("en")}`));
  const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img",
                            "aria-label": `${label} per ${unit}, ${dated.length} ${unit}s`});
  if (dated.length) {
    const first = time(dated[0]), last = time(dated[dated.length - 1]);
    const step = unit === "week" ? 7 * 864e5 : 864e5;
    const slots = Math.round((last - first) / step) + 1;
    const slot = width / slots, max = Math.max(1, ...dated.map(p => Number(p[key] || 0)));
    for (const p of dated) {
      const value = Number(p[key] || 0);
      const h = (height - top - bottom) * value / max;
      const x = Math.round((time(p) - first) / step) * slot;
      const bar = svgEl("rect", {x: x.toFixed(1), y: (height - bottom - h).toFixed(1), width: Math.max(1, slot * 0.8).toFixed(1),
                                 height: h.toFixed(1), class: `bar ${key}`});
      const title = svgEl("title");
      title.textContent = `${String(p.day || p.week).slice(0, 10)}: ${value.toLocaleString("en")} ${label.toLowerCase()}`;
      bar.append(title);
      svg.append(bar);
    }
    const text = (x, y, anchor, value) => { const t = svgEl("text", {x, y, "text-anchor": anchor}); t.textContent = value; return t; };
    svg.append(text(0, 10, "start", `max ${max.toLocaleString("en")}`),
               text(0, height - 4, "start", String(dated[0].day || dated[0].week).slice(0, 10)),
               text(width, height - 4, "end", String(dated[dated.length - 1].day || dated[dated.length - 1].week).slice(0, 10)));
  }
  figure.append(svg);
  return figure;
}

// A titled list of names with counts, each name a link (or plain text without `href`).
function ranked(title, rows, name, count, href) {
  const box = el("section", {class: "ranked"});
  box.append(el("h3", {}, title));
  const list = el("ol");
  const most = Math.max(1, ...rows.map(r => Number(r[count]) || 0));
  for (const row of rows) {
    const item = el("li");
    if (href) item.append(href === entityLink ? entityLink(row[name]) : el("a", {href: href(row)}, row[name]));
    else item.append(el("span", {}, row[name]));
    item.append(el("span", {class: "count"}, ` ${Number(row[count]).toLocaleString("en")}`), countBar(Number(row[count]) || 0, most));
    list.append(item);
  }
  if (!rows.length) list.append(el("li", {class: "hint"}, "none"));
  box.append(list);
  return box;
}

// A ranked list's count as a bar (an SVG: the page's style allows no inline style), its length against the list's most.
function countBar(value, most) {
  const svg = svgEl("svg", {viewBox: "0 0 100 8", class: "count-bar", "aria-hidden": "true", preserveAspectRatio: "none"});
  svg.append(svgEl("rect", {x: 0, y: 0, width: (100 * value / most).toFixed(1), height: 8}));
  return svg;
}

const viewHref = params => "#" + new URLSearchParams(params);

async function loadOverview(s) {
  const request = ask("table");
  $("results").classList.add("stale");
  setStatus("Loading…");
  const [ok, o] = await getJSON("/api/overview", request.signal);
  if (!request.current()) return;
  $("results").classList.remove("stale");
  clearView();
  if (!ok) { setStatus(o.error, true); return; }
  setStatus(`${o.articles.toLocaleString("en")} articles` + (o.first_day ? ` from ${o.first_day} to ${o.last_day}` : ""));
  const facts = el("dl", {class: "facts"});
  for (const [term, value] of [
    ["articles", o.articles.toLocaleString("en")], [`quotes (confidence ≥ ${QUOTE_FLOOR})`, o.quotes.toLocaleString("en")],
    [`events (asserted, confidence ≥ ${EVENT_FLOOR})`, o.events.toLocaleString("en")], ["sources", o.sources.toLocaleString("en")],
    ["outlets", o.outlets.toLocaleString("en")], ["dates", o.first_day ? `${o.first_day} – ${o.last_day}` : "none"],
    ["duplicates", `${o.duplicates.toLocaleString("en")} of ${o.stored.toLocaleString("en")} stored (${(100 * o.duplicate_share).toFixed(1)} %)`],
  ]) {
    const box = el("div");
    box.append(el("dt", {}, term), el("dd", {"data-fact": term.split(" ")[0]}, value));
    facts.append(box);
  }
  const charts = el("div", {class: "charts"});
  charts.append(barChart(o.per_day, "articles", "Articles", "day"), barChart(o.per_day, "quotes", "Quotes", "day"),
                barChart(o.per_day, "events", "Events", "day"));
  const lists = el("div", {class: "lists"});
  lists.append(
    ranked("Top speakers (quotes)", o.speakers, "name", "quotes", entityLink),
    ranked("Top actors (events)", o.actors, "actor", "events", r => viewHref({tab: "events", actor: r.actor})),
    ranked("Top event types", o.event_types, "type", "events", r => viewHref({tab: "events", type: String(r.type).replace(/^CAMEO /, "")})),
    ranked("Top outlets (articles)", o.top_outlets, "outlet", "articles", r => viewHref({tab: "tone", outlet: r.outlet})));
  $("results").replaceChildren(el("h2", {}, "The corpus"), facts, charts, lists);
}

async function loadEntity(s) {
  const request = ask("table");
  $("results").classList.add("stale");
  setStatus("Loading…");
  // a name that is several entities across articles: choose one first (or ask for every entity of the name)
  if (!s.id && s.match !== "name" && await chooseEntity(s, request)) return;
  const [ok, e] = await getJSON(`/api/entity?${new URLSearchParams(s.id ? {id: s.id} : {name: s.entity})}`, request.signal);
  if (!request.current()) return;
  $("results").classList.remove("stale");
  clearView();
  if (!ok) { setStatus(e.error, true); return; }
  setStatus(`${e.name}: ${e.quotes.total.toLocaleString("en")} quotes (confidence ≥ ${QUOTE_FLOOR}) · ` +
            `${e.events.total.toLocaleString("en")} asserted events (confidence ≥ ${EVENT_FLOOR}) · ` +
            `${e.names.length} name${e.names.length === 1 ? "" : "s"} · ${e.groups.length} group${e.groups.length === 1 ? "" : "s"} by evidence`);
  const charts = el("div", {class: "charts"});
  charts.append(barChart(e.per_week, "articles", "Articles", "week"), barChart(e.per_week, "quotes", "Quotes", "week"),
                barChart(e.per_week, "events", "Events", "week"));
  const lists = el("div", {class: "lists"});
  lists.append(ranked("Names (articles)", e.names, "name", "articles", entityLink),
               ranked("Written as (mentions)", e.mentioned_as, "text", "mentions", null),
               ranked("Named with (articles)", e.co_occurring, "name", "articles", entityLink));
  const quotes = el("section", {class: "said"});
  quotes.append(el("h3", {}, `Said (${e.quotes.total.toLocaleString("en")} at confidence ≥ ${QUOTE_FLOOR})`),
                makeTable(s, e.quotes.rows, ["published", "quote", "title"], null));
  // the rest: by name, the quotes tab (the same floor, so the same total); one corpus entity's, its timeline (the
  // quotes tab knows no corpus entity), which lists its quotes at any confidence (`all`): both numbers said
  const timeline = viewHref(e.id ? {tab: "timeline", entity: s.entity, id: e.id} : {tab: "timeline", entity: e.name, match: "name"});
  const count = n => n.toLocaleString("en");
  if (e.id && e.quotes.all > e.quotes.rows.length) {
    quotes.append(el("a", {href: timeline}, e.quotes.all === e.quotes.total ? `all ${count(e.quotes.all)} quotes`
      : `all ${count(e.quotes.all)} quotes, at any confidence (${count(e.quotes.total)} at ≥ ${QUOTE_FLOOR}), in its timeline`));
  } else if (!e.id && e.quotes.total > e.quotes.rows.length) {
    quotes.append(el("a", {href: viewHref({tab: "quotes", speaker: e.name})}, `all ${count(e.quotes.total)} quotes at confidence ≥ ${QUOTE_FLOOR}`));
  }
  const events = el("section", {class: "acted"});
  // the events the Events tab shows by default (asserted, at the floor); its timeline lists every one (`all`)
  events.append(el("h3", {}, `Source or target of (${count(e.events.total)} asserted events at confidence ≥ ${EVENT_FLOOR})`),
                makeTable(s, e.events.rows, ["date", "role", "source", "plover", "trigger", "target"], null));
  events.append(el("a", {href: timeline, class: "timeline"}, e.events.all > e.events.total
    ? `its whole timeline (all ${count(e.events.all)} events, of any modality and confidence)` : "its whole timeline"));
  const who = s.id || s.match ? [whoNote(s.entity, e.id, viewHref({entity: s.entity, match: "choose"}), viewHref({entity: s.entity, match: "name"}))] : [];
  $("results").replaceChildren(el("h2", {class: "entity-name"}, e.name), ...who, evidenceGroups(e), charts, lists, acrossArticles(s, e.corpus || []), quotes, events);
  markOpenRow(readState());
  // the tone question finds articles by name: for one corpus entity, say that others of its name count too
  addToneChart(charts, {entity: e.name, by: "week"}, `Tone of the articles naming ${e.name}${e.id ? " (any entity of that name)" : ""}`, request);
}

// --- tone: GDELT's AvgTone of articles per period, per entity or outlet (/api/tone) --------------

// The tone tab's chart: tone per period (nothing for rows by outlet, a table of outlets is the answer there).
function toneGraph(s, rows) {
  if (!rows.length || !rows[0].period) return [];
  const what = s.filters.entity ? `articles naming ${s.filters.entity}` : s.filters.outlet ? `articles of ${s.filters.outlet}` : "all articles";
  return [toneChart(rows, `Tone of ${what}`, s.filters.by || "month")];
}

// On a view (an entity's page), a tone chart asked apart: drawn into `box` if the view is still the one asked for.
async function addToneChart(box, params, label, request) {
  const [ok, data] = await getJSON(`/api/tone?${new URLSearchParams({...params, limit: 10000})}`, request.signal);
  if (!ok || !request.current() || !data.rows.length) return;
  box.append(toneChart(data.rows, label, params.by));
}

// The slot of a period on a time axis of `unit`s, so that a gap of weeks or months is a gap.
function periodSlot(period, unit) {
  const [y, m] = String(period).slice(0, 7).split("-").map(Number);
  const days = Date.parse(String(period).slice(0, 10) + "T00:00:00Z") / 864e5;
  return unit === "year" ? y : unit === "month" ? y * 12 + m : unit === "week" ? Math.round(days / 7) : days;
}

// Bars up (positive) or down (negative) from a zero line, one per period: the mean tone of its articles.
function toneChart(rows, label, unit) {
  const width = 560, height = 130, top = 14, bottom = 18, mid = (height - bottom + top) / 2;
  const points = rows.filter(r => r.period && r.tone !== null && r.tone !== undefined);
  const figure = el("figure", {class: "chart tone-chart", "data-series": "tone"});
  const articles = points.reduce((n, p) => n + Number(p.articles), 0);
  const mean = articles ? points.reduce((n, p) => n + Number(p.tone) * Number(p.articles), 0) / articles : 0;
  const rounded = Math.round(mean * 100) / 100 || 0;  // never "-0.00"
  figure.append(el("figcaption", {}, `${label}, per ${unit}: ${rounded > 0 ? "+" : ""}${rounded.toFixed(2)} over ${articles.toLocaleString("en")} articles ` +
                                       "(GDELT's AvgTone: positive minus negative words per 100; news runs below 0)"));
  const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, class: "bars tone", role: "img",
                            "aria-label": `${label} per ${unit}, ${points.length} ${unit}s`});
  if (points.length) {
    const first = periodSlot(points[0].period, unit), last = periodSlot(points[points.length - 1].period, unit);
    const slot = width / (last - first + 1);
    const max = Math.max(1, ...points.map(p => Math.abs(Number(p.tone))));
    const half = mid - top;
    svg.append(svgEl("line", {x1: 0, x2: width, y1: mid, y2: mid, class: "zero"}));
    for (const p of points) {
      const value = Number(p.tone), h = half * Math.abs(value) / max;
      const bar = svgEl("rect", {x: ((periodSlot(p.period, unit) - first) * slot).toFixed(1), y: (value >= 0 ? mid - h : mid).toFixed(1),
                                 width: Math.max(1, slot * 0.8).toFixed(1), height: Math.max(h, 0.5).toFixed(1),
                                 class: `bar ${value >= 0 ? "positive" : "negative"}`});
      const title = svgEl("title");
      const said = p.quotes ? `; ${p.quotes} quotes, tone ${p.quote_tone}` : "";
      title.textContent = `${String(p.period).slice(0, 10)}: tone ${value} over ${p.articles} articles${said}`;
      bar.append(title);
      svg.append(bar);
    }
    const text = (x, y, anchor, value) => { const t = svgEl("text", {x, y, "text-anchor": anchor}); t.textContent = value; return t; };
    svg.append(text(0, 10, "start", `+${max.toFixed(1)}`), text(0, height - bottom - 2, "start", `−${max.toFixed(1)}`),
               text(width, height - 4, "end", String(points[points.length - 1].period).slice(0, 10)),
               text(width / 2, height - 4, "middle", `from ${String(points[0].period).slice(0, 10)} to`));
  }
  figure.append(svg);
  return figure;
}

// The entities of an entity page told apart by what their articles say (name, type, actor code, country; their
// titles shown), each with the articles it comes from: "John Smith · USA · USALEG · senator" is not merged with
// "John Smith · GBR · footballer". Grouping by evidence, not identity: the page says so.
function evidenceGroups(e) {
  const box = el("section", {class: "groups"});
  box.append(el("h3", {}, `Told apart by evidence (${e.groups.length} group${e.groups.length === 1 ? "" : "s"})`),
             el("p", {class: "hint"}, "One group per name, type, actor code and country as the articles give them. " +
                "This is what the articles say, not who is who: two groups may be one person, and one group two people."));
  const list = el("ul");
  for (const g of e.groups) {
    const item = el("li", {class: "group"});
    const said = [g.type, g.country || "no country", g.actor || "no actor code"];
    if (g.titles && g.titles.length) said.push(g.titles.join(", "));
    item.append(entityLink(g.name), el("span", {class: "evidence"}, ` · ${said.join(" · ")} · `),
                el("span", {class: "count"}, `${Number(g.articles).toLocaleString("en")} article${g.articles === 1 ? "" : "s"}`));
    const from = el("ul", {class: "seen-in"});
    for (const a of g.seen_in) {
      const open = el("button", {type: "button", class: "article-link", "data-article": a.article_id},
                      `${a.published ? String(a.published).slice(0, 10) : "undated"} ${a.title || a.article_id}`);
      open.addEventListener("click", () => go({article: a.article_id, at: ""}));
      const line = el("li"); line.append(open); from.append(line);
    }
    if (g.articles > g.seen_in.length) from.append(el("li", {class: "hint"}, `and ${(g.articles - g.seen_in.length).toLocaleString("en")} more`));
    item.append(from);
    list.append(item);
  }
  box.append(list);
  return box;
}

// The corpus entities of an entity page's name (one entity across articles): each its aliases and articles.
function acrossArticles(s, linked) {
  const box = el("section", {class: "linked"});
  box.append(el("h3", {}, `Across articles (${linked.length} linked ${linked.length === 1 ? "entity" : "entities"})`));
  for (const c of linked) {
    const facts = [c.type, c.country, c.actor].filter(Boolean).join(" · ");
    box.append(el("h4", {}, `${c.name} (${facts}): ${Number(c.articles).toLocaleString("en")} articles`));
    box.append(el("p", {class: "aliases"}, `Also written: ${c.aliases.join(", ")}`));
    box.append(makeTable(s, c.article_rows, ["published", "title", "name"], null));
  }
  if (linked.length) box.append(el("a", {href: viewHref({tab: "corpus_entity", name: s.entity})}, "everything it said and did, across articles"));
  return box;
}

// --- facets: the answer counted by type, modality, outlet, actor (events: a country's or body's three letters) ---

// The tabs with facets, and the filter each facet sets when a value is clicked (none: shown only).
const FACETED = {quotes: {type: "type", outlet: "outlet"}, articles: {outlet: "outlet"}, events: {type: "type", modality: "modality", outlet: "outlet", actor: "actor"}};

function renderFacets(s, data) {
  const box = $("facets");
  box.replaceChildren();
  for (const [facet, values] of Object.entries(data.facets)) {
    const part = el("section", {class: "facet", "data-facet": facet});
    part.append(el("h3", {}, facet));
    const list = el("ul");
    const filter = FACETED[s.tab][facet];
    for (const {value, count} of values) {
      const item = el("li");
      const shown = value === null ? "(none)" : String(value);
      const chosen = filter && String(s.filters[filter] || (filter === "modality" ? CHOICES.get("modality")[0] : "")).toUpperCase() ===
                     String(value).replace(/^CAMEO /, "").toUpperCase();
      if (filter && value !== null && !chosen) {
        const button = el("button", {type: "button", class: "facet-value", "data-value": value}, shown);
        button.addEventListener("click", () => go({filters: {...s.filters, [filter]: String(value).replace(/^CAMEO /, "")}, page: 1}));
        item.append(button);
      } else {
        item.append(el("span", {class: chosen ? "chosen" : ""}, shown));
      }
      item.append(el("span", {class: "count"}, ` ${Number(count).toLocaleString("en")}`));
      list.append(item);
    }
    part.append(list);
    box.append(part);
  }
}

// --- trends: the answer over time, a stacked bar per period by its key (events: type; quotes: speaker) ---------

const TREND_WHAT = {events: ["Events", "type"], quotes: ["Quotes", "speaker"]};

function trendChart(s, trend) {
  const [label, by] = TREND_WHAT[s.tab];
  const width = 560, height = 130, top = 14, bottom = 18;
  const figure = el("figure", {class: "chart trend", "data-trend": s.tab});
  const total = trend.series.reduce((n, p) => n + p.count, 0);
  figure.append(el("figcaption", {}, `${label} per ${trend.unit} by ${by}: ${total.toLocaleString("en")}` +
                   (trend.undated ? ` (${trend.undated.toLocaleString("en")} without a day, not drawn)` : "")));
  const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img",
                            "aria-label": `${label} per ${trend.unit} by ${by}`});
  const periods = [...new Set(trend.series.map(p => p.period))].sort();
  if (periods.length) {
    const time = d => Date.parse(String(d).slice(0, 10) + "T00:00:00Z");
    // slots on a time axis (a gap is a gap): months counted as months, days and weeks by their length
    const index = d => trend.unit === "month"
      ? (Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7))) - (Number(periods[0].slice(0, 4)) * 12 + Number(periods[0].slice(5, 7)))
      : Math.round((time(d) - time(periods[0])) / ((trend.unit === "week" ? 7 : 1) * 864e5));
    const slots = index(periods[periods.length - 1]) + 1, slot = width / slots;
    const sums = new Map();
    for (const p of trend.series) sums.set(p.period, (sums.get(p.period) || 0) + p.count);
    const max = Math.max(1, ...sums.values());
    const stacked = new Map();
    for (const p of trend.series) {
      const below = stacked.get(p.period) || 0;
      stacked.set(p.period, below + p.count);
      const h = (height - top - bottom) * p.count / max, y = height - bottom - (height - top - bottom) * (below + p.count) / max;
      const k = trend.keys.indexOf(p.key);
      const bar = svgEl("rect", {x: (index(p.period) * slot).toFixed(1), y: y.toFixed(1), width: Math.max(1, slot * 0.8).toFixed(1),
                                 height: h.toFixed(1), class: `bar k${k < 0 ? 6 : Math.min(k, 6)}`, "data-key": p.key, "data-period": p.period});
      const title = svgEl("title");
      title.textContent = `${p.period} (${trend.unit}): ${p.count.toLocaleString("en")} · ${p.key}`;
      bar.append(title);
      if (s.tab === "events" && p.key !== "other") {  // a type's bar narrows the table to that type
        bar.classList.add("pick");
        bar.addEventListener("click", () => go({filters: {...s.filters, type: String(p.key).replace(/^CAMEO /, "")}, page: 1}));
      }
      svg.append(bar);
    }
    const text = (x, y, anchor, value) => { const t = svgEl("text", {x, y, "text-anchor": anchor}); t.textContent = value; return t; };
    svg.append(text(0, 10, "start", `max ${max.toLocaleString("en")}`), text(0, height - 4, "start", periods[0]),
               text(width, height - 4, "end", periods[periods.length - 1]));
  }
  figure.append(svg);
  const keys = el("p", {class: "trend-keys"});
  trend.keys.forEach((key, k) => keys.append(el("span", {class: `key k${Math.min(k, 6)}`}, key), " "));
  figure.append(keys);
  return figure;
}

// --- the network -----------------------------------------------------------------

// The events behind one edge: the source's and target's, of the edge's type, dates and confidence floor, asserted.
function showEdge(s, edge) {
  const filters = {source: edge.source, target: edge.target};
  const type = String(edge.type).replace(/^CAMEO /, "");
  if (type) filters.type = type;
  for (const k of ["from", "to", "min-confidence"]) if (s.filters[k]) filters[k] = s.filters[k];
  go({tab: "events", filters, page: 1, sort: ""});
}

// Actors on a circle, an arrow from source to target per coded pair: width by events, red for conflict
// (Goldstein below 0), green for cooperation; the actors with the most events if there are too many.
function renderNetwork(rows, s) {
  const weight = new Map();
  for (const e of rows) for (const a of [e.source, e.target]) weight.set(a, (weight.get(a) || 0) + e.events);
  const actors = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || (a < b ? -1 : 1));
  const names = actors.slice(0, MAX_ACTORS);
  // room around the circle for a label of 15 characters or so (actor codes are 3 to 12)
  const size = 600, r = 190, c = size / 2;
  const at = new Map(names.map((n, i) => {
    const angle = 2 * Math.PI * i / names.length - Math.PI / 2;
    return [n, [c + r * Math.cos(angle), c + r * Math.sin(angle), angle]];
  }));
  const svg = svgEl("svg", {viewBox: `0 0 ${size} ${size}`, class: "network", role: "img",
                            "aria-label": `network of ${names.length} actors`});
  const defs = svgEl("defs");
  for (const [id, cls] of [["arrow-conflict", "conflict"], ["arrow-cooperation", "cooperation"]]) {
    const marker = svgEl("marker", {id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7",
                                    orient: "auto-start-reverse", markerUnits: "userSpaceOnUse"});
    marker.append(svgEl("path", {d: "M0,0 L10,5 L0,10 z", class: `head ${cls}`}));
    defs.append(marker);
  }
  svg.append(defs);
  let drawn = 0;
  for (const e of rows) {
    if (!at.has(e.source) || !at.has(e.target) || e.source === e.target) continue;
    const [x1, y1] = at.get(e.source), [x2, y2] = at.get(e.target);
    // bend each edge to its right, so that A → B and B → A are two arrows, not one line
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const bend = 0.12 * len;
    const qx = (x1 + x2) / 2 - dy / len * bend, qy = (y1 + y2) / 2 + dx / len * bend;
    // stop short of the target's dot
    const tx = x2 - (x2 - qx) / Math.hypot(x2 - qx, y2 - qy) * 7, ty = y2 - (y2 - qy) / Math.hypot(x2 - qx, y2 - qy) * 7;
    const kind = e.goldstein < 0 ? "conflict" : "cooperation";
    const path = svgEl("path", {d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
                                class: `edge ${kind}`, "stroke-width": Math.min(1 + e.events, 8), "marker-end": `url(#arrow-${kind})`,
                                tabindex: "0", role: "link", "data-source": e.source, "data-target": e.target});
    const title = svgEl("title");
    title.textContent = `${e.source} → ${e.target}: ${e.type} × ${e.events} (Goldstein ${e.goldstein}); click for the events`;
    path.append(title);
    path.addEventListener("click", () => showEdge(s, e));
    path.addEventListener("keydown", ev => { if (ev.key === "Enter") showEdge(s, e); });
    svg.append(path);
    drawn++;
  }
  for (const [name, [x, y, angle]] of at) {
    svg.append(svgEl("circle", {cx: x, cy: y, r: 4, class: "node"}));
    // each label along its own ray outside the circle (turned to read left to right), so that two neighbours are
    // at least the arc between them apart (9° of a 198 px circle with 40 actors: 31 px for 11 px letters), never over each other
    const lx = c + (r + 8) * Math.cos(angle), ly = c + (r + 8) * Math.sin(angle);
    const right = Math.cos(angle) >= 0;
    const turn = (angle * 180 / Math.PI + (right ? 0 : 180)).toFixed(2);
    const label = svgEl("text", {x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": right ? "start" : "end", "dominant-baseline": "central",
                                 transform: `rotate(${turn} ${lx.toFixed(1)} ${ly.toFixed(1)})`, class: "actor"});
    label.textContent = name;
    svg.append(label);
  }
  const legend = el("p", {class: "legend network-legend"});
  legend.append(el("span", {class: "key conflict"}, "conflict (Goldstein < 0)"), el("span", {class: "key cooperation"}, "cooperation"),
                el("span", {}, "arrow: source → target · width: events · click an arrow for its events"));
  const cap = el("p", {class: "cap"}, actors.length > names.length
    ? `Drawn: the ${names.length} actors with the most events of the ${actors.length} on this page (${drawn} of ${rows.length} pairs); the table lists them all.`
    : `Drawn: all ${actors.length} actors of this page (${drawn} of ${rows.length} pairs; an actor acting on itself is not drawn).`);
  return [svg, legend, cap];
}

// --- the article -------------------------------------------------------------------

function closeArticle() {
  ask("article");
  $("article").classList.remove("open");
  $("article").replaceChildren(el("p", {class: "hint"}, "Click a row to read its article with the evidence highlighted."));
}

// What the marks in an article mean.
function legend() {
  const p = el("p", {class: "legend"});
  for (const [cls, name] of [["q", "quote"], ["spk", "speaker"], ["cue", "cue"], ["ev", "event"], ["role", "event source, target, place"],
                             ["fig", "figure"], ["ent", "entity"], ["removed", "removed"]]) p.append(el("span", {class: cls}, name));
  return p;
}

// Only web links are links: a javascript: or data: URL in a record is shown as text.
function webLink(url, text) {
  let parsed = null;
  try { parsed = new URL(url); } catch (err) { parsed = null; }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
    return el("a", {href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank"}, text);
  }
  return null;
}

function sourceLink(url, said = "") {
  if (!url) return null;
  const link = webLink(url, url);
  if (!link) return el("p", {class: "source"}, `source: ${url}${said}`);
  const p = el("p", {class: "source"});
  p.append(link);
  if (said) p.append(said);
  return p;
}

// For a stored copy's id (a syndicated or repeated text that was not analysed): that it is a copy, its own date,
// outlet, title and URL, and a link to the analysed article shown below it.
function copyNote(copies) {
  if (!copies || !copies.canonical || !copies.copy) return [];
  const c = copies.copy;
  const note = el("div", {class: "copy-note"});
  note.append(el("p", {}, `A stored copy${typeof c.similarity === "number" ? ` (similarity ${c.similarity})` : ""} of the article ` +
                          `below, which was analysed in its place: this copy was published ${c.published || "on no date given"} · ` +
                          `${c.outlet || "no outlet"} · ${c.title || "no title"}`));
  const url = sourceLink(c.url);
  if (url) note.append(url);
  const open = el("button", {type: "button", class: "article-link", "data-article": copies.canonical}, "Open the analysed article");
  open.addEventListener("click", () => go({article: copies.canonical, at: ""}));
  note.append(open);
  return [note];
}

// A stored copy whose canonical article failed analysis (no analysis to show): what is known of it, its own date,
// outlet, title, URL and text (no records), and that the article it was linked to failed, and why.
function failedCopy(copies) {
  const c = copies.copy || {}, why = copies.canonical_failed;
  const reason = [why.stage, why.message].filter(Boolean).join(": ");
  const note = el("div", {class: "copy-note"});
  note.append(el("p", {}, `A stored copy${typeof c.similarity === "number" ? ` (similarity ${c.similarity})` : ""} of article ` +
                          `${copies.canonical}, which was to be analysed in its place but failed analysis${reason ? ` (${reason})` : ""}: ` +
                          "there are no records to show."));
  const text = el("div", {class: "text"});
  if (copies.text) text.append(el("div", {class: "chunk"}, copies.text));
  return [
    closeButton(),
    note,
    el("h2", {}, c.title || copies.id),
    el("p", {}, `published ${c.published || "unknown"} · ${c.outlet || "no outlet"}` +
                ` · ${copies.total} other ${copies.total === 1 ? "copy" : "copies"}`),
    ...[sourceLink(c.url)].filter(Boolean),
    ...(copies.text ? [text] : []),
  ];
}

// The last article read, so that moving its focus (a record clicked, `at` in the URL) does not ask for it again.
const lastArticle = {id: null, article: null, copies: null};

// Each record's evidence as a mark: [start, end, class, title]. A quote: its content, speaker and cue; an event: its
// trigger and the words of its source, target and place; a figure; an entity's mentions; removed text.
function articleMarks(a) {
  const marks = [];
  const span = (x, cls, title) => { if (x && Number.isInteger(x.start) && Number.isInteger(x.end)) marks.push([x.start, x.end, cls, title]); };
  for (const r of a.removed) span(r, "removed", `removed: ${r.reason}`);
  for (const e of a.entities) for (const m of e.mentions) span(m, "ent", `${e.name} ${e.actor || ""}`);
  for (const q of a.quotes) {
    const who = q.speaker_name || (q.speaker && q.speaker.text) || "unknown";
    span(q.content, "q", `${q.type} quote by ${who}`);
    span(q.speaker, "spk", `speaker of a ${q.type} quote: ${who}`);
    span(q.cue, "cue", `cue of ${who}'s quote: ${q.cue ? q.cue.lemma : ""}`);
  }
  for (const v of a.events) {
    const what = `${v.plover || `CAMEO ${v.cameo}`} ${v.cameo}`;
    span(v.trigger, "ev", `${what}: ${(v.source && v.source.actor) || "?"} → ${(v.target && v.target.actor) || "?"}${v.modality && v.modality !== "asserted" ? ` (${v.modality})` : ""}`);
    span(v.source, "role", `source of ${what}${v.source && v.source.actor ? ` (${v.source.actor})` : ""}`);
    span(v.target, "role", `target of ${what}${v.target && v.target.actor ? ` (${v.target.actor})` : ""}`);
    span(v.location, "role", `place of ${what}${v.location && v.location.geo ? `: ${v.location.geo.name}` : ""}`);
  }
  for (const f of a.figures) span(f, "fig", `figure: ${[f.qualifier, f.value, f.unit, f.what].filter(x => x !== null && x !== undefined).join(" ")}`);
  return marks;
}

const short = (text, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const actorText = x => (x ? `${x.text}${x.actor ? ` (${x.actor})` : ""}` : "—");

// The article's records, one list each (quotes, events, figures, copies), closed until opened: each item names its
// parts (a quote's speaker and cue; an event's source, target, place, date, modality and confidence) and moves the
// article's focus to its evidence.
function recordLists(a, copies, open) {
  const box = el("div", {class: "records"});
  const list = (kind, title, items) => {
    const details = el("details", {"data-records": kind});
    if (open.has(kind)) details.open = true;
    details.append(el("summary", {}, `${title} (${items.length})`));
    const ol = el("ol");
    for (const [text, at, extra] of items) {
      const li = el("li");
      if (at) {
        const button = el("button", {type: "button", class: "record", "data-at": `${at.start}-${at.end}`}, text);
        button.addEventListener("click", () => go({at: `${at.start}-${at.end}`}));
        li.append(button);
      } else li.append(el("span", {}, text));
      if (extra) li.append(" ", extra);
      ol.append(li);
    }
    details.append(ol);
    box.append(details);
  };
  list("quotes", "Quotes", a.quotes.map(q => [
    `${q.speaker_name || (q.speaker && q.speaker.text) || "no speaker"} · cue: ${q.cue ? q.cue.text : "—"} · ${q.type} · “${short(q.content.text)}”` +
    (typeof q.confidence === "number" ? ` · confidence ${q.confidence}${q.confidence < QUOTE_FLOOR ? ` (below ${QUOTE_FLOOR}: not in the Quotes tab)` : ""}` : ""),
    q.content]));
  list("events", "Events", a.events.map(v => [
    `${v.plover || "CAMEO"} ${v.cameo} “${v.trigger.text}” · source: ${actorText(v.source)} · target: ${actorText(v.target)}` +
    ` · place: ${v.location ? (v.location.geo ? v.location.geo.name : v.location.text) : "—"} · date: ${v.date || "—"} · ${v.modality}` +
    (typeof v.confidence === "number" ? ` · confidence ${v.confidence}${v.confidence < EVENT_FLOOR ? ` (below ${EVENT_FLOOR}: not in the Events tab)` : ""}` : ""),
    v.sentence]));
  list("figures", "Figures", a.figures.map(f => [
    `${f.text} · ${f.what || "—"} · date: ${f.date || "—"}${f.places && f.places.length ? ` · ${f.places.join(", ")}` : ""}`, f]));
  if (copies) {
    list("copies", "Copies stored (syndicated or repeated)", copies.rows.map(c => [
      `${c.published || "no date"} · ${c.outlet || "no outlet"} · ${c.title || c.source || c.id}` +
      (typeof c.similarity === "number" ? ` · similarity ${c.similarity}` : ""), null, c.url ? webLink(c.url, "source") || el("span", {}, `source: ${c.url}`) : null]));
  }
  return box;
}

// The article's text with every quote, event trigger and entity mention marked at its offsets.
async function openArticle(id, at) {
  const box = $("article");
  const request = ask("article");
  box.classList.add("open");
  const open = new Set([...box.querySelectorAll("details[open]")].map(d => d.dataset.records));
  let a = lastArticle.id === id ? lastArticle.article : null, copies = lastArticle.id === id ? lastArticle.copies : null;
  if (!a) {
    box.replaceChildren(closeButton(), el("p", {class: "hint"}, "Loading the article…"));
    const asked = getJSON(`/api/copies/${encodeURIComponent(id)}`, request.signal);
    const [ok, data] = await getJSON(`/api/article/${encodeURIComponent(id)}`, request.signal);
    const [copiesOk, copiesData] = await asked;
    if (!request.current()) return;
    if (!ok && copiesOk && copiesData.canonical_failed) { box.replaceChildren(...failedCopy(copiesData)); return; }
    if (!ok) { box.replaceChildren(closeButton(), el("p", {class: "error"}, data.error)); return; }
    a = data;
    copies = copiesOk ? copiesData : null;  // an error there: the article is still worth showing
    Object.assign(lastArticle, {id, article: a, copies});
  }
  const focus = at ? at.split("-").map(Number) : null;
  const [text, note] = markedText(a.text, articleMarks(a), focus);
  // the stored article (a copy's canonical): the date, URL and title it took from its copies, which its analysis lacks
  const stored = copies && copies.article ? copies.article : null;
  const given = name => (stored && stored.filled.includes(name) ? stored[name] : null);
  const published = a.published ? a.published : given("published") ? `${given("published")} (given by a copy)` : "unknown";
  const url = a.url || given("url");
  box.replaceChildren(
    closeButton(),
    ...copyNote(copies),
    el("h2", {}, a.title || given("title") || a.id),
    // named entities only (records.Entity.named: a mention of kind "name"); "both delegations" is a description
    el("p", {}, `published ${published}` + (stored && stored.outlet ? ` · ${stored.outlet}${a.url ? "" : " (given by a copy)"}` : "") +
                ` · ${a.entities.filter(e => e.mentions.some(m => m.kind === "name")).length} entities · ${a.quotes.length} quotes · ${a.events.length} events · ` +
                `${a.figures.length} figures` + (copies ? ` · ${copies.total} ${copies.canonical ? "other " : ""}copies` : "")),
    ...[sourceLink(url, a.url ? "" : " (given by a copy)")].filter(Boolean),
    recordLists(a, copies, open),
    legend(),
    ...(note ? [el("p", {class: "note"}, note)] : []),
    text);
  const mark = box.querySelector(".focus");
  // scroll the article's own box, never the page (the table keeps its place)
  // (measured against the box: the mark's offsetTop is against its block of text, which contains its layout). Blocks
  // out of view have an estimated height until drawn: once those now in view are drawn, the mark is placed again.
  box.scrollTop = 0;
  const place = (frames) => {
    if (!mark || !request.current() || !mark.isConnected) return;
    const off = mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    if (Math.abs(off) < 2) return;
    box.scrollTop = Math.max(0, box.scrollTop + off);
    if (frames > 0) requestAnimationFrame(() => place(frames - 1));
  };
  place(5);
}

function closeButton() {
  const button = el("button", {type: "button", class: "close", "aria-label": "close the article"}, "× Close");
  button.addEventListener("click", () => go({article: "", at: ""}));
  return button;
}

// [the text as nodes, a note or ""]: one sweep over the marks in text order (not one pass per piece), at most
// MAX_MARKS of them (the focus always), so a very large article is drawn in a moment.
// The offsets of records are code points (Python's string indices); a JavaScript string counts UTF-16 units, two for a
// character outside the BMP (an emoji, "𝐀"). For a text holding one: each code point's unit, and one past the last.
function codeUnits(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const units = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    if ((text.charCodeAt(i) & 0xFC00) === 0xD800 && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) i++;
  }
  units.push(text.length);
  return units;
}

function markedText(text, all, focus) {
  const units = codeUnits(text), length = units ? units.length - 1 : text.length;
  const unit = units ? (m => [units[m[0]], units[m[1]], ...m.slice(2)]) : (m => m);
  let marks = all.filter(m => 0 <= m[0] && m[0] < m[1] && m[1] <= length).map(unit).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let note = "";
  if (marks.length > MAX_MARKS) {
    note = `This article has ${marks.length.toLocaleString("en")} marks: the first ${MAX_MARKS.toLocaleString("en")} are highlighted, the rest of the text is plain.`;
    marks = marks.slice(0, MAX_MARKS);
  }
  if (focus && focus[0] < focus[1] && focus[1] <= length) {
    marks.push(unit([focus[0], focus[1], "focus", ""]));
    marks.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  }
  const cuts = [...new Set([0, text.length, ...marks.flatMap(m => [m[0], m[1]])])].sort((x, y) => x - y);
  const out = el("div", {class: "text"});
  // the text in blocks of about CHUNK characters, each cut after a line's end (never inside a mark), which the
  // browser lays out only when they come into view (style.css: content-visibility), so that a long article opens at once
  let chunk = el("div", {class: "chunk"}), size = 0;
  out.append(chunk);
  const add = (node, length) => { chunk.append(node); size += length; };
  let active = [], next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, t] = [cuts[i], cuts[i + 1]];
    active = active.filter(m => m[1] > s);
    while (next < marks.length && marks[next][0] <= s) { if (marks[next][1] > s) active.push(marks[next]); next++; }
    let piece = text.slice(s, t);
    if (!active.length) {
      for (let end; size + piece.length > CHUNK && (end = piece.indexOf("\n", Math.max(0, CHUNK - size))) >= 0;) {
        add(document.createTextNode(piece.slice(0, end + 1)), end + 1);
        piece = piece.slice(end + 1);
        chunk = el("div", {class: "chunk"}); size = 0;
        out.append(chunk);
      }
      if (piece) add(document.createTextNode(piece), piece.length);
      continue;
    }
    const titles = active.map(m => m[3]).filter(Boolean);
    const span = el("span", {class: [...new Set(active.map(m => m[2]))].join(" ")}, piece);
    if (titles.length) span.setAttribute("title", titles.join("\n"));
    add(span, piece.length);
  }
  return [out, note];
}

// --- start -----------------------------------------------------------------------

$("tabs").addEventListener("click", e => {
  const tab = e.target.closest("button") && e.target.closest("button").dataset.tab;
  if (has(TABS, tab) || tab === "overview") go({tab, entity: "", filters: {}, page: 1, sort: "", article: "", at: ""});
});
$("form").addEventListener("submit", e => { e.preventDefault(); go({filters: formFilters(), page: 1}); });
window.addEventListener("hashchange", render);
render();
