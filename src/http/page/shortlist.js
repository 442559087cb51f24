// A posting's live shortlist: ranked rows, filters, keyboard decisions, and a server-sent-event
// stream that refreshes the list when candidates arrive, are rescored or are decided.
import { api, signOut } from "/ui/assets/api.js";
import { displayName, renderDetail } from "/ui/assets/resume-view.js";

const postingId = decodeURIComponent(location.pathname.split("/").pop());
const $ = (id) => document.getElementById(id);
const rowsEl = $("rows");
const filters = { unreviewed: $("f-unreviewed"), gates: $("f-gates"), blind: $("f-blind") };
const PAGE = 50;
let rows = [];
let nextCursor = null;
let selected = null; // resumeId
let refreshTimer = null;

filters.blind.checked = localStorage.getItem("shortlist.blind") !== "off";

function query(limit, cursor) {
  const q = new URLSearchParams({
    limit: String(limit), state: filters.unreviewed.checked ? "unreviewed" : "all",
    gates: filters.gates.checked ? "met" : "any", blind: String(filters.blind.checked),
  });
  if (cursor) q.set("cursor", cursor);
  return `/postings/${encodeURIComponent(postingId)}/shortlist?${q}`;
}

function rowButton(row) {
  const gates = row.gates.map((g) => ({ met: "✓", unmet: "✗", unknown: "?" })[g.verdict]).join("");
  const button = document.createElement("button");
  button.type = "button";
  button.className = `row tier-${row.tier}`;
  button.dataset.resumeId = row.resumeId;
  button.dataset.rank = String(row.rank);
  button.setAttribute("aria-label", `Rank ${row.rank}, ${displayName(row)}, score ${(row.score * 100).toFixed(1)}, gates ${row.tier}${row.decision ? `, ${row.decision.outcome}` : ""}`);
  const parts = [["rank", `#${row.rank}`], ["name", displayName(row)], ["score", (row.score * 100).toFixed(1)], ["gates", gates], ["state", row.decision?.outcome ?? ""]];
  for (const [cls, text] of parts) {
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    button.append(span);
  }
  button.addEventListener("click", () => select(row.resumeId));
  return button;
}

function render() {
  const items = rows.map((row) => {
    const li = document.createElement("li");
    const button = rowButton(row);
    if (row.resumeId === selected) button.setAttribute("aria-current", "true");
    li.append(button);
    return li;
  });
  rowsEl.replaceChildren(...items);
  $("more").hidden = !nextCursor;
}

/** Reloads as many rows as are shown (ranks shift as candidates arrive, so the list is re-read, not patched). */
async function load(limit = Math.max(PAGE, rows.length)) {
  try {
    const page = await api(query(Math.min(limit, 100), null));
    const before = rows.length;
    rows = page.rows;
    nextCursor = page.nextCursor;
    $("count").textContent = `${page.total} candidate${page.total === 1 ? "" : "s"}`;
    rowsEl.dataset.loaded = String(rows.length);
    if (rows.length > before && before > 0) $("live").textContent = `${rows.length - before} more candidate(s) on the list`;
    render();
    if (selected && rows.some((r) => r.resumeId === selected)) await showDetail(selected);
  } catch (e) {
    $("error").textContent = e.message;
  }
}

async function showDetail(resumeId) {
  const detail = await api(`/postings/${encodeURIComponent(postingId)}/candidates/${resumeId}?blind=${filters.blind.checked}`);
  renderDetail($("detail-body"), $("detail-heading"), detail, (outcome, note) => decide(outcome, note));
}

async function select(resumeId, focus = true) {
  selected = resumeId;
  render();
  const button = rowsEl.querySelector(`[data-resume-id="${resumeId}"]`);
  if (focus) button?.focus();
  await showDetail(resumeId);
}

function move(step) {
  if (rows.length === 0) return;
  const at = rows.findIndex((r) => r.resumeId === selected);
  const next = rows[Math.min(rows.length - 1, Math.max(0, at === -1 ? 0 : at + step))];
  if (next) void select(next.resumeId);
}

async function decide(outcome, note = "") {
  const row = rows.find((r) => r.resumeId === selected);
  if (!row) return;
  try {
    await api(`/postings/${encodeURIComponent(postingId)}/decisions`, {
      method: "POST",
      body: JSON.stringify({ resumeId: row.resumeId, outcome, rankShown: row.rank, ...(note.trim() ? { note: note.trim() } : {}) }),
    });
    $("live").textContent = `${outcome === "advance" ? "Advanced" : "Rejected"} rank ${row.rank}`;
    await load();
    await select(row.resumeId);
  } catch (e) {
    $("error").textContent = e.message;
  }
}

document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest?.("input, textarea, select")) return;
  const action = { j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    a: () => decide("advance"), r: () => decide("reject"), o: () => $("original")?.click() }[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

for (const input of Object.values(filters)) {
  input.addEventListener("change", () => {
    localStorage.setItem("shortlist.blind", filters.blind.checked ? "on" : "off");
    rows = [];
    void load(PAGE);
  });
}
$("more").addEventListener("click", async () => {
  const page = await api(query(PAGE, nextCursor));
  rows = rows.concat(page.rows);
  nextCursor = page.nextCursor;
  render();
});
$("signout").addEventListener("click", signOut);

const posting = await api(`/postings/${encodeURIComponent(postingId)}`).catch((e) => ($("error").textContent = e.message, null));
if (posting) {
  $("title").textContent = posting.title;
  document.title = `${posting.title} · shortlist`;
}
await load(PAGE);
// EventSource reconnects by itself (the server sends `retry`); a burst of changes is one reload.
const stream = new EventSource(`/postings/${encodeURIComponent(postingId)}/shortlist/events`);
stream.addEventListener("changed", () => {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void load(), 250);
});
stream.addEventListener("ready", () => (document.body.dataset.live = "true"));
