// Access on org subtrees (API.md "Access", issue 5 item 2), table-driven: every route × every
// role × targets inside and outside the caller's subtree, checking the status and that a
// refused request changed nothing.
//
// The fixture: province P with districts Móng Cái (MC) and Bình Liêu (BL), each with a
// grassroots org (MCg = phường Ka Long, BLg = xã Đồng Văn), and objects of every resource
// owned by P, MC, MCg and BL ("sides"), plus a BL task that MC coordinates and a BL
// inspection that targets MC. Acting users: viewer, reporter, editor and admin of MC, and a
// "multi" editor holding on MCg and on BL, beside the first admin (every root).
//
// The test keeps its own model of what it created (REG: the orgs each object names) and of
// the rules, and derives every expected answer from it:
// - reach: an object is within a grant when an org it names — directly or through what it
//   belongs to (a task's program, an item's resolution's term) — is in the grant's subtree;
//   terms, resolutions, items and seats of an ancestor org are readable from below;
// - an object out of reach answers exactly as an absent one (404 on a path id, 422 on an id
//   in a body or the query) — each such answer is compared with the answer for id 999999;
// - the role check comes first and does not depend on the target (a viewer's write is 403
//   whatever the id, absent included); then reach (404/422), then the role on the target's
//   subtree (403);
// - lists, search, roll-ups, coverage and audit show exactly what is in reach.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, run, startServer } from './lib.mjs';
import { fold, pool, snapshot } from './helpers.mjs';

const ABSENT = 999999;
const SIDES = ['P', 'MC', 'MCg', 'BL'];
const RANK = { viewer: 0, reporter: 1, editor: 2, admin: 3 };
const FROM_BELOW = new Set(['terms', 'resolutions', 'items', 'seats']);
const CODE = { 403: 'forbidden', 404: 'not_found', 422: 'invalid_field' };
const SIDE = {
  P: { org: 'P', lead: 'P', name: 'tỉnh Quảng Ninh' },
  MC: { org: 'MC', lead: 'MCg', name: 'thành phố Móng Cái' },
  MCg: { org: 'MCg', lead: 'MCg', name: 'phường Ka Long' },
  BL: { org: 'BL', lead: 'BLg', name: 'huyện Bình Liêu' },
};
const sideOf = (k) => ({ BLc: 'BL', BLonMC: 'BL' }[k] || k);

// Resource types: own path segment, nested path (parent type, parent segment, sub segment),
// the keys of their fixture objects, and a harmless change for PATCH.
const TYPES = {
  orgs: { own: 'orgs', patch: (m) => ({ code: `K${m}` }) },
  people: { own: 'people', patch: (m) => ({ title: `Ủy viên ${m}` }) },
  terms: { own: 'terms', patch: (m) => ({ congress: { pilot: m % 2 === 0 } }) },
  seats: { own: 'seats', nest: ['terms', 'terms', 'seats'], patch: (m) => ({ role: m % 2 ? 'member' : 'deputy_secretary' }) },
  documents: { own: 'documents', patch: (m) => ({ signer: `Người ký ${m}` }) },
  resolutions: { own: 'resolutions', patch: (m) => ({ symbol: `${m}-NQ/ĐH` }) },
  items: { own: 'items', nest: ['resolutions', 'resolutions', 'items'], patch: (m) => ({ code: `I.${m}` }) },
  programs: { own: 'programs', patch: (m) => ({ symbol: `${m}-CTr/HU` }) },
  tasks: { own: 'tasks', nest: ['programs', 'programs', 'tasks'], keys: [...SIDES, 'BLc'], patch: (m) => ({ output: `Báo cáo ${m}` }) },
  task_updates: { own: 'task-updates', nest: ['tasks', 'tasks', 'updates'], keys: [...SIDES, 'BLc'], patch: (m) => ({ note: `Ghi chú ${m}` }), reporting: true },
  indicator_values: { own: 'indicator-values', nest: ['items', 'indicators', 'values'], patch: (m) => ({ note: `Nguồn ${m}` }), reporting: true },
  meetings: { own: 'meetings', patch: (m) => ({ topic: `Chuyên đề ${m}` }) },
  inspections: { own: 'inspections', keys: [...SIDES, 'BLonMC'], patch: (m) => ({ findings: `Kết quả ${m}` }) },
  assignments: { own: 'assignments', patch: (m) => ({ fields: [`lĩnh vực ${m}`] }) },
  disseminations: { own: 'disseminations', patch: (m) => ({ title: `Quán triệt ${m}` }) },
  users: { own: 'users', patch: (m) => ({ full_name: `Người dùng ${m}` }) },
};
const keysOf = (t) => TYPES[t].keys || SIDES;
const SEARCH_TYPE = { org: 'orgs', person: 'people', document: 'documents', item: 'items', resolution: 'resolutions', program: 'programs', task: 'tasks', meeting: 'meetings', inspection: 'inspections', dissemination: 'disseminations' };

let server;
const O = {}; // org key → id
const ORG_PARENT = new Map(); // org id → parent id or null
const REG = new Map(); // "type:id" → entry {type, id, orgs, text, …}: everything in the database
const F = {}; // type → key → id of the fixture object
const V = {}; // type → key → id of the victim that refused DELETEs aim at
const IND = {}; // side → id of that side's indicator (items)
const U = {}; // user key → {key, name, token, grants: [{role, root}]}
const FILE_BYTES = new Map(); // file id → content
let seq = 0;
const next = () => ++seq;
let cases = 0;
let auditLast = 0;

// ---------- the model ----------
const ek = (t, id) => `${t}:${id}`;
const ent = (t, id) => REG.get(ek(t, id));
const put = (e) => { REG.set(ek(e.type, e.id), e); return e; };
function ancestors(o) {
  const out = [];
  for (let x = o; x !== null && x !== undefined && out.length < 64; x = ORG_PARENT.get(x)) out.push(x);
  return out;
}
const within = (o, root) => root === null || ancestors(o).includes(root);
const rank = (u) => Math.max(...u.grants.map((g) => RANK[g.role]));
const grantReaches = (g, e) => g.root === null || e.orgs.some((o) => within(o, g.root));

function readable(u, e) {
  if (!e) return false;
  if (e.type === 'files') return e.updates.length === 0 || e.updates.some((id) => readable(u, ent('task_updates', id)));
  for (const g of u.grants) {
    if (g.root === null) return true;
    for (const o of e.orgs) {
      if (within(o, g.root)) return true;
      if (FROM_BELOW.has(e.type) && within(g.root, o)) return true;
    }
  }
  return false;
}
const readableRef = (u, [t, id]) => readable(u, ent(t, id));

function canWrite(u, e) {
  const need = e.type === 'users' ? 3 : 2;
  return u.grants.some((g) => RANK[g.role] >= need && grantReaches(g, e) &&
    (e.type !== 'users' || g.root === null || (e.userOrg != null && e.grantOrgs.every((o) => within(o, g.root)))));
}

/** A reporter's narrower right (task updates, indicator values); editors write as editors. */
function canReport(u, e) {
  return u.grants.some((g) => {
    if (RANK[g.role] >= 2) return grantReaches(g, e);
    if (g.role !== 'reporter') return false;
    if (e.type === 'indicator_values') return within(e.org, g.root);
    const task = ent('tasks', e.task);
    return [task.lead, ...task.coord].some((o) => within(o, g.root));
  });
}

