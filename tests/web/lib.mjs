// Shared by the browser tests: starts the real trienkhai binary on a temporary database
// (the built-in demo, or init plus a small Quảng Ninh data set made through the API when this
// build has no demo data), launches Debian's chromium through playwright-core, and watches every
// page for console errors, page errors and requests to any host but the server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const BIN = process.env.TRIENKHAI_BIN || join(here, '..', '..', 'build', 'release', 'trienkhai');
export const PASSWORD = 'mat-khau-thu-nghiem';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'tk-web-'));
  const db = join(dir, 'web.db');
  const env = { ...process.env, TRIENKHAI_ADMIN_PASSWORD: PASSWORD, TZ: process.env.TZ || 'Asia/Ho_Chi_Minh' };
  let seeded = 'demo';
  // TRIENKHAI_WEB_SEED=api skips the demo, to test the fallback data set itself.
  const demo = process.env.TRIENKHAI_WEB_SEED === 'api' ? { status: 1 } : spawnSync(BIN, ['demo', '--db', db], { env, encoding: 'utf8' });
  if (demo.status !== 0) {
    rmSync(db, { force: true });
    const init = spawnSync(BIN, ['init', '--db', db], { env, encoding: 'utf8' });
    if (init.status !== 0) throw new Error('trienkhai init failed: ' + init.stderr);
    seeded = 'api';
  }
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  const server = {
    url,
    db,
    seeded,
    proc,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => (proc.kill('SIGKILL'), r()), 5000);
          proc.on('exit', () => (clearTimeout(t), r()));
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.api = await apiClient(url);
  if (seeded === 'api') await seed(server.api);
  return server;
}

// A tiny JSON client with the admin's session cookie, for setting up and checking data.
export async function apiClient(url) {
  let cookie = '';
  const call = async (method, path, body) => {
    const res = await fetch(url + '/api/v1' + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return data;
  };
  await call('POST', '/session', { username: 'admin', password: PASSWORD });
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b || {}),
    patch: (p, b) => call('PATCH', p, b),
    del: (p) => call('DELETE', p),
    // The status of a GET, without throwing (a deleted thing answers 404).
    status: async (p) => (await fetch(url + '/api/v1' + p, { headers: { Cookie: cookie } })).status,
    // A file's bytes as the server gives them (GET /files/{id}/content).
    bytes: async (p) => Buffer.from(await (await fetch(url + '/api/v1' + p, { headers: { Cookie: cookie } })).arrayBuffer()),
  };
}

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=vi-VN'];

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

// A page that records console errors, page errors and foreign requests in `problems`.
export async function newPage(browser, server, { width = 1366, height = 768, mobile = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The one expected failure: asking for the session before signing in answers 401.
    const loc = m.location() || {};
    if (/status of 401/.test(m.text()) && /\/api\/v1\/session$/.test(loc.url || '')) return;
    problems.push('console: ' + m.text() + (loc.url ? ' @ ' + loc.url : ''));
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return;
    if (new URL(u).origin !== origin) problems.push('foreign request: ' + u);
  });
  page.problems = problems;
  page.setDefaultTimeout(10000);
  return page;
}

export async function signIn(page, server, path = '/') {
  await page.goto(server.url + path);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.top .brand').waitFor();
}

// Finds an org by its exact name through the API.
export async function orgByName(api, name) {
  const r = await api.get('/search?q=' + encodeURIComponent(name));
  const hit = r.items.find((x) => x.type === 'org' && x.label === name);
  if (!hit) throw new Error('no org ' + name);
  return hit.id;
}

