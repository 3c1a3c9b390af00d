// Writes docs/screenshots/{overview,resolution,program,coverage,cascade,inbox}.png at 1366×768
// from the built-in demo data:  node screenshots.mjs [OUTDIR]
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, newPage, signIn, orgByName } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const server = await startServer();
const browser = await launch();
try {
  const page = await newPage(browser, server, { width: 1366, height: 768 });
  const qn = await orgByName(server.api, 'Đảng bộ tỉnh Quảng Ninh');
  const mc = await orgByName(server.api, 'Đảng bộ thành phố Móng Cái');
  await signIn(page, server, `/o/${mc}?t=2020`);

  const shot = async (name, path, ready, prepare) => {
    await page.goto(server.url + path);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    if (prepare) await prepare();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, name + '.png') });
    console.log('wrote', join(out, name + '.png'));
  };

  await shot('overview', `/o/${mc}?t=2020`, '.ind-chart canvas', async () => {
    // The figures and the subordinates at the top, the overdue list begins below.
    await page.evaluate(() => window.scrollTo(0, 0));
  });
  await shot('resolution', `/o/${mc}/resolution?t=2020`, '.items li');
  await shot('program', `/o/${mc}/program?t=2020`, 'tr.new-row', async () => {
    // Show a row being typed, with the similarity ranking's suggestions.
    const row = page.locator('tr.new-row');
    await row.getByLabel('Nội dung nhiệm vụ', { exact: true }).fill('Phát triển du lịch biển Trà Cổ, hình thành sản phẩm du lịch mua sắm');
    await row.getByLabel('Cơ quan chủ trì', { exact: true }).fill('Ban Tuyên giáo Thành ủy Móng Cái');
    await row.getByLabel('Thời gian thực hiện', { exact: true }).fill('Quý II/2022');
    await row.getByLabel('Sản phẩm', { exact: true }).fill('Đề án');
    await row.locator('.sugg').first().waitFor({ timeout: 5000 }).catch(() => {});
    await row.getByLabel('Sản phẩm', { exact: true }).focus();
    await page.evaluate(() => document.querySelector('tr.new-row').scrollIntoView({ block: 'end' }));
  });
  await shot('coverage', `/o/${mc}/coverage?t=2020`, 'table.matrix tbody tr', async () => {
    // Scroll the first uncovered (red) item to the middle of the screen.
    // Scroll the page to the matrix, and the matrix to its first uncovered (red) item.
    await page.evaluate(() => {
      const box = document.querySelector('.matrix-scroll');
      const red = document.querySelector('table.matrix tr.cv-uncovered');
      window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 300);
      if (red) box.scrollTop = red.offsetTop - box.clientHeight / 2;
    });
  });
  await shot('cascade', `/o/${qn}/cascade?t=2020`, '.cascade-table tbody tr');
  await shot('inbox', `/o/${mc}/inbox?t=2020`, 'li.card', async () => {
    // An update sent with an evidence file, then the form open again with a file chosen and
    // the history showing the file as a download link.
    const card = page.locator('li.card').first();
    const pdf = (name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await card.getByRole('button', { name: /Cập nhật tiến độ/ }).click();
    await card.getByLabel('Kết quả thực hiện').fill('Đã có 17/20 đảng bộ trực thuộc ban hành chương trình hành động.');
    await card.getByLabel('Tệp minh chứng').setInputFiles(pdf('Báo cáo 263-BC-TU.pdf'));
    await card.getByRole('button', { name: 'Gửi cập nhật' }).click();
    await page.getByText('Đã gửi cập nhật.').first().waitFor();
    await card.getByRole('button', { name: /Cập nhật tiến độ/ }).click();
    await card.getByLabel('Tệp minh chứng').setInputFiles(pdf('Biên bản làm việc với Huyện ủy Ba Chẽ.pdf'));
    await card.locator('details.history summary').click();
    await card.locator('.file-link').first().waitFor();
    await page.waitForTimeout(4200); // the toast fades
    await page.evaluate(() => document.querySelector('li.card .update-form').scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -240));
  });
  if (page.problems.length) console.error('problems:', page.problems);
} finally {
  await browser.close();
  await server.stop();
}
