// Browser test of issue #14 §2 (administration half) in headless Debian Chromium: the township's
// staff add a plan through 新建预案 on a desktop (a code already in use is refused next to the field,
// in Chinese, with everything typed still there; the corrected form saves and says so, and the plan
// list shows it), and a village user changes their password on a phone while signed in on a second
// device, which is signed out, and signs in again with the new password.
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_admin_forms)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { demoCityInChromium as demoCity, desktop, login, password, phone } from './support.mjs';

// demoCityInChromium points TMPDIR at its own temporary folder, which goes when its test ends:
// each test of this file starts from the system's again.
const systemTmp = os.tmpdir();
function demoCityInChromium(t) {
  process.env.TMPDIR = systemTmp;
  return demoCity(t);
}

test('a township adds a plan; a refused code keeps what was typed', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  for (const [name, device] of [['desktop', desktop], ['phone', phone]]) {
    const { context, page } = await login(browser, base, 'town', device);
    const listed = await (await page.request.get(`${base}/api/v1/plans?owner=xinmi.chengguan&limit=1`)).json();
    const takenCode = listed.items[0]?.code;
    assert.ok(takenCode, 'no plan code of 城关镇 found to reuse');
    await page.goto(`${base}/plans?owner=xinmi.chengguan`);
    const totalBefore = Number(await page.locator('#plan-total').innerText());
    await Promise.all([page.waitForURL(/\/plans\/new$/), page.click('#new-plan')]);
    const title = `城关镇城市内涝应急预案（${name}）`;
    await page.fill('#code', takenCode);
    await page.fill('#title', title);
    await page.selectOption('#domain', 'flood');
    await page.selectOption('#category', 'special');
    const owners = await page.locator('#owner option').allInnerTexts();
    assert.ok(owners.every((o) => !o.includes('米村镇')), `another township is offered: ${owners.join(' | ')}`);
    await page.selectOption('#owner', { label: owners.find((o) => o.startsWith('城关镇')) });
    await page.fill('#issued', '2024-03-01');
    await page.fill('#text', '第一章 总则\n1.1 编制目的\n');
    await Promise.all([page.waitForLoadState('load'), page.click('#plan-new-submit')]);
    const error = (await page.locator('#error-code').innerText()).trim();
    assert.equal(error, `“编码”：“${takenCode}”已被其他预案使用。`);
    assert.match(await page.locator('#form-error').innerText(), /未保存/);
    assert.equal(await page.inputValue('#title'), title, 'the title typed is gone');
    assert.equal(await page.inputValue('#issued'), '2024-03-01');
    assert.equal(await page.inputValue('#text'), '第一章 总则\n1.1 编制目的\n');
    assert.equal(await page.inputValue('#domain'), 'flood');
    assert.equal(await page.inputValue('#category'), 'special');
    await page.screenshot({ path: path.join(artifacts, `plan-new-refused-${name}.png`), fullPage: true });

    const code = `CG-NL-${name}`;
    await page.fill('#code', code);
    await Promise.all([page.waitForURL(/\/plans\/\d+\?done=created/), page.click('#plan-new-submit')]);
    assert.equal((await page.locator('#plan-notice').innerText()).trim(), '预案已新建。');
    assert.equal((await page.locator('h1').innerText()).trim(), title);
    await page.screenshot({ path: path.join(artifacts, `plan-new-saved-${name}.png`), fullPage: true });
    await page.goto(`${base}/plans?owner=xinmi.chengguan`);
    assert.equal(Number(await page.locator('#plan-total').innerText()), totalBefore + 1, 'the plan list does not count it');
    await context.close();
  }
});

