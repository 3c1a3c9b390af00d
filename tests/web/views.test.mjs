// One test per view: each renders its data from the demo (or the fallback data set) with no
// console error, no page error and no request to another host. Plus the shell's own jobs:
// sign-in errors next to the field, the org filter, global search, English, a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, signIn, orgByName } from './lib.mjs';

let server;
let browser;
let page;
let mc;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await newPage(browser, server);
  mc = await orgByName(server.api, 'Đảng bộ thành phố Móng Cái');
  await signIn(page, server, `/o/${mc}?t=2020`);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function open(view, extra = '') {
  page.problems.length = 0;
  await page.goto(`${server.url}/o/${mc}${view ? '/' + view : ''}?t=2020${extra}`);
  await page.getByRole('heading', { level: 1, name: 'Đảng bộ thành phố Móng Cái' }).waitFor();
}

function clean(p = page) {
  assert.deepEqual(p.problems, [], 'no console error, page error or foreign request');
}

test('sign-in shows the server’s message next to the form', async () => {
  const ctx = await newPage(browser, server);
  await ctx.goto(server.url + '/login');
  await ctx.getByLabel('Tên đăng nhập').fill('admin');
  await ctx.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await ctx.getByRole('button', { name: 'Đăng nhập' }).click();
  const alert = ctx.locator('.signin [role="alert"]');
  await alert.waitFor();
  assert.ok((await alert.innerText()).length > 5);
  // A 401 answer to a wrong password is expected; nothing else may fail.
  assert.deepEqual(ctx.problems.filter((p) => !/status of 401/.test(p)), []);
  await ctx.context().close();
});

test('overview: roll-up figures, subordinates, overdue tasks, indicators chart', async () => {
  await open('');
  const total = await page.locator('.overview').getAttribute('data-total');
  assert.ok(Number(total) > 0);
  await page.getByText(/đảng bộ đã hoàn thành đại hội|đơn vị trực thuộc đã hoàn thành đại hội/).first().waitFor();
  await page.getByRole('heading', { name: 'Nhiệm vụ quá hạn' }).waitFor();
  await page.locator('.ind-table tbody tr').first().waitFor();
  await page.locator('.ind-chart canvas').first().waitFor();
  assert.match(await page.locator('[data-figure="progress"] .figure-value').innerText(), /^\d+(,\d)? %$/);
  clean();
});

test('resolution: congress in Roman numerals and the item tree', async () => {
  await open('resolution');
  await page.getByRole('heading', { name: /^Đại hội đại biểu .* lần thứ XXIV, nhiệm kỳ 2020–2025$/ }).waitFor();
  assert.ok((await page.locator('.items > li').count()) >= 5);
  await page.locator('.items .badge.ik-indicator').first().waitFor();
  assert.match(await page.locator('.congress').innerText(), /\d{2}\/\d{2}\/2020/);
  clean();
});

test('program: the familiar table with its six columns and rows', async () => {
  await open('program');
  await page.locator('tr.new-row').waitFor();
  const heads = await page.locator('.program-table thead th').allInnerTexts();
  for (const h of ['Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Nội dung NQ']) assert.ok(heads.some((x) => x.replace(/\s+/g, ' ').trim() === h), h);
  assert.ok((await page.locator('.program-table tbody tr:not(.editing)').count()) >= 3);
  await page.locator('.program-summary .cov-link').waitFor();
  clean();
});

test('program: rows pasted from a spreadsheet are previewed, then saved', async () => {
  await open('program');
  await page.locator('tr.new-row').waitFor();
  const before1 = await page.locator('.program-table tbody tr:not(.editing)').count();
  const tsv = [
    'Tổ chức hội nghị sơ kết 6 tháng đầu năm về phát triển kinh tế cửa khẩu\tVăn phòng Thành ủy Móng Cái\tBan Tuyên giáo Thành ủy Móng Cái\t6 tháng đầu năm 2022\tBáo cáo\t',
    '"Rà soát, bổ sung quy hoạch cán bộ ""nguồn"" nhiệm kỳ 2025–2030"\tBan Tổ chức Thành ủy Móng Cái\t\tQuý III/2023\tKế hoạch\t',
  ].join('\n');
  const title = page.locator('tr.new-row textarea').first();
  await title.focus();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
  const preview = page.locator('.paste-preview');
  await preview.waitFor();
  assert.equal(await preview.locator('tbody tr').count(), 2);
  assert.match(await preview.innerText(), /6 tháng đầu năm 2022/);
  await preview.getByRole('button', { name: 'Lưu 2 dòng' }).click();
  await page.locator('.program-table tbody tr:not(.editing)', { hasText: 'quy hoạch cán bộ "nguồn"' }).waitFor();
  assert.equal(await page.locator('.program-table tbody tr:not(.editing)').count(), before1 + 2);
  clean();
});

