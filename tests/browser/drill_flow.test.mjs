// Browser test of the web app in headless Debian Chromium (playwright-core, no downloaded browser):
// on a 360×740 phone screen a village user logs a flood drill through the form (with a photo as
// evidence), sees it in the drill list, and the city office's dashboard count changes.
//
// Inputs (environment):
//   BEACON_BIN        the built beacon binary (default build/bin/beacon, from the repository root)
//   BEACON_ARTIFACTS  where screenshots go (default: an "artifacts" folder in the test's temp dir,
//                     which is kept, and its path printed, so the shots can be looked at)
//   CHROMIUM          the browser (default /usr/bin/chromium)
// Run: node --test tests/browser/   (CTest runs it as browser_drill_flow)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  throw new Error(`playwright-core is not installed in tests/browser/: run scripts/install-test-deps.sh (${e.message})`);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const beaconBin = path.resolve(repoRoot, process.env.BEACON_BIN || 'build/bin/beacon');
const chromiumBin = process.env.CHROMIUM || '/usr/bin/chromium';
const password = 'beacon-demo-2023';
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const stepTimeoutMs = 15000;

function localDate(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Starts `beacon serve --listen 127.0.0.1:0` and resolves with its URL once it prints
// "listening on http://HOST:PORT"; rejects if it exits or stays silent first.
// It runs in `dir`, so its relative paths (attachments under var/) stay in the temp dir.
function startServer(dir, dbPath, logPath) {
  const log = fs.openSync(logPath, 'a');
  const child = spawn(beaconBin, ['--db', dbPath, 'serve', '--listen', '127.0.0.1:0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', log],
  });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`beacon serve printed no address in 10 s:\n${out}`)), 10000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      fs.appendFileSync(logPath, chunk);
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`beacon serve exited (${code ?? signal}) before listening:\n${out}\n` +
        fs.readFileSync(logPath, 'utf8')));
    });
    child.on('error', reject);
  });
  return { child, ready };
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function login(browser, base, username) {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  context.setDefaultTimeout(stepTimeoutMs);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('#login-submit')]);
  assert.equal(await page.locator('#login-error').count(), 0, `${username} could not log in`);
  return { context, page };
}

async function dashboardCounts(page, base) {
  await page.goto(`${base}/`);
  const read = async (id) => Number((await page.locator(id).innerText()).trim());
  return { met: await read('#count-met'), due_soon: await read('#count-due-soon'), overdue: await read('#count-overdue') };
}

