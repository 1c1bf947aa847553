/**
 * Turns bench results into bench/results/results.md (tables, machine,
 * targets) and bench/results/chart.svg (cold build time against N per
 * tool, log–log, hand-written SVG). Also runnable alone to redraw from
 * results.json: `node bench/report.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const s = (ms) => (ms === null || ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const mib = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)} MiB`);
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '–');
const mark = (ok) => (ok === null ? 'n/a' : ok ? 'met' : '**missed**');

export function markdown(data) {
  const { machine: m, rows } = data;
  const lines = [];
  lines.push('# orgpress benchmark results', '');
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB RAM, ${m.os}; Node ${m.node}; orgpress ${m.orgpress}; ${m.hugo ?? 'no Hugo'}; run on ${m.date}.`,
    '',
    'Medians of several runs (runs column: cold builds and peers; warm and one-post rebuilds use at least 3). ' +
      'Times are wall-clock times of the whole command, Node start-up included; the "build" figures in brackets are what `orgpress build` itself reports. ' +
      'The corpus is bench/corpus (seeded): 5–8 KiB org posts, the same files for Hugo, their markdown twin for Eleventy.',
    '',
  );
  lines.push('| N | runs | orgpress cold | warm, no change | one post edited | dev edit-to-update | peak RSS | Hugo cold | Hugo RSS | Eleventy cold | Eleventy RSS | orgpress / Hugo | orgpress / Eleventy |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const o = r.orgpress;
    lines.push(
      `| ${r.n} | ${r.runs} | ${s(o.coldMs)} | ${s(o.warmMs)} (build ${s(o.warmBuildMs)}) | ${s(o.onePostMs)} (build ${s(o.onePostBuildMs)}) | ${s(o.devEditMs)} | ${mib(o.rssMiB)} | ${s(r.hugo?.coldMs)} | ${mib(r.hugo?.rssMiB)} | ${s(r.eleventy?.coldMs)} | ${mib(r.eleventy?.rssMiB)} | ${ratio(o.coldMs, r.hugo?.coldMs)} | ${ratio(o.coldMs, r.eleventy?.coldMs)} |`,
    );
  }
  lines.push('', `CLI start-up (\`orgpress --version\`, median of 10): ${s(data.startupMs)}.`, '');

  lines.push('## Growth with N', '', '| N | orgpress cold per post | Hugo per post | Eleventy per post |', '| ---: | ---: | ---: | ---: |');
  const per = (ms, n) => (ms ? `${(ms / n).toFixed(2)} ms` : '–');
  for (const r of rows) lines.push(`| ${r.n} | ${per(r.orgpress.coldMs, r.n)} | ${per(r.hugo?.coldMs, r.n)} | ${per(r.eleventy?.coldMs, r.n)} |`);
  lines.push('');

  lines.push('## Targets', '');
  const at = (n) => rows.find((r) => r.n === n);
  const checks = [];
  for (const n of [1000, 4000]) {
    const r = at(n);
    if (!r) continue;
    checks.push([`cold build N=${n} ≤ Hugo (ratio ≤ 1.0)`, r.hugo ? `${ratio(r.orgpress.coldMs, r.hugo.coldMs)}` : 'no Hugo', r.hugo ? r.orgpress.coldMs <= r.hugo.coldMs : null]);
    checks.push([`cold build N=${n} < Eleventy`, r.eleventy ? `${ratio(r.orgpress.coldMs, r.eleventy.coldMs)}` : 'no Eleventy', r.eleventy ? r.orgpress.coldMs < r.eleventy.coldMs : null]);
  }
  const known = (v) => v !== null && v !== undefined && !Number.isNaN(v);
  for (const r of rows) {
    const w = r.orgpress.warmMs;
    checks.push([`warm rebuild N=${r.n} ≤ 10% of cold`, known(w) ? `${((100 * w) / r.orgpress.coldMs).toFixed(0)}%` : 'not measured', known(w) ? w <= 0.1 * r.orgpress.coldMs : null]);
  }
  const r4 = at(4000);
  if (r4) {
    const o = r4.orgpress;
    checks.push(['one-post rebuild N=4000 < 150 ms (whole command)', s(o.onePostMs), known(o.onePostMs) ? o.onePostMs < 150 : null]);
    checks.push(['one-post rebuild N=4000 < 150 ms (build time reported)', s(o.onePostBuildMs), known(o.onePostBuildMs) ? o.onePostBuildMs < 150 : null]);
    checks.push(['dev edit-to-update N=4000 < 300 ms', s(o.devEditMs), known(o.devEditMs) ? o.devEditMs < 300 : null]);
    checks.push(['peak memory N=4000 ≤ Hugo', `${mib(r4.orgpress.rssMiB)} vs ${mib(r4.hugo?.rssMiB)}`, r4.hugo?.rssMiB ? r4.orgpress.rssMiB <= r4.hugo.rssMiB : null]);
  }
  lines.push('| target | measured | |', '| --- | --- | --- |', ...checks.map(([t, v, ok]) => `| ${t} | ${v} | ${mark(ok)} |`), '');
  if (data.notes.length) lines.push('## Notes', '', ...data.notes.map((n) => `- ${n}`), '');
  lines.push('![cold build time against N](chart.svg)', '');
  return lines.join('\n');
}

/** Cold build time against N, one line per tool, log–log axes. */
export function chart(data) {
  const W = 640;
  const H = 400;
  const pad = { l: 64, r: 130, t: 36, b: 48 };
  const series = [
    { name: 'orgpress', color: '#2563eb', get: (r) => r.orgpress.coldMs },
    { name: 'orgpress warm', color: '#93c5fd', get: (r) => r.orgpress.warmMs, dash: '5 4' },
    { name: 'Hugo', color: '#db2777', get: (r) => r.hugo?.coldMs },
    { name: 'Eleventy', color: '#16a34a', get: (r) => r.eleventy?.coldMs },
  ];
  const ns = data.rows.map((r) => r.n);
  const values = data.rows.flatMap((r) => series.map((x) => x.get(r)).filter((v) => v > 0));
  const x0 = Math.log10(Math.min(...ns));
  const x1 = Math.log10(Math.max(...ns));
  const y0 = Math.floor(Math.log10(Math.min(...values) / 1000));
  const y1 = Math.ceil(Math.log10(Math.max(...values) / 1000));
  const X = (n) => pad.l + ((Math.log10(n) - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const Y = (ms) => H - pad.b - ((Math.log10(ms / 1000) - y0) / (y1 - y0 || 1)) * (H - pad.t - pad.b);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${pad.l}" y="20" font-size="14" font-weight="600">Build time against number of posts (log–log)</text>`);
  for (let e = y0; e <= y1; e++) {
    const y = Y(10 ** e * 1000);
    out.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${pad.l - 8}" y="${y + 4}" text-anchor="end" fill="#374151">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)} s</text>`);
  }
  for (const n of ns) {
    const x = X(n);
    out.push(`<line x1="${x}" x2="${x}" y1="${pad.t}" y2="${H - pad.b}" stroke="#f3f4f6"/>`);
    out.push(`<text x="${x}" y="${H - pad.b + 18}" text-anchor="middle" fill="#374151">${n}</text>`);
  }
  out.push(`<text x="${(pad.l + W - pad.r) / 2}" y="${H - 10}" text-anchor="middle" fill="#374151">posts (N)</text>`);
  out.push(`<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${H - pad.b}" stroke="#9ca3af"/><line x1="${pad.l}" x2="${W - pad.r}" y1="${H - pad.b}" y2="${H - pad.b}" stroke="#9ca3af"/>`);
  let legendY = pad.t + 6;
  for (const x of series) {
    const pts = data.rows.map((r) => [r.n, x.get(r)]).filter(([, v]) => v > 0);
    if (!pts.length) continue;
    const d = pts.map(([n, v], i) => `${i ? 'L' : 'M'}${X(n).toFixed(1)},${Y(v).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${x.color}" stroke-width="2.5"${x.dash ? ` stroke-dasharray="${x.dash}"` : ''}/>`);
    for (const [n, v] of pts) out.push(`<circle cx="${X(n).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="3.5" fill="${x.color}"><title>${x.name}, N=${n}: ${s(v)}</title></circle>`);
    out.push(`<line x1="${W - pad.r + 14}" x2="${W - pad.r + 34}" y1="${legendY}" y2="${legendY}" stroke="${x.color}" stroke-width="2.5"${x.dash ? ` stroke-dasharray="${x.dash}"` : ''}/>`);
    out.push(`<text x="${W - pad.r + 40}" y="${legendY + 4}" fill="#111827">${x.name}</text>`);
    legendY += 20;
  }
  out.push(`<text x="${W - pad.r + 14}" y="${legendY + 10}" fill="#6b7280" font-size="10">${escapeXml(data.machine.cpu).slice(0, 24)}</text>`);
  out.push(`<text x="${W - pad.r + 14}" y="${legendY + 24}" fill="#6b7280" font-size="10">${data.machine.cores} cores, Node ${data.machine.node}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const escapeXml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function writeReport(data, dir) {
  writeFileSync(path.join(dir, 'results.md'), markdown(data));
  writeFileSync(path.join(dir, 'chart.svg'), chart(data));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
  writeReport(JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')), dir);
}
