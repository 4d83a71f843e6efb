// Browser test of issue #14 §5, reminders: a village user sees the number of new reminders (提醒)
// in the page header, opens the 提醒 page from it, sees the items of its own organisation with
// their dates and links, and the count is gone once the page was opened; the township's page on a
// desktop lists the items of its villages too.
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_notifications)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { demoCityInChromium, desktop, login, phone } from './support.mjs';

test('the header counts new reminders until the 提醒 page is opened', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  const { context, page } = await login(browser, base, 'village', phone);
  await page.goto(`${base}/plans`);
  const badge = page.locator('#notification-count');
  assert.equal(await badge.count(), 1, 'no reminder count in the header');
  const count = Number(await badge.innerText());
  assert.ok(count > 0, `the count reads ${count}`);
  await Promise.all([page.waitForURL(/\/notifications$/), page.click('#nav-notifications')]);
  assert.equal((await page.locator('h1').innerText()).trim(), '提醒');
  assert.equal(Number(await page.locator('#notifications-total').innerText()), count);
  const links = page.locator('#notifications-list a.notification-link');
  assert.ok(await links.count() > 0, 'no reminder listed');
  const kinds = await page.locator('#notifications-list tr.notification td:nth-child(2)').allInnerTexts();
  assert.ok(kinds.every((k) => ['即将到期', '已逾期', '逾期完成'].includes(k.trim())), `kinds: ${[...new Set(kinds)].join(' | ')}`);
  const orgs = await page.locator('#notifications-list tr.notification td:nth-child(3)').allInnerTexts();
  assert.equal(new Set(orgs).size, 1, `a village sees another unit's items: ${[...new Set(orgs)].join(' | ')}`);
  assert.equal(await page.locator('#notification-count').count(), 0, 'the count is still shown after the look');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the phone page is ${overflow} px too wide`);
  await page.screenshot({ path: path.join(artifacts, 'notifications-phone.png'), fullPage: false });
  await page.goto(`${base}/plans`);
  assert.equal(await page.locator('#notification-count').count(), 0, 'the count came back');
  await page.goto(`${base}/notifications`);
  assert.equal(await page.locator('#notifications-empty').count(), 1, 'the second look still lists items');
  const href = await page.locator('#notifications-all').getAttribute('href');
  await page.goto(`${base}${href}`);
  assert.ok(await links.count() > 0, '?all=1 lists nothing');
  await Promise.all([page.waitForNavigation(), links.first().click()]);
  assert.ok(/\/(plans\/\d+|drills\?)/.test(page.url()), `the link went to ${page.url()}`);
  await context.close();

  const town = await login(browser, base, 'town', desktop);
  await town.page.goto(`${base}/notifications`);
  const townOrgs = await town.page.locator('#notifications-list tr.notification td:nth-child(3)').allInnerTexts();
  assert.ok(new Set(townOrgs).size > 1, 'the township sees only one unit');
  await town.page.screenshot({ path: path.join(artifacts, 'notifications-desktop.png'), fullPage: false });
  await town.context.close();
});
