// The org tree: roots by ?parent_id=null, children and subtree paged with limit/cursor, and
// an org's history of moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { expectStatus, expectError } from './helpers.mjs';

let s, root, kids = [];
before(async () => {
  s = await startServer();
  root = expectStatus(await s.api('POST', '/api/v1/orgs', { name: 'Tỉnh ủy', kind: 'province' }), 201).json;
  expectStatus(await s.api('POST', '/api/v1/orgs', { name: 'Gốc thứ hai', kind: 'province' }), 201);
  for (let i = 0; i < 7; i++) {
    kids.push(expectStatus(await s.api('POST', '/api/v1/orgs', { name: `Huyện ủy ${i}`, kind: 'district', parent_id: root.id }), 201).json);
  }
});
after(async () => { assert.equal(await s.stop(), 0); s.cleanup(); });

test('?parent_id=null lists the roots only', async () => {
  const r = expectStatus(await s.api('GET', '/api/v1/orgs?parent_id=null'), 200).json;
  assert.deepEqual(r.items.map((o) => o.name), ['Tỉnh ủy', 'Gốc thứ hai']);
});

test('children and subtree come in pages that follow next_cursor to the end', async () => {
  for (const what of ['children', 'subtree']) {
    const seen = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard++) {
      const r = expectStatus(await s.api('GET', `/api/v1/orgs/${root.id}/${what}?limit=3${cursor ? `&cursor=${cursor}` : ''}`), 200).json;
      assert.ok(r.items.length <= 3);
      seen.push(...r.items.map((o) => o.id));
      if (r.next_cursor === null) break;
      cursor = r.next_cursor;
    }
    const expected = what === 'children' ? kids.map((k) => k.id) : [root.id, ...kids.map((k) => k.id)];
    assert.deepEqual(seen.sort((a, b) => a - b), expected.sort((a, b) => a - b), what);
  }
  expectError(await s.api('GET', `/api/v1/orgs/${root.id}/children?depth=2`), 422, 'invalid_field', 'depth');
});

test('a move is kept in the org history', async () => {
  const other = expectStatus(await s.api('GET', '/api/v1/orgs?parent_id=null'), 200).json.items[1];
  expectStatus(await s.api('PATCH', `/api/v1/orgs/${kids[0].id}`, { parent_id: other.id }), 200);
  const moves = expectStatus(await s.api('GET', `/api/v1/orgs/${kids[0].id}/moves`), 200).json.items;
  assert.equal(moves.length, 1);
  assert.equal(moves[0].from_parent_id, root.id);
  assert.equal(moves[0].to_parent_id, other.id);
  const sub = expectStatus(await s.api('GET', `/api/v1/orgs/${other.id}/subtree`), 200).json.items.map((o) => o.id);
  assert.ok(sub.includes(kids[0].id));
});