// ---------- requests ----------
const call = (u, method, path, body, headers = {}) =>
  server.api(method, path, body, { Authorization: `Bearer ${u.token}`, ...headers });
const adminGet = (path) => server.api('GET', path);
const show = (r) => `${r.status} ${r.text.slice(0, 300)}`;

async function listAs(u, path) {
  const out = [];
  let cursor = null;
  for (let page = 0; page < 1000; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await call(u, 'GET', `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) return { status: r.status, r };
    out.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (cursor === null) break;
  }
  return { status: 200, items: out };
}

async function auditNew() {
  const r = await adminGet(`/api/v1/audit?cursor=${auditLast}&limit=500`);
  assert.equal(r.status, 200, show(r));
  for (const a of r.json.items) auditLast = Math.max(auditLast, a.id);
  return r.json.items;
}

/** Compares an answer about an out-of-reach id with the answer about an absent one. */
function sameAsAbsent(r, a) {
  const norm = (x) => ({
    status: x.status, code: x.json?.error?.code, field: x.json?.error?.field,
    message: (x.json?.error?.message || '').replace(/\d+/g, 'N'),
  });
  assert.deepEqual(norm(r), norm(a), `out of reach must answer as absent: got ${show(r)}; absent: ${show(a)}`);
}

// ---------- how each object is made (by the admin for the fixture, by users in the table) ----------
/**
 * The request that creates an object of `type` for fixture key k. s(type, id) maps every id
 * the request names (the absent variant swaps out-of-reach ones for 999999). Returns
 * {path, body, parent: [type,id]|null, refs: [[type,id]…], entry (the model's view of the new
 * object, for the write check and the registry)}.
 */
function spec(type, k, s = (t, id) => id, opts = {}) {
  const S = sideOf(k), side = SIDE[S], org = O[side.org], lead = O[side.lead], m = next();
  const label = `${m} ${side.name}`;
  const e = (orgs, extra = {}) => ({ type, orgs, ...extra });
  switch (type) {
    case 'orgs': return { path: '/api/v1/orgs', body: { name: `Chi bộ thử ${label}`, kind: 'cell', parent_id: s('orgs', org) }, refs: [['orgs', org]], entry: e([org], { parent: org, text: `Chi bộ thử ${label}` }) };
    case 'people': return { path: '/api/v1/people', body: { full_name: `Cán bộ ${label}`, org_id: s('orgs', org) }, refs: [['orgs', org]], entry: e([org], { text: `Cán bộ ${label}` }) };
    case 'terms': return { path: '/api/v1/terms', body: { org_id: s('orgs', org), starts_year: 2020, ends_year: 2025, congress: { ordinal: 20, held_from: '2020-08-01', held_to: '2020-08-02', status: 'held' } }, refs: [['orgs', org]], entry: e([org]) };
    case 'seats': {
      const term = F.terms[S], person = F.people[S];
      return { path: `/api/v1/terms/${s('terms', term)}/seats`, flat: '/api/v1/seats', parentField: 'term_id', parent: ['terms', term], body: { person_id: s('people', person), body: 'bch', role: 'member' }, refs: [['people', person]], entry: e([org]) };
    }
    case 'documents': return { path: '/api/v1/documents', body: { org_id: s('orgs', org), type: 'KH', title: `Kế hoạch ${label}`, symbol: `${m}-KH/HU` }, refs: [['orgs', org]], entry: e([org], { text: `Kế hoạch ${label}` }) };
    case 'resolutions': {
      const term = F.terms[S];
      return { path: '/api/v1/resolutions', body: { term_id: s('terms', term), title: `Nghị quyết Đại hội ${label}` }, refs: [['terms', term]], entry: e([org], { text: `Nghị quyết Đại hội ${label}` }) };
    }
    case 'items': {
      const res = F.resolutions[S];
      const body = opts.indicator
        ? { kind: 'indicator', text: `Chỉ tiêu thu nhập ${label}`, unit: 'triệu đồng', direction: 'higher', baseline: 10, target: 20, rollup: 'sum' }
        : { kind: 'goal', text: opts.text || `Mục tiêu ${label}` };
      return { path: `/api/v1/resolutions/${s('resolutions', res)}/items`, flat: '/api/v1/items', parentField: 'resolution_id', parent: ['resolutions', res], body, refs: [], entry: e([org], { text: body.text }) };
    }
    case 'programs': {
      const res = S === 'MCg' ? F.resolutions.MC : F.resolutions.P;
      return { path: '/api/v1/programs', body: { org_id: s('orgs', org), kind: 'action_program', title: `Chương trình hành động ${label}`, resolution_id: s('resolutions', res) }, refs: [['orgs', org], ['resolutions', res]], entry: e([org], { text: `Chương trình hành động ${label}` }) };
    }
    case 'tasks': {
      const prog = F.programs[S], cover = S === 'MCg' ? F.items.MC : (k === 'BL' ? IND.P : F.items.P);
      const coord = k === 'BLc' ? [O.MC] : [];
      const title = k === 'BLc' ? `Nhiệm vụ ${m} huyện Bình Liêu phối hợp thành phố Móng Cái` : `Nhiệm vụ ${label}`;
      const body = { title, lead_org_id: s('orgs', lead), covers: [s('items', cover)] };
      if (coord.length) body.coordinating_org_ids = coord.map((o) => s('orgs', o));
      return {
        path: `/api/v1/programs/${s('programs', prog)}/tasks`, flat: '/api/v1/tasks', parentField: 'program_id', parent: ['programs', prog], body,
        refs: [['orgs', lead], ['items', cover], ...coord.map((o) => ['orgs', o])],
        entry: e([lead, ...coord, org], { lead, coord, progOrg: org, text: title }),
      };
    }
    case 'task_updates': {
      const task = F.tasks[k];
      const body = { progress: 10 + (m % 80), note: `Báo cáo tiến độ ${label}` };
      if (opts.files) body.evidence_file_ids = opts.files;
      return { path: `/api/v1/tasks/${s('tasks', task)}/updates`, flat: '/api/v1/task-updates', parentField: 'task_id', parent: ['tasks', task], body, refs: [], entry: e([...ent('tasks', task).orgs], { task }), reporting: true };
    }
    case 'indicator_values': return {
      path: `/api/v1/indicators/${s('items', IND.P)}/values`, flat: '/api/v1/indicator-values', parentField: 'item_id', parent: ['items', IND.P],
      body: { org_id: s('orgs', org), period: '2024', value: m }, refs: [['orgs', org]], entry: e([org, O.P], { org, item: IND.P }), reporting: true,
    };
    case 'meetings': {
      const prog = F.programs[S];
      return { path: '/api/v1/meetings', body: { org_id: s('orgs', org), body: 'bch', planned_period: '2024-Q1', program_id: s('programs', prog), topic: `Hội nghị ${label}` }, refs: [['orgs', org], ['programs', prog]], entry: e([org]) };
    }
    case 'inspections': {
      const target = k === 'BLonMC' ? O.MC : lead;
      return { path: '/api/v1/inspections', body: { org_id: s('orgs', org), target_org_ids: [s('orgs', target)], topic: `Kiểm tra ${label}`, kind: 'inspection', planned_period: '2024' }, refs: [['orgs', org], ['orgs', target]], entry: e([org, target]) };
    }
    case 'assignments': {
      const person = F.people[S], term = F.terms[S];
      return { path: '/api/v1/assignments', body: { person_id: s('people', person), term_id: s('terms', term), fields: ['xây dựng Đảng'], org_ids: [s('orgs', lead)] }, refs: [['people', person], ['terms', term], ['orgs', lead]], entry: e([lead]) };
    }
    case 'disseminations': return {
      path: '/api/v1/disseminations', body: { org_id: s('orgs', org), resolution_id: s('resolutions', F.resolutions.P), held_on: '2021-03-01', title: `Quán triệt ${label}`, audience_org_ids: [s('orgs', lead)], expected: 10, attended: 8 },
      refs: [['orgs', org], ['resolutions', F.resolutions.P], ['orgs', lead]], entry: e([org, lead]),
    };
    case 'users': return {
      path: '/api/v1/users', body: { username: `u-${k.toLowerCase()}-${m}`, password: 'mat-khau-nguoi-dung', role: 'viewer', org_id: s('orgs', org), full_name: `Người dùng ${label}` },
      refs: [['orgs', org]], entry: e([org], { userOrg: org, grantOrgs: [] }),
    };
    default: throw new Error(type);
  }
}

/** Registers an object the server has just created from spec sp. */
function register(type, sp, json) {
  const e = put({ ...sp.entry, type, id: json.id });
  if (type === 'orgs') { e.orgs = [json.id]; ORG_PARENT.set(json.id, sp.entry.parent); }
  return e;
}

async function adminMake(type, k, opts) {
  const sp = spec(type, k, undefined, opts);
  const r = await server.api('POST', sp.path, sp.body);
  assert.equal(r.status, 201, `${type} ${k}: ${show(r)}`);
  return register(type, sp, r.json);
}

async function makeOrg(key, name, kind, parentKey) {
  const parent = parentKey ? O[parentKey] : null;
  const r = await server.api('POST', '/api/v1/orgs', { name, kind, parent_id: parent });
  assert.equal(r.status, 201, show(r));
  O[key] = r.json.id;
  ORG_PARENT.set(r.json.id, parent);
  put({ type: 'orgs', id: r.json.id, orgs: [r.json.id], text: name });
}

async function makeUser(key, name, role, orgKey, grants = []) {
  const body = { username: name, password: PASSWORD, role, org_id: orgKey ? O[orgKey] : null, grants: grants.map(([r, o]) => ({ role: r, org_id: O[o] })) };
  const r = await server.api('POST', '/api/v1/users', body);
  assert.equal(r.status, 201, show(r));
  put({ type: 'users', id: r.json.id, orgs: body.org_id ? [body.org_id] : [], userOrg: body.org_id, grantOrgs: body.grants.map((g) => g.org_id) });
  const tok = run(['user', 'token', '--db', server.db, '--username', name]);
  assert.equal(tok.status, 0, tok.stderr);
  U[key] = { key, name, id: r.json.id, token: tok.stdout.trim(), grants: [{ role, root: body.org_id }, ...body.grants.map((g) => ({ role: g.role, root: g.org_id }))] };
}

async function upload(u, name, content) {
  return call(u, 'POST', `/api/v1/files?name=${encodeURIComponent(name)}`, content, { 'Content-Type': 'application/pdf' });
}

before(async () => {
  server = await startServer();
  const users = await server.api('GET', '/api/v1/users');
  for (const x of users.json.items) put({ type: 'users', id: x.id, orgs: [], userOrg: null, grantOrgs: [] });
  U.admin = { key: 'admin', name: 'admin', token: server.token, grants: [{ role: 'admin', root: null }] };

  await makeOrg('P', 'Đảng bộ tỉnh Quảng Ninh', 'province', null);
  await makeOrg('MC', 'Đảng bộ thành phố Móng Cái', 'district', 'P');
  await makeOrg('MCg', 'Đảng bộ phường Ka Long', 'grassroots', 'MC');
  await makeOrg('BL', 'Đảng bộ huyện Bình Liêu', 'district', 'P');
  await makeOrg('BLg', 'Đảng bộ xã Đồng Văn, huyện Bình Liêu', 'grassroots', 'BL');
  F.orgs = Object.fromEntries(SIDES.map((k) => [k, O[SIDE[k].org]]));

  for (const type of ['people', 'terms', 'seats', 'documents', 'resolutions', 'items', 'programs', 'tasks']) {
    F[type] = {};
    for (const k of keysOf(type)) F[type][k] = (await adminMake(type, k)).id;
    if (type === 'items') {
      for (const k of SIDES) IND[k] = (await adminMake('items', k, { indicator: true })).id;
      await adminMake('items', 'P', { text: 'Phát triển kinh tế cửa khẩu Móng Cái và Hoành Mô – Bình Liêu' });
    }
  }
  // Evidence: one file per task update of the fixture, uploaded and attached by the admin.
  F.files = {};
  F.task_updates = {};
  for (const k of keysOf('task_updates')) {
    const content = `%PDF-1.4\n% bằng chứng ${k}\n%%EOF\n`;
    const f = await upload(U.admin, `bang-chung-${k}.pdf`, content);
    assert.equal(f.status, 201, show(f));
    const file = put({ type: 'files', id: f.json.id, orgs: [], updates: [] });
    FILE_BYTES.set(file.id, content);
    const tu = await adminMake('task_updates', k, { files: [file.id] });
    file.updates.push(tu.id);
    F.files[k] = file.id;
    F.task_updates[k] = tu.id;
  }
  for (const type of ['indicator_values', 'meetings', 'inspections', 'assignments', 'disseminations', 'users']) {
    F[type] = {};
    for (const k of keysOf(type)) F[type][k] = (await adminMake(type, k)).id;
  }
  // Victims for DELETEs that must be refused: like the fixture object, nothing depends on them.
  for (const type of Object.keys(TYPES)) {
    V[type] = {};
    for (const k of keysOf(type)) V[type][k] = (await adminMake(type, k)).id;
  }

  await makeUser('viewer', 'mc-viewer', 'viewer', 'MC');
  await makeUser('reporter', 'mc-reporter', 'reporter', 'MC');
  await makeUser('editor', 'mc-editor', 'editor', 'MC');
  await makeUser('mcadmin', 'mc-admin', 'admin', 'MC');
  await makeUser('multi', 'multi-editor', 'editor', 'MCg', [['editor', 'BL']]);

  // The model must know everything there is: compare it with what the admin lists.
  for (const [type, t] of Object.entries(TYPES)) {
    const got = (await listAs(U.admin, `/api/v1/${t.own}`)).items.map((x) => x.id).sort((a, b) => a - b);
    const want = [...REG.values()].filter((e) => e.type === type).map((e) => e.id).sort((a, b) => a - b);
    assert.deepEqual(got, want, `the test's model of ${type} matches the database`);
  }
  await auditNew();
});

