// The workers' caches (src/http/cache.h) never answer with stale or unauthorised data.
//
// Each worker thread keeps its own cache of sessions and of GET /<things>/{id} bodies, so
// every test reads through several keep-alive connections at once (the server runs two
// workers; connections are spread over them as they are accepted), fills the caches first,
// then changes something — through the API on one connection, through the command line or
// sqlite3 in another process — and reads again through every connection. A cache that
// missed the change answers the old bytes on some connection, and the test fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { PASSWORD, run, startServer } from './lib.mjs';
import { expectStatus } from './helpers.mjs';

const CONNECTIONS = 8;

/** A client on one keep-alive connection of its own, so that it stays on one worker. */
function client(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  return {
    agent,
    request(method, path, { token, cookie, body } = {}) {
      const headers = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      if (cookie) headers.Cookie = cookie;
      const payload = body === undefined ? undefined : JSON.stringify(body);
      if (payload !== undefined) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = Buffer.byteLength(payload);
      }
      return new Promise((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json = null;
            try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
            resolve({ status: res.statusCode, text, json, headers: res.headers });
          });
        });
        req.on('error', reject);
        if (payload !== undefined) req.write(payload);
        req.end();
      });
    },
    close() { agent.destroy(); },
  };
}

function clients(base, n = CONNECTIONS) {
  const list = Array.from({ length: n }, () => client(base));
  return {
    list,
    /** The same request on every connection at once; the answers in connection order. */
    all(method, path, opts) { return Promise.all(list.map((c) => c.request(method, path, opts))); },
    close() { for (const c of list) c.close(); },
  };
}

/** Reads path twice on every connection (the second read is served from the cache when the
 * first filled it) and checks that every answer has this status and the same bytes. */
async function warm(cs, path, opts, status = 200) {
  let first;
  for (let round = 0; round < 2; round++) {
    for (const r of await cs.all('GET', path, opts)) {
      assert.equal(r.status, status, `warming ${path}: ${r.text}`);
      first ??= r.text;
      assert.equal(r.text, first, `every connection answers ${path} with the same bytes`);
    }
  }
  return JSON.parse(first);
}

function sqlite(db, sql) {
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 10000', db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, `sqlite3 ${sql}: ${r.stderr}`);
  return r.stdout;
}

