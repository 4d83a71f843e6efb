// Browser test of issue #14 §7: axe-core (pinned in package.json) on every page a user reaches, as
// the city office (admin), a township (town) and a village (village), on a 360×740 phone and a
// 1366×768 desktop: no serious or critical violation (WCAG 2 A/AA rules and best practices; every
// form control labelled is axe's label rule).
// axe is evaluated in the page through the DevTools protocol; the pages' Content-Security-Policy
// (scripts from this site only) is bypassed for that alone, in this test's contexts. The city's
// whole organisation tree (/organisations as admin, ~30 s of axe) is checked on the desktop only:
// its markup does not change with the width.
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_a11y)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { demoCityInChromium, desktop, login, pagesOf, phone } from './support.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('no serious or critical axe violation on any page, phone and desktop', { timeout: 400000 }, async (t) => {
  const { base, browser } = await demoCityInChromium(t);
  const found = [];
  for (const username of ['admin', 'town', 'village']) {
    for (const [deviceName, device] of [['phone', phone], ['desktop', desktop]]) {
      const { context, page } = await login(browser, base, username, device, { bypassCSP: true });
      for (const p of await pagesOf(page, base)) {
        if (username === 'admin' && deviceName === 'phone' && p === '/organisations') continue;
        await page.goto(`${base}${p}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, {
            runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
            resultTypes: ['violations'],
          });
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const v of violations) found.push(`${username} ${deviceName} ${p}: ${v}`);
      }
      await context.close();
    }
  }
  assert.deepEqual([...new Set(found)], [], 'serious or critical accessibility violations');
});
