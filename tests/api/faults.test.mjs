// Faults and load (issue 5): a full disk gives a clear 5xx and no corruption; two server
// processes on one database file do not corrupt it; 200 concurrent clients for 10 seconds get
// only 2xx/4xx answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, run, tempDir } from './lib.mjs';

/** Starts `trienkhai serve` (through sh when a file-size limit in KiB is asked). */
async function serve(db, { fsizeKiB } = {}) {
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2'];
  const proc = fsizeKiB
    ? spawn('sh', ['-c', `ulimit -f ${fsizeKiB}; exec "$0" "$@"`, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return { url, proc, exited, get stderr() { return err; } };
}

function setup() {
  const dir = tempDir();
  const db = join(dir, 'f.db');
  assert.equal(run(['init', '--db', db]).status, 0);
  const token = run(['user', 'token', '--db', db, '--username', 'admin']).stdout.trim();
  return { dir, db, token };
}

async function post(url, token, path, body) {
  const r = await fetch(url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

function integrity(db) {
  const r = spawnSync('sqlite3', [db, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
  return r.stdout.trim();
}

function count(db, table) {
  const r = spawnSync('sqlite3', [db, `SELECT count(*) FROM ${table};`], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

test('a full disk answers 503 unavailable, keeps every acknowledged write and corrupts nothing', async () => {
  const { db, token } = setup();
  // The database and its WAL may not grow past 3 MiB: writes of ~20 KB soon hit the limit.
  const s = await serve(db, { fsizeKiB: 3 * 1024 });
  const org = await post(s.url, token, '/api/v1/orgs', { name: 'Tỉnh ủy', kind: 'province' });
  assert.equal(org.status, 201);
  const acknowledged = [];
  let full = null;
  for (let i = 0; i < 400 && !full; i++) {
    const r = await post(s.url, token, '/api/v1/inspections', {
      org_id: org.json.id, target_org_ids: [org.json.id], topic: `Kiểm tra số ${i}`,
      kind: 'inspection', planned_period: '2021-Q1', findings: 'Kết luận kiểm tra. '.repeat(1000),
    });
    if (r.status === 201) acknowledged.push(r.json.id);
    else full = r;
  }
  assert.ok(full, 'the limit was never reached');
  assert.equal(full.status, 503, JSON.stringify(full.json));
  assert.equal(full.json.error.code, 'unavailable');
  assert.match(full.json.error.message, /đĩa|disk/);
  // Reads still work while the disk is full.
  const read = await fetch(`${s.url}/api/v1/orgs/${org.json.id}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(read.status, 200);
  s.proc.kill('SIGTERM');
  await s.exited;
  assert.equal(integrity(db), 'ok');
  // Without the limit every acknowledged write is there, and writing works again.
  const again = await serve(db);
  for (const id of acknowledged) {
    const r = await fetch(`${again.url}/api/v1/inspections/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200, `acknowledged inspection ${id} lost`);
  }
  const more = await post(again.url, token, '/api/v1/orgs', { name: 'Sau khi giải phóng đĩa', kind: 'cell', parent_id: org.json.id });
  assert.equal(more.status, 201);
  again.proc.kill('SIGTERM');
  assert.equal(await again.exited, 0);
  assert.equal(integrity(db), 'ok');
});

test('two server processes writing one database file keep every write and corrupt nothing', async () => {
  const { db, token } = setup();
  const a = await serve(db);
  const b = await serve(db);
  const root = await post(a.url, token, '/api/v1/orgs', { name: 'Gốc', kind: 'province' });
  assert.equal(root.status, 201);
  const ids = [];
  const writer = async (s, label) => {
    for (let i = 0; i < 60; i++) {
      const r = await post(s.url, token, '/api/v1/orgs', { name: `${label} ${i}`, kind: 'cell', parent_id: root.json.id });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      ids.push(r.json.id);
    }
  };
  await Promise.all([writer(a, 'A'), writer(b, 'B'), writer(a, 'A2'), writer(b, 'B2')]);
  assert.equal(new Set(ids).size, 240);
  // Each process sees the other's writes.
  const list = await fetch(`${a.url}/api/v1/orgs/${root.json.id}/children`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal((await list.json()).items.length, 240);
  a.proc.kill('SIGTERM');
  b.proc.kill('SIGTERM');
  assert.equal(await a.exited, 0);
  assert.equal(await b.exited, 0);
  assert.equal(integrity(db), 'ok');
  assert.equal(count(db, 'orgs'), 241);
  assert.equal(run(['audit', 'verify', '--db', db]).status, 0, 'the audit chain stays whole across processes');
});

test('200 concurrent clients for 10 seconds get only 2xx and 4xx answers', async () => {
  const { db, token } = setup();
  const s = await serve(db);
  const root = await post(s.url, token, '/api/v1/orgs', { name: 'Tỉnh', kind: 'province' });
  const statuses = new Map();
  const deadline = Date.now() + 10_000;
  let requests = 0;
  const client = async (n) => {
    while (Date.now() < deadline) {
      let r;
      const kind = (n + requests) % 4;
      if (kind === 0) {
        r = await fetch(`${s.url}/api/v1/orgs`, {
          method: 'POST', headers: { Authorization: `Bearer ${token}` },
          body: JSON.stringify({ name: `Chi bộ ${n}`, kind: 'cell', parent_id: root.json.id }),
        });
      } else if (kind === 1) {
        r = await fetch(`${s.url}/api/v1/orgs/${root.json.id}/rollup`, { headers: { Authorization: `Bearer ${token}` } });
      } else if (kind === 2) {
        r = await fetch(`${s.url}/api/v1/search?q=chi+bo`, { headers: { Authorization: `Bearer ${token}` } });
      } else {
        r = await fetch(`${s.url}/api/v1/orgs/999999`, { headers: { Authorization: `Bearer ${token}` } });
      }
      await r.arrayBuffer();
      requests++;
      statuses.set(r.status, (statuses.get(r.status) || 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 200 }, (_, n) => client(n)));
  const bad = [...statuses].filter(([st]) => st >= 500);
  assert.deepEqual(bad, [], `5xx answers: ${JSON.stringify([...statuses])}`);
  assert.ok(statuses.get(201) > 0 && statuses.get(200) > 0 && statuses.get(404) > 0);
  console.log(`# load: ${requests} requests in 10 s from 200 clients, statuses ${JSON.stringify([...statuses])}`);
  s.proc.kill('SIGTERM');
  assert.equal(await s.exited, 0);
  assert.equal(integrity(db), 'ok');
  assert.ok(statSync(db).size > 0);
});