after(async () => {
  console.log(`# access: ${cases} cases checked`);
  if (server) { await server.stop(); server.cleanup(); }
});

const ACTORS = () => [U.admin, U.viewer, U.reporter, U.editor, U.mcadmin, U.multi];

// ---------- the case runner ----------
/**
 * c: {label, u, method, build(s) → {path, body, headers}, ids: [[type,id]…] named by the
 * request, expect() → status, write, targets: [paths] the admin reads before and after a
 * refused write, ok(r) → checks of a successful answer}.
 */
async function exec(c, failures) {
  cases++;
  const want = c.expect();
  const id = (t, x) => x;
  try {
    const before = c.write && want >= 400 ? await Promise.all((c.targets || []).map((p) => adminGet(p))) : null;
    const b = c.build(id);
    const r = await call(c.u, c.method, b.path, b.body, b.headers);
    assert.equal(r.status, want, `expected ${want}, got ${show(r)}`);
    if (want >= 400) {
      assert.equal(r.json?.error?.code, CODE[want], `error code: ${show(r)}`);
      if (c.ids.some((ref) => !readableRef(c.u, ref))) {
        const ab = c.build((t, x) => (readable(c.u, ent(t, x)) ? x : ABSENT));
        sameAsAbsent(r, await call(c.u, c.method, ab.path, ab.body, ab.headers));
      }
    }
    if (c.write && want >= 400) {
      const afterwards = await Promise.all((c.targets || []).map((p) => adminGet(p)));
      for (let i = 0; i < afterwards.length; i++) assert.deepEqual(afterwards[i].json, before[i].json, `refused: ${c.targets[i]} must not change`);
      assert.deepEqual(await auditNew(), [], 'a refused request writes no audit entry');
    }
    if (want < 400 && c.ok) await c.ok(r);
    if (c.write && want < 400) {
      const entries = await auditNew();
      assert.ok(entries.length >= 1, 'a write appends to the audit trail');
      for (const a of entries) assert.equal(a.user, c.u.name, 'the audit names who wrote');
    }
  } catch (err) {
    failures.push(`${c.u.key.padEnd(8)} ${c.label}: ${err.message.split('\n')[0]}`);
  }
}