function tokenOf(db, username) {
  const r = run(['user', 'token', '--db', db, '--username', username]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

function addUser(db, username, role, orgId) {
  const r = run(['user', 'add', '--db', db, '--username', username, '--role', role, '--org-id', String(orgId)],
    { env: { TRIENKHAI_PASSWORD: `mat-khau-${username}` } });
  assert.equal(r.status, 0, r.stderr);
}

/** P (province) with districts A and B; a program of P with a task led by A and one by B. */
async function world(s) {
  const c = async (path, body) => expectStatus(await s.api('POST', path, body), 201, `POST ${path}`).json;
  const P = await c('/api/v1/orgs', { name: 'Tỉnh ủy', kind: 'province' });
  const A = await c('/api/v1/orgs', { name: 'Huyện ủy A', kind: 'district', parent_id: P.id });
  const B = await c('/api/v1/orgs', { name: 'Huyện ủy B', kind: 'district', parent_id: P.id });
  const term = await c('/api/v1/terms', { org_id: P.id, starts_year: 2020, ends_year: 2025 });
  const res = await c('/api/v1/resolutions', { term_id: term.id, title: 'Nghị quyết Đại hội' });
  const prog = await c('/api/v1/programs', { org_id: P.id, kind: 'action_program', title: 'Chương trình hành động', resolution_id: res.id });
  const tA = await c(`/api/v1/programs/${prog.id}/tasks`, { title: 'Nhiệm vụ của A', lead_org_id: A.id, due_on: '2030-12-31', output: 'Báo cáo' });
  const tB = await c(`/api/v1/programs/${prog.id}/tasks`, { title: 'Nhiệm vụ của B', lead_org_id: B.id, due_on: '2030-12-31', output: 'Báo cáo' });
  return { P, A, B, term, res, prog, tA, tB };
}

describe('one server, two workers, eight connections', () => {
  let s, cs, W, admin;
  before(async () => {
    s = await startServer();
    W = await world(s);
    admin = { token: s.token };
    cs = clients(s.url);
  });
  after(async () => {
    cs.close();
    assert.equal(await s.stop(), 0, `server exit status (23 = leak): ${s.stderr.slice(-2000)}`);
    s.cleanup();
  });

  test('a body served twice is the body served once, byte for byte', async () => {
    const fresh = expectStatus(await s.api('GET', `/api/v1/tasks/${W.tA.id}`), 200);
    const again = await warm(cs, `/api/v1/tasks/${W.tA.id}`, admin);
    assert.deepEqual(again, fresh.json);
    const r = await cs.list[0].request('GET', `/api/v1/tasks/${W.tA.id}`, admin);
    assert.equal(r.text, fresh.text);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  test('a PATCH through one connection is seen at once by every connection, its own included', async () => {
    const path = `/api/v1/tasks/${W.tA.id}`;
    for (let i = 0; i < 5; i++) {
      await warm(cs, path, admin);
      const writer = cs.list[i % CONNECTIONS];
      const title = `Nhiệm vụ của A, lần sửa ${i}`;
      expectStatus(await writer.request('PATCH', path, { ...admin, body: { title } }), 200);
      for (const r of await cs.all('GET', path, admin)) {
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.title, title, 'the read after the write shows the write');
      }
    }
  });

  test('reads racing a stream of writes never go back to an older value', async () => {
    const path = `/api/v1/tasks/${W.tB.id}`;
    await warm(cs, path, admin);
    for (let v = 1; v <= 20; v++) {
      expectStatus(await cs.list[v % CONNECTIONS].request('PATCH', path, { ...admin, body: { progress: v } }), 200);
      // Every read that starts after the write was answered shows it (or, never, an older one).
      for (const r of await cs.all('GET', path, admin)) assert.equal(r.json.progress, v, `after progress=${v}`);
    }
  });

  test('a row that depends on other rows is fresh after they change (a program counts its tasks)', async () => {
    const path = `/api/v1/programs/${W.prog.id}`;
    const before = (await warm(cs, path, admin)).incomplete_tasks;
    const t = expectStatus(await cs.list[3].request('POST', `/api/v1/programs/${W.prog.id}/tasks`, { ...admin, body: { title: 'Chưa có sản phẩm', lead_org_id: W.A.id } }), 201).json;
    for (const r of await cs.all('GET', path, admin)) assert.equal(r.json.incomplete_tasks, before + 1);
    expectStatus(await cs.list[5].request('DELETE', `/api/v1/tasks/${t.id}`, admin), 204);
    for (const r of await cs.all('GET', path, admin)) assert.equal(r.json.incomplete_tasks, before);
  });

  test('a DELETE makes the row 404 on every connection', async () => {
    const t = expectStatus(await s.api('POST', `/api/v1/programs/${W.prog.id}/tasks`, { title: 'Sẽ bị xóa', lead_org_id: W.A.id }), 201).json;
    await warm(cs, `/api/v1/tasks/${t.id}`, admin);
    expectStatus(await cs.list[1].request('DELETE', `/api/v1/tasks/${t.id}`, admin), 204);
    for (const r of await cs.all('GET', `/api/v1/tasks/${t.id}`, admin)) assert.equal(r.status, 404, r.text);
  });

  // sqlite3 writes a table that no trigger of ours reaches (the search index's triggers call
  // functions only trienkhai registers): the users, read back as GET /users/{id}.
  test('an UPDATE by sqlite3 in another process is seen by the next request', async () => {
    const path = '/api/v1/users/1';
    await warm(cs, path, admin);
    sqlite(s.db, "UPDATE users SET full_name = 'Quản trị từ sqlite3' WHERE id = 1");
    for (const r of await cs.all('GET', path, admin)) assert.equal(r.json.full_name, 'Quản trị từ sqlite3');
  });

  test('a write after the WAL was checkpointed and truncated by another process is seen', async () => {
    const path = '/api/v1/users/1';
    await warm(cs, path, admin);
    sqlite(s.db, 'PRAGMA wal_checkpoint(TRUNCATE)');
    for (const r of await cs.all('GET', path, admin)) assert.equal(r.status, 200);
    sqlite(s.db, "UPDATE users SET full_name = 'Sau khi cắt WAL' WHERE id = 1");
    for (const r of await cs.all('GET', path, admin)) assert.equal(r.json.full_name, 'Sau khi cắt WAL');
  });

  test('an import by the command line while the server runs is seen by the next request', async () => {
    const path = `/api/v1/programs/${W.prog.id}`;
    const before = (await warm(cs, path, admin)).incomplete_tasks;
    const doc = { format: 'trienkhai', version: 1, tasks: [{ id: 9001, program_id: W.prog.id, title: 'Nhiệm vụ nhập từ tệp', lead_org_id: W.B.id }] };
    const r = run(['import', '--db', s.db], { input: JSON.stringify(doc) });
    assert.equal(r.status, 0, r.stderr);
    for (const x of await cs.all('GET', path, admin)) assert.equal(x.json.incomplete_tasks, before + 1, 'the imported task is counted');
    for (const x of await cs.all('GET', '/api/v1/tasks/9001', admin)) assert.equal(x.status, 200, x.text);
  });

  test('a user who cannot read a row gets 404 for it, whoever has it cached', async () => {
    addUser(s.db, 'xem-a', 'viewer', W.A.id);
    addUser(s.db, 'xem-b', 'viewer', W.B.id);
    const a = { token: tokenOf(s.db, 'xem-a') };
    const b = { token: tokenOf(s.db, 'xem-b') };
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, admin);
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, a);
    await warm(cs, `/api/v1/tasks/${W.tB.id}`, b);
    for (let round = 0; round < 2; round++) {
      for (const r of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, b)) assert.equal(r.status, 404, `B's viewer reads A's task: ${r.text}`);
      for (const r of await cs.all('GET', `/api/v1/tasks/${W.tB.id}`, a)) assert.equal(r.status, 404, `A's viewer reads B's task: ${r.text}`);
    }
    // Anonymous callers and bad tokens are not served from anyone's cache either.
    for (const r of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`)) assert.equal(r.status, 401);
    for (const r of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, { token: `${a.token}x` })) assert.equal(r.status, 401);
  });

  test("a change of a user's org moves what it may read at once", async () => {
    addUser(s.db, 'di-chuyen', 'viewer', W.A.id);
    const u = { token: tokenOf(s.db, 'di-chuyen') };
    const id = JSON.parse((await cs.list[0].request('GET', '/api/v1/session', u)).text).id;
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, u);
    await warm(cs, `/api/v1/tasks/${W.tB.id}`, u, 404);
    expectStatus(await cs.list[2].request('PATCH', `/api/v1/users/${id}`, { ...admin, body: { org_id: W.B.id } }), 200);
    for (const r of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, u)) assert.equal(r.status, 404, `no longer A's: ${r.text}`);
    for (const r of await cs.all('GET', `/api/v1/tasks/${W.tB.id}`, u)) assert.equal(r.status, 200, `now B's: ${r.text}`);
  });

  test('a role change by the API is checked on the next request (admin-only rows)', async () => {
    addUser(s.db, 'quan-tri', 'admin', W.P.id);
    const u = { token: tokenOf(s.db, 'quan-tri') };
    const me = JSON.parse((await cs.list[0].request('GET', '/api/v1/session', u)).text);
    await warm(cs, `/api/v1/users/${me.id}`, u);
    expectStatus(await cs.list[4].request('PATCH', `/api/v1/users/${me.id}`, { ...admin, body: { role: 'viewer' } }), 200);
    for (const r of await cs.all('GET', `/api/v1/users/${me.id}`, u)) assert.equal(r.status, 403, r.text);
  });

  test('user revoke from the command line refuses the token at once on every connection', async () => {
    addUser(s.db, 'thu-hoi', 'viewer', W.A.id);
    const u = { token: tokenOf(s.db, 'thu-hoi') };
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, u);
    const r = run(['user', 'revoke', '--db', s.db, '--username', 'thu-hoi']);
    assert.equal(r.status, 0, r.stderr);
    for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, u)) assert.equal(x.status, 401, `a revoked token: ${x.text}`);
    for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, admin)) assert.equal(x.status, 200, 'the others still work');
  });

  test('a token deleted by sqlite3 in another process is refused at once', async () => {
    addUser(s.db, 'xoa-phien', 'viewer', W.A.id);
    const u = { token: tokenOf(s.db, 'xoa-phien') };
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, u);
    sqlite(s.db, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'xoa-phien')");
    for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, u)) assert.equal(x.status, 401, x.text);
  });

  test('a new password set through the API ends the sessions of the account on every connection', async () => {
    addUser(s.db, 'doi-mat-khau', 'viewer', W.A.id);
    const u = { token: tokenOf(s.db, 'doi-mat-khau') };
    const me = JSON.parse((await cs.list[0].request('GET', '/api/v1/session', u)).text);
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, u);
    expectStatus(await cs.list[6].request('PATCH', `/api/v1/users/${me.id}`, { ...admin, body: { password: 'mat-khau-moi-hoan-toan' } }), 200);
    for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, u)) assert.equal(x.status, 401, x.text);
  });

  test('signing out ends the cookie on every connection, not only the one that signed out', async () => {
    addUser(s.db, 'dang-xuat', 'viewer', W.A.id);
    const signIn = await cs.list[0].request('POST', '/api/v1/session', { body: { username: 'dang-xuat', password: 'mat-khau-dang-xuat' } });
    assert.equal(signIn.status, 201, signIn.text);
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    await warm(cs, `/api/v1/tasks/${W.tA.id}`, { cookie });
    expectStatus(await cs.list[7].request('DELETE', '/api/v1/session', { cookie }), 204);
    for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, { cookie })) assert.equal(x.status, 401, x.text);
  });
});

