// claimdesk desk: the page over the JSON API. Plain JS, no library, no network beyond this server.
// Every text that came from a document, a model or a user is set with textContent, never as HTML.
"use strict";

const STATUS_ORDER = ["denied", "unverified", "confirmed"];
const STATUS_LABEL = {
  denied: "✗ denied",
  unverified: "? unverified",
  confirmed: "✓ confirmed",
  not_addressed: "∅ not addressed",
};
// Highlight colour and underline follow the strongest stance among the sources a quote backs.
const STANCE_RANK = ["denies", "not_confirmed", "declines_comment", "confirms", "asserts"];
const STANCE_CLASS = {
  denies: "denies",
  not_confirmed: "withholds",
  declines_comment: "withholds",
  confirms: "confirms",
  asserts: "asserts",
};

const state = {
  documents: [], // [{id, text, title, outlet, date}] as analysed
  analysis: null,
  spans: new Map(), // key "doc:start:end" -> {doc, start, end, backs: [...], roles: Set}
  activeDoc: null,
  sessionId: null,
  busy: false,
};
window.claimdesk = { timings: {}, state };

// --- small helpers ----------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (id) => document.getElementById(id);
const spanKey = (ev) => `${ev.document_id}:${ev.start}:${ev.end}`;

function say(message) {
  $("status").textContent = message;
}

function showError(message) {
  const alert = $("alert");
  alert.textContent = message ? `Error: ${message}` : "";
  alert.hidden = !message;
}

function docLabel(doc, index) {
  return doc.title || doc.outlet || `Document ${index + 1}`;
}

function statusBadge(status) {
  return el("span", { class: `badge status-${status}` }, STATUS_LABEL[status] || status);
}

function sourceLine(source) {
  const record = source.on_record ? "on record" : "anonymous";
  const role = source.role ? `, ${source.role}` : "";
  return [
    el("strong", {}, source.name),
    role,
    " — ",
    el("span", { class: "kind" }, source.kind.replace("_", " ")),
    " · ",
    el("span", { class: `stance stance-text-${STANCE_CLASS[source.stance] || "asserts"}` }, source.stance.replace("_", " ")),
    " · ",
    record,
  ];
}

async function api(path, body, options = {}) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "Content-Type": options.type || "application/json" },
    body: body === undefined ? undefined : options.type ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      if (problem && problem.message) message = problem.message;
    } catch (_) {
      /* not JSON: keep the status line */
    }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response;
}

// --- document inputs --------------------------------------------------------------------------

function addDocumentInput(fields = {}) {
  const list = $("doc-inputs");
  const n = list.children.length + 1;
  const id = `doc-${Date.now().toString(36)}-${n}`;
  const field = (name, label, type = "text") =>
    el("label", { class: `field field-${name}` }, label,
      el("input", { type, name, id: `${id}-${name}`, value: fields[name] || "" }));
  const box = el("fieldset", { class: "doc-input" },
    el("legend", {}, `Document ${n}`),
    el("div", { class: "meta" },
      field("title", "Title"), field("outlet", "Outlet"), field("date", "Date", "date")),
    el("label", { class: "field field-text" }, "Article text",
      el("textarea", { name: "text", rows: 8, id: `${id}-text` })),
    el("button", { type: "button", class: "remove", onclick: () => removeDocumentInput(box) },
      `Remove document ${n}`));
  box.querySelector("textarea").value = fields.text || "";
  list.append(box);
  return box;
}

function removeDocumentInput(box) {
  box.remove();
  if (!$("doc-inputs").children.length) addDocumentInput();
  renumberInputs();
}

function renumberInputs() {
  [...$("doc-inputs").children].forEach((fieldset, i) => {
    fieldset.querySelector("legend").textContent = `Document ${i + 1}`;
    fieldset.querySelector(".remove").textContent = `Remove document ${i + 1}`;
  });
}

function setDocumentInputs(documents) {
  $("doc-inputs").replaceChildren();
  for (const doc of documents) addDocumentInput(doc);
  if (!documents.length) addDocumentInput();
}

