// CRUD of every core resource of API.md: create, read at Location, partial update, filtered and
// paginated lists, delete; read-only fields; task updates; the derived `overdue`; Roman ordinals.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { create, currentYear, day, expectError, expectStatus, get, listAll, pool } from './helpers.mjs';

let server;
const fx = {}; // fixtures: ids of the objects the specs build on
let seq = 0;
const uniq = () => `${process.pid}-${++seq}`;

before(async () => {
  server = await startServer();
  const org = (body) => create(server, '/api/v1/orgs', body);
  fx.root = (await org({ name: 'Đảng bộ tỉnh Quảng Ninh', kind: 'province', code: 'QN' })).id;
  fx.dist = (await org({ name: 'Đảng bộ thành phố Móng Cái', kind: 'district', parent_id: fx.root })).id;
  fx.dist2 = (await org({ name: 'Đảng bộ huyện Cô Tô', kind: 'district', parent_id: fx.root })).id;
  fx.body = (await org({ name: 'Ủy ban Kiểm tra Tỉnh ủy', kind: 'body', parent_id: fx.root })).id;
  fx.p1 = (await create(server, '/api/v1/people', { full_name: 'Nguyễn Văn An', org_id: fx.dist })).id;
  fx.p2 = (await create(server, '/api/v1/people', { full_name: 'Trần Thị Bình', org_id: fx.dist2 })).id;
  fx.term = (await create(server, '/api/v1/terms', { org_id: fx.root, starts_year: 2020, ends_year: 2025 })).id;
  fx.term2 = (await create(server, '/api/v1/terms', { org_id: fx.dist, starts_year: 2020, ends_year: 2025 })).id;
  fx.doc = (await create(server, '/api/v1/documents', { org_id: fx.root, type: 'NQ', title: 'Nghị quyết Đại hội' })).id;
  fx.res = (await create(server, '/api/v1/resolutions', { term_id: fx.term, title: 'Nghị quyết Đại hội XV' })).id;
  fx.res2 = (await create(server, '/api/v1/resolutions', { term_id: fx.term2, title: 'Nghị quyết Đại hội XXIV' })).id;
  fx.indicator = (await create(server, `/api/v1/resolutions/${fx.res}/items`, {
    kind: 'indicator', text: 'Tốc độ tăng trưởng GRDP bình quân', unit: '%', direction: 'higher', target: 10, rollup: 'mean',
  })).id;
  fx.prog = (await create(server, '/api/v1/programs', {
    org_id: fx.root, kind: 'action_program', title: 'Chương trình hành động', resolution_id: fx.res,
  })).id;
  fx.task = (await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Nhiệm vụ gốc', lead_org_id: fx.dist })).id;
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exit status (23 = leak): ${server.stderr.slice(-2000)}`);
  server.cleanup();
});

/*
 * One spec per resource. make(v) builds a create body; variants 0 and 1 differ in the field that
 * `filter` selects (variant 0 matches) and, when there is one, in the list field `member` selects.
 */
const specs = [
  {
    name: 'orgs', own: 'orgs', path: () => '/api/v1/orgs',
    make: (v) => ({ name: `Chi bộ ${uniq()}`, kind: 'cell', parent_id: v ? fx.dist2 : fx.dist, code: `CB${seq}`, short_name: 'Chi bộ' }),
    filter: () => ['parent_id', fx.dist],
    patch: { short_name: 'Chi bộ khu phố 1' },
  },
  {
    name: 'people', own: 'people', path: () => '/api/v1/people',
    make: (v) => ({ full_name: `Lê Văn ${uniq()}`, org_id: v ? fx.dist2 : fx.dist, title: 'Đảng viên' }),
    filter: () => ['org_id', fx.dist],
    patch: { title: 'Bí thư Thành ủy' },
  },
  {
    name: 'terms', own: 'terms', path: () => '/api/v1/terms',
    make: (v) => ({
      org_id: v ? fx.dist2 : fx.dist, starts_year: 2020, ends_year: 2025,
      congress: { ordinal: 24, held_from: '2020-07-08', held_to: '2020-07-10', pilot: true, status: 'held' },
    }),
    filter: () => ['org_id', fx.dist],
    patch: { congress: { pilot: false } },
  },
  {
    name: 'resolutions', own: 'resolutions', path: () => '/api/v1/resolutions',
    make: (v) => ({ term_id: v ? fx.term2 : fx.term, title: `Nghị quyết ${uniq()}`, symbol: '01-NQ/ĐH', issued_on: '2020-10-16' }),
    filter: () => ['term_id', fx.term],
    patch: { title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV' },
  },
  {
    name: 'items', own: 'items', path: () => `/api/v1/resolutions/${fx.res}/items`,
    make: (v) => ({ kind: v ? 'solution' : 'key_task', text: `Nội dung ${uniq()}`, code: 'II.2.a', field: 'kinh tế - xã hội' }),
    filter: () => ['kind', 'key_task'],
    patch: { text: 'Phát triển kinh tế cửa khẩu' },
  },
  {
    name: 'programs', own: 'programs', path: () => '/api/v1/programs',
    make: (v) => ({ org_id: v ? fx.dist2 : fx.dist, kind: 'implementation_plan', title: `Kế hoạch ${uniq()}`, resolution_id: fx.res, symbol: '05-KH/HU' }),
    filter: () => ['org_id', fx.dist],
    patch: { status: 'adopted', adopted_on: '2020-09-01' },
  },
  {
    name: 'tasks', own: 'tasks', path: () => `/api/v1/programs/${fx.prog}/tasks`,
    make: (v) => ({
      title: `Nhiệm vụ ${uniq()}`, lead_org_id: v ? fx.dist2 : fx.dist, coordinating_org_ids: v ? [fx.dist] : [fx.dist2],
      monitor_org_id: fx.body, field: 'kinh tế', person_id: fx.p1, due_on: '2030-06-30', output: 'Đề án', covers: [fx.indicator],
    }),
    filter: () => ['lead_org_id', fx.dist],
    member: () => ['coordinating_org_id', fx.dist2],
    patch: { progress: 30, status: 'in_progress' },
  },
  {
    name: 'task updates', own: 'task-updates', path: () => `/api/v1/tasks/${fx.task}/updates`,
    make: (v) => ({ progress: v ? 20 : 10, note: `Báo cáo ${uniq()}`, reported_on: '2021-03-01' }),
    filter: () => ['progress', 10],
    patch: { note: 'Đã sửa nội dung báo cáo' },
  },
  {
    name: 'indicator values', own: 'indicator-values', path: () => `/api/v1/indicators/${fx.indicator}/values`,
    make: (v) => ({ org_id: v ? fx.dist2 : fx.dist, period: '2021', value: 12.5, note: 'Cục Thống kê' }),
    filter: () => ['org_id', fx.dist],
    patch: { value: 13.25, status: 'submitted' },
  },
  {
    name: 'seats', own: 'seats', path: () => `/api/v1/terms/${fx.term}/seats`,
    make: (v) => ({ person_id: v ? fx.p2 : fx.p1, body: 'bch', role: 'member' }),
    filter: () => ['person_id', fx.p1],
    patch: { role: 'deputy_secretary' },
  },
  {
    name: 'documents', own: 'documents', path: () => '/api/v1/documents',
    make: (v) => ({ org_id: v ? fx.dist2 : fx.dist, type: 'CT', title: `Chỉ thị ${uniq()}`, number: 1, symbol: '01-CT/TU', issued_on: '2021-01-05', signer: 'Nguyễn Văn An' }),
    filter: () => ['org_id', fx.dist],
    patch: { signer: 'Trần Thị Bình' },
  },
  {
    name: 'meetings', own: 'meetings', path: () => '/api/v1/meetings',
    make: (v) => ({
      org_id: v ? fx.dist2 : fx.dist, body: 'bch', planned_period: '2021-Q1', ordinal: 3,
      agenda: [{ title: 'Thông qua chương trình làm việc toàn khóa', task_id: fx.task }, { title: 'Quán triệt nghị quyết', document_id: fx.doc }],
    }),
    filter: () => ['org_id', fx.dist],
    patch: { held_on: '2021-03-15' },
  },
  {
    name: 'inspections', own: 'inspections', path: () => '/api/v1/inspections',
    make: (v) => ({
      org_id: fx.body, target_org_ids: v ? [fx.dist2] : [fx.dist], topic: `Kiểm tra ${uniq()}`, kind: v ? 'supervision' : 'inspection',
      planned_period: '2021-Q2', mode: 'thematic', follow_up_task_ids: [fx.task],
    }),
    filter: () => ['kind', 'inspection'],
    member: () => ['target_org_id', fx.dist],
    patch: { status: 'done', findings: 'Thực hiện tốt' },
  },
  {
    name: 'assignments', own: 'assignments', path: () => '/api/v1/assignments',
    make: (v) => ({ person_id: v ? fx.p2 : fx.p1, term_id: fx.term, fields: ['kinh tế'], org_ids: v ? [fx.dist2] : [fx.dist] }),
    filter: () => ['person_id', fx.p1],
    member: () => ['org_id', fx.dist],
    patch: { fields: ['xây dựng Đảng', 'kinh tế'] },
  },
  {
    name: 'disseminations', own: 'disseminations', path: () => '/api/v1/disseminations',
    make: (v) => ({ org_id: v ? fx.dist2 : fx.dist, resolution_id: fx.res, held_on: '2020-11-20', title: 'Hội nghị quán triệt', audience_org_ids: v ? [fx.dist2] : [fx.dist], expected: 100, attended: 90 }),
    filter: () => ['org_id', fx.dist],
    member: () => ['audience_org_id', fx.dist],
    patch: { attended: 95 },
  },
];

/** Every field sent comes back as sent (groups compared member by member). */
function assertHas(obj, body, where = '') {
  for (const [k, v] of Object.entries(body)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) assertHas(obj[k], v, `${where}${k}.`);
    else if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
      assert.equal(obj[k].length, v.length, `${where}${k}`);
      v.forEach((el, i) => assertHas(obj[k][i], el, `${where}${k}[${i}].`));
    } else assert.deepEqual(obj[k], v, `${where}${k}`);
  }
}

/** obj without the keys of `changed` (and updated_at): what a PATCH must leave alone. */
function rest(obj, changed) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'updated_at') continue;
    const c = changed[k];
    if (c && typeof c === 'object' && !Array.isArray(c) && v && typeof v === 'object') out[k] = rest(v, c);
    else if (!(k in changed)) out[k] = v;
  }
  return out;
}

for (const spec of specs) {
  describe(spec.name, () => {
    test('create → 201 with id and Location; GET at Location answers the same object', async () => {
      const body = spec.make(0);
      const r = expectStatus(await server.api('POST', spec.path(), body), 201);
      assert.ok(Number.isInteger(r.json.id) && r.json.id > 0, `id: ${r.text}`);
      assertHas(r.json, body);
      const loc = r.headers.get('location');
      assert.ok(loc, 'Location header');
      const u = new URL(loc, server.url);
      assert.equal(u.pathname, `/api/v1/${spec.own}/${r.json.id}`);
      const g = expectStatus(await server.api('GET', u.pathname), 200);
      assert.deepEqual(g.json, r.json);
    });

    test('PATCH → 200 with the change applied and the other fields untouched', async () => {
      const made = await create(server, spec.path(), spec.make(0));
      const r = expectStatus(await server.api('PATCH', `/api/v1/${spec.own}/${made.id}`, spec.patch), 200);
      assertHas(r.json, spec.patch);
      assert.deepEqual(rest(r.json, spec.patch), rest(made, spec.patch));
      assert.deepEqual(await get(server, `/api/v1/${spec.own}/${made.id}`), r.json);
    });

    test(`list filtered by a scalar field`, async () => {
      const a = await create(server, spec.path(), spec.make(0));
      const b = await create(server, spec.path(), spec.make(1));
      const [name, value] = spec.filter();
      const items = await listAll(server, `${spec.path()}?${name}=${encodeURIComponent(value)}`);
      const ids = items.map((x) => x.id);
      assert.ok(ids.includes(a.id), `${name}=${value} must list ${a.id}`);
      assert.ok(!ids.includes(b.id), `${name}=${value} must not list ${b.id}`);
      for (const x of items) assert.deepEqual(x[name], value);
      // Unfiltered, both show, and each as GET shows it.
      const all = await listAll(server, spec.path());
      assert.deepEqual(all.find((x) => x.id === a.id), a);
      assert.deepEqual(all.find((x) => x.id === b.id), b);
    });

    if (spec.member) {
      test('list filtered by membership of a list field', async () => {
        const a = await create(server, spec.path(), spec.make(0));
        const b = await create(server, spec.path(), spec.make(1));
        const [name, value] = spec.member();
        const items = await listAll(server, `${spec.path()}?${name}=${value}`);
        const ids = items.map((x) => x.id);
        assert.ok(ids.includes(a.id), `${name}=${value} must list ${a.id}`);
        assert.ok(!ids.includes(b.id), `${name}=${value} must not list ${b.id}`);
        for (const x of items) assert.ok(x[`${name}s`].includes(value), `${JSON.stringify(x)} lacks ${value}`);
      });
    }

    test('DELETE → 204, then GET → 404 and gone from the list', async () => {
      const made = await create(server, spec.path(), spec.make(1));
      const d = await server.api('DELETE', `/api/v1/${spec.own}/${made.id}`);
      expectStatus(d, 204);
      assert.equal(d.text, '');
      expectError(await server.api('GET', `/api/v1/${spec.own}/${made.id}`), 404, 'not_found');
      expectError(await server.api('DELETE', `/api/v1/${spec.own}/${made.id}`), 404, 'not_found');
      const all = await listAll(server, spec.path());
      assert.ok(!all.some((x) => x.id === made.id));
    });
  });
}

describe('nested lists', () => {
  test('a nested list holds only the children of its parent', async () => {
    const mine = await create(server, `/api/v1/resolutions/${fx.res}/items`, { kind: 'goal', text: 'Mục tiêu A' });
    const other = await create(server, `/api/v1/resolutions/${fx.res2}/items`, { kind: 'goal', text: 'Mục tiêu B' });
    assert.equal(other.resolution_id, fx.res2);
    const items = await listAll(server, `/api/v1/resolutions/${fx.res}/items`);
    assert.ok(items.some((x) => x.id === mine.id));
    assert.ok(!items.some((x) => x.id === other.id));
    for (const x of items) assert.equal(x.resolution_id, fx.res);
  });

  test("a resolution's items are read-only on the resolution and listed there", async () => {
    const r = await create(server, '/api/v1/resolutions', { term_id: fx.term, title: 'NQ có nội dung', items: [{ kind: 'goal', text: 'bị bỏ qua' }] });
    assert.deepEqual(r.items, [], 'items in a resolution body are ignored');
    const it = await create(server, `/api/v1/resolutions/${r.id}/items`, { kind: 'goal', text: 'Mục tiêu tổng quát' });
    const g = await get(server, `/api/v1/resolutions/${r.id}`);
    assert.deepEqual(g.items.map((x) => x.id), [it.id]);
    const p = expectStatus(await server.api('PATCH', `/api/v1/resolutions/${r.id}`, { items: [] }), 200);
    assert.deepEqual(p.json.items.map((x) => x.id), [it.id]);
  });

  test('an item moved between resolutions is impossible: resolution_id is fixed at creation', async () => {
    const it = await create(server, `/api/v1/resolutions/${fx.res}/items`, { kind: 'goal', text: 'Cố định' });
    const p = expectStatus(await server.api('PATCH', `/api/v1/items/${it.id}`, { resolution_id: fx.res2, text: 'Cố định 2' }), 200);
    assert.equal(p.json.resolution_id, fx.res);
    assert.equal(p.json.text, 'Cố định 2');
  });
});

describe('pagination', () => {
  let org;
  let ids;
  before(async () => {
    org = (await create(server, '/api/v1/orgs', { name: 'Đảng bộ phân trang', kind: 'grassroots', parent_id: fx.root })).id;
    const made = await pool([...Array(501).keys()], 8, (i) => create(server, '/api/v1/people', { full_name: `Đảng viên số ${i}`, org_id: org }));
    ids = made.map((x) => x.id).sort((a, b) => a - b);
  });

  test('limit defaults to 50, pages follow next_cursor in id order, null on the last page', async () => {
    const first = await get(server, `/api/v1/people?org_id=${org}`);
    assert.equal(first.items.length, 50);
    assert.deepEqual(first.items.map((x) => x.id), ids.slice(0, 50));
    assert.equal(typeof first.next_cursor, 'string');
    const seen = [];
    let cursor = null;
    let pages = 0;
    do {
      const page = await get(server, `/api/v1/people?org_id=${org}&limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.ok(page.items.length <= 37);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.next_cursor;
      pages++;
      if (cursor === null) assert.equal(page.items.length, 501 - 37 * (pages - 1), 'the last page holds the rest');
      else assert.equal(page.items.length, 37);
    } while (cursor !== null && pages < 100);
    assert.equal(pages, Math.ceil(501 / 37));
    assert.deepEqual(seen, ids, 'every object once, ordered by id');
  });

  test('limit is clamped to 500', async () => {
    const big = await get(server, `/api/v1/people?org_id=${org}&limit=1000`);
    assert.equal(big.items.length, 500);
    assert.equal(typeof big.next_cursor, 'string');
    const rest = await get(server, `/api/v1/people?org_id=${org}&limit=1000&cursor=${encodeURIComponent(big.next_cursor)}`);
    assert.deepEqual(rest.items.map((x) => x.id), [ids[500]]);
    assert.equal(rest.next_cursor, null);
  });

  test('a list that fits in one page has next_cursor null, even when it fills the page exactly', async () => {
    const few = await create(server, '/api/v1/orgs', { name: 'Chi bộ ba người', kind: 'cell', parent_id: fx.root });
    for (const n of ['Một', 'Hai', 'Ba']) await create(server, '/api/v1/people', { full_name: `Đảng viên ${n}`, org_id: few.id });
    const exact = await get(server, `/api/v1/people?org_id=${few.id}&limit=3`);
    assert.equal(exact.items.length, 3);
    assert.equal(exact.next_cursor, null, 'no empty last page');
    const more = await get(server, `/api/v1/people?org_id=${few.id}&limit=2`);
    assert.equal(more.items.length, 2);
    const last = await get(server, `/api/v1/people?org_id=${few.id}&limit=2&cursor=${encodeURIComponent(more.next_cursor)}`);
    assert.equal(last.items.length, 1);
    assert.equal(last.next_cursor, null);
  });
});