function report(failures, what) {
  assert.equal(failures.length, 0, `${what}: ${failures.length} failing cases:\n  ${failures.join('\n  ')}`);
}

const idsEqual = (got, want, what) =>
  assert.deepEqual([...new Set(got)].sort((a, b) => a - b), [...new Set(want)].sort((a, b) => a - b), what);
const modelIds = (u, pred) => [...REG.values()].filter((e) => pred(e) && readable(u, e)).map((e) => e.id);

// ---------- reads ----------
function readCases() {
  const out = [];
  for (const u of ACTORS()) {
    for (const [type, t] of Object.entries(TYPES)) {
      const gate = type === 'users' ? 3 : 0;
      out.push({
        group: 'lists', label: `GET /${t.own}`, u, method: 'GET', ids: [], build: () => ({ path: `/api/v1/${t.own}` }),
        expect: () => (rank(u) < gate ? 403 : 200),
        ok: async () => {
          const l = await listAs(u, `/api/v1/${t.own}`);
          idsEqual(l.items.map((x) => x.id), modelIds(u, (e) => e.type === type), `list of ${type} holds exactly what is in reach`);
        },
      });
      for (const k of keysOf(type)) {
        const id = F[type][k];
        out.push({
          group: 'get by id', label: `GET /${t.own}/{${k}}`, u, method: 'GET', ids: [[type, id]], build: (s) => ({ path: `/api/v1/${t.own}/${s(type, id)}` }),
          expect: () => (rank(u) < gate ? 403 : readable(u, ent(type, id)) ? 200 : 404),
          ok: async (r) => assert.equal(r.json.id, id),
        });
        if (t.nest) {
          const [ptype, pseg, sub] = t.nest;
          const pid = ptype === 'items' ? IND[sideOf(k)] : F[ptype][k];
          if (!pid) continue;
          out.push({
            group: 'nested lists', label: `GET /${pseg}/{${k}}/${sub}`, u, method: 'GET', ids: [[ptype, pid]], build: (s) => ({ path: `/api/v1/${pseg}/${s(ptype, pid)}/${sub}` }),
            expect: () => (readable(u, ent(ptype, pid)) ? 200 : 404),
            ok: async () => {
              const pf = { seats: 'term', items: 'resolution', tasks: 'program', task_updates: 'task', indicator_values: 'item' }[type];
              const l = await listAs(u, `/api/v1/${pseg}/${pid}/${sub}`);
              const all = await listAs(U.admin, `/api/v1/${pseg}/${pid}/${sub}`);
              assert.ok(all.items.every((x) => x[`${pf}_id`] === pid));
              idsEqual(l.items.map((x) => x.id), all.items.map((x) => x.id).filter((x) => readable(u, ent(type, x))), `nested list under ${ptype} ${pid} holds exactly what is in reach`);
            },
          });
        }
      }
    }
    // Evidence files.
    for (const k of keysOf('task_updates')) {
      const id = F.files[k];
      for (const suffix of ['', '/content']) {
        out.push({
          group: 'evidence files', label: `GET /files/{${k}}${suffix}`, u, method: 'GET', ids: [['files', id]], build: (s) => ({ path: `/api/v1/files/${s('files', id)}${suffix}` }),
          expect: () => (readable(u, ent('files', id)) ? 200 : 404),
          ok: async (r) => (suffix ? assert.equal(r.text, FILE_BYTES.get(id)) : assert.equal(r.json.id, id)),
        });
      }
    }
    // Core questions about an org.
    for (const k of SIDES) {
      const org = F.orgs[k];
      for (const q of ['children', 'subtree', 'rollup', 'rollup?by=lead']) {
        out.push({
          group: 'org questions', label: `GET /orgs/{${k}}/${q}`, u, method: 'GET', ids: [['orgs', org]], build: (s) => ({ path: `/api/v1/orgs/${s('orgs', org)}/${q}` }),
          expect: () => (readable(u, ent('orgs', org)) ? 200 : 404),
          ok: async (r) => {
            if (q.startsWith('rollup')) {
              const lead = q.includes('lead');
              const a = await adminGet(`/api/v1/orgs/${org}/${q}`);
              assert.deepEqual(r.json, a.json, 'a roll-up in reach is the whole subtree’s');
              const want = [...REG.values()].filter((e) => e.type === 'tasks' && within(lead ? e.lead : e.progOrg, org)).length;
              assert.equal(r.json.tasks.total, want, 'roll-up counts the subtree’s tasks');
            } else {
              const want = [...REG.values()].filter((e) => e.type === 'orgs' && (q === 'children' ? ORG_PARENT.get(e.id) === org : within(e.id, org)));
              idsEqual(r.json.items.map((x) => x.id), want.map((e) => e.id), q);
              assert.ok(r.json.items.every((x) => readable(u, ent('orgs', x.id))));
            }
          },
        });
      }
      for (const k2 of SIDES) {
        const res = F.resolutions[k2];
        out.push({
          group: 'org questions', label: `GET /orgs/{${k}}/cascade?resolution_id={${k2}}`, u, method: 'GET', ids: [['orgs', org], ['resolutions', res]],
          build: (s) => ({ path: `/api/v1/orgs/${s('orgs', org)}/cascade?resolution_id=${s('resolutions', res)}` }),
          expect: () => (!readable(u, ent('orgs', org)) ? 404 : !readable(u, ent('resolutions', res)) ? 422 : 200),
          ok: async (r) => {
            for (const row of r.json.items) {
              assert.ok(readable(u, ent('orgs', row.org_id)), 'cascade rows are children in reach');
              if (row.program_id !== null) assert.ok(readable(u, ent('programs', row.program_id)), 'cascade names programs in reach');
            }
          },
        });
      }
    }
    // Core questions about a resolution and an indicator.
    for (const k of SIDES) {
      const res = F.resolutions[k];
      for (const k2 of [null, ...SIDES]) {
        const prog = k2 && F.programs[k2];
        out.push({
          group: 'coverage and suggest', label: `GET /resolutions/{${k}}/coverage${k2 ? `?program_id={${k2}}` : ''}`, u, method: 'GET', ids: [['resolutions', res], ...(prog ? [['programs', prog]] : [])],
          build: (s) => ({ path: `/api/v1/resolutions/${s('resolutions', res)}/coverage${prog ? `?program_id=${s('programs', prog)}` : ''}` }),
          expect: () => (!readable(u, ent('resolutions', res)) ? 404 : prog && !readable(u, ent('programs', prog)) ? 422 : 200),
          ok: async (r) => {
            const a = await adminGet(`/api/v1/resolutions/${res}/coverage${prog ? `?program_id=${prog}` : ''}`);
            const want = new Map(a.json.items.map((it) => [it.id, it.task_ids.filter((t) => readable(u, ent('tasks', t)))]));
            for (const it of r.json.items) {
              idsEqual(it.task_ids, want.get(it.id), `coverage of item ${it.id} names exactly the tasks in reach`);
            }
            idsEqual(r.json.uncovered, r.json.items.filter((it) => it.task_ids.length === 0).map((it) => it.id), 'items covered only out of reach are uncovered');
          },
        });
      }
      out.push({
        group: 'coverage and suggest', label: `GET /resolutions/{${k}}/suggest`, u, method: 'GET', ids: [['resolutions', res]],
        build: (s) => ({ path: `/api/v1/resolutions/${s('resolutions', res)}/suggest?text=${encodeURIComponent('mục tiêu phát triển')}` }),
        expect: () => (readable(u, ent('resolutions', res)) ? 200 : 404),
        ok: async (r) => assert.ok(r.json.items.every((it) => readable(u, ent('items', it.id)))),
      });
      const ind = IND[k];
      for (const k2 of SIDES) {
        const org = F.orgs[k2];
        out.push({
          group: 'indicator roll-up', label: `GET /indicators/{${k}}/rollup?org_id={${k2}}`, u, method: 'GET', ids: [['items', ind], ['orgs', org]],
          build: (s) => ({ path: `/api/v1/indicators/${s('items', ind)}/rollup?org_id=${s('orgs', org)}&period=2024` }),
          expect: () => (!readable(u, ent('items', ind)) ? 404 : !readable(u, ent('orgs', org)) ? 422 : 200),
          ok: async (r) => assert.deepEqual(r.json, (await adminGet(`/api/v1/indicators/${ind}/rollup?org_id=${org}&period=2024`)).json),
        });
      }
    }
    // Search.
    for (const q of ['binh lieu', 'mong cai', 'ka long', 'quang ninh', 'nhiem vu']) {
      out.push({
        group: 'search', label: `GET /search?q=${q}`, u, method: 'GET', ids: [], build: () => ({ path: `/api/v1/search?q=${encodeURIComponent(q)}&limit=100` }),
        expect: () => 200,
        ok: async (r) => {
          const words = q.split(' ');
          for (const h of r.json.items) {
            const e = ent(SEARCH_TYPE[h.type], h.id);
            assert.ok(e, `search hit ${h.type} ${h.id} is known`);
            assert.ok(readable(u, e), `search hit ${h.type} ${h.id} (${h.label}) is out of reach`);
          }
          const want = [...REG.values()].filter((e) => Object.values(SEARCH_TYPE).includes(e.type) && e.text && readable(u, e) && words.every((w) => fold(e.text).split(/[^a-z0-9]+/).includes(w)));
          if (want.length < 100) {
            const got = new Set(r.json.items.map((h) => ek(SEARCH_TYPE[h.type], h.id)));
            for (const e of want) assert.ok(got.has(ek(e.type, e.id)), `search "${q}" misses ${e.type} ${e.id} "${e.text}" in reach`);
          }
        },
      });
    }
    // Audit.
    out.push({
      group: 'audit', label: 'GET /audit', u, method: 'GET', ids: [], build: () => ({ path: '/api/v1/audit?limit=500' }),
      expect: () => (rank(u) < 3 ? 403 : 200),
      ok: async () => {
        const l = await listAs(u, '/api/v1/audit');
        for (const a of l.items) {
          const e = ent(a.resource, a.resource_id);
          if (e) assert.ok(readable(u, e), `audit entry ${a.id} about ${a.resource} ${a.resource_id} is out of reach`);
        }
      },
    });
    for (const k of SIDES) {
      const org = F.orgs[k];
      out.push({
        group: 'audit', label: `GET /audit?org_id={${k}}`, u, method: 'GET', ids: [['orgs', org]], build: (s) => ({ path: `/api/v1/audit?org_id=${s('orgs', org)}&limit=500` }),
        expect: () => (rank(u) < 3 ? 403 : readable(u, ent('orgs', org)) ? 200 : 422),
      });
    }
  }
  return out;
}

