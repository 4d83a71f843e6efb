// Browser test of the web app in headless Debian Chromium (playwright-core, no downloaded browser):
// on a 360×740 phone screen a village user logs a flood drill through the form (with a photo as
// evidence), sees it in the drill list, and the city office's dashboard count changes.
//
// Inputs (environment): see support.mjs (BEACON_BIN, BEACON_ARTIFACTS, CHROMIUM).
// Run: node --test tests/browser/   (CTest runs it as browser_drill_flow)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoCityInChromium, localDate, login } from './support.mjs';

async function dashboardCounts(page, base) {
  await page.goto(`${base}/`);
  const read = async (id) => Number((await page.locator(id).innerText()).trim());
  return { met: await read('#count-met'), due_soon: await read('#count-due-soon'), overdue: await read('#count-overdue') };
}

test('a village user logs a drill on a phone and the city dashboard changes', { timeout: 150000 }, async (t) => {
  const { base, browser, tmp, artifacts } = await demoCityInChromium(t);

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
