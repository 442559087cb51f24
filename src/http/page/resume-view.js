// Renders one candidate: gates, the model's reasons, decision buttons and the resume text with
// every evidence span highlighted. Text is inserted as text nodes only, never as HTML.
const VERDICT = { met: "✓ met", unmet: "✗ unmet", unknown: "? unknown" };

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** Non-overlapping, sorted evidence spans (a later span that overlaps is merged into the earlier). */
export function mergeSpans(evidence, length) {
  const spans = evidence
    .filter((e) => e.end > e.start && e.start < length)
    .map((e) => ({ start: e.start, end: Math.min(e.end, length), features: [e.feature] }))
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.features.push(...s.features);
    } else merged.push(s);
  }
  return merged;
}

function highlighted(text, evidence) {
  const pre = el("pre", { className: "resume", tabIndex: 0, ariaLabel: "Resume text, evidence highlighted" });
  let at = 0;
  for (const span of mergeSpans(evidence, text.length)) {
    pre.append(text.slice(at, span.start), el("mark", { title: [...new Set(span.features)].join(", ") }, text.slice(span.start, span.end)));
    at = span.end;
  }
  pre.append(text.slice(at));
  return pre;
}

export function displayName(row) {
  return row.name ?? `Candidate ${row.resumeId.slice(0, 6)}`;
}

export function renderDetail(container, heading, detail, onDecide) {
  const { row } = detail;
  heading.textContent = `#${row.rank} ${displayName(row)}`;
  const gates = el("table", { className: "gates" },
    el("caption", {}, "Minimum qualifications"),
    el("tr", {}, el("th", { scope: "col" }, "Gate"), el("th", { scope: "col" }, "Verdict"), el("th", { scope: "col" }, "Why")),
    ...row.gates.map((g) => el("tr", {}, el("td", {}, g.id), el("td", { className: `verdict ${g.verdict}` }, VERDICT[g.verdict]), el("td", {}, g.reason))));
  const reasons = el("ul", { className: "reasons" }, ...row.explanation.map((c) =>
    el("li", { className: c.contribution >= 0 ? "up" : "down" }, `${c.contribution >= 0 ? "+" : "−"}${Math.abs(c.contribution * 100).toFixed(1)} pts · ${c.label}`,
      c.evidence ? el("q", {}, c.evidence) : null)));
  const note = el("textarea", { id: "note", rows: 2, maxLength: 2000 });
  const actions = el("div", { className: "actions" },
    el("label", { htmlFor: "note" }, "Note (optional)"), note,
    el("button", { type: "button", className: "advance", onclick: () => onDecide("advance", note.value) }, "Advance (a)"),
    el("button", { type: "button", className: "reject", onclick: () => onDecide("reject", note.value) }, "Reject (r)"));
  const decided = row.decision ? el("p", { className: `decision ${row.decision.outcome}` }, `Decided: ${row.decision.outcome} by ${row.decision.decidedBy}`) : null;
  const contact = detail.contact ? el("p", { className: "muted" }, [detail.contact.email, detail.contact.phone].filter(Boolean).join(" · ")) : null;
  const original = detail.resumeUrl
    ? el("a", { href: detail.resumeUrl, target: "_blank", rel: "noopener noreferrer", id: "original" }, "Open original resume (o)")
    : el("p", { className: "muted" }, "Original file hidden in blind mode until a decision is made.");
  container.replaceChildren(
    el("p", { className: "score" }, `Score ${(row.score * 100).toFixed(1)} · gates ${row.tier} · model ${row.modelVersion}`),
    contact, decided, actions, gates, el("h3", {}, "Why this rank"), reasons, el("h3", {}, "Resume"), original,
    detail.text === null ? el("p", {}, "No text was extracted.") : highlighted(detail.text, detail.evidence));
}
