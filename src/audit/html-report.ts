/**
 * The audit as one self-contained HTML page: summary, a table per stage and an inline SVG bar
 * chart of selection rates (no scripts, fonts or external assets, so it can be archived as is).
 */
import { AUDIT_STAGES, STAGE_LABELS, type AuditReport } from "./adverse-impact.ts";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Grouped bars: one group per stage, one bar per category; bars with adverse impact are marked. */
export function barChartSvg(report: AuditReport): string {
  const cats = report.categories;
  const barW = 18;
  const gap = 28;
  const groupW = Math.max(1, cats.length) * barW + gap;
  const h = 180;
  const top = 20;
  const width = 60 + AUDIT_STAGES.length * groupW;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + h - tick * h;
    parts.push(`<line x1="50" x2="${width}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="44" y="${y + 4}" font-size="10" text-anchor="end">${pct(tick)}</text>`);
  }
  AUDIT_STAGES.forEach((stage, si) => {
    const x0 = 60 + si * groupW;
    cats.forEach((c, ci) => {
      const r = c.stages[stage];
      const bh = r.rate * h;
      const fill = r.adverseImpact ? "#c0392b" : `hsl(${(ci * 67) % 360} 45% 50%)`;
      parts.push(`<rect x="${x0 + ci * barW}" y="${top + h - bh}" width="${barW - 3}" height="${bh}" fill="${fill}"><title>${esc(c.category)} — ${esc(STAGE_LABELS[stage])}: ${pct(r.rate)}${r.adverseImpact ? " (below four fifths)" : ""}</title></rect>`);
    });
    parts.push(`<text x="${x0 + (cats.length * barW) / 2}" y="${top + h + 14}" font-size="10" text-anchor="middle">${esc(STAGE_LABELS[stage].split(" (")[0]!)}</text>`);
  });
  const legend = cats.map((c, ci) => `<tspan fill="hsl(${(ci * 67) % 360} 45% 40%)">■ ${esc(c.category)}</tspan>`).join("  ");
  parts.push(`<text x="50" y="${top + h + 32}" font-size="11">${legend} <tspan fill="#c0392b">■ below four fifths</tspan></text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Selection rate by category and stage" width="${width}" height="${top + h + 44}" font-family="sans-serif">${parts.join("")}</svg>`;
}

export function auditHtml(report: AuditReport): string {
  const rows = (stage: (typeof AUDIT_STAGES)[number]) => report.categories.map((c) => {
    const r = c.stages[stage];
    return `<tr${r.adverseImpact ? ' class="flag"' : ""}><td>${esc(c.category)}${c.small ? " <small>(&lt;2%)</small>" : ""}</td><td>${c.count}</td><td>${r.selected}</td><td>${pct(r.rate)}</td><td>${r.impactRatio === null ? "–" : r.impactRatio.toFixed(2)}</td><td>${r.adverseImpact ? "below 4/5" : ""}</td></tr>`;
  }).join("");
  const tables = AUDIT_STAGES.map((s) => `<h2>${esc(STAGE_LABELS[s])}</h2><table><thead><tr><th>category</th><th>applicants</th><th>selected</th><th>rate</th><th>impact ratio</th><th>flag</th></tr></thead><tbody>${rows(s)}</tbody></table>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Adverse-impact audit — ${esc(report.postingId)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}tr.flag{background:#fbeaea}</style></head><body>
<h1>Adverse-impact audit: ${esc(report.postingId)}</h1>
<p>Generated ${esc(report.generatedAt)}. Applicants ${report.applicants} (categorised ${report.categorised}, unknown ${report.unknown}); shortlist top K = ${report.k}; median score ${report.medianScore === null ? "–" : report.medianScore.toFixed(4)}.</p>
${barChartSvg(report)}
${tables}
<h2>Notes</h2><ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>
<p><small>The system ranks; people decide. Categories are self-reported, supplied for this audit only and not stored.</small></p>
</body></html>
`;
}
