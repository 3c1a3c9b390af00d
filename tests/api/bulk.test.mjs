// Bulk loads, as `gen` and `import` do them: the roll-up triggers and the big tables'
// secondary indexes are off while rows are written, the roll-ups are built set-based and the
// indexes by one sort each at the end, the search index is built once,
// and the audit trail gets one entry per resource. These tests check, through the real
// command line and API, that what a bulk load leaves is what writing row by row would have:
// roll-ups equal to counts made here from the listed rows, a search index that finds the
// rows, an audit chain that verifies, and no half-made file when gen fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, startServer, tempDir } from './lib.mjs';
import { expectStatus, listAll } from './helpers.mjs';

const dir = tempDir();
const SCALE = '0.01';

/** Every item of a paged list, in the order the server gives (a subtree is in tree order). */
async function pages(server, path) {
  const out = [];
  for (let cursor = null, page = 0; page < 1000; page++) {
    const r = await server.api('GET', `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expectStatus(r, 200, path);
    out.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) break;
  }
  return out;
}

/** The indexes, triggers and views of a database file, with their SQL, as sqlite3 lists them. */
function schemaOf(db) {
  const r = spawnSync('sqlite3', [db, "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger', 'view') ORDER BY type, name"], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** The schema a database made by `init` has, which a bulk load must leave as it found it. */
function freshSchema() {
  const db = join(dir, 'fresh.db');
  if (!existsSync(db)) assert.equal(run(['init', '--db', db]).status, 0);
  return schemaOf(db);
}

/** The FTS5 structure record of search table `table` (its shadow table's row 10): the
 * segments on each level, as pages. FTS5's own format: a 4-byte cookie, then varints. */
function ftsLevels(db, table) {
  const r = spawnSync('sqlite3', [db, `SELECT hex(block) FROM ${table}_data WHERE id = 10`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const b = Buffer.from(r.stdout.trim(), 'hex');
  let i = 4;
  const varint = () => {
    let v = 0;
    for (let k = 0; k < 9; k++) {
      const c = b[i++];
      if (k === 8) return v * 256 + c;
      v = v * 128 + (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    return v;
  };
  const nLevel = varint();
  varint(); // segments
  varint(); // write counter
  const levels = [];
  for (let l = 0; l < nLevel; l++) {
    varint(); // segments being merged
    const n = varint();
    const segs = [];
    for (let k = 0; k < n; k++) {
      varint(); // segment id
      const first = varint();
      segs.push(varint() - first + 1);
    }
    levels.push(segs);
  }
  return levels;
}

const SEARCH_TABLES = ['orgs', 'resolutions', 'programs', 'documents', 'people', 'items', 'tasks', 'meetings', 'inspections', 'disseminations'];

function gen(db, seed = '7') {
  return run(['gen', '--tier', 'province', '--scale', SCALE, '--seed', seed, '--db', db]);
}

/** The roll-up of org `id`, counted here from the rows: tasks by their program's org (or
 * by their lead org), programs and dissemination sessions by their org. */
function expectedRollup(subtree, tasks, programs, sessions, byLead) {
  const programOrg = new Map(programs.map((p) => [p.id, p.org_id]));
  const mine = tasks.filter((t) => subtree.has(byLead ? t.lead_org_id : programOrg.get(t.program_id)));
  const count = (s) => mine.filter((t) => t.status === s).length;
  const ps = programs.filter((p) => subtree.has(p.org_id));
  const ds = sessions.filter((d) => subtree.has(d.org_id));
  return {
    total: mine.length,
    not_started: count('not_started'),
    in_progress: count('in_progress'),
    done: count('done'),
    cancelled: count('cancelled'),
    programs: ps.length,
    adopted: ps.filter((p) => p.status === 'adopted').length,
    expected: ds.reduce((a, d) => a + (d.expected || 0), 0),
    attended: ds.reduce((a, d) => a + (d.attended || 0), 0),
  };
}

describe('gen', () => {
  const db = join(dir, 'gen.db');
  let server, tasks, programs, sessions, orgs;

  before(async () => {
    const r = gen(db);
    assert.equal(r.status, 0, r.stderr);
    server = await startServer({ db });
    [tasks, programs, sessions, orgs] = await Promise.all(
      ['/api/v1/tasks', '/api/v1/programs', '/api/v1/disseminations', '/api/v1/orgs'].map((p) => listAll(server, p)),
    );
  });
  after(async () => {
    if (server) {
      assert.equal(await server.stop(), 0);
      server.cleanup();
    }
  });

  test('leaves the database under its name and no .part beside it', () => {
    assert.ok(existsSync(db));
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), []);
    assert.ok(tasks.length > 1000, `a province at scale ${SCALE} has thousands of tasks (${tasks.length})`);
  });

  test('roll-ups built at the end equal the counts of the rows, for orgs at every level', async () => {
    const root = orgs.find((o) => o.kind === 'province');
    const district = orgs.find((o) => o.kind === 'district');
    const step = Math.ceil(orgs.length / 8);
    const sample = [root, district, ...orgs.filter((_, i) => i % step === step - 1)];
    assert.ok(sample.some((o) => o.kind !== 'province' && o.kind !== 'district'), 'orgs down the tree');
    for (const org of sample) {
      const subtree = new Set((await pages(server, `/api/v1/orgs/${org.id}/subtree`)).map((o) => o.id));
      for (const byLead of [false, true]) {
        const r = await server.api('GET', `/api/v1/orgs/${org.id}/rollup${byLead ? '?by=lead' : ''}`);
        expectStatus(r, 200);
        const want = expectedRollup(subtree, tasks, programs, sessions, byLead);
        const got = r.json;
        const what = `${org.name}${byLead ? ' by lead' : ''}`;
        for (const k of ['total', 'not_started', 'in_progress', 'done', 'cancelled']) assert.equal(got.tasks[k], want[k], `${what}: tasks.${k}`);
        assert.equal(got.programs.total, want.programs, `${what}: programs`);
        assert.equal(got.programs.adopted, want.adopted, `${what}: adopted`);
        assert.equal(got.dissemination.expected, want.expected, `${what}: expected`);
        assert.equal(got.dissemination.attended, want.attended, `${what}: attended`);
      }
    }
    assert.ok(sample.length >= 4);
  });

  test('every person generated has a title, cut at whole characters', () => {
    // A grassroots committee member's title cut "Đảng ủy " at 9 bytes (it is 13), mid-letter:
    // the title was not UTF-8, and the person was written without one. Such members come at
    // a larger scale than this file's other loads: a province at 0.3 (24,000 people, 2 s).
    const big = join(dir, 'people.db');
    const r = run(['gen', '--tier', 'province', '--scale', '0.3', '--db', big]);
    assert.equal(r.status, 0, r.stderr);
    const q = spawnSync('sqlite3', [big, "SELECT count(*), count(title), sum(title LIKE 'Đảng ủy viên %'), sum(title LIKE '%viên Đảng ủy %') FROM people"], { encoding: 'utf8' });
    assert.equal(q.status, 0, q.stderr);
    const [people, titled, members, twice] = q.stdout.trim().split('|').map(Number);
    assert.ok(people > 20000, `${people} people`);
    assert.equal(titled, people, 'people with a title');
    assert.ok(members > 100, `${members} grassroots committee members`);
    assert.equal(twice, 0, 'titles naming the committee twice');
  });

  test('every index and trigger the load took off is back, with its SQL', () => {
    const got = schemaOf(db);
    for (const name of ['tasks_lead', 'tasks_program', 'people_org', 'indicator_values_item_period', 'rollup_task_insert']) {
      assert.match(got, new RegExp(`\\|${name}\\|`), name);
    }
    assert.equal(got, freshSchema());
  });

  test('the search index a load builds is one segment above the lowest level, checked whole', () => {
    // Left on the lowest level, FTS5 merges it all again inside a later write (40 s for a
    // task at the country tier); crisismerge 64 lets that level be merged step by step.
    for (const t of SEARCH_TABLES) {
      const rows = Number(spawnSync('sqlite3', [db, `SELECT count(*) FROM ${t}`], { encoding: 'utf8' }).stdout);
      const levels = ftsLevels(db, `search_${t}`);
      const segments = levels.flat();
      if (rows >= 2) {
        assert.equal(segments.length, 1, `search_${t}: one segment (${JSON.stringify(levels)})`);
        assert.equal(levels[0].length, 0, `search_${t}: nothing on the lowest level (${JSON.stringify(levels)})`);
      }
      const cfg = spawnSync('sqlite3', [db, `SELECT v FROM search_${t}_config WHERE k = 'crisismerge'`], { encoding: 'utf8' });
      assert.equal(cfg.stdout.trim(), '64', `search_${t} crisismerge`);
      const check = spawnSync('sqlite3', [db, `INSERT INTO search_${t} (search_${t}, rank) VALUES ('integrity-check', 0)`], { encoding: 'utf8' });
      assert.equal(check.status, 0, `search_${t} integrity-check: ${check.stderr}`);
    }
  });

  test('the newest and the oldest task, indexed apart from the rest, are found', async () => {
    for (const task of [tasks[tasks.length - 1], tasks[0]]) {
      const r = await server.api('GET', `/api/v1/search?q=${encodeURIComponent(task.title)}&limit=100`);
      expectStatus(r, 200);
      assert.ok(r.json.items.some((x) => x.type === 'task' && x.id === task.id), `finds task ${task.id} "${task.title}"`);
    }
  });

  test('the roll-up triggers are back: a write after the load moves the roll-up', async () => {
    const root = orgs.find((o) => o.kind === 'province');
    const before = (await server.api('GET', `/api/v1/orgs/${root.id}/rollup`)).json.tasks;
    const open = tasks.find((t) => t.status === 'not_started');
    const r = await server.api('PATCH', `/api/v1/tasks/${open.id}`, { status: 'done', progress: 100 });
    expectStatus(r, 200);
    const now = (await server.api('GET', `/api/v1/orgs/${root.id}/rollup`)).json.tasks;
    assert.equal(now.done, before.done + 1);
    assert.equal(now.not_started, before.not_started - 1);
    assert.equal(now.total, before.total);
  });

  test('the search index built once finds what was generated, with or without diacritics', async () => {
    const org = orgs.find((o) => o.kind !== 'province' && /[^\x00-\x7f]/.test(o.name));
    for (const q of [org.name, org.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')]) {
      const r = await server.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
      expectStatus(r, 200);
      assert.ok(r.json.items.some((x) => x.type === 'org' && x.id === org.id), `"${q}" finds ${org.name}`);
    }
  });

  test('one audit entry per resource stands for its rows, and the chain verifies', async () => {
    const log = await server.api('GET', '/api/v1/audit?limit=500');
    expectStatus(log, 200);
    const imports = log.json.items.filter((x) => x.action === 'import');
    const of = (name) => imports.filter((x) => x.resource === name);
    assert.equal(of('tasks').length, 1);
    assert.equal(of('tasks')[0].after.created, tasks.length);
    assert.equal(of('tasks')[0].after.first_id, tasks[0].id);
    assert.equal(of('tasks')[0].after.last_id, tasks[tasks.length - 1].id);
    assert.equal(of('programs')[0].after.created, programs.length);
    assert.equal(of('orgs')[0].after.created, orgs.length);
    assert.ok(log.json.items.length < 100, 'not an entry per row');
    const v = run(['audit', 'verify', '--db', db]);
    assert.equal(v.status, 0, v.stderr);
  });
});

describe('gen, deterministic and careful', () => {
  /** An export without what differs between two runs by design: timestamps and the
   * accounts' password hashes (their salts are random). */
  function stable(db) {
    const doc = JSON.parse(run(['export', '--db', db]).stdout);
    delete doc.users;
    const text = JSON.stringify(doc, (k, v) => (k === 'created_at' || k === 'updated_at' || k === 'exported_at' ? undefined : v));
    return text;
  }

  test('the same seed gives the same rows; another seed does not', () => {
    const a = join(dir, 'seed-a.db'), b = join(dir, 'seed-b.db'), c = join(dir, 'seed-c.db');
    for (const [db, seed] of [[a, '11'], [b, '11'], [c, '12']]) assert.equal(gen(db, seed).status, 0);
    const sa = stable(a);
    assert.ok(sa.length > 100000);
    assert.equal(stable(b), sa);
    assert.notEqual(stable(c), sa);
  });

  test('refuses a file that exists, leaving it as it was', () => {
    const db = join(dir, 'taken.db');
    writeFileSync(db, 'not a database');
    const r = gen(db);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /already exists/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('taken.db') && f !== 'taken.db'), []);
  });
});

describe('import', () => {
  test('writes one audit entry per resource, with the count of the objects it created', async () => {
    const src = join(dir, 'gen-for-import.db');
    assert.equal(gen(src, '5').status, 0);
    const doc = JSON.parse(run(['export', '--db', src]).stdout);
    const db = join(dir, 'imported.db');
    const imp = run(['import', '--db', db], { input: JSON.stringify(doc) });
    assert.equal(imp.status, 0, imp.stderr);
    assert.equal(schemaOf(db), freshSchema(), 'indexes and triggers as init makes them');
    const s = await startServer({ db });
    try {
      const log = await s.api('GET', '/api/v1/audit?limit=500');
      expectStatus(log, 200);
      for (const name of ['orgs', 'people', 'programs', 'tasks', 'indicator_values']) {
        const entries = log.json.items.filter((x) => x.action === 'import' && x.resource === name);
        assert.equal(entries.length, 1, name);
        assert.equal(entries[0].after.created, doc[name].length, name);
        assert.equal(entries[0].user, 'import');
      }
      // the roll-up of the imported copy equals the source's
      const root = doc.orgs.find((o) => o.kind === 'province');
      const here = (await s.api('GET', `/api/v1/orgs/${root.id}/rollup`)).json;
      const there = await startServer({ db: src });
      try {
        const want = (await there.api('GET', `/api/v1/orgs/${root.id}/rollup`)).json;
        assert.deepEqual(here.tasks, want.tasks);
        assert.deepEqual(here.programs, want.programs);
      } finally {
        assert.equal(await there.stop(), 0);
        there.cleanup();
      }
    } finally {
      assert.equal(await s.stop(), 0);
      s.cleanup();
    }
  });
});
