// Durability: every acknowledged write survives a SIGKILL of the server mid-stream, and the
// database file is intact afterwards.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { run, startServer } from './lib.mjs';
import { listAll } from './helpers.mjs';

const servers = [];
after(() => { for (const s of servers) s.cleanup(); });

test('acknowledged POSTs survive a SIGKILL mid-stream; the file passes integrity_check', async () => {
  const first = await startServer();
  servers.push(first);
  const acked = new Map(); // id → name
  let sent = 0;
  let killed = false;
  const N = 300;
  const killAt = 150 + Math.floor(Math.random() * 50);
  const worker = async () => {
    while (sent < N) {
      const i = sent++;
      const name = `Chi bộ bền vững ${i}`;
      try {
        const r = await first.api('POST', '/api/v1/orgs', { name, kind: 'cell', code: `BV${i}` });
        if (r.status === 201) acked.set(r.json.id, name);
        else if (!killed) assert.fail(`POST ${i}: ${r.status} ${r.text}`);
      } catch (e) {
        if (!killed) throw e; // a connection cut by the kill is expected
      }
      if (acked.size >= killAt && !killed) {
        killed = true;
        await first.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.ok(killed, 'the server was killed mid-stream');
  assert.ok(acked.size >= killAt && acked.size < N, `acknowledged ${acked.size} of ${N}`);

  const check = spawnSync('sqlite3', [first.db, 'PRAGMA integrity_check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.equal(check.stdout.trim(), 'ok');

  const second = await startServer({ db: first.db });
  servers.push(second);
  try {
    for (const [id, name] of acked) {
      const r = await second.api('GET', `/api/v1/orgs/${id}`);
      assert.equal(r.status, 200, `acknowledged org ${id} is there after the crash`);
      assert.equal(r.json.name, name);
    }
    // Nothing half-written: every org there is whole, and the database still takes writes.
    const all = await listAll(second, '/api/v1/orgs');
    for (const o of all) assert.match(o.name, /^Chi bộ bền vững \d+$/);
    assert.ok(all.length >= acked.size && all.length <= N);
    const r = await second.api('POST', '/api/v1/orgs', { name: 'Sau sự cố', kind: 'cell' });
    assert.equal(r.status, 201, r.text);
  } finally {
    assert.equal(await second.stop(), 0, second.stderr.slice(-2000));
  }
  const again = spawnSync('sqlite3', [first.db, 'PRAGMA integrity_check'], { encoding: 'utf8' });
  assert.equal(again.stdout.trim(), 'ok');
  const audit = run(['audit', 'verify', '--db', first.db]);
  assert.equal(audit.status, 0, `the audit chain survives the crash: ${audit.stderr}`);
});