// ---------- writes ----------
/** Write cases; mode 'refused' keeps those expected to fail, 'allowed' those expected to succeed. */
function writeCases() {
  const out = [];
  for (const u of ACTORS()) {
    for (const [type, t] of Object.entries(TYPES)) {
      const need = type === 'users' ? 3 : 2;
      // Create, through the nested path and the flat one for nested things.
      for (const k of type === 'task_updates' ? keysOf(type) : SIDES) {
        for (const flat of t.nest ? [false, true] : [false]) {
          let sp = null; // the spec of this case, made once per run
          const make = (s = (tt, x) => x) => {
            const x = spec(type, k, s);
            if (!flat) return x;
            return { ...x, path: x.flat, body: { ...x.body, [x.parentField]: s(x.parent[0], x.parent[1]) }, refs: [x.parent, ...x.refs], parent: null };
          };
          const probe = make(undefined);
          const needC = type === 'users' ? 3 : t.reporting && !flat ? 1 : 2;
          out.push({
            group: 'create', label: `POST ${flat ? `/${t.own}` : probe.path.replace(/\/\d+\//, `/{${k}}/`).replace('/api/v1', '')} (${k})`, u, method: 'POST', write: true,
            ids: [...(probe.parent ? [probe.parent] : []), ...probe.refs],
            targets: probe.parent ? [`/api/v1/${TYPES[probe.parent[0]].own}/${probe.parent[1]}`] : [],
            build: (s) => { sp = make(s); return { path: sp.path, body: sp.body }; },
            expect: () => {
              if (rank(u) < needC) return 403;
              if (probe.parent && !readableRef(u, probe.parent)) return 404;
              if (probe.refs.some((ref) => !readableRef(u, ref))) return 422;
              const e = probe.entry;
              return (t.reporting ? canReport(u, e) : canWrite(u, e)) ? 201 : 403;
            },
            ok: async (r) => {
              const e = register(type, sp, r.json);
              assert.equal(r.headers.get('location'), `/api/v1/${t.own}/${e.id}`);
              const g = await call(u, 'GET', `/api/v1/${t.own}/${e.id}`);
              if (type === 'users' || readable(u, e)) assert.equal(g.status, 200, `the creator reads what it made: ${show(g)}`);
            },
          });
        }
      }
      for (const k of keysOf(type)) {
        // Patch the fixture object.
        const id = F[type][k];
        let m = 0;
        out.push({
          group: 'patch', label: `PATCH /${t.own}/{${k}}`, u, method: 'PATCH', write: true, ids: [[type, id]], targets: [`/api/v1/${t.own}/${id}`],
          build: (s) => { m = next(); return { path: `/api/v1/${t.own}/${s(type, id)}`, body: t.patch(m) }; },
          expect: () => (rank(u) < need ? 403 : !readable(u, ent(type, id)) ? 404 : canWrite(u, ent(type, id)) ? 200 : 403),
          ok: async (r) => {
            const [f, v] = Object.entries(t.patch(m))[0];
            const got = (await adminGet(`/api/v1/${t.own}/${id}`)).json;
            assert.deepEqual(f === 'congress' ? { pilot: got.congress.pilot } : got[f], v, 'the change is stored');
            assert.deepEqual(r.json, got);
          },
        });
        // Delete: refused ones aim at the victim, allowed ones at a fresh disposable copy.
        let target = V[type][k];
        out.push({
          group: 'delete', label: `DELETE /${t.own}/{${k}}`, u, method: 'DELETE', write: true,
          get ids() { return [[type, target]]; },
          get targets() { return [`/api/v1/${t.own}/${target}`]; },
          prepare: async () => { target = (await adminMake(type, k)).id; await auditNew(); },
          build: (s) => ({ path: `/api/v1/${t.own}/${s(type, target)}` }),
          expect: () => (rank(u) < need ? 403 : !readable(u, ent(type, target)) ? 404 : canWrite(u, ent(type, target)) ? 204 : 403),
          ok: async () => {
            assert.equal((await adminGet(`/api/v1/${t.own}/${target}`)).status, 404, 'deleted');
            REG.delete(ek(type, target));
          },
        });
      }
    }
    // Waivers of resolution items.
    for (const k of SIDES) {
      const id = F.items[k];
      for (const method of ['POST', 'DELETE']) {
        out.push({
          group: 'waiver', label: `${method} /items/{${k}}/waiver`, u, method, write: true, ids: [['items', id]], targets: [`/api/v1/items/${id}`],
          build: (s) => ({ path: `/api/v1/items/${s('items', id)}/waiver`, body: method === 'POST' ? { reason: 'Đã thực hiện qua nghị quyết chuyên đề' } : undefined }),
          expect: () => (rank(u) < 2 ? 403 : !readable(u, ent('items', id)) ? 404 : canWrite(u, ent('items', id)) ? 200 : 403),
          ok: async (r) => assert.equal(r.json.waiver_reason, method === 'POST' ? 'Đã thực hiện qua nghị quyết chuyên đề' : null),
        });
      }
    }
    // Evidence upload.
    let content = '';
    out.push({
      group: 'evidence upload', label: 'POST /files?name=x.pdf', u, method: 'POST', write: true, ids: [],
      build: () => { content = `%PDF-1.4\n% ${u.key} ${next()}\n%%EOF\n`; return { path: '/api/v1/files?name=bao-cao.pdf', body: content, headers: { 'Content-Type': 'application/pdf' } }; },
      expect: () => (rank(u) < 1 ? 403 : 201),
      ok: async (r) => {
        put({ type: 'files', id: r.json.id, orgs: [], updates: [] });
        FILE_BYTES.set(r.json.id, content);
        assert.equal(r.json.type, 'application/pdf');
      },
    });
    // References in bodies to objects of every side: out of reach is 422, like an unknown id.
    const cross = [
      ['meetings', 'agenda[0].task_id', 'tasks', (x, id) => ({ ...x, agenda: [{ title: 'Sơ kết', task_id: id }] })],
      ['inspections', 'follow_up_task_ids[0]', 'tasks', (x, id) => ({ ...x, follow_up_task_ids: [id] })],
      ['inspections', 'conclusion_document_id', 'documents', (x, id) => ({ ...x, conclusion_document_id: id })],
      ['programs', 'parent_task_id', 'tasks', (x, id) => ({ ...x, parent_task_id: id })],
      ['programs', 'person_id', 'people', (x, id) => ({ ...x, person_id: id })],
      ['resolutions', 'document_id', 'documents', (x, id) => ({ ...x, document_id: id })],
      ['documents', 'org_id', 'orgs', (x, id) => ({ ...x, org_id: id })],
    ];
    for (const [type, field, rtype, set] of cross) {
      for (const k of SIDES) {
        const rid = F[rtype][k];
        let sp = null;
        const probe = spec(type, 'MC');
        const refs = field === 'org_id' ? [] : probe.refs;
        out.push({
          group: 'references in bodies', label: `POST /${type} (MC) naming ${field}={${k}}`, u, method: 'POST', write: true, ids: [...refs, [rtype, rid]],
          build: (s) => { sp = spec(type, 'MC', s); sp.body = set(sp.body, s(rtype, rid)); return { path: sp.path, body: sp.body }; },
          expect: () => {
            if (rank(u) < 2) return 403;
            if (refs.some((ref) => !readableRef(u, ref)) || !readableRef(u, [rtype, rid])) return 422;
            return canWrite(u, field === 'org_id' ? { type, orgs: [rid] } : probe.entry) ? 201 : 403;
          },
          ok: async (r) => { register(type, field === 'org_id' ? { ...sp, entry: { ...sp.entry, orgs: [rid] } } : sp, r.json); },
        });
      }
    }
  }
  return out;
}