function documentsFromInputs() {
  const documents = [];
  for (const box of $("doc-inputs").children) {
    const value = (name) => box.querySelector(`[name=${name}]`).value;
    if (!value("text").trim()) continue;
    documents.push({
      text: value("text"),
      title: value("title").trim() || null,
      outlet: value("outlet").trim() || null,
      date: value("date") || null,
    });
  }
  return documents;
}

async function readFiles(files) {
  for (const file of files) {
    try {
      const response = await api(`/api/read?name=${encodeURIComponent(file.name)}`,
        await file.arrayBuffer(), { type: "application/octet-stream" });
      const fields = await response.json();
      const empty = [...$("doc-inputs").children].find((b) => !b.querySelector("textarea").value.trim());
      if (empty) empty.remove();
      addDocumentInput(fields);
      say(`Read ${file.name}.`);
    } catch (error) {
      showError(error.message);
    }
  }
  if (!$("doc-inputs").children.length) addDocumentInput();
  renumberInputs();
}

// --- analysis ---------------------------------------------------------------------------------

async function analyze(documents) {
  const started = performance.now();
  const response = await api("/api/analyze", { documents });
  const analysis = await response.json();
  const received = performance.now();
  showAnalysis(analysis);
  window.claimdesk.timings.analyze = { request_ms: received - started, total_ms: performance.now() - started };
  document.body.dataset.analysed = String((Number(document.body.dataset.analysed) || 0) + 1);
  return analysis;
}

function indexSpans(analysis) {
  state.spans = new Map();
  for (const claim of analysis.claims) {
    for (const source of claim.sources) {
      for (const ev of source.evidence) {
        const span = ensureSpan(ev, "evidence");
        span.backs.push({ claim, source });
      }
    }
  }
}

function ensureSpan(ev, role) {
  const key = spanKey(ev);
  let span = state.spans.get(key);
  if (!span) {
    span = { key, doc: ev.document_id, start: ev.start, end: ev.end, backs: [], roles: new Set() };
    state.spans.set(key, span);
  }
  span.roles.add(role);
  return span;
}

function topStance(spans) {
  let best = null;
  for (const span of spans) {
    for (const { source } of span.backs) {
      const rank = STANCE_RANK.indexOf(source.stance);
      if (best === null || (rank >= 0 && rank < STANCE_RANK.indexOf(best))) best = source.stance;
    }
  }
  return STANCE_CLASS[best] || "asserts";
}

function showAnalysis(analysis) {
  state.analysis = analysis;
  state.documents = analysis.documents;
  indexSpans(analysis);
  renderTabs();
  renderClaims();
  $("export-json").disabled = false;
  $("export-markdown").disabled = false;
  const counts = STATUS_ORDER.map((s) => `${analysis.claims.filter((c) => c.status === s).length} ${s}`);
  say(`Analysed ${analysis.documents.length} document(s): ${analysis.claims.length} claims (${counts.join(", ")}).`);
  $("inputs-summary").textContent = `— ${analysis.documents.map(docLabel).join(", ")}`;
  $("inputs").open = false;
}

// --- the article with its highlights ----------------------------------------------------------

function renderArticle(doc) {
  const text = doc.text;
  const spans = [...state.spans.values()].filter((s) => s.doc === doc.id && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const article = el("article", { class: "article", lang: "" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { article.append(document.createTextNode(piece)); continue; }
    const stance = topStance(covering);
    const roles = new Set(covering.flatMap((s) => [...s.roles]));
    const classes = ["ev", `stance-${stance}`, ...[...roles].map((r) => `role-${r}`)];
    article.append(el("mark", {
      class: classes.join(" "),
      tabindex: 0,
      role: "button",
      "aria-describedby": `legend-${stance}`,
      dataset: { keys: covering.map((s) => s.key).join(" ") },
      onclick: () => showPassage(covering),
      onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showPassage(covering); } },
    }, piece));
  }
  return article;
}