describe('read-only and unknown fields', () => {
  test('id, overdue and unknown fields in a create body are ignored', async () => {
    const o = await create(server, '/api/v1/orgs', { id: 987654, name: 'Chi bộ bỏ qua id', kind: 'cell', parent_id: fx.dist, colour: 'đỏ' });
    assert.notEqual(o.id, 987654);
    assert.equal(o.colour, undefined);
    expectError(await server.api('GET', '/api/v1/orgs/987654'), 404, 'not_found');
    const t = await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Chưa quá hạn', lead_org_id: fx.dist, due_on: day(30), overdue: true, id: 5555 });
    assert.equal(t.overdue, false);
    assert.notEqual(t.id, 5555);
  });

  test('id and overdue in a PATCH body are ignored', async () => {
    const a = await create(server, '/api/v1/orgs', { name: 'Chi bộ A', kind: 'cell', parent_id: fx.dist });
    const b = await create(server, '/api/v1/orgs', { name: 'Chi bộ B', kind: 'cell', parent_id: fx.dist });
    const p = expectStatus(await server.api('PATCH', `/api/v1/orgs/${a.id}`, { id: b.id, name: 'Chi bộ A mới' }), 200);
    assert.equal(p.json.id, a.id);
    assert.equal(p.json.name, 'Chi bộ A mới');
    assert.deepEqual(await get(server, `/api/v1/orgs/${b.id}`), b);
    const t = await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Quá hạn', lead_org_id: fx.dist, due_on: day(-3), status: 'in_progress' });
    assert.equal(t.overdue, true);
    const q = expectStatus(await server.api('PATCH', `/api/v1/tasks/${t.id}`, { overdue: false }), 200);
    assert.equal(q.json.overdue, true);
  });
});