// ---------- the tests ----------
const READ_GROUPS = ['lists', 'get by id', 'nested lists', 'evidence files', 'org questions', 'coverage and suggest', 'indicator roll-up', 'search', 'audit'];
const WRITE_GROUPS = ['create', 'patch', 'delete', 'waiver', 'evidence upload', 'references in bodies'];

describe('reads: every GET route × role × target in and out of reach', () => {
  for (const group of READ_GROUPS) {
    test(`${group}: what is in reach, and 404/422 as if absent for the rest`, async () => {
      const failures = [];
      // Reads may run side by side; they change nothing.
      await pool(readCases().filter((c) => c.group === group), 4, (c) => exec(c, failures));
      report(failures, `reads, ${group}`);
    });
  }
  test('the reads wrote nothing', async () => {
    assert.deepEqual(await auditNew(), []);
  });
});

describe('writes: every write route × role × target in and out of reach', () => {
  let snap;
  test('snapshot before the refused writes', async () => { snap = await snapshot(server); });
  for (const group of WRITE_GROUPS) {
    test(`refused, ${group}: 403, 404 or 422 as the model says, each changing nothing`, async () => {
      const failures = [];
      for (const c of writeCases()) if (c.group === group && c.expect() >= 400) await exec(c, failures);
      report(failures, `refused writes, ${group}`);
    });
  }
  test('nothing changed after all the refused writes (whole snapshot)', async () => {
    assert.deepEqual(await snapshot(server), snap);
  });
  for (const group of WRITE_GROUPS) {
    test(`allowed, ${group}: every role succeeds in its own subtree`, async () => {
      const failures = [];
      for (const c of writeCases()) {
        if (c.group !== group || c.expect() >= 400) continue;
        if (c.prepare) await c.prepare();
        await exec(c, failures);
      }
      report(failures, `allowed writes, ${group}`);
    });
  }
  test('after all the writes, every list still shows each user exactly what is in reach', async () => {
    const failures = [];
    for (const u of ACTORS()) {
      for (const [type, t] of Object.entries(TYPES)) {
        if (type === 'users' && rank(u) < 3) continue;
        cases++;
        const l = await listAs(u, `/api/v1/${t.own}`);
        try {
          idsEqual(l.items.map((x) => x.id), modelIds(u, (e) => e.type === type), `${u.key} list of ${type}`);
        } catch (err) { failures.push(`${u.key} GET /${t.own}: ${err.message.split('\n')[0]}`); }
      }
    }
    report(failures, 'lists');
  });
});