function renderTabs() {
  const tabs = $("doc-tabs");
  const panels = $("doc-panels");
  tabs.replaceChildren();
  panels.replaceChildren();
  const views = state.documents.map((doc, i) => ({ id: doc.id, label: docLabel(doc, i), render: () => articlePanel(doc) }));
  if (state.documents.length > 1) views.push({ id: "across", label: "Across documents", render: acrossPanel });
  for (const view of views) {
    const tabId = `tab-${view.id}`;
    const panelId = `panel-${view.id}`;
    tabs.append(el("button", {
      type: "button", role: "tab", id: tabId, "aria-controls": panelId,
      "aria-selected": "false", tabindex: -1, dataset: { view: view.id },
      onclick: () => selectDoc(view.id),
    }, view.label));
    const panel = el("div", { role: "tabpanel", id: panelId, "aria-labelledby": tabId, hidden: true, tabindex: 0, class: "doc-panel" });
    panel.append(view.render());
    panels.append(panel);
  }
  tabKeys(tabs, (id) => selectDoc(id.replace(/^tab-/, "")));
  selectDoc(state.activeDoc && views.some((v) => v.id === state.activeDoc) ? state.activeDoc : views[0].id);
}

function articlePanel(doc) {
  const meta = [doc.outlet, doc.date].filter(Boolean).join(", ");
  return el("div", {}, meta ? el("p", { class: "doc-meta" }, meta) : null, renderArticle(doc));
}

function rerenderArticles() {
  for (const doc of state.documents) {
    const panel = $(`panel-${doc.id}`);
    if (panel) panel.replaceChildren(articlePanel(doc));
  }
}

function selectDoc(id) {
  state.activeDoc = id;
  for (const tab of $("doc-tabs").children) {
    const on = tab.dataset.view === id;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const panel of $("doc-panels").children) panel.hidden = panel.id !== `panel-${id}`;
}