test('a village user changes the password; the other device is signed out', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  const other = await login(browser, base, 'village', desktop);
  await other.page.goto(`${base}/account/password`);
  await other.page.screenshot({ path: path.join(artifacts, 'password-form-desktop.png'), fullPage: true });
  const { page } = await login(browser, base, 'village', phone);
  await Promise.all([page.waitForURL(/\/account\/password$/), page.click('#nav-password')]);
  const fresh = 'xin-mima-2024!';

  await page.fill('#current_password', 'not-the-password');
  await page.fill('#new_password', fresh);
  await page.fill('#new_password_again', fresh);
  await Promise.all([page.waitForLoadState('load'), page.click('#password-submit')]);
  assert.equal((await page.locator('#error-current_password').innerText()).trim(), '“当前密码”不正确。');
  await page.screenshot({ path: path.join(artifacts, 'password-refused-phone.png'), fullPage: true });

  await page.fill('#current_password', password);
  await page.fill('#new_password', fresh);
  await page.fill('#new_password_again', fresh);
  await Promise.all([page.waitForURL(/\/account\/password\?done=1/), page.click('#password-submit')]);
  assert.match(await page.locator('#password-changed').innerText(), /密码已修改/);
  await page.screenshot({ path: path.join(artifacts, 'password-changed-phone.png'), fullPage: true });
  await page.goto(`${base}/drills`);
  assert.ok(new URL(page.url()).pathname.startsWith('/drills'), 'this phone was signed out');

  await other.page.goto(`${base}/drills`);
  assert.ok(new URL(other.page.url()).pathname.startsWith('/login'), 'the other device is still signed in');
  await other.page.fill('#username', 'village');
  await other.page.fill('#password', password);
  await Promise.all([other.page.waitForLoadState('load'), other.page.click('#login-submit')]);
  assert.equal(await other.page.locator('#login-error').count(), 1, 'the old password still works');
  await other.page.fill('#username', 'village');
  await other.page.fill('#password', fresh);
  await Promise.all([other.page.waitForURL((u) => !u.pathname.startsWith('/login')), other.page.click('#login-submit')]);
});

test('a township adds a village and renames it; the city office moves it', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  const { context, page } = await login(browser, base, 'town', desktop);
  await page.goto(`${base}/organisations`);
  await Promise.all([page.waitForURL(/\/organisations\/new$/), page.click('#new-org')]);
  const parents = await page.locator('#parent_id option').allInnerTexts();
  assert.ok(parents.every((p) => !p.includes('米村镇')), `another township is offered: ${parents.join(' | ')}`);
  await page.fill('#code', 'xinmi.chengguan.04');
  await page.fill('#name', '青石村');
  await page.selectOption('#kind', 'village');
  await Promise.all([page.waitForLoadState('load'), page.click('#org-submit')]);
  assert.equal((await page.locator('#error-code').innerText()).trim(), '“编码”：“xinmi.chengguan.04”已被其他单位使用。');
  assert.equal(await page.inputValue('#name'), '青石村', 'the name typed is gone');
  await page.screenshot({ path: path.join(artifacts, 'org-new-refused-desktop.png'), fullPage: true });
  await page.fill('#code', 'xinmi.chengguan.qs');
  await Promise.all([page.waitForURL(/\/organisations\/\d+\/edit\?done=1/), page.click('#org-submit')]);
  assert.equal((await page.locator('#org-saved').innerText()).trim(), '单位已保存。');
  const editPath = new URL(page.url()).pathname;
  await page.fill('#name', '青石村（更名）');
  await Promise.all([page.waitForURL(/\?done=1/), page.click('#org-submit')]);
  await page.goto(`${base}/organisations`);
  assert.match(await page.locator('#org-xinmi\\.chengguan\\.qs').innerText(), /青石村（更名）/);
  await context.close();

  const admin = await login(browser, base, 'admin', phone);
  await admin.page.goto(`${base}${editPath}`);
  await admin.page.selectOption('#parent_id', { label: (await admin.page.locator('#parent_id option').allInnerTexts()).find((o) => o.startsWith('米村镇')) });
  await Promise.all([admin.page.waitForURL(/\?done=1/), admin.page.click('#org-submit')]);
  await admin.page.screenshot({ path: path.join(artifacts, 'org-edit-saved-phone.png'), fullPage: true });
  const org = await (await admin.page.request.get(`${base}/api/v1/organisations?kind=township`)).json();
  const micun = org.items.find((o) => o.code === 'xinmi.micun');
  const moved = await (await admin.page.request.get(`${base}/api/v1/organisations/${editPath.split('/')[2]}`)).json();
  assert.equal(moved.parent_id, micun.id, 'the village was not moved');
});