test('a village user logs a drill on a phone and the city dashboard changes', { timeout: 150000 }, async (t) => {
  assert.ok(fs.existsSync(beaconBin), `no beacon binary at ${beaconBin} (set BEACON_BIN)`);
  assert.ok(fs.existsSync(chromiumBin), `no Chromium at ${chromiumBin} (scripts/install-test-deps.sh installs it)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-browser-'));
  const artifacts = process.env.BEACON_ARTIFACTS || path.join(tmp, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const dbPath = path.join(tmp, 'beacon.db');
  const serverLog = path.join(artifacts, 'server.log');

  execFileSync(beaconBin, ['--db', dbPath, 'init', '--demo', 'xinmi-2023'], { cwd: tmp, stdio: 'pipe' });
  const server = startServer(tmp, dbPath, serverLog);
  let browser;
  t.after(async () => {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server.child);
    // Everything in tmp goes (database, browser profile, photo) except tmp/artifacts when it holds the shots.
    if (!process.env.BEACON_ARTIFACTS) {
      for (const f of fs.readdirSync(tmp)) if (f !== 'artifacts') fs.rmSync(path.join(tmp, f), { recursive: true, force: true });
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    t.diagnostic(`artifacts: ${artifacts}`);
  });
  const base = await server.ready;

  // A fresh --user-data-dir: Playwright makes one per launch under os.tmpdir(), here our temp dir.
  process.env.TMPDIR = tmp;
  // A first launch on a fresh machine can spend most of a minute building font caches.
  browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    timeout: 60000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });

  // The city office's counts before.
  const admin = await login(browser, base, 'admin');
  const before = await dashboardCounts(admin.page, base);
  assert.ok(before.met + before.due_soon + before.overdue > 0, 'the demo dashboard shows no obligations');

  // The village user: drill list, then the form.
  const village = await login(browser, base, 'village');
  const vp = village.page;
  await vp.goto(`${base}/drills`);
  const totalBefore = Number(await vp.locator('#drill-total').innerText());
  await Promise.all([vp.waitForURL(/\/drills\/new/), vp.click('#log-drill')]);
  // Choosing the domain reloads the form with that plugin's drill types and fields.
  await Promise.all([
    vp.waitForURL(/domain=flood/),
    vp.selectOption('#domain-select', 'flood'),
  ]);
  await vp.waitForSelector('#f-hazard');
  const orgLabel = (await vp.locator('#org_id option:checked').innerText()).trim();
  // Before the flood season (05-15) a drill today meets this year's pre-season duty; after it,
  // a drill today counts only for next year (逾期 is never 已落实), so the drill is dated 05-10.
  const now = localDate();
  const drillDate = now.slice(5) < '05-15' ? now : `${now.slice(0, 4)}-05-10`;
  await vp.selectOption('#drill_type', 'flood.evacuation');
  await vp.fill('#date', drillDate);
  const planValues = await vp.locator('#plan_id option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(planValues.length > 0, 'the village has no flood plan to choose');
  await vp.selectOption('#plan_id', planValues[0]);
  await vp.fill('#place', '村委会广场');
  await vp.fill('#scenario', '强降雨引发山洪，转移危险区群众');
  await vp.fill('#participants', '43');
  await vp.fill('#evacuees', '27');
  await vp.selectOption('#f-hazard', 'flash_flood');
  await vp.selectOption('#verdict', 'good');
  // A phone photo as evidence: a real JPEG (this very form, shot by the browser).
  const photo = path.join(tmp, 'photo.jpg');
  fs.writeFileSync(photo, await vp.screenshot({ type: 'jpeg', quality: 70 }));
  await vp.setInputFiles('#evidence', photo);
  await vp.screenshot({ path: path.join(artifacts, 'drill-form-phone.png'), fullPage: true });

  await Promise.all([vp.waitForURL(/\/drills\/\d+\?logged=1/), vp.click('#drill-submit')]);
  await vp.waitForSelector('#drill-logged');
  assert.equal(await vp.locator('#form-error').count(), 0);
  const drillPath = new URL(vp.url()).pathname;
  assert.match(await vp.locator('h1').innerText(), new RegExp(drillDate));
  assert.match(await vp.locator('#attachments').innerText(), /photo\.jpg/);
  await vp.screenshot({ path: path.join(artifacts, 'drill-logged-phone.png'), fullPage: true });

  // The list shows it.
  await vp.goto(`${base}/drills`);
  assert.equal(Number(await vp.locator('#drill-total').innerText()), totalBefore + 1);
  const row = vp.locator(`#drill-list tr:has(a[href="${drillPath}"])`);
  assert.equal(await row.count(), 1, `drill ${drillPath} is not in the list`);
  const rowText = await row.innerText();
  assert.match(rowText, new RegExp(drillDate));
  assert.ok(rowText.includes(orgLabel), `the row does not name ${orgLabel}: ${rowText}`);
  assert.match(rowText, /43/);
  await vp.screenshot({ path: path.join(artifacts, 'drill-list-phone.png'), fullPage: true });

  // The city office sees the duty met: the village's pre-flood-season drill was due (overdue or
  // due soon or upcoming) and is now met.
  const after = await dashboardCounts(admin.page, base);
  assert.equal(after.met, before.met + 1, `met count ${before.met} -> ${after.met}`);
  await admin.page.screenshot({ path: path.join(artifacts, 'dashboard-phone.png'), fullPage: false });
  t.diagnostic(`dashboard met ${before.met} -> ${after.met}, due soon ${before.due_soon} -> ${after.due_soon}, ` +
    `overdue ${before.overdue} -> ${after.overdue}`);
});