describe('time', () => {
  test('an idle session stops working when its idle time is up, though a worker holds it', async () => {
    // Seconds are whole in the store: a session made at x.99 s with 5 s of idle time dies
    // at x+5, 4.01 s later, so the caches are warmed within 3.5 s and read again after 6.2.
    const s = await startServer({ env: { TRIENKHAI_SESSION_IDLE: '5' } });
    const cs = clients(s.url, 4);
    try {
      const W = await world(s);
      const signIn = await cs.list[0].request('POST', '/api/v1/session', { body: { username: 'admin', password: PASSWORD } });
      assert.equal(signIn.status, 201, signIn.text);
      const cookie = signIn.headers['set-cookie'][0].split(';')[0];
      const born = Date.now();
      await warm(cs, `/api/v1/tasks/${W.tA.id}`, { cookie });
      assert.ok(Date.now() - born < 3500, 'the test warmed the caches within the idle time');
      await new Promise((r) => setTimeout(r, 6200 - (Date.now() - born)));
      for (const x of await cs.all('GET', `/api/v1/tasks/${W.tA.id}`, { cookie })) assert.equal(x.status, 401, `idle for 6 s of 5: ${x.text}`);
    } finally {
      cs.close();
      assert.equal(await s.stop(), 0, s.stderr.slice(-2000));
      s.cleanup();
    }
  });

  test('overdue turns true at midnight, though the task was cached the day before', async () => {
    // The server's zone is chosen so that its midnight is a few seconds away: a POSIX TZ
    // "XXX-hh:mm:ss" is that far east of UTC.
    const lead = 15000; // ms until the server's midnight: time to start it and warm the caches
    const now = Date.now();
    const dayMs = 86400000;
    const offset = ((dayMs - ((now + lead) % dayMs)) % dayMs); // east of UTC, in [0, 24 h)
    const signed = offset > dayMs / 2 ? offset - dayMs : offset;
    const abs = Math.abs(Math.round(signed / 1000));
    const hms = [Math.floor(abs / 3600), Math.floor(abs / 60) % 60, abs % 60].map((v) => String(v).padStart(2, '0')).join(':');
    const tz = `XXX${signed >= 0 ? '-' : '+'}${hms}`;
    const s = await startServer({ env: { TZ: tz } });
    const cs = clients(s.url, 4);
    try {
      const local = new Date(Date.now() + signed);
      const today = local.toISOString().slice(0, 10);
      const W = await world(s);
      const t = expectStatus(await s.api('POST', `/api/v1/programs/${W.prog.id}/tasks`, { title: 'Hạn hôm nay', lead_org_id: W.A.id, due_on: today, output: 'Báo cáo', status: 'in_progress' }), 201).json;
      const before = await warm(cs, `/api/v1/tasks/${t.id}`, { token: s.token });
      assert.equal(before.overdue, false, `due today (${today} in ${tz}): not overdue yet`);
      const wait = now + lead + 1000 - Date.now(); // the zone's offset is rounded to a second
      assert.ok(wait > 0, 'the caches were warm before midnight');
      await new Promise((r) => setTimeout(r, wait));
      for (const x of await cs.all('GET', `/api/v1/tasks/${t.id}`, { token: s.token })) assert.equal(x.json.overdue, true, `the day after ${today}: ${x.text}`);
    } finally {
      cs.close();
      assert.equal(await s.stop(), 0, s.stderr.slice(-2000));
      s.cleanup();
    }
  });
});