describe('named rules', () => {
  const blOnly = (e) => e.orgs.length > 0 && e.orgs.every((o) => within(o, O.BL));

  test('a viewer of Móng Cái searching "binh lieu" gets no hit that names only Bình Liêu', async () => {
    const r = await call(U.viewer, 'GET', '/api/v1/search?q=binh%20lieu&limit=100');
    assert.equal(r.status, 200, show(r));
    for (const h of r.json.items) {
      const e = ent(SEARCH_TYPE[h.type], h.id);
      assert.ok(e && !blOnly(e), `hit ${h.type} ${h.id} "${h.label}" belongs to Bình Liêu only`);
    }
    assert.ok(r.json.items.some((h) => h.type === 'item'), 'the province’s item naming Bình Liêu is found');
    assert.ok(r.json.items.some((h) => h.type === 'task' && h.id === F.tasks.BLc), 'the task Móng Cái coordinates is found');
    const admin = await server.api('GET', '/api/v1/search?q=binh%20lieu&limit=100');
    assert.ok(admin.json.items.some((h) => h.type === 'org' && h.id === O.BL), 'the admin finds Bình Liêu');
  });

  test("Móng Cái's roll-up counts none of Bình Liêu's tasks", async () => {
    const bl = [...REG.values()].filter((e) => e.type === 'tasks' && e.progOrg === O.BL).length;
    assert.ok(bl >= 2);
    for (const u of [U.viewer, U.editor, U.admin]) {
      for (const by of ['program', 'lead']) {
        const r = await call(u, 'GET', `/api/v1/orgs/${O.MC}/rollup?by=${by}`);
        assert.equal(r.status, 200, show(r));
        const want = [...REG.values()].filter((e) => e.type === 'tasks' && within(by === 'lead' ? e.lead : e.progOrg, O.MC)).length;
        assert.equal(r.json.tasks.total, want, `${u.key} by=${by}`);
      }
    }
    const p = await server.api('GET', `/api/v1/orgs/${O.P}/rollup`);
    assert.equal(p.json.tasks.total, [...REG.values()].filter((e) => e.type === 'tasks').length, 'the province counts them all');
    assert.equal((await call(U.viewer, 'GET', `/api/v1/orgs/${O.P}/rollup`)).status, 404);
    assert.equal((await call(U.viewer, 'GET', `/api/v1/orgs/${O.BL}/rollup`)).status, 404);
  });

  test("lists for the Móng Cái viewer hold no object that names only Bình Liêu's orgs", async () => {
    for (const [type, t] of Object.entries(TYPES)) {
      if (type === 'users') continue;
      const l = await listAs(U.viewer, `/api/v1/${t.own}`);
      assert.equal(l.status, 200);
      for (const x of l.items) {
        const e = ent(type, x.id);
        assert.ok(e, `${type} ${x.id} is known`);
        assert.ok(!blOnly(e), `${type} ${x.id} names only Bình Liêu: ${JSON.stringify(x).slice(0, 200)}`);
      }
    }
  });

  test('the province resolution and its items are readable by Móng Cái users; the province org and program are not', async () => {
    for (const u of [U.viewer, U.reporter, U.editor, U.mcadmin, U.multi]) {
      const r = await call(u, 'GET', `/api/v1/resolutions/${F.resolutions.P}`);
      assert.equal(r.status, 200, `${u.key}: ${show(r)}`);
      assert.ok(r.json.items.some((it) => it.id === IND.P));
      const items = await call(u, 'GET', `/api/v1/resolutions/${F.resolutions.P}/items`);
      assert.equal(items.status, 200);
      assert.ok(items.json.items.some((it) => it.id === F.items.P) && items.json.items.some((it) => it.id === IND.P));
      assert.equal((await call(u, 'GET', `/api/v1/items/${IND.P}`)).status, 200);
      assert.equal((await call(u, 'GET', `/api/v1/terms/${F.terms.P}`)).status, 200);
      assert.equal((await call(u, 'GET', `/api/v1/orgs/${O.P}`)).status, 404);
      assert.equal((await call(u, 'GET', `/api/v1/programs/${F.programs.P}`)).status, 404);
      assert.equal((await call(u, 'PATCH', `/api/v1/items/${IND.P}`, { code: 'x' })).status, 403, 'readable from below is not writable');
    }
  });

  test('the Móng Cái admin cannot create a user on Bình Liêu nor grant itself Bình Liêu', async () => {
    const a = U.mcadmin;
    const snap = await snapshot(server);
    const unknown = await call(a, 'POST', '/api/v1/users', { username: 'u-x1', password: PASSWORD, role: 'viewer', org_id: ABSENT });
    const bl = await call(a, 'POST', '/api/v1/users', { username: 'u-x1', password: PASSWORD, role: 'viewer', org_id: O.BL });
    assert.equal(bl.status, 422, show(bl));
    sameAsAbsent(bl, unknown);
    const grant = await call(a, 'POST', '/api/v1/users', { username: 'u-x2', password: PASSWORD, role: 'viewer', org_id: O.MC, grants: [{ role: 'viewer', org_id: O.BL }] });
    assert.equal(grant.status, 422, show(grant));
    assert.equal(grant.json.error.field, 'grants[0].org_id');
    const everyRoot = await call(a, 'POST', '/api/v1/users', { username: 'u-x3', password: PASSWORD, role: 'viewer', org_id: null });
    assert.equal(everyRoot.status, 403, show(everyRoot));
    const self1 = await call(a, 'PATCH', `/api/v1/users/${a.id}`, { grants: [{ role: 'admin', org_id: O.BL }] });
    assert.equal(self1.status, 422, show(self1));
    const self2 = await call(a, 'PATCH', `/api/v1/users/${a.id}`, { org_id: O.P });
    assert.equal(self2.status, 422, show(self2));
    const self3 = await call(a, 'PATCH', `/api/v1/users/${a.id}`, { org_id: null });
    assert.equal(self3.status, 403, show(self3));
    const multi = await call(a, 'PATCH', `/api/v1/users/${U.multi.id}`, { full_name: 'x' });
    assert.equal(multi.status, 403, `a user holding beyond Móng Cái is not the Móng Cái admin's to change: ${show(multi)}`);
    assert.equal((await call(a, 'GET', `/api/v1/users/${F.users.BL}`)).status, 404);
    assert.deepEqual(await snapshot(server), snap, 'nothing changed');
    assert.deepEqual(await auditNew(), []);
    assert.equal((await call(a, 'GET', '/api/v1/orgs/' + O.BL)).status, 404, 'still no reach on Bình Liêu');
  });

  test('the multi-grant editor writes in Bình Liêu and in Ka Long but not in Móng Cái itself', async () => {
    const u = U.multi;
    for (const org of [O.BL, O.BLg, O.MCg]) {
      const r = await call(u, 'POST', '/api/v1/documents', { org_id: org, type: 'BC', title: 'Báo cáo của biên tập viên hai nơi' });
      assert.equal(r.status, 201, show(r));
      put({ type: 'documents', id: r.json.id, orgs: [org] });
      assert.equal((await call(u, 'PATCH', `/api/v1/documents/${r.json.id}`, { signer: 'Nguyễn Văn B' })).status, 200);
    }
    await auditNew();
    const mc = await call(u, 'POST', '/api/v1/documents', { org_id: O.MC, type: 'BC', title: 'Không được' });
    assert.equal(mc.status, 422, show(mc));
    assert.equal((await call(u, 'PATCH', `/api/v1/documents/${F.documents.MC}`, { signer: 'x' })).status, 404);
    assert.equal((await call(u, 'PATCH', `/api/v1/programs/${F.programs.MC}`, { symbol: 'x' })).status, 404);
    assert.equal((await call(u, 'PATCH', `/api/v1/terms/${F.terms.MC}`, { congress: { pilot: true } })).status, 403, "Móng Cái's term is readable from Ka Long, not writable");
    assert.equal((await call(u, 'POST', `/api/v1/resolutions/${F.resolutions.MC}/items`, { kind: 'goal', text: 'x' })).status, 403);
    assert.equal((await call(u, 'PATCH', `/api/v1/orgs/${O.MC}`, { code: 'x' })).status, 404);
    assert.deepEqual(await auditNew(), []);
  });

  test("Bình Liêu's values of the province indicator are out of Móng Cái's reach", async () => {
    const id = F.indicator_values.BL;
    const r = await call(U.viewer, 'GET', `/api/v1/indicator-values/${id}`);
    assert.equal(r.status, 404, `GET /indicator-values/${id} (org Bình Liêu) as the Móng Cái viewer: ${show(r)}`);
    const l = await listAs(U.viewer, `/api/v1/indicators/${IND.P}/values`);
    assert.ok(!l.items.some((v) => v.org_id === O.BL || v.org_id === O.P), `values of other districts listed: ${JSON.stringify(l.items.map((v) => v.org_id))}`);
  });

  test('nested paths under an out-of-reach parent answer 404 as if absent', async () => {
    const paths = [
      ['GET', `/api/v1/programs/${F.programs.BL}/tasks`, `/api/v1/programs/${ABSENT}/tasks`],
      ['GET', `/api/v1/tasks/${F.tasks.BL}/updates`, `/api/v1/tasks/${ABSENT}/updates`],
      ['GET', `/api/v1/terms/${F.terms.BL}/seats`, `/api/v1/terms/${ABSENT}/seats`],
      ['GET', `/api/v1/resolutions/${F.resolutions.BL}/items`, `/api/v1/resolutions/${ABSENT}/items`],
      ['POST', `/api/v1/tasks/${F.tasks.BL}/updates`, `/api/v1/tasks/${ABSENT}/updates`, { progress: 50 }],
      ['POST', `/api/v1/programs/${F.programs.BL}/tasks`, `/api/v1/programs/${ABSENT}/tasks`, { title: 'x', lead_org_id: O.MC }],
    ];
    const failures = [];
    for (const [method, path, absent, body] of paths) {
      const r = await call(U.editor, method, path, body);
      const a = await call(U.editor, method, absent, body);
      if (r.status !== 404 || a.status !== 404) failures.push(`${method} ${path} as the Móng Cái editor: ${show(r)} (absent: ${a.status})`);
    }
    assert.deepEqual(await auditNew(), []);
    assert.deepEqual(failures, []);
  });

  test('a reporter attaches the evidence it uploaded to its own task update', async () => {
    const f = await upload(U.reporter, 'bien-ban.pdf', '%PDF-1.4\n% biên bản kiểm tra\n%%EOF\n');
    assert.equal(f.status, 201, show(f));
    const file = put({ type: 'files', id: f.json.id, orgs: [], updates: [] });
    const r = await call(U.reporter, 'POST', `/api/v1/tasks/${F.tasks.MC}/updates`, { progress: 60, note: 'Kèm biên bản', evidence_file_ids: [file.id] });
    assert.equal(r.status, 201, `POST /tasks/${F.tasks.MC}/updates with evidence_file_ids [${file.id}] (uploaded by that reporter): ${show(r)}`);
    put({ type: 'task_updates', id: r.json.id, orgs: [...ent('tasks', F.tasks.MC).orgs], task: F.tasks.MC });
    file.updates.push(r.json.id);
    assert.equal((await call(U.viewer, 'GET', `/api/v1/files/${file.id}`)).status, 200);
    await auditNew();
  });

  test("an assignment of fields only, on Móng Cái's own term and member, is Móng Cái's", async () => {
    const body = { person_id: F.people.MC, term_id: F.terms.MC, fields: ['kinh tế', 'xây dựng Đảng'] };
    const r = await call(U.editor, 'POST', '/api/v1/assignments', body);
    assert.equal(r.status, 201, `POST /assignments ${JSON.stringify(body)} as the Móng Cái editor: ${show(r)}`);
    put({ type: 'assignments', id: r.json.id, orgs: [O.MC] });
    assert.equal((await call(U.viewer, 'GET', `/api/v1/assignments/${r.json.id}`)).status, 200);
    await auditNew();
  });

  test('a subtree admin reads the audit of its subtree whole, page by page', async () => {
    const whole = await listAs(U.mcadmin, '/api/v1/audit');
    assert.equal(whole.status, 200);
    assert.ok(whole.items.length > 10);
    const paged = [];
    let cursor = null;
    for (let i = 0; i < 5000; i++) {
      const r = await call(U.mcadmin, 'GET', `/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200);
      paged.push(...r.json.items);
      cursor = r.json.next_cursor;
      if (cursor === null) break;
    }
    assert.equal(paged.length, whole.items.length, `GET /audit?limit=3 followed by next_cursor as the Móng Cái admin ends after ${paged.length} entries; limit=500 gives ${whole.items.length}`);
  });

  test('audit?org_id= narrows the trail to that subtree, and an out-of-reach org_id is 422 like an unknown one', async () => {
    const g = await listAs(U.mcadmin, `/api/v1/audit?org_id=${O.MCg}`);
    assert.equal(g.status, 200);
    const ka = { grants: [{ role: 'viewer', root: O.MCg }] };
    const outside = g.items.filter((a) => { const e = ent(a.resource, a.resource_id); return e && !readable(ka, e); });
    assert.equal(outside.length, 0, `GET /audit?org_id=${O.MCg} (Ka Long) lists ${outside.length} of ${g.items.length} entries about objects outside Ka Long, e.g. ${JSON.stringify(outside[0])?.slice(0, 700)}`);
    const bl = await call(U.mcadmin, 'GET', `/api/v1/audit?org_id=${O.BL}`);
    const unknown = await call(U.mcadmin, 'GET', `/api/v1/audit?org_id=${ABSENT}`);
    assert.equal(unknown.status, 422, `audit?org_id=999999: ${show(unknown)}`);
    assert.equal(bl.status, 422, `audit?org_id=Bình Liêu as the Móng Cái admin: ${show(bl)}`);
    sameAsAbsent(bl, unknown);
  });
});