function tabKeys(tablist, activate) {
  tablist.onkeydown = (event) => {
    const tabs = [...tablist.querySelectorAll("[role=tab]")];
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    let next = null;
    if (step) next = tabs[(at + step + tabs.length) % tabs.length];
    if (event.key === "Home") next = tabs[0];
    if (event.key === "End") next = tabs[tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
    activate(next.id);
  };
}

// --- marking evidence -------------------------------------------------------------------------

function clearMarks() {
  for (const mark of document.querySelectorAll("mark.ev.active")) mark.classList.remove("active");
  for (const card of document.querySelectorAll(".claim[aria-pressed=true]")) card.setAttribute("aria-pressed", "false");
}

function markKeys(keys) {
  const wanted = new Set(keys);
  const marks = [...document.querySelectorAll("#doc-panels mark.ev")]
    .filter((m) => m.dataset.keys.split(" ").some((k) => wanted.has(k)));
  for (const mark of marks) mark.classList.add("active");
  if (marks.length) {
    const panel = marks[0].closest("[role=tabpanel]");
    selectDoc(panel.id.replace(/^panel-/, ""));
    marks[0].scrollIntoView({ block: "center" });
  }
  return marks;
}

function selectClaim(claimId) {
  const claim = state.analysis && state.analysis.claims.find((c) => c.id === claimId);
  if (!claim) return;
  clearMarks();
  const card = document.querySelector(`.claim[data-claim="${CSS.escape(claimId)}"]`);
  if (card) card.setAttribute("aria-pressed", "true");
  const keys = claim.sources.flatMap((s) => s.evidence.map(spanKey));
  const marks = markKeys(keys);
  say(`${claim.id}: ${marks.length ? `${new Set(keys).size} passage(s) marked` : "no located evidence"}.`);
}

function showPassage(spans) {
  const box = $("passage");
  const claims = new Map();
  const sources = [];
  for (const span of spans) {
    for (const { claim, source } of span.backs) {
      claims.set(claim.id, claim);
      sources.push({ claim, source });
    }
  }
  const roles = new Set(spans.flatMap((s) => [...s.roles]));
  box.replaceChildren(
    el("h3", {}, "This passage backs"),
    claims.size
      ? el("ul", {}, [...claims.values()].map((claim) => el("li", {},
          statusBadge(claim.status), " ",
          el("button", { type: "button", class: "link", onclick: () => selectClaim(claim.id) }, `${claim.id}: ${claim.text}`))))
      : el("p", {}, "No extracted claim."),
    sources.length ? el("h4", {}, "Sources") : null,
    sources.length ? el("ul", {}, sources.map(({ claim, source }) => el("li", {}, ...sourceLine(source), ` (${claim.id})`))) : null,
    roles.has("verdict") ? el("p", {}, "Quoted by the check verdict.") : null,
    roles.has("citation") ? el("p", {}, "Cited by a chat answer.") : null,
  );
  box.hidden = false;
}

// --- claims panel -----------------------------------------------------------------------------

function renderClaims() {
  const panel = $("claims-panel");
  panel.replaceChildren();
  const analysis = state.analysis;
  if (!analysis.claims.length) { panel.append(el("p", { class: "empty" }, "No check-worthy claims found.")); return; }
  for (const status of STATUS_ORDER) {
    const claims = analysis.claims.filter((c) => c.status === status);
    if (!claims.length) continue;
    panel.append(el("section", { class: `group group-${status}`, "aria-label": `${status} claims` },
      el("h3", {}, statusBadge(status), ` ${claims.length}`),
      el("ul", { class: "claims" }, claims.map(claimCard))));
  }
}

function claimCard(claim) {
  const several = state.documents.length > 1;
  return el("li", { class: "claim-item", id: `claim-${claim.id}` },
    el("button", { type: "button", class: "claim", "aria-pressed": "false", dataset: { claim: claim.id }, onclick: () => selectClaim(claim.id) },
      el("span", { class: "cid" }, claim.id), " ", statusBadge(claim.status), " ", el("span", { class: "claim-text" }, claim.text)),
    el("p", { class: "reason" }, claim.status_reason),
    claim.ungrounded ? el("p", { class: "ungrounded" }, "⚠ ungrounded: no quote was located in the documents") : null,
    el("ul", { class: "sources", "aria-label": `sources of ${claim.id}` }, claim.sources.map((source) =>
      el("li", { class: `source stance-border-${STANCE_CLASS[source.stance] || "asserts"}` }, ...sourceLine(source),
        several && source.document_id ? el("span", { class: "where" }, ` in ${whereLabel(source.document_id)}`) : null))));
}

function whereLabel(documentId) {
  const i = state.documents.findIndex((d) => d.id === documentId);
  return i < 0 ? documentId : docLabel(state.documents[i], i);
}

// --- several documents: independence, chains, timeline ---------------------------------------

function acrossPanel() {
  const analysis = state.analysis;
  const order = analysis.timeline_order === "date" ? "by publication date" : "in argument order (no dates given)";
  const rows = analysis.claims.map((claim) => el("section", { class: "across-claim" },
    el("h3", {}, el("button", { type: "button", class: "link", onclick: () => selectClaim(claim.id) }, `${claim.id}: ${claim.text}`)),
    el("p", {}, statusBadge(claim.status), ` in ${claim.document_ids.length} document(s); ${claim.independent_sources} independent source(s).`),
    claim.chains.length ? el("div", {}, el("h4", {}, "Chains"), el("ul", {}, claim.chains.map((c) => el("li", {}, c)))) : null,
    claim.timeline.length ? timelineTable(claim) : null));
  return el("div", { class: "across" }, el("p", {}, `Timeline ${order}.`), rows);
}

function timelineTable(claim) {
  return el("table", { class: "timeline" },
    el("caption", {}, `Timeline of ${claim.id}`),
    el("thead", {}, el("tr", {}, ["when", "document", "event", "by", "status after"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, claim.timeline.map((entry) => el("tr", {},
      el("td", {}, entry.date || "—"),
      el("td", {}, whereLabel(entry.document_id)),
      el("td", {}, entry.event.replace("_", " ")),
      el("td", {}, entry.by.join(", ") || "—"),
      el("td", {}, statusBadge(entry.status), entry.status_changed ? " (changed)" : "")))));
}

// --- check --------------------------------------------------------------------------------------

async function runCheck(claimText) {
  const documents = currentDocuments();
  if (!documents) return;
  const response = await api("/api/check", { claim: claimText, documents });
  const verdict = await response.json();
  if (!state.analysis || !sameDocuments(documents)) await analyze(documents);
  for (const span of state.spans.values()) span.roles.delete("verdict");
  for (const ev of verdict.sources.flatMap((s) => s.evidence)) ensureSpan(ev, "verdict");
  rerenderArticles();
  renderVerdict(verdict);
  clearMarks();
  markKeys(verdict.sources.flatMap((s) => s.evidence.map(spanKey)));
}

function renderVerdict(verdict) {
  const quoteLink = (ev) => el("a", {
    href: "#", class: "quote-link",
    onclick: (e) => { e.preventDefault(); clearMarks(); markKeys([spanKey(ev)]); },
  }, `“${ev.quote}”`);
  const sources = verdict.sources.map((source) => el("li", {}, ...sourceLine(source),
    el("ul", {}, source.evidence.map((ev) => el("li", {}, quoteLink(ev))))));
  const matches = verdict.matching_claim_ids.map((id) =>
    el("button", { type: "button", class: "link", onclick: () => selectClaim(id) }, id));
  $("verdict").replaceChildren(el("section", { class: `verdict verdict-${verdict.status}`, "aria-label": "verdict" },
    el("h3", {}, statusBadge(verdict.status)),
    el("p", { class: "verdict-claim" }, verdict.claim),
    el("p", { class: "reason" }, verdict.reason),
    matches.length ? el("p", {}, "Matches extracted ", matches.flatMap((m, i) => (i ? [", ", m] : [m]))) : null,
    el("ul", { class: "sources" }, sources)));
}

// --- chat -----------------------------------------------------------------------------------------

async function refreshSessions() {
  const response = await api("/api/sessions");
  const rows = await response.json();
  const select = $("session-select");
  select.replaceChildren(el("option", { value: "" }, "New conversation"));
  for (const row of rows) {
    const titles = row.titles.join(", ");
    select.append(el("option", { value: row.id }, `#${row.id} ${titles} — ${row.questions} question(s)`));
  }
  if (state.sessionId) select.value = String(state.sessionId);
}

async function resumeSession(id) {
  if (!id) { state.sessionId = null; $("transcript").replaceChildren(); say("New conversation."); return; }
  const response = await api(`/api/sessions/${encodeURIComponent(id)}`);
  const stored = await response.json();
  setDocumentInputs(stored.documents);
  if (stored.analysis) showAnalysis(stored.analysis);
  else await analyze(stored.documents.map(({ text, title, outlet, date }) => ({ text, title, outlet, date })));
  state.sessionId = stored.id;
  $("transcript").replaceChildren();
  for (const turn of stored.turns) renderTurn(turn.question).finish(turn);
  say(`Resumed conversation #${stored.id}.`);
}

function renderTurn(question) {
  const answerText = el("div", { class: "answer-text" });
  const item = el("li", { class: "turn" }, el("p", { class: "question" }, el("span", { class: "who" }, "You: "), question), answerText);
  $("transcript").append(item);
  return {
    append(piece) { answerText.textContent += piece; item.scrollIntoView({ block: "nearest" }); },
    restart() { answerText.textContent = ""; },
    fail(message) { item.append(el("p", { class: "error", role: "alert" }, `Error: ${message}`)); },
    finish(answer) {
      answerText.textContent = answer.text;
      const cites = answer.citations.filter((c) => c.evidence);
      if (cites.length) {
        item.append(el("ol", { class: "citations", "aria-label": "citations" }, cites.map((c) => el("li", {},
          el("a", { href: "#", class: "citation", dataset: { key: spanKey(c.evidence) }, onclick: (e) => { e.preventDefault(); showCitation(c); } },
            `${c.claim_id ? `[${c.claim_id}] ` : ""}“${c.quote}”`)))));
      }
      item.append(el("p", { class: answer.verified ? "verified" : "unverified-answer" },
        answer.verified ? "✓ citations verified in the documents" : `⚠ ${answer.warning || "not verified"}`));
    },
  };
}

function showCitation(citation) {
  if (!state.documents.some((d) => d.id === citation.evidence.document_id)) { say("That passage is in another set of documents."); return; }
  ensureSpan(citation.evidence, "citation");
  rerenderArticles();
  clearMarks();
  const marks = markKeys([spanKey(citation.evidence)]);
  say(marks.length ? `Cited passage marked${citation.claim_id ? ` (${citation.claim_id})` : ""}.` : "Cited passage not found.");
}

async function ask(question) {
  const body = { question };
  if (state.sessionId) body.session_id = state.sessionId;
  else {
    const documents = currentDocuments();
    if (!documents) return;
    body.documents = documents;
  }
  const turn = renderTurn(question);
  const response = await api("/api/chat", body);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      handleEvent(buffer.slice(0, cut), turn);
      buffer = buffer.slice(cut + 2);
    }
  }
  refreshSessions().catch((e) => showError(e.message));
}

function handleEvent(block, turn) {
  let name = "message";
  let data = "";
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) name = line.slice(7);
    else if (line.startsWith("data: ")) data += line.slice(6);
  }
  const payload = data ? JSON.parse(data) : {};
  if (name === "text") turn.append(payload.text);
  else if (name === "restart") turn.restart();
  else if (name === "error") turn.fail(payload.message);
  else if (name === "answer") {
    if (payload.session_id) state.sessionId = payload.session_id;
    turn.finish(payload.answer);
  }
}

