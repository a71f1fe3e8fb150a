// Renders resolved Vega-Lite panels (data already fetched from the engine) to SVG and PNG, writes what each
// mark shows (for the tests' assertions), and lays the panels out as one HTML page and one PNG per dashboard.
// Usage: node render.mjs <job.json>
import fs from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';

const COLUMN = 30;      // pixels per grid column: 48 columns = 1440 px, a common dashboard width
const ROW = 20;         // pixels per grid row, Kibana's row height
const HEADER = 26;      // panel title bar
const FONT = { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = job.outDir;
fs.mkdirSync(path.join(out, 'panels'), { recursive: true });

function panelSize(w, h) {
  return { width: w * COLUMN - 16, height: h * ROW - HEADER - 12 };
}

// Only plain values of a datum: enough to assert on, small enough to write.
function plain(datum) {
  const result = {};
  for (const [key, value] of Object.entries(datum ?? {})) {
    if (value instanceof Date) result[key] = value.toISOString();
    else if (value === null || typeof value !== 'object') result[key] = value;
  }
  return result;
}

function collectMarks(node, marks) {
  if (!node) return;
  if (node.marktype) {
    if (node.name && node.role === 'mark') {
      const items = (node.items ?? []).filter((item) => item.datum !== undefined);
      marks[node.name] = (marks[node.name] ?? []).concat(items.map((item) => ({
        ...(item.text !== undefined ? { text: Array.isArray(item.text) ? item.text.join(' ') : String(item.text) } : {}),
        datum: plain(item.datum),
      })));
    }
    for (const item of node.items ?? []) {
      for (const child of item.items ?? []) collectMarks(child, marks);
    }
  }
}

async function renderPanel(panel) {
  const warnings = [];
  const logger = {
    level() { return this; },
    error(...args) { warnings.push('error: ' + args.join(' ')); return this; },
    warn(...args) { warnings.push(args.join(' ')); return this; },
    info() { return this; },
    debug() { return this; },
  };
  const spec = { ...panel.spec, width: panel.width, height: panel.height };
  if (!spec.autosize) spec.autosize = { type: 'fit', contains: 'padding' };
  const compiled = vegaLite.compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  await view.runAsync();
  const svg = await view.toSVG();
  const marks = {};
  collectMarks(view.scenegraph().root, marks);
  view.finalize();
  const png = new Resvg(svg, { background: 'white', font: FONT }).render().asPng();
  fs.writeFileSync(path.join(out, 'panels', panel.id + '.svg'), svg);
  fs.writeFileSync(path.join(out, 'panels', panel.id + '.png'), png);
  const report = { id: panel.id, warnings, marks };
  fs.writeFileSync(path.join(out, 'panels', panel.id + '.marks.json'), JSON.stringify(report, null, 1));
  return { svg, png };
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function markdownToHtml(text) {
  return text.split(/\n\n+/).map((paragraph) => '<p>' + escapeHtml(paragraph)
    .replace(/\[([^\]]+)\]\(#\/view\/build-analytics-([a-z0-9-]+)\)/g, '<a href="$2.html">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/`([^`]+)`/g, '<code>$1</code>') + '</p>').join('\n');
}

function plainMarkdown(text) {
  return text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '');
}

function wrap(text, width) {
  const lines = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if ((line + ' ' + word).trim().length > width) { lines.push(line); line = word; } else line = (line + ' ' + word).trim();
    }
    if (line) lines.push(line);
  }
  return lines;
}

const STYLE = `body{font-family:'DejaVu Sans',sans-serif;background:#f1f4f9;margin:16px;color:#1f2937}
h1{font-size:20px;margin:0 0 4px}p.description{margin:0 0 12px;color:#4b5563}
.grid{display:grid;grid-template-columns:repeat(48,${COLUMN}px);grid-auto-rows:${ROW}px;gap:0}
.panel{background:#fff;border:1px solid #d3dae6;border-radius:4px;margin:3px;overflow:hidden;display:flex;flex-direction:column}
.panel h2{font-size:13px;margin:0;padding:5px 8px;border-bottom:1px solid #eef0f3}
.body{padding:4px 8px;font-size:12px;overflow:auto}.body p{margin:4px 0}
table{border-collapse:collapse;font-size:11px}th{border-bottom:1px solid #d3dae6;padding:2px 6px;text-align:left}
nav a{margin-right:12px}`;

function dashboardHtml(dashboard, rendered, all) {
  const nav = all.map((d) => `<a href="${d.id}.html">${escapeHtml(d.title)}</a>`).join('');
  const cells = dashboard.panels.map((p) => {
    let body;
    if (p.type === 'VEGA') body = rendered.get(p.id).svg;
    else if (p.type === 'MARKDOWN') body = markdownToHtml(p.markdown);
    else body = '<table><tr>' + p.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('') +
      '</tr></table><p><em>Saved search: in Kibana this panel lists the events and fills the filter bar.</em></p>';
    return `<div class="panel" style="grid-column:${p.x + 1} / span ${p.w};grid-row:${p.y + 1} / span ${p.h}">` +
      `<h2>${escapeHtml(p.title)}</h2><div class="body">${body}</div></div>`;
  }).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(dashboard.title)}</title>` +
    `<style>${STYLE}</style></head><body><nav><a href="index.html">All dashboards</a>${nav}</nav>` +
    `<h1>${escapeHtml(dashboard.title)}</h1><p class="description">${escapeHtml(dashboard.description)}</p>` +
    `<p class="description">${escapeHtml(job.caption ?? '')}</p><div class="grid">${cells}</div></body></html>`;
}

function dashboardPng(dashboard, rendered) {
  const width = 48 * COLUMN;
  const height = Math.max(...dashboard.panels.map((p) => (p.y + p.h) * ROW)) + 48;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<rect width="100%" height="100%" fill="#f1f4f9"/>`,
    `<text x="8" y="28" font-size="18" font-weight="bold">${escapeHtml(dashboard.title)}</text>`];
  for (const p of dashboard.panels) {
    const x = p.x * COLUMN + 3, y = p.y * ROW + 48 + 3, w = p.w * COLUMN - 6, h = p.h * ROW - 6;
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="white" stroke="#d3dae6"/>`,
      `<text x="${x + 8}" y="${y + 17}" font-size="12" font-weight="bold">${escapeHtml(p.title)}</text>`);
    if (p.type === 'VEGA') {
      const png = rendered.get(p.id).png.toString('base64');
      const size = panelSize(p.w, p.h);
      parts.push(`<image x="${x + 5}" y="${y + HEADER}" width="${size.width}" height="${size.height}" href="data:image/png;base64,${png}"/>`);
    } else {
      const text = p.type === 'MARKDOWN' ? plainMarkdown(p.markdown)
        : 'Saved search: ' + p.columns.join(' · ');
      wrap(text, Math.floor(w / 6.6)).slice(0, Math.floor((h - HEADER) / 14)).forEach((line, i) =>
        parts.push(`<text x="${x + 8}" y="${y + HEADER + 12 + i * 14}" font-size="11" fill="#374151">${escapeHtml(line)}</text>`));
    }
  }
  parts.push('</svg>');
  return new Resvg(parts.join('\n'), { font: FONT }).render().asPng();
}

const rendered = new Map();
for (const panel of job.panels) {
  rendered.set(panel.id, await renderPanel(panel));
}
for (const dashboard of job.dashboards) {
  fs.writeFileSync(path.join(out, dashboard.id + '.html'), dashboardHtml(dashboard, rendered, job.dashboards));
  fs.writeFileSync(path.join(out, dashboard.id + '.png'), dashboardPng(dashboard, rendered));
}
const index = job.dashboards.map((d) => `<h2><a href="${d.id}.html">${escapeHtml(d.title)}</a></h2>` +
  `<p>${escapeHtml(d.description)}</p><a href="${d.id}.html"><img src="${d.id}.png" width="720"></a>`).join('\n');
fs.writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html><html><head><meta charset="utf-8">` +
  `<title>Build Analytics dashboards (preview)</title><style>${STYLE}</style></head><body>` +
  `<h1>Build Analytics dashboards (preview)</h1><p class="description">${escapeHtml(job.caption ?? '')}</p>${index}</body></html>`);
console.log(`rendered ${job.panels.length} panels and ${job.dashboards.length} dashboards into ${out}`);