describe('the access log', () => {
  test('every request has its line, none lost when the server stops at once after them', async () => {
    const s = await startServer();
    const cs = clients(s.url, 4);
    const n = 300;
    try {
      for (let i = 0; i < n / 4; i++) await cs.all('GET', `/api/v1/tasks/${i + 1}?n=${i}`, { token: s.token });
    } finally {
      cs.close();
    }
    assert.equal(await s.stop(), 0, s.stderr.slice(-2000));
    const lines = s.stderr.split('\n').filter((l) => / GET \/api\/v1\/tasks\/\d+ 404 /.test(l));
    assert.equal(lines.length, n, `one line per request: ${s.stderr.slice(-500)}`);
    for (const l of lines) assert.match(l, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1 GET \/api\/v1\/tasks\/\d+ 404 \d+ \d+\.\dms$/);
    s.cleanup();
  });

  test('a request still in flight at SIGTERM is answered and has its line', async () => {
    const s = await startServer();
    const sock = net.connect(Number(new URL(s.url).port), '127.0.0.1');
    let got = '';
    sock.on('data', (d) => { got += d.toString('latin1'); });
    const body = JSON.stringify({ name: 'Tổ chức gửi chậm', kind: 'province' });
    const bytes = Buffer.from(body);
    await new Promise((r) => sock.on('connect', r));
    sock.write(`POST /api/v1/orgs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`);
    sock.write(bytes.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 300));
    const stopped = s.stop();
    await new Promise((r) => setTimeout(r, 300));
    sock.write(bytes.subarray(5));
    const t0 = Date.now();
    while (!/\r\n\r\n\{/.test(got) && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    sock.destroy();
    assert.match(got, /^HTTP\/1\.1 201 /, `the request in flight was answered: ${got.slice(0, 200)}`);
    assert.equal(await stopped, 0, s.stderr.slice(-2000));
    assert.match(s.stderr, / POST \/api\/v1\/orgs 201 /, `its line: ${s.stderr.slice(-1000)}`);
    s.cleanup();
  });

  test('a line is written within a few seconds on a quiet server', async () => {
    const s = await startServer();
    try {
      expectStatus(await s.api('GET', '/api/v1/openapi.json'), 200);
      const t0 = Date.now();
      while (!/ GET \/api\/v1\/openapi\.json 200 /.test(s.stderr) && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 50));
      assert.match(s.stderr, / GET \/api\/v1\/openapi\.json 200 /, 'the line came out while the server kept running');
    } finally {
      assert.equal(await s.stop(), 0);
      s.cleanup();
    }
  });
});