// ---- the fallback data set: a slice of Quảng Ninh, made through the API
async function seed(api) {
  const org = (b) => api.post('/orgs', b).then((o) => o.id);
  const qn = await org({ name: 'Đảng bộ tỉnh Quảng Ninh', short_name: 'Tỉnh ủy Quảng Ninh', kind: 'province', code: 'QN' });
  const qnVp = await org({ name: 'Văn phòng Tỉnh ủy', short_name: 'Văn phòng Tỉnh ủy', kind: 'body', parent_id: qn, code: 'QN.VP' });
  const qnTg = await org({ name: 'Ban Tuyên giáo Tỉnh ủy', short_name: 'Ban Tuyên giáo Tỉnh ủy', kind: 'body', parent_id: qn, code: 'QN.BTG' });
  const mc = await org({ name: 'Đảng bộ thành phố Móng Cái', short_name: 'Thành ủy Móng Cái', kind: 'district', parent_id: qn, code: 'QN.MC' });
  const bl = await org({ name: 'Đảng bộ huyện Bình Liêu', short_name: 'Huyện ủy Bình Liêu', kind: 'district', parent_id: qn, code: 'QN.BL' });
  const mcVp = await org({ name: 'Văn phòng Thành ủy Móng Cái', short_name: 'Văn phòng Thành ủy Móng Cái', kind: 'body', parent_id: mc, code: 'QN.MC.VP' });
  const mcTg = await org({ name: 'Ban Tuyên giáo Thành ủy Móng Cái', short_name: 'Ban Tuyên giáo Thành ủy Móng Cái', kind: 'body', parent_id: mc, code: 'QN.MC.BTG' });
  await org({ name: 'Ban Tổ chức Thành ủy Móng Cái', short_name: 'Ban Tổ chức Thành ủy Móng Cái', kind: 'body', parent_id: mc, code: 'QN.MC.BTC' });
  const mcKt = await org({ name: 'Ủy ban Kiểm tra Thành ủy Móng Cái', short_name: 'Ủy ban Kiểm tra Thành ủy Móng Cái', kind: 'body', parent_id: mc, code: 'QN.MC.UBKT' });
  const kl = await org({ name: 'Đảng bộ phường Ka Long', short_name: 'Đảng ủy phường Ka Long', kind: 'grassroots', parent_id: mc, code: 'QN.MC.KL' });
  const hx = await org({ name: 'Đảng bộ xã Hải Xuân', short_name: 'Đảng ủy xã Hải Xuân', kind: 'grassroots', parent_id: mc, code: 'QN.MC.HX' });

  const term = (o, a, b, ordinal, from, to) => api.post('/terms', { org_id: o, starts_year: a, ends_year: b, congress: { ordinal, held_from: from, held_to: to, status: 'held' } }).then((x) => x.id);
  const tQn = await term(qn, 2020, 2025, 15, '2020-09-25', '2020-09-27');
  const tMc = await term(mc, 2020, 2025, 24, '2020-05-19', '2020-05-20');
  const tBl = await term(bl, 2020, 2025, 28, '2020-06-09', '2020-06-10');
  await term(kl, 2020, 2025, 5, '2020-04-10', '2020-04-11');

  const res = (termId, title, issued) => api.post('/resolutions', { term_id: termId, title, issued_on: issued }).then((x) => x.id);
  const rQn = await res(tQn, 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XV, nhiệm kỳ 2020–2025', '2020-09-27');
  const rMc = await res(tMc, 'Nghị quyết Đại hội đại biểu Đảng bộ thành phố Móng Cái lần thứ XXIV, nhiệm kỳ 2020–2025', '2020-05-20');
  await res(tBl, 'Nghị quyết Đại hội đại biểu Đảng bộ huyện Bình Liêu lần thứ XXVIII, nhiệm kỳ 2020–2025', '2020-06-10');

  const item = (r, b) => api.post(`/resolutions/${r}/items`, b).then((x) => x.id);
  const i1 = await item(rMc, { kind: 'goal', code: 'I', text: 'Mục tiêu tổng quát: xây dựng Móng Cái trở thành thành phố cửa khẩu quốc tế hiện đại, đô thị cửa khẩu kiểu mẫu' });
  const i2 = await item(rMc, { kind: 'goal', code: 'II', text: 'Các chỉ tiêu chủ yếu đến năm 2025' });
  const i21 = await item(rMc, { kind: 'indicator', code: 'II.1', parent_id: i2, text: 'Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 12%/năm', unit: '%', direction: 'higher', baseline: 11.5, baseline_year: 2020, target: 12, rollup: 'none', reported_by_kinds: ['district'], field: 'kinh tế' });
  const i22 = await item(rMc, { kind: 'indicator', code: 'II.2', parent_id: i2, text: 'Thu ngân sách nhà nước trên địa bàn đạt 7.000 tỷ đồng vào năm 2025', unit: 'tỷ đồng', direction: 'higher', baseline: 5200, baseline_year: 2020, target: 7000, rollup: 'sum', field: 'kinh tế' });
  const i3 = await item(rMc, { kind: 'key_task', code: 'III', text: 'Phát triển kinh tế cửa khẩu, thương mại, dịch vụ, logistics', field: 'kinh tế' });
  const i4 = await item(rMc, { kind: 'breakthrough', code: 'IV', text: 'Đột phá về xây dựng đô thị thông minh và hạ tầng giao thông kết nối' });
  const i5 = await item(rMc, { kind: 'solution', code: 'V', text: 'Phát triển du lịch biển, du lịch mua sắm; hình thành sản phẩm du lịch đặc trưng Trà Cổ - Bình Ngọc', field: 'văn hóa - xã hội' });
  const i6 = await item(rMc, { kind: 'solution', code: 'VI', text: 'Nâng cao chất lượng tổ chức cơ sở đảng và đội ngũ đảng viên', field: 'xây dựng Đảng và hệ thống chính trị' });
  await item(rMc, { kind: 'solution', code: 'VII', text: 'Bảo đảm quốc phòng, an ninh, giữ vững chủ quyền biên giới quốc gia', field: 'quốc phòng - an ninh' });
  const q1 = await item(rQn, { kind: 'key_task', code: 'III.1', text: 'Phát triển kinh tế biển, kinh tế cửa khẩu' });
  await item(rQn, { kind: 'solution', code: 'IV.1', text: 'Xây dựng Đảng bộ tỉnh trong sạch, vững mạnh' });

  const prog = (b) => api.post('/programs', b).then((x) => x.id);
  const pQn = await prog({ org_id: qn, kind: 'action_program', title: 'Chương trình hành động thực hiện Nghị quyết Đại hội XV Đảng bộ tỉnh', resolution_id: rQn, status: 'adopted', adopted_on: '2020-10-20' });
  const pMc = await prog({ org_id: mc, kind: 'action_program', title: 'Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thành phố Móng Cái lần thứ XXIV', resolution_id: rMc, status: 'adopted', adopted_on: '2020-06-10' });
  const pMcWp = await prog({ org_id: mc, kind: 'work_program', title: 'Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ thành phố khóa XXIV', resolution_id: rMc, status: 'adopted', adopted_on: '2020-06-15' });
  await prog({ org_id: kl, kind: 'implementation_plan', title: 'Kế hoạch của Đảng ủy phường Ka Long thực hiện Nghị quyết Đại hội XXIV Đảng bộ thành phố', resolution_id: rMc, status: 'adopted', adopted_on: '2020-06-24' });
  const pMcIn = await prog({ org_id: mc, kind: 'inspection_program', title: 'Chương trình kiểm tra, giám sát toàn khóa', resolution_id: rMc, status: 'adopted', adopted_on: '2020-06-15' });

  const task = (p, b) => api.post(`/programs/${p}/tasks`, b).then((x) => x.id);
  const tq = await task(pQn, { code: '1', title: 'Xây dựng chương trình hành động của Thành ủy Móng Cái thực hiện Nghị quyết Đại hội XV', lead_org_id: mc, period: '2020-Q4', output: 'Chương trình', covers: [q1] });
  await task(pQn, { code: '2', title: 'Xây dựng chương trình hành động của Huyện ủy Bình Liêu', lead_org_id: bl, period: '2020-Q4', output: 'Chương trình', covers: [q1] });
  await prog({ org_id: mc, kind: 'action_program', title: 'Chương trình hành động thực hiện Nghị quyết Đại hội XV Đảng bộ tỉnh', resolution_id: rQn, parent_task_id: tq, status: 'adopted', adopted_on: '2020-11-06' });
  await task(pMc, { code: '1', title: 'Tổ chức quán triệt, tuyên truyền Nghị quyết Đại hội XXIV đến 100% chi, đảng bộ, cán bộ, đảng viên', lead_org_id: mcTg, coordinating_org_ids: [mcVp, kl, hx], period: '2020-Q3', output: 'Kế hoạch', covers: [i1], status: 'done', progress: 100 });
  await task(pMc, { code: '2', title: 'Xây dựng Đề án phát triển kinh tế cửa khẩu Móng Cái giai đoạn 2021–2025', lead_org_id: mcVp, coordinating_org_ids: [mcTg], period: '2021-Q1', output: 'Đề án', covers: [i3, i21], status: 'in_progress', progress: 60 });
  await task(pMc, { code: '3', title: 'Xây dựng Đề án đô thị thông minh, đô thị cửa khẩu kiểu mẫu', lead_org_id: mcVp, due_on: '2021-06-30', output: 'Đề án', covers: [i4], status: 'in_progress', progress: 30 });
  await task(pMc, { code: '4', title: 'Nâng cao chất lượng sinh hoạt chi bộ; kết nạp đảng viên mới', lead_org_id: kl, coordinating_org_ids: [hx], period: 'term', output: 'Báo cáo', covers: [i6], status: 'not_started', progress: 0 });
  await task(pMc, { code: '5', title: 'Kế hoạch tăng thu ngân sách trên địa bàn', lead_org_id: hx, period: '2022', output: 'Kế hoạch', covers: [i22], status: 'not_started' });

  await api.post('/meetings', { org_id: mc, body: 'bch', planned_period: '2020-Q2', program_id: pMcWp, ordinal: 2, held_on: '2020-06-10', topic: 'Thông qua Chương trình hành động thực hiện Nghị quyết Đại hội XXIV' });
  await api.post('/meetings', { org_id: mc, body: 'bch', planned_period: '2021-Q1', program_id: pMcWp, ordinal: 3, held_on: '2021-04-09', topic: 'Đề án phát triển kinh tế cửa khẩu Móng Cái' });
  await api.post('/meetings', { org_id: mc, body: 'btv', planned_period: '2022-Q1', program_id: pMcWp, held_on: '2022-03-11', topic: 'Ban Thường vụ nghe báo cáo xây dựng nông thôn mới' });
  await api.post('/inspections', { org_id: mcKt, target_org_ids: [kl, hx], topic: 'Kiểm tra việc thực hiện Nghị quyết Đại hội XXIV tại cơ sở', kind: 'inspection', mode: 'thematic', planned_period: '2021-Q3', program_id: pMcIn, status: 'done', findings: 'Các đảng bộ cơ sở đã ban hành kế hoạch thực hiện' });
  await api.post('/inspections', { org_id: mc, target_org_ids: [hx], topic: 'Giám sát công tác phát triển đảng viên', kind: 'supervision', mode: 'regular', planned_period: '2023', program_id: pMcIn, status: 'planned' });
  const p1 = await api.post('/people', { full_name: 'Nguyễn Văn Hồi', org_id: mc, title: 'Bí thư Thành ủy' });
  const p2 = await api.post('/people', { full_name: 'Lê Văn Ánh', org_id: mc, title: 'Phó Bí thư Thường trực Thành ủy' });
  await api.post(`/terms/${tMc}/seats`, { person_id: p1.id, body: 'btv', role: 'secretary' });
  await api.post(`/terms/${tMc}/seats`, { person_id: p2.id, body: 'btv', role: 'standing_deputy' });
  await api.post('/assignments', { person_id: p1.id, term_id: tMc, fields: ['phụ trách chung', 'quốc phòng - an ninh'], org_ids: [] });
  await api.post('/assignments', { person_id: p2.id, term_id: tMc, fields: ['xây dựng Đảng'], org_ids: [kl, hx] });
  await api.post('/disseminations', { org_id: mc, resolution_id: rMc, held_on: '2020-06-25', title: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội XXIV', audience_org_ids: [kl, hx], expected: 420, attended: 401 });
  await api.post('/disseminations', { org_id: kl, resolution_id: rMc, held_on: '2020-07-05', title: 'Quán triệt tại Đảng bộ phường Ka Long', expected: 180, attended: 171 });
  for (const [y, v] of [[2021, 12.4], [2022, 11.8], [2023, 11.1]]) await api.post(`/indicators/${i21}/values`, { org_id: mc, period: String(y), value: v });
  for (const [y, v] of [[2021, 5600], [2022, 6050], [2023, 6420]]) await api.post(`/indicators/${i22}/values`, { org_id: mc, period: String(y), value: v });
  return { qn, mc, bl, rMc, pMc };
}
