// Browser test of the dashboard as the city office and a village use it (issue #14 §1, §2, §6), in
// headless Debian Chromium: the office picks a township by typing its name, chooses 即将到期, pages
// and sorts the list, opens a township × domain count, downloads the list as CSV (file name with
// scope, list and day; every row), makes its calendar link and opens it; the charts fill their card
// on a desktop and on a 360 px phone with their titles in view and integer, evenly spaced ticks;
// printing hides the navigation and filters and shows the charts' numbers; a village sees 本单位待办
// and no township matrix.
//
// Inputs (environment): see support.mjs (BEACON_BIN, BEACON_ARTIFACTS, CHROMIUM).
// Run: node --test tests/browser/dashboard_lists.test.mjs   (CTest runs it as browser_dashboard_lists)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoCityInChromium, desktop, login, phone } from './support.mjs';

const asOf = '2023-12-31';

// The axis labels of the upright chart in the card `id` (the left gutter's labels).
async function ticksOf(page, id) {
  return page.locator(`#${id} svg text[text-anchor="end"]`).evaluateAll((ts) => ts.map((t) => t.textContent));
}

test('the office filters, pages, downloads and subscribes; a village sees its own duties', { timeout: 200000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);

  // The city office on a desktop: pick 城关镇 by typing its name, list what is due soon.
  const admin = await login(browser, base, 'admin', desktop, { acceptDownloads: true });
  const ap = admin.page;
  await ap.goto(`${base}/?as_of=${asOf}`);
  assert.equal(await ap.locator('#org-options option[value="城关镇"]').count(), 1, 'the picker offers no 城关镇');
  await ap.fill('#org-picker', '城关镇');
  await ap.selectOption('#dashboard-filters select[name="list"]', 'due_soon');
  await Promise.all([ap.waitForURL(/list=due_soon/), ap.click('#dashboard-filters button[type="submit"]')]);
  const url = new URL(ap.url());
  assert.equal(url.searchParams.get('org'), '城关镇', 'the chosen organisation is not kept in the URL by name');
  assert.equal(await ap.inputValue('#org-picker'), '城关镇');
  const range = await ap.locator('#due-soon-list-range').innerText();
  const total = Number(range.match(/共 (\d+) 项/)[1]);
  assert.ok(total > 0, `nothing due soon in 城关镇: ${range}`);
  await ap.screenshot({ path: path.join(artifacts, 'dashboard-filtered-desktop.png'), fullPage: true, timeout: 60000 });

  // Sorted by organisation, then the list as CSV: every row, named by scope, list and day.
  await Promise.all([ap.waitForURL(/sort=org/), ap.locator('#due_soon-heading ~ p.muted a').first().click()]);
  const [download] = await Promise.all([ap.waitForEvent('download'), ap.click('#due-soon-list-csv')]);
  assert.equal(download.suggestedFilename(), `城关镇-即将到期事项-${asOf}.csv`);
  const saved = path.join(artifacts, download.suggestedFilename());
  await download.saveAs(saved);
  const lines = fs.readFileSync(saved, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(lines.length, total + 1, 'the CSV does not hold every row of the list');

  // A township × domain count opens the list behind it, with the same number of rows in total.
  await ap.goto(`${base}/?as_of=${asOf}`);
  const cell = ap.locator('#matrix a.overdue').filter({ hasNotText: /^0$/ }).first();
  const cellCount = Number(await cell.innerText());
  await Promise.all([ap.waitForURL(/list=overdue/), cell.click()]);
  assert.match(await ap.locator('#overdue-list-range').innerText(), new RegExp(`共 ${cellCount} 项`));

  // Charts: full card width on the desktop, integer evenly spaced ticks, numbers as a table.
  await ap.goto(`${base}/?as_of=${asOf}`);
  for (const id of ['chart-domains', 'chart-months', 'chart-townships']) {
    const card = await ap.locator(`#${id}`).boundingBox();
    const svg = await ap.locator(`#${id} svg`).boundingBox();
    assert.ok(svg.width > card.width * 0.9, `${id}: the chart is ${svg.width} px wide in a ${card.width} px card`);
    assert.ok(await ap.locator(`#${id} table.chart-data tr`).count() > 1, `${id} has no data table`);
  }
  for (const id of ['chart-domains', 'chart-months']) {
    const ticks = (await ticksOf(ap, id)).map(Number);
    assert.ok(ticks.every(Number.isInteger), `${id} ticks ${ticks}`);
    const steps = new Set(ticks.slice(1).map((v, i) => v - ticks[i]));
    assert.equal(steps.size, 1, `${id} ticks are not evenly spaced: ${ticks}`);
  }

  // Print: no navigation, filters or pagers; the charts' numbers are shown.
  await ap.emulateMedia({ media: 'print' });
  assert.equal(await ap.locator('header').isVisible(), false);
  assert.equal(await ap.locator('#dashboard-filters').isVisible(), false);
  const table = await ap.locator('#chart-months table.chart-data').boundingBox();
  assert.ok(table && table.width > 100, 'the chart\'s table is not printed');
  await ap.pdf({ path: path.join(artifacts, 'dashboard-print.pdf') });
  await ap.emulateMedia({ media: 'screen' });

  // The calendar link, made from the page, opens the .ics feed without a session.
  await Promise.all([ap.waitForURL(/\/calendar-feed$/), ap.click('#calendar-feed-link')]);
  await Promise.all([ap.waitForLoadState('load'), ap.click('#calendar-feed-make')]);
  const feedUrl = await ap.inputValue('#calendar-feed-url');
  assert.match(feedUrl, /^http:\/\/127\.0\.0\.1:\d+\/calendar\/[a-z0-9._-]+\.ics\?key=bcf_[0-9a-f]+$/);
  assert.match(await ap.locator('#calendar-subscribe').getAttribute('href'), /^webcal:\/\//);
  const anonymous = await browser.newContext();
  const feed = await anonymous.request.get(feedUrl);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR/);
  await anonymous.close();
  await ap.screenshot({ path: path.join(artifacts, 'calendar-feed-desktop.png'), fullPage: true, timeout: 60000 });

  // On a phone the charts fit the screen and their titles are in view, not clipped.
  const office = await login(browser, base, 'admin', phone);
  await office.page.goto(`${base}/?as_of=${asOf}`);
  for (const id of ['chart-domains', 'chart-months', 'chart-townships']) {
    const caption = await office.page.locator(`#${id} figcaption`).boundingBox();
    const svg = await office.page.locator(`#${id} svg`).boundingBox();
    assert.ok(caption.x >= 0 && caption.x + caption.width <= 360, `${id}: its title runs off the phone`);
    assert.ok(svg.width > 280 && svg.x + svg.width <= 360, `${id}: the chart is ${svg.width} px at x ${svg.x}`);
  }
  const overflow = await office.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `the phone page is ${overflow} px wide`);
  await office.page.screenshot({ path: path.join(artifacts, 'dashboard-charts-phone.png'), fullPage: true, timeout: 60000 });

  // A village: its own duties by date, no township matrix, and its duties as a file too.
  const village = await login(browser, base, 'village', phone, { acceptDownloads: true });
  const vp = village.page;
  await vp.goto(`${base}/?as_of=${asOf}`);
  assert.ok(await vp.locator('#own-duties-list').isVisible());
  assert.equal(await vp.locator('#matrix').count(), 0);
  assert.equal(await vp.locator('#chart-townships').count(), 0);
  const dates = await vp.locator('#own-duties-list tr td:first-child').evaluateAll((tds) =>
    tds.map((td) => td.textContent.slice(0, 10)).filter((d) => /^\d{4}-/.test(d)));
  assert.deepEqual(dates, [...dates].sort(), '本单位待办 is not by date');
  const [own] = await Promise.all([vp.waitForEvent('download'), vp.click('#own-duties-csv')]);
  assert.match(own.suggestedFilename(), new RegExp(`-本单位待办-${asOf}\\.csv$`));
  await vp.screenshot({ path: path.join(artifacts, 'dashboard-village-phone.png'), fullPage: true, timeout: 60000 });
});