describe('task updates', () => {
  test('a task update sets the task status and progress to the values it carries', async () => {
    const t = await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Được báo cáo', lead_org_id: fx.dist });
    assert.equal(t.status, 'not_started');
    const u = await create(server, `/api/v1/tasks/${t.id}/updates`, { status: 'in_progress', progress: 40, note: 'Đang triển khai' });
    assert.equal(u.task_id, t.id);
    let g = await get(server, `/api/v1/tasks/${t.id}`);
    assert.equal(g.status, 'in_progress');
    assert.equal(g.progress, 40);
    await create(server, `/api/v1/tasks/${t.id}/updates`, { progress: 70 });
    g = await get(server, `/api/v1/tasks/${t.id}`);
    assert.equal(g.progress, 70);
    assert.equal(g.status, 'in_progress', 'a progress-only update leaves the status');
    await create(server, `/api/v1/tasks/${t.id}/updates`, { status: 'done', progress: 100 });
    g = await get(server, `/api/v1/tasks/${t.id}`);
    assert.equal(g.status, 'done');
    assert.equal(g.progress, 100);
    const log = await listAll(server, `/api/v1/tasks/${t.id}/updates`);
    assert.deepEqual(log.map((x) => x.progress), [40, 70, 100], 'the log keeps every update');
  });

  test('an update carrying neither progress nor status is refused', async () => {
    const r = await server.api('POST', `/api/v1/tasks/${fx.task}/updates`, { note: 'chỉ có ghi chú' });
    assert.equal(r.status, 422, r.text);
    assert.equal(r.json.error.code, 'invalid_field');
  });
});

