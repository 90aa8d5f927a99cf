/**
 * A tape's failure in the report: where and what; for a failed Snapshot the golden frame and the
 * screen side by side, the screen again with the changed cells marked, and the list of them; for a
 * failed assertion the line, what was expected and what was found (the failure's details).
 */
import type { TapeFailure } from '../tape/run/failure.js';
import type { TapeResult } from '../tape/run/runTape.js';
import { changedCells, diffOverlay } from './cellDiff.js';
import type { FrameStore } from './frames.js';
import { escapeHtml } from './html.js';

export async function failureSection(failure: TapeFailure, result: TapeResult, frames: FrameStore): Promise<string> {
  const where = failure.line > 0 ? `${failure.file}:${failure.line}:${failure.column}` : failure.file;
  const head = `<div class="failure" data-kind="${failure.kind}"><strong>${escapeHtml(failure.kind)} failure</strong> at <code>${escapeHtml(where)}</code>
<dl class="kv"><dt>Line</dt><dd><code>${escapeHtml(failure.command || '—')}</code></dd>
<dt>Expected</dt><dd class="expected">${escapeHtml(failure.message)}</dd>
${failure.details.length > 0 && !failure.snapshot ? `<dt>Actual</dt><dd class="actual"><pre>${escapeHtml(failure.details.join('\n'))}</pre></dd>` : ''}
<dt>State</dt><dd><code>${escapeHtml(failure.statePath ?? '—')}</code></dd></dl>`;
  if (!failure.snapshot) return `${head}</div>`;
  const { expected, actual, path } = failure.snapshot;
  const { columns, rows } = result;
  const expectedId = await frames.addText(expected, columns, rows);
  const actualId = await frames.addText(actual, columns, rows);
  const runs = changedCells(expected, actual);
  const list = runs.map((r) => `<li>row ${r.row}, column ${r.column}: <code class="expected">${escapeHtml(JSON.stringify(r.expected))}</code> → <code class="actual">${escapeHtml(JSON.stringify(r.actual))}</code></li>`);
  return `${head}
<div class="snapshot-diff">
<div class="pair">
<figure class="expected"><figcaption>Expected (${escapeHtml(path)})</figcaption><div class="frame" data-frame="${expectedId}"></div></figure>
<figure class="actual"><figcaption>Actual</figcaption><div class="frame" data-frame="${actualId}"></div></figure>
</div>
<figure class="difference"><figcaption>Difference (${runs.length} changed run${runs.length === 1 ? '' : 's'} of cells)</figcaption>
<div class="stack"><div class="frame" data-frame="${actualId}"></div>${diffOverlay(runs, columns, rows)}</div></figure>
<ol class="changed-cells">${list.join('')}</ol>
</div></div>`;
}
