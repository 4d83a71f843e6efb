// Browser test of issue #14 §3, "Chinese throughout, forms that never lose work", in headless
// Debian Chromium (playwright-core): what a village user types in the drill form survives a change
// of domain, a refused submit (the Chinese error by its field; the photo is asked for again) and a
// session that expired mid-form (the draft comes back after logging in again, and goes after the
// save); the city office's refused evaluation comes back with what was typed, a saved one says so;
// the language switch keeps the page and its query.
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_forms_language)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoCityInChromium, desktop, logInOn, login } from './support.mjs';

// The values of the drill form's shared fields.
async function sharedValues(page) {
  return {
    date: await page.inputValue('#date'),
    place: await page.inputValue('#place'),
    participants: await page.inputValue('#participants'),
    evacuees: await page.inputValue('#evacuees'),
  };
}

test('forms keep what was typed, in Chinese, and the language switch keeps the page', { timeout: 180000 }, async (t) => {
  const { base, browser, tmp, artifacts } = await demoCityInChromium(t);
  const typed = { date: '2023-05-10', place: '村委会广场', participants: '43', evacuees: '27' };

  // The village user types the shared fields and chooses a photo, then changes the domain.
  const village = await login(browser, base, 'village');
  const vp = village.page;
  await vp.goto(`${base}/drills/new?domain=flood`);
  await vp.fill('#date', typed.date);
  await vp.fill('#place', typed.place);
  await vp.fill('#participants', typed.participants);
  await vp.fill('#evacuees', typed.evacuees);
  const photo = path.join(tmp, 'photo.jpg');
  fs.writeFileSync(photo, await vp.screenshot({ type: 'jpeg', quality: 70 }));
  await vp.setInputFiles('#evidence', photo);
  await Promise.all([vp.waitForURL(/domain=fire/), vp.selectOption('#domain-select', 'fire')]);
  assert.deepEqual(await sharedValues(vp), typed, 'a change of domain kept the typed fields');
  assert.ok(await vp.locator('#evidence-again').isVisible(), 'the form says the photo must be chosen again');
  await Promise.all([vp.waitForURL(/domain=flood/), vp.selectOption('#domain-select', 'flood')]);
  assert.deepEqual(await sharedValues(vp), typed);

  // A refused submit (灾害类型 left empty, photo chosen again): the Chinese error, nothing lost.
  await vp.selectOption('#drill_type', 'flood.evacuation');
  await vp.setInputFiles('#evidence', photo);
  await vp.evaluate(() => document.getElementById('f-hazard').removeAttribute('required'));
  await Promise.all([vp.waitForLoadState('load'), vp.click('#drill-submit')]);
  await vp.waitForSelector('#form-error');
  const refusal = await vp.locator('#form-error').innerText();
  assert.match(refusal, /“灾害类型”为必填项。/);
  assert.doesNotMatch(refusal, /[A-Za-z]/, `an English fragment in the refusal: ${refusal}`);
  assert.deepEqual(await sharedValues(vp), typed, 'the refused form came back with what was typed');
  assert.ok(await vp.locator('#evidence-again').isVisible());
  await vp.screenshot({ path: path.join(artifacts, 'drill-form-refused-phone.png'), fullPage: true });

  // The session expires mid-form (30 minutes idle in the field): the submit leads to the login
  // page; after logging in again the form has the draft back.
  await vp.goto(`${base}/drills/new?domain=flood`);
  await vp.fill('#date', typed.date);
  await vp.fill('#place', typed.place);
  await vp.fill('#participants', typed.participants);
  await vp.fill('#evacuees', typed.evacuees);
  await vp.selectOption('#f-hazard', 'flash_flood');
  await vp.fill('#scenario', '强降雨引发山洪');
  await village.context.clearCookies({ name: 'beacon_session' });
  await Promise.all([vp.waitForURL(/\/login/), vp.click('#drill-submit')]);
  await logInOn(vp, 'village');
  assert.match(new URL(vp.url()).pathname, /^\/drills\/new/);
  await vp.waitForSelector('#draft-restored:not([hidden])');
  assert.deepEqual(await sharedValues(vp), typed, 'the draft came back after logging in again');
  assert.equal(await vp.inputValue('#scenario'), '强降雨引发山洪');
  assert.equal(await vp.inputValue('#f-hazard'), 'flash_flood');
  await vp.screenshot({ path: path.join(artifacts, 'drill-draft-restored-phone.png'), fullPage: true });
  // Saved: the page says so, and the draft is gone.
  await vp.selectOption('#drill_type', 'flood.evacuation');
  await Promise.all([vp.waitForURL(/\/drills\/\d+\?logged=1/), vp.click('#drill-submit')]);
  assert.equal((await vp.locator('#drill-logged').innerText()).trim(), '演练记录已保存。');
  await vp.goto(`${base}/drills/new?domain=flood`);
  assert.ok(await vp.locator('#draft-restored').isHidden(), 'no draft after the save');
  assert.equal(await vp.inputValue('#place'), '');

  // The city office: a refused evaluation comes back with what was typed; a saved one says so.
  const admin = await login(browser, base, 'admin', desktop);
  const ap = admin.page;
  await ap.goto(`${base}/plans?status=issued`);
  await Promise.all([ap.waitForURL(/\/plans\/\d+/), ap.locator('#plan-list a').first().click()]);
  await ap.waitForSelector('#plan-evaluation-form');
  await ap.fill('#evaluation-date', '2999-01-05');
  await ap.fill('#evaluators', '张三、李四');
  await ap.selectOption('#evaluation-conclusion', 'revise');
  await ap.fill('#evaluation-findings', '应急队伍名单已过时');
  await Promise.all([ap.waitForLoadState('load'), ap.click('#plan-evaluation-form button[type=submit]')]);
  const error = await ap.locator('#plan-evaluation-form .err').innerText();
  assert.match(error, /^“日期”/, `the refusal names its field: ${error}`);
  assert.match(error, /。$/);
  assert.equal(await ap.inputValue('#evaluators'), '张三、李四');
  assert.equal(await ap.inputValue('#evaluation-conclusion'), 'revise');
  assert.equal(await ap.inputValue('#evaluation-findings'), '应急队伍名单已过时');
  await ap.fill('#evaluation-date', '2023-06-01');
  await ap.selectOption('#evaluation-conclusion', 'keep');
  await Promise.all([ap.waitForURL(/done=evaluation/), ap.click('#plan-evaluation-form button[type=submit]')]);
  assert.equal((await ap.locator('#plan-notice').innerText()).trim(), '评估已记录。');

  // The language switch keeps the page and its query.
  await ap.goto(`${base}/plans?domain=flood&status=issued`);
  await Promise.all([ap.waitForURL(/lang=en/), ap.click('#lang-switch')]);
  const there = new URL(ap.url());
  assert.equal(there.pathname, '/plans');
  assert.equal(there.searchParams.get('domain'), 'flood');
  assert.equal(there.searchParams.get('status'), 'issued');
  assert.equal((await ap.locator('h1').innerText()).trim(), 'Plans');
  await Promise.all([ap.waitForURL(/lang=zh/), ap.click('#lang-switch')]);
  assert.equal(new URL(ap.url()).searchParams.get('domain'), 'flood');
});
