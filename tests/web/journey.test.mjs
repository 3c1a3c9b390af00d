// The whole journey of issue 4 in a real browser: sign in, find Móng Cái by typing "mong cai",
// open its resolution, add an item, add a task covering it in the program table, see coverage
// change, post a progress update from the inbox of the task's lead, see the overview move.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, signIn } from './lib.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await newPage(browser, server);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const ITEM_CODE = 'IX.9';
const ITEM_TEXT = 'Phát triển kinh tế số, xây dựng chính quyền số và đô thị thông minh Móng Cái đến năm 2025';
const TASK_TITLE = 'Xây dựng Đề án chuyển đổi số thành phố Móng Cái giai đoạn 2021–2025';

async function overviewFigures() {
  const ov = page.locator('.overview');
  await ov.waitFor();
  return { total: Number(await ov.getAttribute('data-total')), done: Number(await ov.getAttribute('data-done')) };
}

async function coverageSummary() {
  const s = page.locator('.cov-summary');
  await s.waitFor();
  const text = await s.innerText();
  const m = /(\d+)\/(\d+)/.exec(text);
  return { covered: +m[1], counted: +m[2], text };
}

test('the journey: search, resolution item, program task, coverage, inbox update, overview', async () => {
  // Sign in.
  await signIn(page, server, '/');

  // Find Móng Cái by typing "mong cai" in the global search box.
  const search = page.getByRole('combobox', { name: 'Tìm kiếm' });
  await search.fill('mong cai');
  const hit = page.getByRole('option', { name: /Đảng bộ thành phố Móng Cái/ }).first();
  await hit.waitFor();
  await hit.click();
  await page.waitForURL(/\/o\/\d+$/);
  await page.getByRole('heading', { level: 1, name: 'Đảng bộ thành phố Móng Cái' }).waitFor();
  const mcPath = new URL(page.url()).pathname;

  // The term 2020–2025, and the overview's figures before.
  await page.getByLabel('Nhiệm kỳ').selectOption('2020');
  await page.waitForURL(/t=2020/);
  const before1 = await overviewFigures();
  assert.ok(before1.total > 0, 'the overview counts tasks');

  // Open its resolution; the congress is printed in Roman numerals.
  await page.getByRole('link', { name: 'Nghị quyết', exact: true }).click();
  await page.getByRole('heading', { name: /lần thứ XXIV/ }).first().waitFor();

  // Add a resolution item in place.
  await page.getByRole('button', { name: '+ Thêm nội dung', exact: true }).click();
  const form = page.locator('.new-item form');
  await form.getByLabel('Mục', { exact: true }).fill(ITEM_CODE);
  await form.getByLabel('Loại').selectOption('breakthrough');
  await form.getByLabel('Nội dung', { exact: true }).fill(ITEM_TEXT);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('.items li', { hasText: ITEM_TEXT }).waitFor();

  // The coverage matrix shows it red: no task covers it yet.
  await page.getByRole('link', { name: 'Bao quát', exact: true }).click();
  const cov1 = await coverageSummary();
  const row = page.locator('tr', { hasText: ITEM_TEXT });
  await row.waitFor();
  assert.match(await row.getAttribute('class'), /cv-uncovered/);

  // Add a task covering it in the program table, by keyboard in the new row.
  await page.getByRole('link', { name: 'Chương trình hành động', exact: true }).click();
  const newRow = page.locator('tr.new-row').first();
  await newRow.waitFor();
  const rowsBefore = await page.locator('.program-table tbody tr:not(.editing)').count();
  await newRow.getByLabel('Nội dung nhiệm vụ', { exact: true }).fill(TASK_TITLE);
  await newRow.getByLabel('Cơ quan chủ trì', { exact: true }).fill('Văn phòng Thành ủy Móng Cái');
  await newRow.getByLabel('Cơ quan phối hợp', { exact: true }).fill('Ban Tuyên giáo Thành ủy Móng Cái');
  // Typing a name the list knows takes it at once as a chip.
  await newRow.locator('.chip', { hasText: 'Ban Tuyên giáo' }).waitFor();
  await newRow.getByLabel('Thời gian thực hiện', { exact: true }).fill('Quý IV/2021');
  await newRow.getByLabel('Sản phẩm', { exact: true }).fill('Đề án');
  await newRow.getByRole('button', { name: 'Chọn nội dung NQ' }).click();
  const picker = newRow.getByRole('dialog', { name: 'Chọn nội dung NQ' });
  await picker.getByPlaceholder('Lọc nội dung').fill(ITEM_CODE);
  await picker.getByRole('checkbox').first().check();
  await picker.getByRole('button', { name: 'Đóng' }).click();
  await newRow.locator('.chip', { hasText: ITEM_CODE }).waitFor();
  await newRow.getByLabel('Sản phẩm', { exact: true }).press('Enter');
  const saved = page.locator('.program-table tbody tr:not(.editing)', { hasText: TASK_TITLE });
  await saved.waitFor();
  assert.equal(await page.locator('.program-table tbody tr:not(.editing)').count(), rowsBefore + 1);
  assert.match(await saved.innerText(), /Quý IV\/2021/);
  assert.match(await saved.innerText(), new RegExp(ITEM_CODE.replace('.', '\\.')));

  // Coverage changed: the item is covered, one more counted item covered.
  await page.getByRole('link', { name: 'Bao quát', exact: true }).click();
  const cov2 = await coverageSummary();
  assert.equal(cov2.counted, cov1.counted, 'the same items count');
  assert.equal(cov2.covered, cov1.covered + 1, `coverage moved: ${cov1.text} → ${cov2.text}`);
  assert.match(await page.locator('tr', { hasText: ITEM_TEXT }).getAttribute('class'), /cv-covered/);

  // Post a progress update from the inbox of the lead, found with the tree's filter box.
  await page.getByLabel('Lọc tổ chức').fill('van phong thanh uy mong cai');
  await page.locator('.filter-results a', { hasText: 'Văn phòng Thành ủy Móng Cái' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Văn phòng Thành ủy Móng Cái' }).waitFor();
  await page.getByRole('link', { name: 'Việc được giao', exact: true }).click();
  const card = page.locator('li.card', { hasText: TASK_TITLE });
  await card.waitFor();
  await card.getByRole('button', { name: /Cập nhật tiến độ/ }).click(); // click 1
  await card.getByLabel('Hoàn thành').check();
  await card.getByLabel('Kết quả thực hiện').fill('Đã trình Ban Thường vụ thông qua Đề án.');
  await card.getByRole('button', { name: 'Gửi cập nhật' }).click(); // click 2 (after choosing the status)
  await page.getByText('Đã gửi cập nhật.').first().waitFor();
  await page.getByRole('button', { name: /^Tất cả/ }).click();
  const doneCard = page.locator('li.card', { hasText: TASK_TITLE });
  await doneCard.locator('.badge.st-done').waitFor();

  // The overview of Móng Cái moved: one task more, one more done.
  await page.goto(server.url + mcPath + '?t=2020');
  const after1 = await overviewFigures();
  assert.equal(after1.total, before1.total + 1, 'one more task');
  assert.equal(after1.done, before1.done + 1, 'one more done');

  assert.deepEqual(page.problems, []);
});
