// Browser test of issue #14 §2, search: a township user types a plan's name into the search box in
// the page header (phone and desktop), sees the matching plans, drills and organisations with their
// totals, none of another township, follows a result to the plan's page; and types a village's code
// to reach it in the organisation tree.
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_search)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { demoCityInChromium, desktop, login, phone } from './support.mjs';

test('the header search box finds records in scope and a result opens its record', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  for (const [name, device] of [['desktop', desktop], ['phone', phone]]) {
    const { context, page } = await login(browser, base, 'town', device);
    const listed = await (await page.request.get(`${base}/api/v1/plans?owner=xinmi.chengguan.04&limit=1`)).json();
    const plan = listed.items[0];
    assert.ok(plan, 'no plan of xinmi.chengguan.04 to search for');
    await page.goto(`${base}/drills`);
    await page.fill('#search-q', plan.title);
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#search-q', 'Enter')]);
    assert.equal(await page.inputValue('#search-q'), plan.title, 'the box keeps what was typed');
    const total = Number(await page.locator('#search-plan-total').innerText());
    assert.ok(total >= 1, `no plan found for ${plan.title}`);
    const titles = await page.locator('#search-plan-list a.search-hit').allInnerTexts();
    assert.ok(titles.includes(plan.title), `${plan.title} not among ${titles.join(' | ')}`);
    const owners = await page.locator('#search-plan-list td:nth-child(3)').allInnerTexts();
    assert.ok(owners.every((o) => !o.includes('米村')), `another township's plan is shown: ${owners.join(' | ')}`);
    if (name === 'phone') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the phone page is ${overflow} px too wide`);
    }
    await page.screenshot({ path: path.join(artifacts, `search-${name}.png`), fullPage: true });
    await Promise.all([page.waitForURL(new RegExp(`/plans/${plan.id}$`)),
      page.locator('#search-plan-list a.search-hit', { hasText: plan.title }).first().click()]);
    assert.equal((await page.locator('h1').innerText()).trim(), plan.title);

    await page.fill('#search-q', 'xinmi.micun');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.click('#search-submit')]);
    assert.equal(await page.locator('#search-organisation-total').innerText(), '0', 'another township is found');
    await page.fill('#search-q', 'xinmi.chengguan.04');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.click('#search-submit')]);
    assert.equal(await page.locator('#search-organisation-total').innerText(), '1');
    await Promise.all([page.waitForURL(/\/organisations#org-xinmi\.chengguan\.04$/),
      page.locator('#search-organisation-list a.search-hit').first().click()]);
    assert.ok(await page.locator('#org-xinmi\\.chengguan\\.04').isVisible(), 'the organisation is not on the tree');
    await context.close();
  }
});