describe('overdue', () => {
  let progOld;
  let progFuture;
  let termFuture;
  before(async () => {
    // fx.term ends in 2025; a second term ends next year.
    termFuture = (await create(server, '/api/v1/terms', { org_id: fx.root, starts_year: currentYear() - 3, ends_year: currentYear() + 1 })).id;
    const resF = (await create(server, '/api/v1/resolutions', { term_id: termFuture, title: 'Nghị quyết nhiệm kỳ sau' })).id;
    progOld = fx.prog;
    progFuture = (await create(server, '/api/v1/programs', { org_id: fx.root, kind: 'action_program', title: 'CTr sau', resolution_id: resF })).id;
  });
  const task = (prog, body) => create(server, `/api/v1/programs/${prog}/tasks`, { title: `Hạn ${uniq()}`, lead_org_id: fx.dist, ...body });

  test('due yesterday and in progress is overdue; due today is not; done or cancelled is not', async () => {
    assert.equal((await task(progOld, { due_on: day(-1), status: 'in_progress' })).overdue, true);
    assert.equal((await task(progOld, { due_on: day(-1), status: 'not_started' })).overdue, true);
    assert.equal((await task(progOld, { due_on: day(0), status: 'in_progress' })).overdue, false);
    assert.equal((await task(progOld, { due_on: day(1), status: 'in_progress' })).overdue, false);
    assert.equal((await task(progOld, { due_on: day(-1), status: 'done' })).overdue, false);
    assert.equal((await task(progOld, { due_on: day(-1), status: 'cancelled' })).overdue, false);
    assert.equal((await task(progOld, {})).overdue, false, 'no time frame: never overdue');
  });

  test('overdue follows the status and the due date as they change', async () => {
    const t = await task(progOld, { due_on: day(-1), status: 'done' });
    let p = expectStatus(await server.api('PATCH', `/api/v1/tasks/${t.id}`, { status: 'in_progress' }), 200);
    assert.equal(p.json.overdue, true);
    p = expectStatus(await server.api('PATCH', `/api/v1/tasks/${t.id}`, { due_on: day(0) }), 200);
    assert.equal(p.json.overdue, false);
    await create(server, `/api/v1/tasks/${t.id}/updates`, { status: 'not_started' });
    const u = expectStatus(await server.api('PATCH', `/api/v1/tasks/${t.id}`, { due_on: day(-2) }), 200);
    assert.equal(u.json.overdue, true);
    await create(server, `/api/v1/tasks/${t.id}/updates`, { status: 'done', progress: 100 });
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).overdue, false);
    const listed = (await listAll(server, `/api/v1/programs/${progOld}/tasks`)).find((x) => x.id === t.id);
    assert.equal(listed.overdue, false);
  });

  test('a period stands for its last day: 2020-Q1 is overdue, next year is not', async () => {
    assert.equal((await task(progOld, { period: '2020-Q1' })).overdue, true);
    assert.equal((await task(progOld, { period: '2020-H2', status: 'in_progress' })).overdue, true);
    assert.equal((await task(progOld, { period: String(currentYear() + 1) })).overdue, false);
    // due_on wins over period.
    assert.equal((await task(progOld, { period: '2020-Q1', due_on: day(5) })).overdue, false);
  });

  test('period "term" means 31 December of the term\'s ends_year', async () => {
    const old = await task(progOld, { period: 'term' }); // term 2020–2025
    assert.equal(old.overdue, currentYear() > 2025);
    const fut = await task(progFuture, { period: 'term' });
    assert.equal(fut.overdue, false);
  });

  test("changing the term's ends_year moves the due date of its 'term' tasks (derived, never stale)", async () => {
    const t = await task(progFuture, { period: 'term', status: 'in_progress' });
    assert.equal(t.overdue, false);
    expectStatus(await server.api('PATCH', `/api/v1/terms/${termFuture}`, { starts_year: 2015, ends_year: 2019 }), 200);
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).overdue, true,
      'term now ended 31 Dec 2019: a not-finished task of the whole term is overdue');
    expectStatus(await server.api('PATCH', `/api/v1/terms/${termFuture}`, { starts_year: currentYear() - 3, ends_year: currentYear() + 1 }), 200);
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).overdue, false);
  });
});

