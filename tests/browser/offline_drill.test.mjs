// Browser test of offline drill logging (issue #14 §4) in headless Debian Chromium over HTTPS:
// `beacon serve` speaks TLS with a self-signed certificate the test makes (and Chromium trusts by
// its public key), so the service worker may run. A village user opens the flood drill form,
// the phone loses its network (Chromium's offline emulation), three drills with a photo each and
// one dated in the future are logged; the form lists them as 待上传 (4); the page is reloaded
// offline and still shows the form and the four; the network returns: the three are sent (each
// once: its submission token is the idempotency key), the future one is refused and stays with the
// server's reason, and brought back into the form shows it. The API then has exactly three new
// drills, each with its photo.
//
// Inputs (environment): see support.mjs (BEACON_BIN, BEACON_ARTIFACTS, CHROMIUM).
// Run: node --test tests/browser/offline_drill.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { demoCityInChromium, localDate, login } from './support.mjs';

async function fillDrill(vp, { date, place, photo }) {
  await vp.selectOption('#drill_type', 'flood.evacuation');
  await vp.fill('#date', date);
  await vp.fill('#place', place);
  await vp.fill('#participants', '30');
  await vp.selectOption('#f-hazard', 'flash_flood');
  if (photo) await vp.setInputFiles('#evidence', photo);
}

async function queued(vp) {
  return Number((await vp.locator('#offline-count').innerText()).trim());
}

test('a village user logs three drills offline on a phone and they are stored once each', { timeout: 180000 },
  async (t) => {
    const { base, browser, tmp, artifacts } = await demoCityInChromium(t, { tls: true });
    assert.match(base, /^https:\/\//);
    const village = await login(browser, base, 'village');
    const vp = village.page;
    await vp.goto(`${base}/drills/new?domain=flood`);
    await vp.waitForSelector('#f-hazard');
    // The service worker has cached the form of every domain offered (and this one).
    await vp.waitForFunction(() => Number(document.getElementById('offline-queue').getAttribute('data-cached')) >= 3,
      null, { timeout: 20000 });
    assert.equal(await vp.evaluate(() => window.isSecureContext && !!navigator.serviceWorker.controller), true,
      'the service worker does not control the page');

    const now = localDate();
    const date = now.slice(5) < '05-15' ? now : `${now.slice(0, 4)}-05-10`;
    const stamp = `离线${Date.now() % 100000}`;
    const photos = [];
    for (let i = 1; i <= 3; i++) {
      const photo = path.join(tmp, `photo-${i}.jpg`);
      fs.writeFileSync(photo, await vp.screenshot({ type: 'jpeg', quality: 40 + i }));
      photos.push(photo);
    }

    await village.context.setOffline(true);
    for (let i = 1; i <= 3; i++) {
      await fillDrill(vp, { date, place: `${stamp}-${i}`, photo: photos[i - 1] });
      await vp.click('#drill-submit');
      await vp.waitForFunction((n) => document.getElementById('offline-count').textContent === String(n), i);
      assert.ok(await vp.locator('#offline-saved').isVisible(), 'no "saved on this phone" notice');
      assert.equal(new URL(vp.url()).pathname, '/drills/new', 'the offline submit left the form');
    }
    // One the server will refuse: dated in the future.
    await fillDrill(vp, { date: `${Number(now.slice(0, 4)) + 1}-01-02`, place: `${stamp}-future` });
    await vp.click('#drill-submit');
    await vp.waitForFunction(() => document.getElementById('offline-count').textContent === '4');
    assert.match(await vp.locator('#offline-queue h2').innerText(), /待上传\s*4/);

    // Reloaded without a network: the cached form, and the queue is still there.
    await vp.reload();
    await vp.waitForSelector('#f-hazard');
    await vp.waitForFunction(() => document.getElementById('offline-count').textContent === '4');
    assert.equal(await vp.locator('#offline-list li').count(), 4);
    await vp.screenshot({ path: path.join(artifacts, 'offline-queue-phone.png'), fullPage: true });

    // The network returns: three go, the future one comes back refused.
    await village.context.setOffline(false);
    await vp.waitForFunction(() => document.querySelectorAll('#offline-list li').length === 1 &&
      document.querySelector('#offline-list .offline-refused'), null, { timeout: 30000 });
    assert.equal(await queued(vp), 1);
    const refusal = await vp.locator('#offline-list .offline-refused').innerText();
    assert.match(refusal, /服务器未接受/);
    assert.match(refusal, /日期|晚于|未来|date/i, `the refusal gives no reason about the date: ${refusal}`);
    await vp.screenshot({ path: path.join(artifacts, 'offline-refused-phone.png'), fullPage: true });
    // Brought back into the form with the reason; it leaves the queue.
    await vp.click('#offline-list .offline-edit');
    await vp.waitForSelector('#offline-returned:not([hidden])');
    assert.equal(await vp.inputValue('#place'), `${stamp}-future`);
    assert.match(await vp.locator('#offline-returned').innerText(), /晚于|未来|date/i);
    await vp.waitForFunction(() => document.getElementById('offline-queue').hidden);

    // Exactly three new drills, each with its photo (asked through the page, which trusts the certificate).
    const api = (url) => vp.evaluate(async (u) => {
      const r = await fetch(u, { headers: { Accept: 'application/json' } });
      return { status: r.status, json: await r.json() };
    }, url);
    const list = await api(`/api/v1/drills?org=xinmi.chengguan.04&domain=flood&from=${date}&to=${date}&limit=200`);
    assert.equal(list.status, 200);
    const ours = list.json.items.filter((d) => d.place.startsWith(stamp));
    assert.deepEqual(ours.map((d) => d.place).sort(), [`${stamp}-1`, `${stamp}-2`, `${stamp}-3`]);
    for (const d of ours) {
      const one = (await api(`/api/v1/drills/${d.id}`)).json;
      assert.equal(one.attachments.length, 1, `drill ${d.id} has ${one.attachments.length} attachments`);
      const n = d.place.slice(-1);
      assert.equal(one.attachments[0].filename, `photo-${n}.jpg`);
      const sha = crypto.createHash('sha256').update(fs.readFileSync(photos[Number(n) - 1])).digest('hex');
      assert.equal(one.attachments[0].sha256, sha, `drill ${d.id}: not the photo chosen`);
    }
  });
