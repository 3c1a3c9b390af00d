// The built-in demo (Quảng Ninh, term 2020–2025) loads and answers the core questions sensibly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { startServer } from './lib.mjs';
import { fold, get, listAll } from './helpers.mjs';

let server;
let province;

before(async () => {
  server = await startServer({ demo: true });
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exit status (23 = leak): ${server.stderr.slice(-2000)}`);
  server.cleanup();
});

test('the demo loads: every object of the built-in data set is there', async () => {
  const src = new URL('../../data/demo.json', import.meta.url);
  if (!existsSync(src)) return; // the data set lives in the binary; the source file is only a cross-check
  const data = JSON.parse(readFileSync(src, 'utf8'));
  const top = ['orgs', 'people', 'terms', 'documents', 'resolutions', 'programs', 'meetings', 'inspections', 'assignments', 'disseminations'];
  for (const t of top) {
    const got = (await listAll(server, `/api/v1/${t}`)).map((x) => x.id).sort((a, b) => a - b);
    const want = (data[t] || []).map((x) => x.id).sort((a, b) => a - b);
    assert.deepEqual(got, want, t);
  }
  // Nested things: a sample at their own path.
  for (const [t, path] of [['items', 'items'], ['tasks', 'tasks'], ['task_updates', 'task-updates'], ['indicator_values', 'indicator-values'], ['seats', 'seats']]) {
    for (const x of (data[t] || []).filter((_, i) => i % 25 === 0)) {
      const g = await get(server, `/api/v1/${path}/${x.id}`);
      assert.equal(g.id, x.id);
    }
  }
});

test('the province org exists with children', async () => {
  const provinces = await listAll(server, '/api/v1/orgs?kind=province');
  province = provinces.find((o) => fold(o.name).includes('quang ninh'));
  assert.ok(province, `a Quảng Ninh province org: ${JSON.stringify(provinces.map((o) => o.name))}`);
  const kids = await get(server, `/api/v1/orgs/${province.id}/children`);
  assert.ok(kids.items.length >= 5, `children: ${kids.items.length}`);
  for (const k of kids.items) assert.equal(k.parent_id, province.id);
  assert.ok(kids.items.some((k) => k.kind === 'district'), 'district-level committees under the province');
  const sub = await get(server, `/api/v1/orgs/${province.id}/subtree`);
  assert.ok(sub.items.length > kids.items.length, 'a deeper tree');
});

test("Móng Cái's congress is the 24th (XXIV) and a pilot congress", async () => {
  const s = await get(server, `/api/v1/search?q=${encodeURIComponent('mong cai')}`);
  const hit = s.items.find((h) => h.type === 'org' || h.type === 'orgs');
  assert.ok(hit, `search "mong cai" finds an org: ${JSON.stringify(s.items.slice(0, 5))}`);
  const org = await get(server, `/api/v1/orgs/${hit.id}`);
  assert.match(org.name, /Móng Cái/);
  const terms = await listAll(server, `/api/v1/terms?org_id=${org.id}`);
  const t = terms.find((x) => x.starts_year === 2020);
  assert.ok(t, 'a 2020 term');
  assert.equal(t.congress.ordinal, 24);
  assert.equal(t.congress.ordinal_roman, 'XXIV');
  assert.equal(t.congress.pilot, true);
});

test("the action programs' coverage ratios lie between 0 and 1, with some items uncovered", async () => {
  const programs = (await listAll(server, '/api/v1/programs?kind=action_program')).filter((p) => p.resolution_id);
  assert.ok(programs.length >= 2, `action programs: ${programs.length}`);
  let someUncovered = false;
  for (const p of programs) {
    const c = await get(server, `/api/v1/resolutions/${p.resolution_id}/coverage?program_id=${p.id}`);
    assert.equal(typeof c.ratio, 'number', `program ${p.id}`);
    assert.ok(c.ratio >= 0 && c.ratio <= 1, `program ${p.id}: ratio ${c.ratio}`);
    if (c.uncovered.length) {
      someUncovered = true;
      assert.ok(c.ratio < 1, `program ${p.id}: uncovered items yet ratio 1`);
    }
    const known = new Set(c.items.map((x) => x.id));
    for (const id of c.uncovered) assert.ok(known.has(id), `uncovered ${id} is an item of the resolution`);
  }
  assert.ok(someUncovered, 'the demo shows gaps');
});

test('the cascade from the province shows several statuses', async () => {
  const terms = await listAll(server, `/api/v1/terms?org_id=${province.id}`);
  const term = terms.find((t) => t.starts_year === 2020);
  const [res] = await listAll(server, `/api/v1/resolutions?term_id=${term.id}`);
  assert.ok(res, 'the province resolution');
  const c = await get(server, `/api/v1/orgs/${province.id}/cascade?resolution_id=${res.id}`);
  const kids = await get(server, `/api/v1/orgs/${province.id}/children`);
  const nonBodies = kids.items.filter((k) => k.kind !== 'body').map((k) => k.id).sort((a, b) => a - b);
  assert.deepEqual(c.items.map((r) => r.org_id).sort((a, b) => a - b), nonBodies, 'one row per non-body child');
  const statuses = new Set(c.items.map((r) => r.status));
  assert.ok(statuses.size >= 2, `statuses: ${[...statuses]}`);
  for (const r of c.items) {
    assert.ok(['missing', 'draft', 'adopted'].includes(r.status), r.status);
    assert.equal(r.program_id === null, r.status === 'missing');
    if (r.status === 'adopted') assert.match(r.adopted_on, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test('search "mong cai" finds the Móng Cái org; the province roll-up is consistent', async () => {
  const s = await get(server, `/api/v1/search?q=${encodeURIComponent('mong cai')}`);
  assert.ok(s.items.some((h) => (h.type === 'org' || h.type === 'orgs') && /Móng Cái/.test(h.label)));
  const r = await get(server, `/api/v1/orgs/${province.id}/rollup?term_year=2020`);
  const t = r.tasks;
  assert.ok(t.total > 0);
  assert.equal(t.not_started + t.in_progress + t.done + t.cancelled, t.total);
  assert.ok(t.overdue <= t.not_started + t.in_progress);
  assert.ok(r.progress >= 0 && r.progress <= 100);
  const sub = await get(server, `/api/v1/orgs/${province.id}/subtree`);
  assert.equal(r.orgs, sub.items.length);
});
