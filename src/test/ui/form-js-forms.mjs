#!/usr/bin/env node
// Renders every form in forms/ with form-js (@bpmn-io/form-js, the viewer Camunda Tasklist uses)
// in a real headless Chromium, with the variables the performance-review process gives the task
// (kpiLines as the compute-scores worker writes it, totals, rating, self-assessment, comments).
// Checks that the KPI table shows every line and the texts show the totals and assessments, and
// saves target/screenshots/formjs-<form>.png. Exits 1 naming what is missing. See docs/ui.md.
//
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium, Debian's package)
//
// Needs no running PerfFlow:  npm install && node src/test/ui/form-js-forms.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'target', 'screenshots');
mkdirSync(out, { recursive: true });
const dist = join(root, 'node_modules', '@bpmn-io', 'form-js', 'dist');
const viewer = readFileSync(join(dist, 'form-viewer.umd.js'), 'utf8');
const css = readFileSync(join(dist, 'assets', 'form-js.css'), 'utf8');

// The shape io.perfflow.review.KpiLines gives the process (numbers; completion and weight in %;
// perspective: the balanced-scorecard perspective's label, null for a KPI without one).
const kpiLines = [
  { perspective: 'Financial', kpi: 'Order volume', unit: 'orders', actual: 1020, target: 1200, completion: 85, score: 85, weight: 30 },
  { perspective: 'Customer', kpi: 'Conversion rate', unit: '%', actual: 2.55, target: 3, completion: 85, score: 85, weight: 25 },
  { perspective: null, kpi: 'Average order value', unit: 'USD', actual: 21.25, target: 25, completion: 85, score: 85, weight: 20 },
  { perspective: null, kpi: 'After-sales rate', unit: '%', actual: 5.75, target: 5, completion: 85, score: 85, weight: 15 },
  { perspective: null, kpi: 'Customer retention', unit: '%', actual: 17, target: 20, completion: 85, score: 85, weight: 10 },
];
const variables = {
  reviewId: 1, employeeId: 'owen', total: 85, rating: 'GOOD', kpiLines,
  selfRating: 4, selfComment: 'Conversion up after the listing rework.',
  adjustment: 2, finalTotal: 87, managerComment: 'Strong month, well earned.',
};
// What each form must show (besides every KPI line of the table).
const expected = {
  'self-assessment': ['85', 'GOOD'],
  'manager-review': ['85', 'GOOD', 'Conversion up after the listing rework.'],
  approval: ['owen', '87', 'GOOD', 'Conversion up after the listing rework.', 'Strong month, well earned.'],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
try {
  for (const file of readdirSync(join(root, 'forms')).filter((f) => f.endsWith('.form')).sort()) {
    const schema = JSON.parse(readFileSync(join(root, 'forms', file), 'utf8'));
    const id = schema.id;
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body><div id="form"></div></body></html>`);
    await page.addScriptTag({ content: viewer });
    const result = await page.evaluate(async ({ schema, data }) => {
      const form = new window.FormViewer.Form({ container: document.querySelector('#form') });
      const { warnings } = await form.importSchema(schema, data);
      await new Promise((r) => setTimeout(r, 300));
      const tables = [...document.querySelectorAll('.fjs-form-field-table table, table')].map((t) => ({
        headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
      }));
      return { warnings: warnings.map(String), tables, text: document.querySelector('#form').innerText };
    }, { schema, data: variables });
    await page.screenshot({ path: join(out, `formjs-${id}.png`), fullPage: true });
    console.log(`saved ${join(out, `formjs-${id}.png`)}`);
    const problems = [...errors, ...result.warnings.map((w) => `warning: ${w}`)];
    if (expected[id]) {
      const table = result.tables[0];
      if (!table) {
        problems.push('no KPI table rendered');
      } else {
        for (const line of kpiLines) {
          const row = table.rows.find((r) => r[1] === line.kpi);
          const want = [line.perspective ?? '', line.kpi, line.actual, line.target, line.completion, line.score, line.weight].map(String);
          if (!row) problems.push(`no table row for ${line.kpi}`);
          else if (JSON.stringify(row) !== JSON.stringify(want)) problems.push(`row ${JSON.stringify(row)}, expected ${JSON.stringify(want)}`);
        }
      }
      for (const text of expected[id]) {
        if (!result.text.includes(text)) problems.push(`does not show "${text}"`);
      }
    }
    if (problems.length) failures.push(`${file}: ${problems.join('; ')}`);
    else console.log(`${file}: ok${expected[id] ? ` (table ${result.tables[0].headers.join(' | ')}, ${result.tables[0].rows.length} rows)` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
