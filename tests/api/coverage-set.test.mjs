// Coverage of a resolution against a set of programs (program_ids=), beside one program and
// every program implementing it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { expectStatus, expectError } from './helpers.mjs';

let s;
const ids = {};
before(async () => {
  s = await startServer();
  const org = expectStatus(await s.api('POST', '/api/v1/orgs', { name: 'Huyện ủy Tiên Yên', kind: 'district' }), 201).json;
  const term = expectStatus(await s.api('POST', '/api/v1/terms', { org_id: org.id, starts_year: 2020, ends_year: 2025 }), 201).json;
  const res = expectStatus(await s.api('POST', '/api/v1/resolutions', { term_id: term.id, title: 'Nghị quyết Đại hội' }), 201).json;
  ids.res = res.id;
  ids.items = [];
  for (const text of ['Phát triển nông nghiệp', 'Xây dựng nông thôn mới', 'Bảo vệ rừng']) {
    ids.items.push(expectStatus(await s.api('POST', `/api/v1/resolutions/${res.id}/items`, { kind: 'key_task', text }), 201).json.id);
  }
  ids.programs = [];
  for (let i = 0; i < 2; i++) {
    const p = expectStatus(await s.api('POST', '/api/v1/programs', { org_id: org.id, kind: 'action_program', title: `Chương trình ${i}`, resolution_id: res.id }), 201).json;
    ids.programs.push(p.id);
    expectStatus(await s.api('POST', `/api/v1/programs/${p.id}/tasks`, { title: `Nhiệm vụ ${i}`, lead_org_id: org.id, covers: [ids.items[i]] }), 201);
  }
});
after(async () => { assert.equal(await s.stop(), 0); s.cleanup(); });

test('a set of programs covers what any of them covers', async () => {
  const [a, b] = ids.programs;
  const one = expectStatus(await s.api('GET', `/api/v1/resolutions/${ids.res}/coverage?program_id=${a}`), 200).json;
  assert.equal(one.ratio, 1 / 3);
  const both = expectStatus(await s.api('GET', `/api/v1/resolutions/${ids.res}/coverage?program_ids=${a},${b}`), 200).json;
  assert.equal(both.ratio, 2 / 3);
  assert.deepEqual(both.uncovered, [ids.items[2]]);
  assert.deepEqual(both.program_ids, [a, b]);
  const justB = expectStatus(await s.api('GET', `/api/v1/resolutions/${ids.res}/coverage?program_ids=${b}`), 200).json;
  assert.deepEqual(justB.uncovered, [ids.items[0], ids.items[2]]);
});

test('a malformed or unknown program in the set is 422 naming program_ids', async () => {
  for (const bad of ['abc', '1,,2', `${ids.programs[0]},99999`, '-3']) {
    expectError(await s.api('GET', `/api/v1/resolutions/${ids.res}/coverage?program_ids=${bad}`), 422, 'invalid_field', 'program_ids', bad);
  }
});