// --- shared ---------------------------------------------------------------------------------------

function currentDocuments() {
  const documents = documentsFromInputs();
  if (!documents.length) { showError("paste an article or drop a file first"); return null; }
  return documents;
}

function sameDocuments(documents) {
  return state.documents.length === documents.length &&
    documents.every((d, i) => state.documents[i].text.trim() === d.text.trim());
}

async function exportAs(format) {
  const response = await api("/api/export", { analysis: state.analysis, format });
  const blob = await response.blob();
  const name = format === "json" ? "claimdesk-analysis.json" : "claimdesk-analysis.md";
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function busy(button, work) {
  return async (event) => {
    if (event) event.preventDefault();
    if (state.busy) return;
    state.busy = true;
    showError("");
    if (button) button.setAttribute("aria-busy", "true");
    try { await work(); } catch (error) { showError(error.message); } finally {
      state.busy = false;
      if (button) button.removeAttribute("aria-busy");
    }
  };
}

function selectSideTab(id) {
  for (const tab of $("side-tabs").children) {
    const on = tab.id === id;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !on;
  }
}

function hideTokenFromAddressBar() {
  const url = new URL(window.location.href);
  if (url.searchParams.has("token")) {
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
}

async function start() {
  hideTokenFromAddressBar();
  addDocumentInput();
  for (const tab of $("side-tabs").children) tab.addEventListener("click", () => selectSideTab(tab.id));
  tabKeys($("side-tabs"), selectSideTab);
  $("add-doc").addEventListener("click", () => addDocumentInput().querySelector("textarea").focus());
  $("documents-form").addEventListener("submit", busy($("analyze"), async () => {
    const documents = currentDocuments();
    if (!documents) return;
    say("Analysing…");
    state.sessionId = null;
    $("transcript").replaceChildren();
    $("verdict").replaceChildren();
    await analyze(documents);
    $("claims-panel").focus({ preventScroll: true });
  }));
  $("check-form").addEventListener("submit", busy(null, async () => {
    const text = $("check-claim").value.trim();
    if (!text) { showError("type a claim to check"); return; }
    say("Checking…");
    await runCheck(text);
    say("Checked.");
  }));
  $("chat-form").addEventListener("submit", busy(null, async () => {
    const input = $("chat-question");
    const question = input.value.trim();
    if (!question) return;
    input.value = "";
    await ask(question);
  }));
  $("session-resume").addEventListener("click", busy(null, () => resumeSession($("session-select").value)));
  $("export-json").addEventListener("click", busy(null, () => exportAs("json")));
  $("export-markdown").addEventListener("click", busy(null, () => exportAs("markdown")));
  $("file-input").addEventListener("change", busy(null, () => readFiles([...$("file-input").files])));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    busy(null, () => readFiles([...e.dataTransfer.files]))();
  });
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("file-input").click(); } });
  const health = await (await api("/api/health")).json();
  $("engine").textContent = `engine: ${health.engine}:${health.model}`;
  await refreshSessions();
}

document.addEventListener("DOMContentLoaded", () => { start().catch((e) => showError(e.message)); });
