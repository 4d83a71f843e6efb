// What the browser tests share: the beacon binary and Chromium they use, a demo city served by
// `beacon serve` in a temporary folder, one headless Chromium, and logging in.
//
// Inputs (environment):
//   BEACON_BIN        the built beacon binary (default build/bin/beacon, from the repository root)
//   BEACON_ARTIFACTS  where screenshots go (default: an "artifacts" folder in the test's temp dir,
//                     which is kept, and its path printed, so the shots can be looked at)
//   CHROMIUM          the browser (default /usr/bin/chromium)
//   BEACON_START_SECONDS  how long `beacon serve` may take to listen (default 10; more on a loaded machine)
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
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

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const beaconBin = path.resolve(repoRoot, process.env.BEACON_BIN || 'build/bin/beacon');
export const chromiumBin = process.env.CHROMIUM || '/usr/bin/chromium';
export const password = 'beacon-demo-2023';
export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desktop = { viewport: { width: 1366, height: 768 } };
export const stepTimeoutMs = 15000;
const startSeconds = Number(process.env.BEACON_START_SECONDS || 60);

export function localDate(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Starts `beacon serve --listen 127.0.0.1:0` and resolves with its URL once it prints
// "listening on http(s)://HOST:PORT"; rejects if it exits or stays silent first.
// It runs in `dir`, so its relative paths (attachments under var/) stay in the temp dir.
// `config`: a properties file to pass with --config (HTTPS), or none.
function startServer(dir, dbPath, logPath, config) {
  const log = fs.openSync(logPath, 'a');
  const args = [...(config ? ['--config', config] : []), '--db', dbPath, 'serve', '--listen', '127.0.0.1:0'];
  const child = spawn(beaconBin, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', log],
  });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`beacon serve printed no address in ${startSeconds} s:\n${out}`)),
      startSeconds * 1000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      fs.appendFileSync(logPath, chunk);
      const m = out.match(/listening on (https?:\/\/[0-9.]+:\d+)/);
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

// A self-signed certificate for 127.0.0.1 made with the openssl command in `dir`, and a
// properties file that has `beacon serve` use it (web.tls_certificate / web.tls_key).
// Returns { config, spki }: spki is the base64 SHA-256 of the certificate's public key, which
// Chromium is told to trust (--ignore-certificate-errors-spki-list: the page is then a secure
// context without certificate errors, as service workers require).
function selfSignedTls(dir) {
  const crt = path.join(dir, 'tls.crt');
  const key = path.join(dir, 'tls.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', crt], { stdio: 'pipe' });
  const config = path.join(dir, 'tls.properties');
  fs.writeFileSync(config, `web.tls_certificate = ${crt}\nweb.tls_key = ${key}\n`);
  const der = new crypto.X509Certificate(fs.readFileSync(crt)).publicKey.export({ type: 'spki', format: 'der' });
  return { config, spki: crypto.createHash('sha256').update(der).digest('base64') };
}

// The demo city served and one Chromium, for the test `t`; both go when it ends (the temp dir
// too, except its artifacts folder when that holds the shots). With { tls: true } the server
// speaks HTTPS with a self-signed certificate that this Chromium trusts. Resolves with
// { base, browser, tmp, artifacts }.
export async function demoCityInChromium(t, { tls = false } = {}) {
  assert.ok(fs.existsSync(beaconBin), `no beacon binary at ${beaconBin} (set BEACON_BIN)`);
  assert.ok(fs.existsSync(chromiumBin), `no Chromium at ${chromiumBin} (scripts/install-test-deps.sh installs it)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-browser-'));
  const artifacts = process.env.BEACON_ARTIFACTS || path.join(tmp, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const dbPath = path.join(tmp, 'beacon.db');
  const serverLog = path.join(artifacts, `server-${path.basename(tmp)}.log`);

  execFileSync(beaconBin, ['--db', dbPath, 'init', '--demo', 'xinmi-2023'], { cwd: tmp, stdio: 'pipe' });
  const https = tls ? selfSignedTls(tmp) : null;
  const server = startServer(tmp, dbPath, serverLog, https && https.config);
  let browser;
  t.after(async () => {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server.child);
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
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN',
      ...(https ? [`--ignore-certificate-errors-spki-list=${https.spki}`] : [])],
  });
  return { base, browser, tmp, artifacts };
}

// Logs `username` in on the login page of `page`, and waits to leave it.
export async function logInOn(page, username) {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('#login-submit')]);
  assert.equal(await page.locator('#login-error').count(), 0, `${username} could not log in`);
}

// A new browser context (phone-sized unless `device` says otherwise; `options` adds Playwright
// context options) with `username` logged in.
export async function login(browser, base, username, device = phone, options = {}) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', ...options });
  context.setDefaultTimeout(stepTimeoutMs);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await logInOn(page, username);
  return { context, page };
}

// The pages a user reaches from the menu, the first plan and drill, and the dashboard's lists.
export async function pagesOf(page, base) {
  const pages = ['/', '/plans', '/drills', '/drills/new', '/drill-plans', '/organisations', '/summaries', '/imports',
    '/summaries?kind=plan-status&as_of=2023-12-31&format=text', '/calendar-feed',
    '/plans/new', '/account/password', '/organisations/new', '/users', '/users/new', '/audit',  // the administration pages (issue #14 §2)
    '/search?q=城关', '/notifications?all=1', '/notifications/digests'];
  await page.goto(`${base}/`);
  const lists = await page.locator('main a[href^="/?"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  pages.push(...[...new Set(lists)].slice(0, 3));
  await page.goto(`${base}/plans`);
  const plan = await page.locator('#plan-list a').first().getAttribute('href').catch(() => null);
  if (plan) pages.push(plan);
  await page.goto(`${base}/drills`);
  const drill = await page.locator('#drill-list a').first().getAttribute('href').catch(() => null);
  if (drill) pages.push(drill);
  return pages;
}
