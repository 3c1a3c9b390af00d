// DESIGN.md rules 7 and 8: a task lacking a time frame or an expected output is flagged, and
// so is a program with such tasks; how many days after its congress a resolution was issued.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { expectStatus } from './helpers.mjs';

let s, org, program, term;
before(async () => {
  s = await startServer();
  org = expectStatus(await s.api('POST', '/api/v1/orgs', { name: 'Huyện ủy Hải Hà', kind: 'district' }), 201).json;
  term = expectStatus(await s.api('POST', '/api/v1/terms', { org_id: org.id, starts_year: 2020, ends_year: 2025, congress: { ordinal: 23, held_from: '2020-06-18', held_to: '2020-06-20', status: 'held' } }), 201).json;
  program = expectStatus(await s.api('POST', '/api/v1/programs', { org_id: org.id, kind: 'action_program', title: 'Chương trình hành động' }), 201).json;
});
after(async () => { assert.equal(await s.stop(), 0); s.cleanup(); });

test('a task shows what it lacks, and its program counts such tasks', async () => {
  const bare = expectStatus(await s.api('POST', `/api/v1/programs/${program.id}/tasks`, { title: 'Nhiệm vụ chưa cụ thể', lead_org_id: org.id }), 201).json;
  assert.deepEqual(bare.missing, ['time_frame', 'output']);
  const dated = expectStatus(await s.api('POST', `/api/v1/programs/${program.id}/tasks`, { title: 'Có thời hạn', lead_org_id: org.id, period: 'Quý II/2021' }), 201).json;
  assert.equal(dated.period, '2021-Q2');
  assert.deepEqual(dated.missing, ['output']);
  const full = expectStatus(await s.api('POST', `/api/v1/programs/${program.id}/tasks`, { title: 'Đầy đủ', lead_org_id: org.id, due_on: '2021-12-31', output: 'Đề án' }), 201).json;
  assert.deepEqual(full.missing, []);
  let p = expectStatus(await s.api('GET', `/api/v1/programs/${program.id}`), 200).json;
  assert.equal(p.incomplete_tasks, 2);
  expectStatus(await s.api('PATCH', `/api/v1/tasks/${bare.id}`, { output: 'Kế hoạch', due_on: '2021-06-30' }), 200);
  p = expectStatus(await s.api('GET', `/api/v1/programs/${program.id}`), 200).json;
  assert.equal(p.incomplete_tasks, 1);
});

test('a resolution shows how many days after its congress it was issued', async () => {
  const r = expectStatus(await s.api('POST', '/api/v1/resolutions', { term_id: term.id, title: 'Nghị quyết Đại hội XXIII', issued_on: '2020-07-01' }), 201).json;
  assert.equal(r.days_after_congress, 11);
  const undated = expectStatus(await s.api('POST', '/api/v1/resolutions', { term_id: term.id, title: 'Chưa ban hành' }), 201).json;
  assert.equal(undated.days_after_congress, null);
});
