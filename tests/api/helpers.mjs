// Shared helpers of the API tests (the server harness itself is lib.mjs).
import assert from 'node:assert/strict';

/** The server's time zone: TZ as the server inherits it, else the documented default. */
export const SERVER_TZ = process.env.TZ || 'Asia/Ho_Chi_Minh';

/** "YYYY-MM-DD" of today + offset days in the server's time zone. */
export function day(offset = 0) {
  const now = new Date(Date.now() + offset * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: SERVER_TZ, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

export function currentYear() {
  return Number(day(0).slice(0, 4));
}

/** Case and diacritics folded the way API.md asks search to fold: lower case, no marks, đ→d. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Asserts the status, showing the body when it differs. */
export function expectStatus(r, status, what = '') {
  assert.equal(r.status, status, `${what} expected ${status}, got ${r.status}: ${r.text}`);
  return r;
}

/** Asserts an error envelope with that status, code and (absent when undefined) field. */
export function expectError(r, status, code, field, what = '') {
  assert.equal(r.status, status, `${what} expected ${status} ${code}, got ${r.status}: ${r.text}`);
  assert.ok(r.json && r.json.error, `${what} error envelope missing: ${r.text}`);
  assert.equal(r.json.error.code, code, `${what} code: ${r.text}`);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0, 'message must be text a person can act on');
  if (field === undefined) assert.equal(r.json.error.field, undefined, `${what} no field expected: ${r.text}`);
  else assert.equal(r.json.error.field, field, `${what} field: ${r.text}`);
  return r;
}

/** POST that must answer 201; returns the created object. */
export async function create(server, path, body) {
  const r = await server.api('POST', path, body);
  expectStatus(r, 201, `POST ${path} ${JSON.stringify(body)}`);
  return r.json;
}

export async function get(server, path) {
  const r = await server.api('GET', path);
  expectStatus(r, 200, `GET ${path}`);
  return r.json;
}

/** Every item of a list, following next_cursor; also checks the pages are ordered by id. */
export async function listAll(server, path, limit = 500) {
  const out = [];
  let cursor = null;
  for (let page = 0; page < 10000; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await server.api('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expectStatus(r, 200, `GET ${path}`);
    out.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (cursor === null) break;
    assert.equal(typeof cursor, 'string');
  }
  for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].id < out[i].id, `${path} not ordered by id`);
  return out;
}

/** Runs fn over xs with at most n in flight; returns results in order. */
export async function pool(xs, n, fn) {
  const out = new Array(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, xs.length) }, async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i], i);
    }
  }));
  return out;
}

const TOP = ['orgs', 'people', 'terms', 'resolutions', 'programs', 'documents', 'meetings', 'inspections',
  'assignments', 'disseminations', 'users'];

/**
 * The whole visible state through the API: every top-level list, and the nested lists under
 * each parent (items, tasks, task updates, seats, indicator values), plus the audit trail's
 * length. Two snapshots are equal when nothing changed.
 */
export async function snapshot(server) {
  const s = {};
  for (const t of TOP) s[t] = await listAll(server, `/api/v1/${t}`);
  s.items = [];
  for (const res of s.resolutions) s.items.push(...await listAll(server, `/api/v1/resolutions/${res.id}/items`));
  s.tasks = [];
  for (const p of s.programs) s.tasks.push(...await listAll(server, `/api/v1/programs/${p.id}/tasks`));
  s.task_updates = [];
  for (const t of s.tasks) s.task_updates.push(...await listAll(server, `/api/v1/tasks/${t.id}/updates`));
  s.seats = [];
  for (const t of s.terms) s.seats.push(...await listAll(server, `/api/v1/terms/${t.id}/seats`));
  s.indicator_values = [];
  for (const it of s.items.filter((i) => i.kind === 'indicator')) {
    s.indicator_values.push(...await listAll(server, `/api/v1/indicators/${it.id}/values`));
  }
  const audit = await server.api('GET', '/api/v1/audit?limit=500');
  s.audit = audit.status === 200 ? await listAll(server, '/api/v1/audit') : audit.status;
  return s;
}

/** Sends a refused request and checks that it changed nothing visible. */
export async function refusedChangesNothing(server, send) {
  const before = await snapshot(server);
  const r = await send();
  const after = await snapshot(server);
  assert.deepEqual(after, before, 'a refused request must change nothing');
  return r;
}