test('program: a sub-task, re-ordering, and errors shown in the cell at fault', async () => {
  await open('program');
  await page.locator('tr.new-row').waitFor();
  const rows = page.locator('.program-table tbody tr:not(.editing)');
  const first = rows.first();
  const code = (await first.locator('td.no').innerText()).trim();
  const firstTitle = (await first.locator('td.title > div').first().innerText()).trim();
  // A sub-task under the first task.
  await first.getByRole('button', { name: 'Thêm nhiệm vụ con ' + code, exact: true }).click();
  const sub = page.locator('tr.sub-row');
  await sub.getByLabel('Nội dung nhiệm vụ', { exact: true }).fill('Nhiệm vụ con: hướng dẫn các chi bộ xây dựng kế hoạch');
  await sub.getByLabel('Cơ quan chủ trì', { exact: true }).fill('Văn phòng Thành ủy Móng Cái');
  await sub.getByLabel('Thời gian thực hiện', { exact: true }).fill('Quý I/2021');
  await sub.getByLabel('Thời gian thực hiện', { exact: true }).press('Enter');
  const subRow = page.locator('.program-table tbody tr.depth-1', { hasText: 'Nhiệm vụ con: hướng dẫn' });
  await subRow.waitFor();
  assert.equal((await subRow.locator('td.no').innerText()).trim(), code + '.1');
  // Move the first task down: the second becomes first.
  const secondTitle = (await page.locator('.program-table tbody tr.depth-0:not(.editing)').nth(1).locator('td.title > div').first().innerText()).trim();
  await first.getByRole('button', { name: 'Chuyển xuống ' + code, exact: true }).click();
  await page.waitForFunction((t) => document.querySelector('.program-table tbody tr.depth-0 td.title div')?.textContent.trim() === t, secondTitle);
  assert.notEqual(secondTitle, firstTitle);
  // An org nobody knows: the message shows in the lead's cell, nothing is saved.
  const n = await rows.count();
  const row = page.locator('tr.new-row');
  await row.getByLabel('Nội dung nhiệm vụ', { exact: true }).fill('Một nhiệm vụ có cơ quan chủ trì sai');
  await row.getByLabel('Cơ quan chủ trì', { exact: true }).fill('Cơ quan không tồn tại');
  await row.getByLabel('Cơ quan chủ trì', { exact: true }).press('Enter');
  await row.locator('td.cell-err .field-error').waitFor();
  assert.match(await row.locator('td.cell-err').innerText(), /Cơ quan không tồn tại/);
  assert.equal(await row.getByLabel('Cơ quan chủ trì', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await rows.count(), n);
  clean();
});

test('resolution: an item edited in place', async () => {
  await open('resolution');
  const item = page.locator('.items > li.ik-solution').first();
  await item.waitFor();
  const code = (await item.locator('.item-code').innerText()).trim();
  await item.getByRole('button', { name: 'Sửa ' + code, exact: true }).click();
  const form = page.locator('.items form.item-form');
  const text = form.getByLabel('Nội dung', { exact: true });
  await text.fill((await text.inputValue()) + ' (đã sửa)');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('.items > li', { hasText: '(đã sửa)' }).waitFor();
  clean();
});

test('coverage: the matrix, with uncovered items in red until waived', async () => {
  await open('coverage');
  await page.locator('.cov-summary').waitFor();
  assert.ok((await page.locator('table.matrix tbody tr').count()) >= 5);
  const red = page.locator('table.matrix tr.cv-uncovered');
  if ((await red.count()) > 0) {
    const first = red.first();
    const id = await first.getAttribute('id');
    await first.getByRole('button', { name: /^Miễn trừ/ }).click();
    await first.getByLabel('Lý do miễn trừ').fill('Nội dung do cấp tỉnh trực tiếp chỉ đạo');
    await first.getByRole('button', { name: 'Miễn trừ', exact: true }).click();
    await page.locator(`#${id}.cv-waived`).waitFor();
    assert.match(await page.locator(`#${id}`).innerText(), /Nội dung do cấp tỉnh trực tiếp chỉ đạo/);
  }
  clean();
});

test('cascade: each subordinate with its program status and adoption date', async () => {
  await open('cascade');
  await page.getByText(/đã ban hành chương trình hành động/).first().waitFor();
  assert.ok((await page.locator('.cascade-table tbody tr').count()) >= 2);
  assert.match(await page.locator('.cascade-table tbody').innerText(), /Đã ban hành/);
  await page.locator('.cascade-table tbody td.num button').first().click();
  await page.locator('.cs-detail').waitFor();
  clean();
});

test('inbox: tasks led or coordinated, with filters', async () => {
  await open('inbox');
  await page.getByRole('button', { name: /^Tất cả/ }).click();
  assert.ok((await page.locator('li.card').count()) >= 1);
  await page.locator('li.card .badge.role-lead, li.card .badge.role-coord').first().waitFor();
  clean();
});

test('work program: the term calendar of meetings by quarter', async () => {
  await open('meetings');
  await page.locator('table.calendar').waitFor();
  assert.ok((await page.locator('table.calendar .meeting').count()) >= 2);
  assert.match(await page.locator('table.calendar thead').innerText(), /Quý II/);
  clean();
});

test('inspection program: who inspects whom, on what, when', async () => {
  await open('inspections');
  await page.locator('.inspections table tbody tr').first().waitFor();
  assert.match(await page.locator('.inspections table').innerText(), /Quý|năm/i);
  clean();
});

test('assignments: members with their seats, fields and units', async () => {
  await open('assignments');
  await page.locator('.assignments table tbody tr').first().waitFor();
  assert.match(await page.locator('.assignments table').innerText(), /Bí thư/);
  clean();
});

test('dissemination: sessions and the attendance rate', async () => {
  await open('dissemination');
  await page.locator('.dissemination table tbody tr').first().waitFor();
  assert.match(await page.locator('.dissemination table tfoot').innerText(), /\d+(,\d)? %/);
  clean();
});

test('indicator reporting: a grid of orgs × periods; a value typed is saved', async () => {
  await open('indicators');
  await page.locator('table.values tbody tr').first().waitFor();
  const cell = page.locator('table.values td.iv input').last();
  await cell.fill('1.234,5');
  await cell.press('Enter');
  await page.locator('table.values td.iv.saved').first().waitFor();
  await page.getByText(/Đã ghi 1\.234,5/).first().waitFor();
  clean();
});

test('global search: results as you type, insensitive to diacritics', async () => {
  await open('');
  const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
  await box.fill('binh lieu');
  await page.getByRole('option', { name: /Bình Liêu/ }).first().waitFor();
  await box.press('Enter');
  await page.waitForURL(/\/o\/\d+/);
  // The URL changes before the org's page replaces the one it came from: wait for its heading.
  await page.locator('main h1', { hasText: /Bình Liêu/ }).waitFor();
  assert.match(await page.locator('main h1').innerText(), /Bình Liêu/);
  clean();
});

test('English is one click away, and back', async () => {
  await open('');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
  await page.getByRole('link', { name: 'Overview', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Action program' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
  await page.getByRole('link', { name: 'Tổng quan', exact: true }).waitFor();
  clean();
});

test('on a phone: a progress update from the inbox', async () => {
  const phone = await newPage(browser, server, { width: 390, height: 844, mobile: true });
  await signIn(phone, server, `/o/${mc}/inbox?t=2020`);
  await phone.getByRole('button', { name: /^Tất cả/ }).click();
  const card = phone.locator('li.card').first();
  await card.waitFor();
  const box = await card.boundingBox();
  assert.ok(box.width <= 390, 'the card fits the screen');
  await card.getByRole('button', { name: /Cập nhật tiến độ/ }).click();
  await card.getByLabel('Tiến độ (%)').fill('80');
  await card.getByRole('button', { name: 'Gửi cập nhật' }).click();
  await phone.getByText('Đã gửi cập nhật.').first().waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 400, `no horizontal scroll on the page (${width})`);
  clean(phone);
  await phone.context().close();
});

test('every asset comes from the server, hashed names are immutable, CSP holds', async () => {
  const res = await fetch(server.url + '/');
  const html = await res.text();
  const js = /src="\/(app-[^"]+\.js)"/.exec(html)[1];
  const css = /href="\/(app-[^"]+\.css)"/.exec(html)[1];
  assert.doesNotMatch(html, /<script>(?!<\/script>)|style=/, 'no inline script or style');
  const r = await fetch(server.url + '/' + js, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('cache-control') || '', /immutable/);
  const sizes = await Promise.all(['', js, css].map(async (f) => {
    const x = await fetch(server.url + '/' + f, { headers: { 'Accept-Encoding': 'gzip' } });
    return Number(x.headers.get('content-length') || (await x.arrayBuffer()).byteLength);
  }));
  assert.ok(sizes.reduce((a, b) => a + b, 0) < 300 * 1024, `first load ${sizes} under 300 KB`);
});