test('a township adds a village account, resets and disables it', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  const { page } = await login(browser, base, 'town', desktop);
  await page.goto(`${base}/organisations`);
  await Promise.all([page.waitForURL(/\/users$/), page.click('#nav-users')]);
  assert.equal(await page.locator('#user-admin').count(), 0, 'the township sees the administrator');
  await Promise.all([page.waitForURL(/\/users\/new$/), page.click('#new-user')]);
  await page.fill('#username', 'village');
  await page.fill('#display_name', '任堂村新同事');
  await page.selectOption('#role', 'village_staff');
  await page.selectOption('#org', 'xinmi.chengguan.04');
  await page.fill('#password', 'chushi-mima-1');
  await Promise.all([page.waitForLoadState('load'), page.click('#user-submit')]);
  assert.equal((await page.locator('#error-username').innerText()).trim(), '“用户名”：“village”已存在。');
  assert.equal(await page.inputValue('#display_name'), '任堂村新同事');
  await page.screenshot({ path: path.join(artifacts, 'user-new-refused-desktop.png'), fullPage: true });
  await page.fill('#username', 'rentang2');
  await page.fill('#password', 'chushi-mima-1');
  await Promise.all([page.waitForURL(/\/users\/\d+\?done=user_added/), page.click('#user-submit')]);
  assert.equal((await page.locator('#user-notice').innerText()).trim(), '用户已添加。');

  const colleague = { page: await (await browser.newContext({ ...phone, locale: 'zh-CN' })).newPage() };
  await colleague.page.goto(`${base}/login`);
  await colleague.page.fill('#username', 'rentang2');
  await colleague.page.fill('#password', 'chushi-mima-1');
  await Promise.all([colleague.page.waitForURL((u) => !u.pathname.startsWith('/login')),
    colleague.page.click('#login-submit')]);
  await page.fill('#password', 'chongzhi-mima-2');
  await Promise.all([page.waitForURL(/done=password_reset/), page.click('#reset-submit')]);
  await colleague.page.goto(`${base}/drills`);
  assert.ok(new URL(colleague.page.url()).pathname.startsWith('/login'), 'a reset leaves the session open');
  await Promise.all([page.waitForURL(/done=user_disabled/), page.click('#disable-submit')]);
  assert.equal((await page.locator('#user-state').innerText()).trim(), '已停用');
  await page.screenshot({ path: path.join(artifacts, 'user-disabled-desktop.png'), fullPage: true });
  await colleague.page.fill('#username', 'rentang2');
  await colleague.page.fill('#password', 'chongzhi-mima-2');
  await Promise.all([colleague.page.waitForLoadState('load'), colleague.page.click('#login-submit')]);
  assert.equal(await colleague.page.locator('#login-error').count(), 1, 'a disabled account logs in');
});

test('the city office filters the audit log by user and sees a change before and after', { timeout: 150000 }, async (t) => {
  const { base, browser, artifacts } = await demoCityInChromium(t);
  const { page } = await login(browser, base, 'admin', desktop);
  await page.goto(`${base}/organisations/1/edit`);
  const name = await page.inputValue('#name');
  await page.fill('#name', `${name}（审计）`);
  await Promise.all([page.waitForURL(/\?done=1/), page.click('#org-submit')]);
  await page.goto(`${base}/users`);
  await Promise.all([page.waitForURL(/\/audit$/), page.click('#nav-audit')]);
  const everything = Number(await page.locator('#audit-total').innerText());
  await page.selectOption('#audit-entity', 'organisation');
  await page.fill('#audit-entity-id', '1');
  await page.fill('#audit-user', 'admin');
  await Promise.all([page.waitForURL(/entity=organisation/), page.click('#audit-filter button')]);
  const filtered = Number(await page.locator('#audit-total').innerText());
  assert.ok(filtered >= 1 && filtered < everything, `filtered ${filtered} of ${everything}`);
  const row = page.locator('#audit-list tr:has(td[data-field="name"])').first();
  assert.match(await row.innerText(), new RegExp(`${name}\\s+${name}（审计）`));
  await page.screenshot({ path: path.join(artifacts, 'audit-desktop.png'), fullPage: true });
});