describe('overdue follows the program and the resolution to another term', () => {
  test("moving a program to another resolution, or a resolution to another term, moves its 'term' tasks' due date", async () => {
    const past = (await create(server, '/api/v1/terms', { org_id: fx.dist2, starts_year: 2010, ends_year: 2015 })).id;
    const future = (await create(server, '/api/v1/terms', { org_id: fx.dist2, starts_year: currentYear(), ends_year: currentYear() + 5 })).id;
    const resPast = (await create(server, '/api/v1/resolutions', { term_id: past, title: 'NQ 2010' })).id;
    const resFuture = (await create(server, '/api/v1/resolutions', { term_id: future, title: 'NQ sau' })).id;
    const prog = (await create(server, '/api/v1/programs', { org_id: fx.dist2, kind: 'action_program', title: 'CTr di chuyển', resolution_id: resFuture })).id;
    const t = await create(server, `/api/v1/programs/${prog}/tasks`, { title: 'Cả nhiệm kỳ', lead_org_id: fx.dist2, period: 'term' });
    assert.equal(t.overdue, false);
    expectStatus(await server.api('PATCH', `/api/v1/programs/${prog}`, { resolution_id: resPast }), 200);
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).overdue, true, 'the program now implements a 2010–2015 resolution');
    expectStatus(await server.api('PATCH', `/api/v1/resolutions/${resPast}`, { term_id: future }), 200);
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).overdue, false, 'the resolution now belongs to a term ending later');
    const roll = await get(server, `/api/v1/orgs/${fx.dist2}/rollup`);
    assert.equal(typeof roll.tasks.overdue, 'number');
  });
});

