/** Escape text for HTML. */
function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
};

function operationRows(doc: Record<string, unknown>): { tag: string; html: string }[] {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const rows: { tag: string; html: string }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? [])
        .map((p) => `${esc(p.name)}${p.required ? '*' : ''} <small>(${esc(p.in)})</small>`)
        .join(', ');
      rows.push({
        tag: op.tags?.[0] ?? 'Other',
        html: `<tr><td class="m ${esc(method)}">${esc(method.toUpperCase())}</td><td><code>${esc(path)}</code></td><td>${esc(op.summary)}<br><small>${esc(op.description)}</small></td><td>${params}${op.requestBody ? ' + JSON body' : ''}</td></tr>`,
      });
    }
  }
  return rows;
}

/**
 * A self-contained HTML page listing every operation of the OpenAPI document, rendered on the
 * server: no script, no CDN, nothing loaded from the internet (fits the strict CSP).
 */
export function renderDocsPage(doc: Record<string, unknown>): string {
  const rows = operationRows(doc);
  const tags = [...new Set(rows.map((r) => r.tag))];
  const sections = tags
    .map(
      (t) =>
        `<h2>${esc(t)}</h2><table><tr><th>Method</th><th>Path</th><th>What</th><th>Parameters</th></tr>${rows
          .filter((r) => r.tag === t)
          .map((r) => r.html)
          .join('')}</table>`,
    )
    .join('');
  const info = (doc.info ?? {}) as { title?: string; description?: string; version?: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1em}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.m{font-weight:bold}.get{color:#0a7}.post{color:#06c}.put,.patch{color:#c60}.delete{color:#c00}code{font-size:13px}</style>
</head><body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>${sections}</body></html>`;
}
