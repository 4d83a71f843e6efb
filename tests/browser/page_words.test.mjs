// Browser test of issue #14 §3, "Chinese throughout": every page, as the city office (admin), a
// township (town) and a village (village), in zh-CN and in English, read as the user sees it
// (innerText). In zh-CN no code is shown raw (flood, law_or_parent_plan_changed, keep, html …) and
// no English word appears but the few names Chinese users read as they are (PDF, Excel …) and the
// data's own codes and user names; in English no status, conclusion or duty word is left in
// Chinese. (Names of organisations and plans are data, Chinese in both.)
//
// Inputs (environment): see support.mjs. Run: node --test tests/browser/ (CTest: browser_page_words)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoCityInChromium, desktop, login, pagesOf } from './support.mjs';

// Codes that must never be shown as they are (domains, triggers, conclusions, formats, statuses,
// categories, duty states, roles).
const codes = [
  'flood', 'fire', 'forest_fire', 'enterprise_safety', 'general',
  'law_or_parent_plan_changed', 'command_structure_changed', 'risk_changed_major', 'key_resources_changed',
  'drill_or_incident_found_major_issue', 'other_important_info_changed', 'owner_discretion',
  'keep', 'revise', 'passed', 'passed_with_changes', 'failed',
  'html', 'text', 'markdown', 'json', 'docx',
  'drafting', 'in_review', 'approved', 'issued', 'abolished',
  'master', 'special', 'department', 'grassroots', 'enterprise',
  'met', 'met_late', 'due_soon', 'overdue', 'village_staff', 'org_staff', 'viewer',
];
// English words a zh-CN page may show: names read as they are, and the browser's own controls.
const allowedWords = new Set(['Beacon', 'English', 'PDF', 'DOCX', 'CSV', 'Excel', 'xlsx', 'UTF', 'GBK', 'YYYY',
  'HTML', 'JSON', 'Markdown', 'Word', 'JPEG', 'PNG', 'HEIC', 'SHA', 'ID', 'API', 'ics']);
// Words of the catalogue an English page must not show in Chinese.
const chineseCodeWords = ['编制中', '评审中', '已审批', '已印发', '已废止', '已落实', '即将到期', '已逾期', '逾期完成',
  '修改后通过', '不通过', '继续有效', '需修订', '未评估', '领域', '状态', '保存', '筛选'];

// The visible text with the data's own codes (xinmi.chengguan.04, XM-1, flood.evacuation as typed
// in a file name …) and user names taken out.
function wordsOf(text) {
  return text
    .replace(/[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+/g, ' ')
    .replace(/\b[A-Z]{1,4}-[A-Za-z0-9-]+\b/g, ' ')
    .replace(/\b(admin|town|village|other|viewer)\b/g, ' ')
    .replace(/\bxinmi\b/g, ' ');  // the city's own organisation code (its children's hold a dot)
}

function problemsOf(text, english) {
  const problems = [];
  if (english) {
    for (const w of chineseCodeWords) if (text.includes(w)) problems.push(`Chinese word ${w}`);
    return problems;
  }
  const words = wordsOf(text);
  for (const code of codes) if (new RegExp(`(^|[^A-Za-z_.])${code}($|[^A-Za-z_.])`).test(words)) problems.push(`raw code ${code}`);
  for (const m of words.matchAll(/[A-Za-z]{2,}/g)) {
    if (!allowedWords.has(m[0]) && !codes.includes(m[0])) problems.push(`English "${m[0]}"`);
  }
  return problems;
}

test('every page speaks its language: no raw code or English word in zh-CN, no Chinese status in English',
  { timeout: 240000 }, async (t) => {
    const { base, browser } = await demoCityInChromium(t);
    const found = [];
    for (const username of ['admin', 'town', 'village']) {
      const { context, page } = await login(browser, base, username, desktop);
      const pages = await pagesOf(page, base);
      for (const english of [false, true]) {
        for (const p of pages) {
          const url = `${base}${p}${p.includes('?') ? '&' : '?'}lang=${english ? 'en' : 'zh'}`;
          const response = await page.goto(url);
          assert.ok(response.status() < 500, `${url}: ${response.status()}`);
          // What a page marks translate="no" is data shown as it was typed (the audit log's user
          // names and texts): read in its own language, not the page's.
          await page.evaluate(() => document.querySelectorAll('[translate="no"]').forEach((e) => e.remove()));
          const text = await page.locator('body').innerText();
          for (const problem of problemsOf(text, english)) found.push(`${username} ${english ? 'en' : 'zh'} ${p}: ${problem}`);
        }
      }
      await context.close();
    }
    assert.deepEqual([...new Set(found)], [], 'pages with words in the wrong language');
  });
