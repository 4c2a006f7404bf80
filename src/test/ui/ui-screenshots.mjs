#!/usr/bin/env node
// Drives the PerfFlow web UI in a real (headless) Chromium and saves screenshots of every page to
// target/screenshots/ (HR's pages included: people, scorecards, metrics, imports, peak seasons).
// See docs/ui.md.
//
//   PERFFLOW_URL       base URL of a running PerfFlow (default http://localhost:8080)
//   PERFFLOW_PERIOD    period of the cycle to start (default 2026-10)
//   PERFFLOW_EMPLOYEE  the employee reviewed in that cycle (default owen, whose manager is olivia)
//   PERFFLOW_MANAGER   that employee's manager (default olivia)
//   CHROMIUM_PATH      the browser (default /usr/bin/chromium, Debian's package)
//   PERFFLOW_ADVANCE_CLOCK  embedded runtime only: move the engine clock by this ISO duration at
//                      the end so the task reminders are mailed (default P4D; empty = do not)
//
// Start a throw-away PerfFlow first, e.g.
//   ./mvnw -B -q spring-boot:run -Dspring-boot.run.arguments="--server.port=18090 --perfflow.embedded.postgres.data-dir="
//   PERFFLOW_URL=http://localhost:18090 node src/test/ui/ui-screenshots.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = (process.env.PERFFLOW_URL || 'http://localhost:8080').replace(/\/$/, '');
const period = process.env.PERFFLOW_PERIOD || '2026-10';
const employee = process.env.PERFFLOW_EMPLOYEE || 'owen';
const manager = process.env.PERFFLOW_MANAGER || 'olivia';
const advance = process.env.PERFFLOW_ADVANCE_CLOCK ?? 'P4D';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'screenshots');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function shot(page, name) {
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}  (${page.url()})`);
}

/** A fresh browser context (own cookies), logged in through the login form. */
async function login(user, password, screenshot) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  if (screenshot) await shot(page, screenshot);
  await page.getByLabel('User id').fill(user);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Log in' }).click()]);
  return page;
}

/** Reloads the inbox until a task link with this name shows up. */
async function waitForTask(page, name, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(`${base}/`);
    const link = page.locator('#inbox a', { hasText: name }).first();
    if (await link.count()) return link;
    if (Date.now() > deadline) throw new Error(`no "${name}" task in the inbox after ${timeoutMs} ms`);
    await page.waitForTimeout(1000);
  }
}

try {
  // HR starts a cycle for one employee through the form on /cycles.
  const admin = await login('admin', 'admin', 'login');
  await admin.goto(`${base}/cycles`);
  await admin.getByLabel('Period (YYYY-MM)').fill(period);
  await admin.getByLabel('Employees').fill(employee);
  await Promise.all([admin.waitForURL(/\/cycles\/\d+$/), admin.getByRole('button', { name: 'Start cycle' }).click()]);
  const cycleUrl = admin.url();
  console.log(`started the cycle ${cycleUrl}`);

  // The employee completes the self-assessment through the rendered Camunda form.
  const me = await login(employee, 'demo');
  const taskLink = await waitForTask(me, 'Self-assessment');
  await shot(me, 'inbox');
  await Promise.all([me.waitForURL(/\/tasks\/\d+$/), taskLink.click()]);
  const taskUrl = me.url();
  await shot(me, 'task-form');
  await me.getByRole('button', { name: 'Complete task' }).click(); // nothing filled in: the server says what is missing
  await me.locator('#f-selfRating-error').waitFor();
  await shot(me, 'task-form-errors');
  await me.getByLabel('Self rating (1-5)').fill('4');
  await me.getByLabel('Comment').fill('Listings went live faster than planned; the returns backlog needs another pair of hands.');
  await Promise.all([me.waitForURL(`${base}/`), me.getByRole('button', { name: 'Complete task' }).click()]);
  await me.getByText('Task completed').waitFor();
  console.log(`completed ${taskUrl}`);

  // The review page (KPIs, approvals, open tasks, history).
  await me.goto(`${base}/reviews`);
  await Promise.all([me.waitForURL(/\/reviews\/\d+$/), me.locator('table.data tbody a').last().click()]);
  await shot(me, 'review');

  // The manager's form: the computed total and rating templated into its text.
  const boss = await login(manager, 'demo');
  await Promise.all([boss.waitForURL(/\/tasks\/\d+$/), (await waitForTask(boss, 'Manager review')).click()]);
  await shot(boss, 'manager-review-form');

  // Embedded runtime: let the engine's clock pass the due date, so reminder mails go out.
  if (advance) {
    const res = await admin.request.post(`${base}/api/dev/clock`, {
      data: { advance },
      headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') },
    });
    console.log(`advance clock by ${advance}: HTTP ${res.status()}`);
  }

  await admin.goto(cycleUrl);
  await shot(admin, 'cycle');

  await admin.goto(`${base}/cycles`);
  await shot(admin, 'cycles');
  const mailbox = await admin.goto(`${base}/mailbox`);
  if (mailbox.status() === 200) {
    if (advance) {
      // The reminder is mailed by a job after the timer fires: give it a few seconds.
      for (let i = 0; i < 20 && !(await admin.locator('article.mail').count()); i++) {
        await admin.waitForTimeout(500);
        await admin.reload();
      }
    }
    await shot(admin, 'mailbox');
  } else {
    console.log(`no mailbox (HTTP ${mailbox.status()}): not the embedded runtime`);
  }

  // The manager completes the review and approves it (ops-managers), so it is a final total.
  await boss.getByRole('button', { name: 'Complete task' }).click();
  await boss.waitForURL(`${base}/`);
  const approval = await waitForTask(boss, 'Approve review');
  await Promise.all([boss.waitForURL(/\/tasks\/\d+$/), approval.click()]);
  await shot(boss, 'approval-form');
  await boss.getByLabel('Approve').check();
  await Promise.all([boss.waitForURL(`${base}/`), boss.getByRole('button', { name: 'Complete task' }).click()]);
  console.log('manager review and approval completed');

  // The dashboards: charts drawn by Chart.js (served by PerfFlow) above their tables. My
  // performance and My team show the current period live and the months before it as trends.
  async function chartsDrawn(page, name) {
    const tables = await page.locator('table[data-chart]').count();
    if (tables) await page.locator('figure.chart[data-chart-ready="true"]').first().waitFor({ timeout: 10_000 });
    console.log(`${name}: ${await page.locator('figure.chart canvas').count()} charts for ${tables} chart tables`);
    await shot(page, name);
  }
  await admin.goto(`${cycleUrl}/dashboard`);
  await chartsDrawn(admin, 'cycle-dashboard');
  // The approval completes the review a moment later: the trend shows it once it is COMPLETED.
  for (let i = 0; i < 30; i++) {
    await me.goto(`${base}/me`);
    if (await me.locator('#trend-total').count()) break;
    await me.waitForTimeout(1000);
  }
  await chartsDrawn(me, 'my-performance');
  await boss.goto(`${base}/team`);
  await chartsDrawn(boss, 'my-team');

  // HR's pages (issue 10): people, a person, scorecards with the live weight sum, metric
  // definitions with the query check's error, imports with their bad rows, the peak-season calendar.
  const tag = `ui${Date.now().toString(36)}`;
  await admin.goto(`${base}/people?q=operations`);
  await shot(admin, 'people');
  await admin.setInputFiles('#people-file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(
    'id,name,email,role,team,manager,hiredOn,level,basePay\n'
    + `${tag}a,Ann Lee,ann@example.com,operations,operations,olivia,2025-01-06,L1,7000\n`
    + `${tag}b,Bob Ma,bob,operations,operations,nobody-here,2025-01-06,L1,7000\n`) });
  await admin.getByRole('button', { name: 'Import', exact: true }).click();
  await admin.locator('#import-errors').waitFor();
  await shot(admin, 'people-import-errors');
  await admin.goto(`${base}/people/${employee}`);
  await shot(admin, 'person');
  await admin.goto(`${base}/scorecards`);
  await shot(admin, 'scorecards');
  await admin.goto(`${base}/scorecards/operations/normal`);
  const weight = admin.locator('input.weight').first();
  await weight.fill(String(Number(await weight.inputValue()) - 5)); // the live sum says what is missing
  await admin.locator('#weight-sum-state', { hasText: 'missing' }).waitFor();
  console.log(`live weight sum: ${await admin.locator('#weight-sum').textContent()}`);
  await shot(admin, 'scorecard-live-sum');
  await admin.getByRole('button', { name: 'Save scorecard' }).click(); // refused by the server, nothing saved
  await admin.locator('#scorecard-error').waitFor();
  await shot(admin, 'scorecard-errors');
  await admin.goto(`${base}/metrics`);
  await shot(admin, 'metrics');
  await admin.goto(`${base}/metrics/orders.count`);
  await shot(admin, 'metric');
  await admin.goto(`${base}/metrics/new`);
  await admin.getByLabel('Code').fill(`${tag}.score`);
  await admin.locator('#m-name').fill('Password length');
  await admin.locator('#m-unit').fill('characters');
  await admin.locator('#m-description').fill('Tries to read what metric queries may not read.');
  await admin.locator('#m-query').fill('SELECT id AS employee_id, length(password_hash) AS value\nFROM perfflow.employee\nWHERE id = ANY(:employeeIds)');
  await admin.getByRole('button', { name: 'Save metric' }).click();
  await admin.locator('#m-query-error').waitFor();
  await shot(admin, 'metric-query-error');
  await admin.goto(`${base}/imports`);
  await admin.locator('#source-table').selectOption('suppliers');
  await admin.setInputFiles('#source-file', { name: 'suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from(
    `id,name\n${tag}-s1,Shenzhen Parts\n${tag}-s2,\n`) });
  await admin.getByRole('button', { name: 'Import rows' }).click();
  await admin.locator('#import-errors').waitFor();
  await shot(admin, 'imports-errors');
  await admin.goto(`${base}/peak-seasons`);
  await shot(admin, 'peak-seasons');
} finally {
  await browser.close();
}
