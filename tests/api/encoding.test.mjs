// Import of documents in legacy Vietnamese encodings: TCVN3 and Windows-1258 are recognised
// and converted to NFC UTF-8; bytes that are neither UTF-8 nor a known encoding are refused
// and create nothing. The legacy bytes are made by glibc's iconv, not by our own tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from './lib.mjs';

const doc = JSON.stringify({
  format: 'trienkhai', version: 1,
  orgs: [
    { id: 1, name: 'Đảng bộ thành phố Móng Cái', kind: 'district' },
    { id: 2, name: 'Đảng ủy phường Ka Long', kind: 'grassroots', parent_id: 1 },
  ],
  people: [{ id: 1, full_name: 'Nguyễn Thị Hương', org_id: 2, title: 'Bí thư Đảng ủy' }],
});

function encode(text, charset) {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', charset], { input: text });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

function names(db) {
  const r = spawnSync('sqlite3', [db, 'SELECT name FROM orgs ORDER BY id; SELECT full_name || "|" || title FROM people;'], { encoding: 'utf8' });
  return r.stdout.trim().split('\n');
}

for (const [label, charset, shown] of [['TCVN3', 'TCVN5712-1', 'tcvn3'], ['Windows-1258', 'CP1258', 'cp1258']]) {
  test(`an export in ${label} is converted to NFC UTF-8 on import`, () => {
    const bytes = encode(doc, charset);
    assert.ok(!Buffer.from(doc).equals(bytes), 'the legacy bytes differ from UTF-8');
    const db = join(tempDir(), 'legacy.db');
    const r = run(['import', '--db', db], { input: bytes });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(shown));
    const got = names(db);
    assert.deepEqual(got, ['Đảng bộ thành phố Móng Cái', 'Đảng ủy phường Ka Long', 'Nguyễn Thị Hương|Bí thư Đảng ủy']);
    for (const s of got) assert.equal(s, s.normalize('NFC'));
  });
}

test('bytes that are neither UTF-8 nor a known encoding are refused and create nothing', () => {
  const db = join(tempDir(), 'garbage.db');
  const garbage = Buffer.concat([Buffer.from('{"format":"trienkhai","version":1,"orgs":[{"id":1,"name":"'),
    Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d]), Buffer.from('","kind":"cell"}]}')]);
  const r = run(['import', '--db', db], { input: garbage });
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one line on stderr');
  assert.match(r.stderr, /UTF-8/);
  if (existsSync(db)) assert.deepEqual(names(db).filter(Boolean), []);
});