describe("today is the server's today, in its time zone (TZ)", () => {
  // Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: their dates always differ.
  const zoneDay = (tz, offset = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + offset * 86400000));
  for (const [tz, overdue] of [['Pacific/Kiritimati', true], ['Pacific/Pago_Pago', false]]) {
    test(`TZ=${tz}: a task due on Pago Pago's today is ${overdue ? '' : 'not '}overdue`, async () => {
      const s = await startServer({ env: { TZ: tz } });
      try {
        const o = await create(s, '/api/v1/orgs', { name: 'Tỉnh ủy', kind: 'province' });
        const p = await create(s, '/api/v1/programs', { org_id: o.id, kind: 'work_program', title: 'CTr' });
        const t = await create(s, `/api/v1/programs/${p.id}/tasks`, { title: 'Hạn', lead_org_id: o.id, due_on: zoneDay('Pacific/Pago_Pago'), status: 'in_progress' });
        assert.equal(t.overdue, overdue);
        const r = await get(s, `/api/v1/orgs/${o.id}/rollup`);
        assert.equal(r.tasks.overdue, overdue ? 1 : 0, 'the roll-up agrees');
      } finally {
        assert.equal(await s.stop(), 0);
        s.cleanup();
      }
    });
  }
});

describe('audit trail', () => {
  test('a change is audited with who, what, before and after; a read is not', async () => {
    const o = await create(server, '/api/v1/orgs', { name: 'Chi bộ được ghi vết', kind: 'cell', parent_id: fx.dist });
    expectStatus(await server.api('PATCH', `/api/v1/orgs/${o.id}`, { name: 'Chi bộ đã đổi tên' }), 200);
    const all = await listAll(server, '/api/v1/audit');
    const mine = all.filter((a) => a.resource_id === o.id && /org/.test(a.resource));
    assert.equal(mine.length, 2, JSON.stringify(mine));
    const [c, u] = mine;
    assert.equal(c.before, null);
    assert.equal(c.after.name, 'Chi bộ được ghi vết');
    assert.equal(u.before.name, 'Chi bộ được ghi vết');
    assert.equal(u.after.name, 'Chi bộ đã đổi tên');
    assert.equal(u.user, 'admin');
    assert.match(u.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    await get(server, `/api/v1/orgs/${o.id}`);
    assert.equal((await listAll(server, '/api/v1/audit')).length, all.length, 'reads are not audited');
  });
});

describe('congress ordinal', () => {
  test('ordinal 24 comes back as "XXIV", and other ordinals as their Roman numerals', async () => {
    const cases = { 1: 'I', 4: 'IV', 9: 'IX', 14: 'XIV', 19: 'XIX', 21: 'XXI', 24: 'XXIV', 40: 'XL', 90: 'XC', 400: 'CD', 1994: 'MCMXCIV', 3999: 'MMMCMXCIX' };
    for (const [n, roman] of Object.entries(cases)) {
      const t = await create(server, '/api/v1/terms', { org_id: fx.dist2, starts_year: 2020, ends_year: 2025, congress: { ordinal: Number(n) } });
      assert.equal(t.congress.ordinal, Number(n));
      assert.equal(t.congress.ordinal_roman, roman, `ordinal ${n}`);
      assert.equal((await get(server, `/api/v1/terms/${t.id}`)).congress.ordinal_roman, roman);
    }
  });

  test('changing the ordinal changes its Roman rendering', async () => {
    const t = await create(server, '/api/v1/terms', { org_id: fx.dist2, starts_year: 2020, ends_year: 2025, congress: { ordinal: 21 } });
    const p = expectStatus(await server.api('PATCH', `/api/v1/terms/${t.id}`, { congress: { ordinal: 24 } }), 200);
    assert.equal(p.json.congress.ordinal_roman, 'XXIV');
  });
});

describe('Vietnamese text', () => {
  test('NFD input is stored as NFC', async () => {
    const nfc = 'Đảng bộ thành phố Móng Cái';
    const o = await create(server, '/api/v1/orgs', { name: nfc.normalize('NFD'), kind: 'district', parent_id: fx.root });
    assert.equal(o.name, nfc);
    assert.equal(o.name.normalize('NFC'), o.name);
  });
});
