// Every error class of API.md, with its exact code and field, and for every refused write the
// proof that it changed nothing (the whole visible state compared before and after).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { PASSWORD, run, startServer } from './lib.mjs';
import { create, expectError, expectStatus, get, refusedChangesNothing, snapshot } from './helpers.mjs';

let server;
const fx = {};

before(async () => {
  server = await startServer();
  const org = async (body) => (await create(server, '/api/v1/orgs', body)).id;
  fx.a = await org({ name: 'Tỉnh ủy A', kind: 'province' });
  fx.b = await org({ name: 'Huyện ủy B', kind: 'district', parent_id: fx.a });
  fx.c = await org({ name: 'Đảng ủy C', kind: 'grassroots', parent_id: fx.b });
  fx.x = await org({ name: 'Tỉnh ủy X', kind: 'province' });
  fx.person = (await create(server, '/api/v1/people', { full_name: 'Phạm Văn Đức', org_id: fx.b })).id;
  fx.term = (await create(server, '/api/v1/terms', { org_id: fx.b, starts_year: 2020, ends_year: 2025, congress: { ordinal: 24 } })).id;
  fx.res = (await create(server, '/api/v1/resolutions', { term_id: fx.term, title: 'Nghị quyết Đại hội' })).id;
  fx.item = (await create(server, `/api/v1/resolutions/${fx.res}/items`, { kind: 'indicator', text: 'Thu ngân sách', rollup: 'sum' })).id;
  fx.prog = (await create(server, '/api/v1/programs', { org_id: fx.b, kind: 'action_program', title: 'CTr hành động', resolution_id: fx.res })).id;
  fx.task = (await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Nhiệm vụ của C', lead_org_id: fx.c })).id;
  fx.diss = (await create(server, '/api/v1/disseminations', { org_id: fx.b, resolution_id: fx.res, held_on: '2020-11-01', expected: 10, attended: 5 })).id;
  fx.meeting = (await create(server, '/api/v1/meetings', { org_id: fx.b, body: 'bch', planned_period: '2021-Q1', agenda: [{ title: 'Quán triệt' }] })).id;
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exit status (23 = leak): ${server.stderr.slice(-2000)}`);
  server.cleanup();
});

/** A write that must be refused with that status, code and field, and change nothing. */
async function refused(method, path, body, status, code, field, headers) {
  const r = await refusedChangesNothing(server, () => server.api(method, path, body, headers));
  return expectError(r, status, code, field, `${method} ${path} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
}

describe('400 invalid_json', () => {
  for (const text of ['{"name": ', '{name: "x", kind: "cell"}', '{"name":"x","kind":"cell"} trailing', '{"name":"x",}']) {
    test(`malformed JSON ${JSON.stringify(text)}`, async () => {
      await refused('POST', '/api/v1/orgs', text, 400, 'invalid_json', undefined);
    });
  }

  test('an empty body on a create', async () => {
    await refused('POST', '/api/v1/orgs', '', 400, 'invalid_json', undefined);
  });

  const bad = {
    'a lone continuation byte': [0x80],
    'a truncated sequence': [0xc3, 0x28],
    'an overlong encoding': [0xc0, 0xaf],
    'an encoded surrogate': [0xed, 0xa0, 0x80],
    'a byte that never occurs': [0xff],
  };
  for (const [what, bytes] of Object.entries(bad)) {
    test(`a body that is not valid UTF-8: ${what}`, async () => {
      const body = Buffer.concat([Buffer.from('{"name":"Chi bộ '), Buffer.from(bytes), Buffer.from('","kind":"cell"}')]);
      await refused('POST', '/api/v1/orgs', new Uint8Array(body), 400, 'invalid_json', undefined);
    });
  }

  test('invalid UTF-8 in a PATCH', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xfe, 0xfe]), Buffer.from('"}')]);
    await refused('PATCH', `/api/v1/orgs/${fx.c}`, new Uint8Array(body), 400, 'invalid_json', undefined);
  });
});

describe('422 invalid_field', () => {
  test('a body that is a JSON array', async () => {
    await refused('POST', '/api/v1/orgs', '[{"name":"Chi bộ","kind":"cell"}]', 422, 'invalid_field', undefined);
    await refused('POST', '/api/v1/orgs', '[]', 422, 'invalid_field', undefined);
  });

  test('a body that is a JSON scalar (valid JSON, not an object)', async () => {
    for (const text of ['42', '"Chi bộ"', 'null', 'true']) {
      await refused('POST', '/api/v1/orgs', text, 422, 'invalid_field', undefined);
    }
  });

  test('a PATCH body that is not an object', async () => {
    await refused('PATCH', `/api/v1/orgs/${fx.c}`, '[{"name":"x"}]', 422, 'invalid_field', undefined);
  });

  const missing = [
    ['/api/v1/orgs', { kind: 'cell' }, 'name'],
    ['/api/v1/orgs', { name: 'Chi bộ' }, 'kind'],
    ['/api/v1/people', { full_name: 'Ai đó' }, 'org_id'],
    ['/api/v1/terms', { org_id: 1, starts_year: 2020 }, 'ends_year'],
    ['/api/v1/resolutions', { title: 'NQ' }, 'term_id'],
    ['/api/v1/programs', { org_id: 1, title: 'CTr' }, 'kind'],
    ['/api/v1/documents', { org_id: 1, type: 'NQ' }, 'title'],
    ['/api/v1/meetings', { org_id: 1, body: 'bch' }, 'planned_period'],
    ['/api/v1/inspections', { org_id: 1, topic: 'x', kind: 'inspection', planned_period: '2021' }, 'target_org_ids'],
    ['/api/v1/assignments', { person_id: 1 }, 'term_id'],
    ['/api/v1/disseminations', { org_id: 1, resolution_id: 1 }, 'held_on'],
  ];
  for (const [path, body, field] of missing) {
    test(`missing required field ${field} on POST ${path}`, async () => {
      const b = JSON.parse(JSON.stringify(body).replace(/:1\b/g, `:${fx.a}`));
      if (b.resolution_id) b.resolution_id = fx.res;
      if (b.person_id) b.person_id = fx.person;
      await refused('POST', path, b, 422, 'invalid_field', field);
    });
  }

  test('missing required fields of nested things', async () => {
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 'Không có chủ trì' }, 422, 'invalid_field', 'lead_org_id');
    await refused('POST', `/api/v1/resolutions/${fx.res}/items`, { kind: 'goal' }, 422, 'invalid_field', 'text');
    await refused('POST', `/api/v1/indicators/${fx.item}/values`, { org_id: fx.b, period: '2021' }, 422, 'invalid_field', 'value');
    await refused('POST', `/api/v1/terms/${fx.term}/seats`, { body: 'bch' }, 422, 'invalid_field', 'person_id');
  });

  test('null for a required field, on create and on update', async () => {
    await refused('POST', '/api/v1/orgs', { name: null, kind: 'cell' }, 422, 'invalid_field', 'name');
    await refused('PATCH', `/api/v1/orgs/${fx.c}`, { name: null }, 422, 'invalid_field', 'name');
    await refused('PATCH', `/api/v1/orgs/${fx.c}`, { name: '   ' }, 422, 'invalid_field', 'name');
  });

  const wrongType = [
    ['/api/v1/orgs', { name: 5, kind: 'cell' }, 'name'],
    ['/api/v1/orgs', { name: 'x', kind: 'cell', parent_id: 'abc' }, 'parent_id'],
    ['/api/v1/orgs', { name: 'x', kind: 'cell', parent_id: 1.5 }, 'parent_id'],
    ['/api/v1/orgs', { name: ['x'], kind: 'cell' }, 'name'],
    ['/api/v1/terms', { org_id: 'A', starts_year: '2020', ends_year: 2025 }, 'starts_year'],
    ['/api/v1/terms', { org_id: 'A', starts_year: 2020, ends_year: 2025, congress: { pilot: 'có' } }, 'congress.pilot'],
    ['/api/v1/terms', { org_id: 'A', starts_year: 2020, ends_year: 2025, congress: 24 }, 'congress'],
    ['/api/v1/resolutions', { term_id: 'T', title: 'NQ', issued_on: '2020-13-45' }, 'issued_on'],
    ['/api/v1/resolutions', { term_id: 'T', title: 'NQ', issued_on: '16/10/2020' }, 'issued_on'],
    ['/api/v1/meetings', { org_id: 'A', body: 'bch', planned_period: 'Q5-2021' }, 'planned_period'],
    ['/api/v1/inspections', { org_id: 'A', target_org_ids: 'A', topic: 't', kind: 'inspection', planned_period: '2021' }, 'target_org_ids'],
    ['/api/v1/assignments', { person_id: 'P', term_id: 'T', fields: 'kinh tế' }, 'fields'],
    ['/api/v1/disseminations', { org_id: 'A', resolution_id: 'R', held_on: '2020-11-01', expected: -1 }, 'expected'],
  ];
  for (const [path, body, field] of wrongType) {
    test(`wrong type or format of ${field} on POST ${path}`, async () => {
      const b = JSON.parse(JSON.stringify(body)
        .replace(/"(org_id|target_org_ids)":"A"/g, (m, k) => (k === 'org_id' ? `"org_id":${fx.a}` : m))
        .replace(/"term_id":"T"/, `"term_id":${fx.term}`).replace(/"person_id":"P"/, `"person_id":${fx.person}`)
        .replace(/"resolution_id":"R"/, `"resolution_id":${fx.res}`));
      await refused('POST', path, b, 422, 'invalid_field', field);
    });
  }

  test('task progress out of 0–100', async () => {
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 't', lead_org_id: fx.c, progress: 150 }, 422, 'invalid_field', 'progress');
    await refused('PATCH', `/api/v1/tasks/${fx.task}`, { progress: -1 }, 422, 'invalid_field', 'progress');
    await refused('POST', `/api/v1/tasks/${fx.task}/updates`, { progress: 101 }, 422, 'invalid_field', 'progress');
  });

  const enums = [
    ['/api/v1/orgs', { name: 'x', kind: 'galaxy' }, 'kind'],
    ['/api/v1/programs', { org_id: 'A', kind: 'wish_list', title: 'x' }, 'kind'],
    ['/api/v1/programs', { org_id: 'A', kind: 'action_program', title: 'x', status: 'approved' }, 'status'],
    ['/api/v1/terms', { org_id: 'A', starts_year: 2020, ends_year: 2025, congress: { status: 'cancelled' } }, 'congress.status'],
    ['/api/v1/meetings', { org_id: 'A', body: 'ubkt', planned_period: '2021' }, 'body'],
    ['/api/v1/inspections', { org_id: 'A', target_org_ids: ['A'], topic: 't', kind: 'audit', planned_period: '2021' }, 'kind'],
  ];
  for (const [path, body, field] of enums) {
    test(`unknown enum value of ${field} on POST ${path}`, async () => {
      const b = JSON.parse(JSON.stringify(body).replace(/"A"/g, String(fx.a)));
      await refused('POST', path, b, 422, 'invalid_field', field);
    });
  }

  test('unknown enum values of nested things and updates', async () => {
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 't', lead_org_id: fx.c, status: 'finished' }, 422, 'invalid_field', 'status');
    await refused('PATCH', `/api/v1/tasks/${fx.task}`, { status: 'paused' }, 422, 'invalid_field', 'status');
    await refused('POST', `/api/v1/resolutions/${fx.res}/items`, { kind: 'wish', text: 'x' }, 422, 'invalid_field', 'kind');
    await refused('POST', `/api/v1/resolutions/${fx.res}/items`, { kind: 'indicator', text: 'x', rollup: 'median' }, 422, 'invalid_field', 'rollup');
    await refused('POST', `/api/v1/resolutions/${fx.res}/items`, { kind: 'indicator', text: 'x', direction: 'up' }, 422, 'invalid_field', 'direction');
    await refused('POST', `/api/v1/indicators/${fx.item}/values`, { org_id: fx.b, period: '2021', value: 1, status: 'final' }, 422, 'invalid_field', 'status');
    await refused('POST', `/api/v1/terms/${fx.term}/seats`, { person_id: fx.person, body: 'quoc_hoi' }, 422, 'invalid_field', 'body');
  });

  test('an unknown id named in the body names the field', async () => {
    await refused('POST', '/api/v1/people', { full_name: 'Không có tổ chức', org_id: 99999 }, 422, 'invalid_field', 'org_id');
    await refused('POST', '/api/v1/orgs', { name: 'x', kind: 'cell', parent_id: 99999 }, 422, 'invalid_field', 'parent_id');
    await refused('PATCH', `/api/v1/orgs/${fx.c}`, { parent_id: 99999 }, 422, 'invalid_field', 'parent_id');
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 't', lead_org_id: 99999 }, 422, 'invalid_field', 'lead_org_id');
    await refused('POST', '/api/v1/resolutions', { term_id: 99999, title: 'NQ' }, 422, 'invalid_field', 'term_id');
    await refused('POST', '/api/v1/programs', { org_id: fx.b, kind: 'action_program', title: 'x', resolution_id: 99999 }, 422, 'invalid_field', 'resolution_id');
  });

  test('an unknown id inside a list names the list (element index allowed)', async () => {
    for (const [path, body, name] of [
      ['/api/v1/inspections', { org_id: fx.b, target_org_ids: [fx.c, 99999], topic: 't', kind: 'inspection', planned_period: '2021' }, 'target_org_ids'],
      [`/api/v1/programs/${fx.prog}/tasks`, { title: 't', lead_org_id: fx.c, covers: [99999] }, 'covers'],
      ['/api/v1/disseminations', { org_id: fx.b, resolution_id: fx.res, held_on: '2020-11-01', audience_org_ids: [99999] }, 'audience_org_ids'],
    ]) {
      const r = await refusedChangesNothing(server, () => server.api('POST', path, body));
      assert.equal(r.status, 422, r.text);
      assert.equal(r.json.error.code, 'invalid_field');
      assert.match(r.json.error.field, new RegExp(`^${name}(\\[\\d+\\])?$`), r.text);
    }
  });

  test('nested field errors are named congress.ordinal and agenda[0].title', async () => {
    const term = { org_id: fx.b, starts_year: 2020, ends_year: 2025 };
    await refused('POST', '/api/v1/terms', { ...term, congress: { ordinal: 'XXIV' } }, 422, 'invalid_field', 'congress.ordinal');
    await refused('POST', '/api/v1/terms', { ...term, congress: { ordinal: 0 } }, 422, 'invalid_field', 'congress.ordinal');
    await refused('PATCH', `/api/v1/terms/${fx.term}`, { congress: { ordinal: 2.5 } }, 422, 'invalid_field', 'congress.ordinal');
    const meeting = { org_id: fx.b, body: 'bch', planned_period: '2021-Q2' };
    await refused('POST', '/api/v1/meetings', { ...meeting, agenda: [{ task_id: fx.task }] }, 422, 'invalid_field', 'agenda[0].title');
    await refused('POST', '/api/v1/meetings', { ...meeting, agenda: [{ title: 'Một' }, { title: 7 }] }, 422, 'invalid_field', 'agenda[1].title');
    await refused('POST', '/api/v1/meetings', { ...meeting, agenda: [{ title: 'Một', task_id: 99999 }] }, 422, 'invalid_field', 'agenda[0].task_id');
    await refused('PATCH', `/api/v1/meetings/${fx.meeting}`, { agenda: [{ title: '' }] }, 422, 'invalid_field', 'agenda[0].title');
  });

  test('attended above expected is refused naming attended', async () => {
    await refused('POST', '/api/v1/disseminations', { org_id: fx.b, resolution_id: fx.res, held_on: '2020-11-01', expected: 10, attended: 11 }, 422, 'invalid_field', 'attended');
    await refused('PATCH', `/api/v1/disseminations/${fx.diss}`, { attended: 11 }, 422, 'invalid_field', 'attended');
    await refused('PATCH', `/api/v1/disseminations/${fx.diss}`, { expected: 4 }, 422, 'invalid_field', 'attended');
    // The boundary is allowed.
    const ok = expectStatus(await server.api('PATCH', `/api/v1/disseminations/${fx.diss}`, { attended: 10 }), 200);
    assert.equal(ok.json.attended, 10);
  });

  test('an unknown filter, or a filter value of the wrong type', async () => {
    expectError(await server.api('GET', '/api/v1/orgs?colour=red'), 422, 'invalid_field', 'colour');
    expectError(await server.api('GET', '/api/v1/people?org_id=abc'), 422, 'invalid_field', 'org_id');
    expectError(await server.api('GET', `/api/v1/programs/${fx.prog}/tasks?status=finished`), 422, 'invalid_field', 'status');
    expectError(await server.api('GET', '/api/v1/users?password_hash=x'), 422, 'invalid_field', 'password_hash');
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}/rollup?colour=red`), 422, 'invalid_field', 'colour');
  });

  test('a bad `by` on the roll-up', async () => {
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}/rollup?by=person`), 422, 'invalid_field', 'by');
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}/rollup?term_year=abc`), 422, 'invalid_field', 'term_year');
  });
});

describe('404, 405', () => {
  test('an unknown id in the path is 404 not_found, for reads and writes', async () => {
    expectError(await server.api('GET', '/api/v1/orgs/99999'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/orgs/abc'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/orgs/0'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/items/99999'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/task-updates/99999'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/indicator-values/99999'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/seats/99999'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/orgs/99999/rollup'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/orgs/99999/children'), 404, 'not_found');
    expectError(await server.api('GET', `/api/v1/orgs/99999/cascade?resolution_id=${fx.res}`), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/resolutions/99999/coverage'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/resolutions/99999/suggest?text=x'), 404, 'not_found');
    expectError(await server.api('GET', '/api/v1/indicators/99999/rollup?org_id=1&period=2021'), 404, 'not_found');
    await refused('PATCH', '/api/v1/orgs/99999', { name: 'x' }, 404, 'not_found', undefined);
    await refused('DELETE', '/api/v1/orgs/99999', undefined, 404, 'not_found', undefined);
    await refused('POST', '/api/v1/programs/99999/tasks', { title: 't', lead_org_id: fx.c }, 404, 'not_found', undefined);
    await refused('POST', '/api/v1/tasks/99999/updates', { progress: 5 }, 404, 'not_found', undefined);
    await refused('POST', '/api/v1/indicators/99999/values', { org_id: fx.b, period: '2021', value: 1 }, 404, 'not_found', undefined);
    await refused('POST', '/api/v1/items/99999/waiver', { reason: 'x' }, 404, 'not_found', undefined);
  });

  test('an unknown path is 404 not_found', async () => {
    expectError(await server.api('GET', '/api/v1/nothing'), 404, 'not_found');
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}/nothing`), 404, 'not_found');
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}/children/extra/more`), 404, 'not_found');
    expectError(await server.api('GET', '/api/v2/orgs'), 404, 'not_found');
    await refused('POST', '/api/v1/nothing', { name: 'x' }, 404, 'not_found', undefined);
  });

  test('a wrong method is 405 method_not_allowed', async () => {
    await refused('PUT', `/api/v1/orgs/${fx.c}`, { name: 'x', kind: 'cell' }, 405, 'method_not_allowed', undefined);
    await refused('DELETE', '/api/v1/orgs', undefined, 405, 'method_not_allowed', undefined);
    await refused('PATCH', '/api/v1/orgs', { name: 'x' }, 405, 'method_not_allowed', undefined);
    await refused('POST', `/api/v1/orgs/${fx.c}`, { name: 'x' }, 405, 'method_not_allowed', undefined);
    await refused('POST', '/api/v1/search?q=x', {}, 405, 'method_not_allowed', undefined);
    await refused('DELETE', `/api/v1/orgs/${fx.a}/rollup`, undefined, 405, 'method_not_allowed', undefined);
    await refused('PUT', `/api/v1/programs/${fx.prog}/tasks`, { title: 't' }, 405, 'method_not_allowed', undefined);
  });
});

describe('409 conflict', () => {
  test('a cycle in the org tree: A→B→C, PATCH A.parent_id = C', async () => {
    await refused('PATCH', `/api/v1/orgs/${fx.a}`, { parent_id: fx.c }, 409, 'conflict', 'parent_id');
    await refused('PATCH', `/api/v1/orgs/${fx.a}`, { parent_id: fx.b }, 409, 'conflict', 'parent_id');
    await refused('PATCH', `/api/v1/orgs/${fx.b}`, { parent_id: fx.b }, 409, 'conflict', 'parent_id');
    await refused('PATCH', `/api/v1/orgs/${fx.b}`, { parent_id: fx.c, name: 'đổi tên cùng lúc' }, 409, 'conflict', 'parent_id');
    const sub = await get(server, `/api/v1/orgs/${fx.a}/subtree`);
    assert.deepEqual(sub.items.map((o) => o.id).sort((p, q) => p - q), [fx.a, fx.b, fx.c]);
  });

  test("a task lead outside the program org's subtree", async () => {
    // The program belongs to B: X (another tree) and A (B's parent) are outside.
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 'Ngoài phạm vi', lead_org_id: fx.x }, 409, 'conflict', 'lead_org_id');
    await refused('POST', `/api/v1/programs/${fx.prog}/tasks`, { title: 'Cấp trên', lead_org_id: fx.a }, 409, 'conflict', 'lead_org_id');
    await refused('PATCH', `/api/v1/tasks/${fx.task}`, { lead_org_id: fx.x }, 409, 'conflict', 'lead_org_id');
    // B itself and C are inside.
    await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'Chính B', lead_org_id: fx.b });
  });

  test('deleting an org that other data still names is refused and changes nothing', async () => {
    await refused('DELETE', `/api/v1/orgs/${fx.a}`, undefined, 409, 'conflict', undefined); // has children
    await refused('DELETE', `/api/v1/orgs/${fx.c}`, undefined, 409, 'conflict', undefined); // leads a task
    await refused('DELETE', `/api/v1/terms/${fx.term}`, undefined, 409, 'conflict', undefined); // has a resolution
    await refused('DELETE', `/api/v1/resolutions/${fx.res}`, undefined, 409, 'conflict', undefined); // items, programs
  });

  test('moving an org never fails because of tasks', async () => {
    const d = (await create(server, '/api/v1/orgs', { name: 'Chi bộ D', kind: 'cell', parent_id: fx.b })).id;
    const t = await create(server, `/api/v1/programs/${fx.prog}/tasks`, { title: 'D chủ trì', lead_org_id: d });
    expectStatus(await server.api('PATCH', `/api/v1/orgs/${d}`, { parent_id: fx.x }), 200);
    assert.equal((await get(server, `/api/v1/tasks/${t.id}`)).lead_org_id, d);
    const sub = await get(server, `/api/v1/orgs/${fx.x}/subtree`);
    assert.ok(sub.items.some((o) => o.id === d));
  });
});

describe('413 too_large', () => {
  /**
   * Sends a raw HTTP request whose body is `size` bytes of a JSON object, over a bare socket
   * so that a server that answers early and closes (API.md allows it) is still heard: writing
   * stops as soon as any answer arrives, and the answer is parsed from the bytes received.
   */
  function rawPost(path, size, { chunked = false, expect = false } = {}) {
    return new Promise((resolve, reject) => {
      const u = new URL(server.url);
      const head = Buffer.from('{"name":"Chi bộ lớn","kind":"cell","pad":"');
      const tail = Buffer.from('"}');
      let left = size - head.length - tail.length;
      const sock = net.connect(Number(u.port), u.hostname);
      let got = Buffer.alloc(0);
      let answered = false;
      const finish = () => {
        const text = got.toString('utf8');
        const m = text.match(/^HTTP\/1\.[01] (\d{3})/);
        if (!m) { reject(new Error(`no answer (${got.length} bytes)`)); return; }
        const bodyText = text.slice(text.indexOf('\r\n\r\n') + 4);
        let json = null;
        const start = bodyText.indexOf('{');
        try { json = JSON.parse(bodyText.slice(start, bodyText.lastIndexOf('}') + 1)); } catch { /* */ }
        resolve({ status: Number(m[1]), text: bodyText, json });
      };
      let started = !expect;
      sock.on('data', (d) => {
        got = Buffer.concat([got, d]);
        if (!started && /^HTTP\/1\.[01] 100/.test(got.toString('latin1'))) {
          got = Buffer.alloc(0);
          started = true;
          sendBody();
          return;
        }
        answered = true;
        const text = got.toString('utf8');
        const cl = text.match(/\r\ncontent-length: *(\d+)/i);
        const sep = text.indexOf('\r\n\r\n');
        if (cl && sep >= 0 && got.length >= sep + 4 + Number(cl[1])) { sock.destroy(); finish(); }
      });
      sock.on('error', () => {});
      sock.on('close', () => finish());
      const frame = (buf) => (chunked ? Buffer.concat([Buffer.from(`${buf.length.toString(16)}\r\n`), buf, Buffer.from('\r\n')]) : buf);
      sock.on('connect', () => {
        sock.write(`POST ${path} HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${server.token}\r\n` +
          `Content-Type: application/json\r\nConnection: close\r\n` +
          (chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${size}\r\n`) +
          (expect ? 'Expect: 100-continue\r\n' : '') + '\r\n');
        if (started) sendBody();
      });
      function sendBody() {
        sock.write(frame(head));
        const chunk = Buffer.alloc(1 << 16, 0x61);
        const pump = () => {
          while (left > 0 && !answered && !sock.destroyed) {
            const n = Math.min(left, chunk.length);
            left -= n;
            if (!sock.write(frame(n === chunk.length ? chunk : chunk.subarray(0, n)))) { sock.once('drain', pump); return; }
          }
          if (left <= 0 && !answered && !sock.destroyed) sock.write(Buffer.concat([frame(tail), chunked ? Buffer.from('0\r\n\r\n') : Buffer.alloc(0)]));
        };
        pump();
      }
    });
  }

  const tooLarge = async (opts) => {
    const before = await snapshot(server);
    const r = await rawPost('/api/v1/orgs', 11 * 1024 * 1024, opts);
    assert.equal(r.status, 413, r.text);
    assert.equal(r.json?.error?.code, 'too_large', r.text);
    assert.deepEqual(await snapshot(server), before);
  };

  test('11 MiB announced with Expect: 100-continue is 413 too_large and changes nothing', async () => {
    await tooLarge({ expect: true });
  });

  test('11 MiB announced and sent at once (as fetch does): the client hears 413 too_large', async () => {
    await tooLarge({});
  });

  test('11 MiB sent chunked: the client hears 413 too_large', async () => {
    await tooLarge({ chunked: true });
  });

  test('a body of exactly 10 MiB is not too large', async () => {
    const r = await rawPost('/api/v1/orgs', 10 * 1024 * 1024);
    assert.equal(r.status, 201, r.text.slice(0, 300));
    expectStatus(await server.api('DELETE', `/api/v1/orgs/${r.json.id}`), 204);
  });
});

describe('401, 403', () => {
  const noAuth = { Authorization: null };

  test('no token is 401 unauthenticated; a wrong token too; writes change nothing', async () => {
    expectError(await server.api('GET', '/api/v1/orgs', undefined, noAuth), 401, 'unauthenticated');
    expectError(await server.api('GET', `/api/v1/orgs/${fx.a}`, undefined, { Authorization: 'Bearer not-a-token' }), 401, 'unauthenticated');
    expectError(await server.api('GET', '/api/v1/search?q=a', undefined, { Authorization: 'Basic YWRtaW46eA==' }), 401, 'unauthenticated');
    await refused('POST', '/api/v1/orgs', { name: 'Vô danh', kind: 'cell' }, 401, 'unauthenticated', undefined, noAuth);
    await refused('DELETE', `/api/v1/orgs/${fx.c}`, undefined, 401, 'unauthenticated', undefined, { Authorization: `Bearer ${server.token}x` });
  });

  test('openapi.json needs no sign-in', async () => {
    const r = await server.api('GET', '/api/v1/openapi.json', undefined, noAuth);
    expectStatus(r, 200);
    assert.ok(r.json && r.json.openapi && r.json.paths, 'an OpenAPI document');
  });

  test('a wrong password is refused', async () => {
    const r = await server.api('POST', '/api/v1/session', { username: 'admin', password: 'sai-mat-khau' }, noAuth);
    assert.ok(r.status === 401 || r.status === 403, r.text);
    assert.equal(r.headers.get('set-cookie'), null);
  });

  describe('cookie sessions', () => {
    let cookie;
    before(async () => {
      const r = await server.api('POST', '/api/v1/session', { username: 'admin', password: PASSWORD }, noAuth);
      assert.ok(r.status === 200 || r.status === 201, r.text);
      const set = r.headers.get('set-cookie');
      assert.ok(set, 'a session cookie');
      assert.match(set, /;\s*HttpOnly/i);
      assert.match(set, /;\s*SameSite=Strict/i);
      assert.match(set, /;\s*Path=\//i);
      assert.doesNotMatch(set, /;\s*Secure/i, 'not Secure over plain HTTP');
      cookie = set.split(';')[0];
    });
    const withCookie = (h = {}) => ({ Authorization: null, Cookie: cookie, ...h });

    test('the cookie signs in', async () => {
      expectStatus(await server.api('GET', '/api/v1/orgs', undefined, withCookie()), 200);
    });

    test('a cookie write with a foreign Origin is 403 cross_origin and changes nothing', async () => {
      await refused('POST', '/api/v1/orgs', { name: 'Giả mạo', kind: 'cell' }, 403, 'cross_origin', undefined, withCookie({ Origin: 'http://evil.example' }));
      await refused('PATCH', `/api/v1/orgs/${fx.c}`, { name: 'Giả mạo' }, 403, 'cross_origin', undefined, withCookie({ Origin: 'http://evil.example' }));
      await refused('DELETE', `/api/v1/orgs/${fx.c}`, undefined, 403, 'cross_origin', undefined, withCookie({ Origin: 'null' }));
      // Same host, other port or scheme, is another origin.
      const u = new URL(server.url);
      await refused('POST', '/api/v1/orgs', { name: 'Giả mạo', kind: 'cell' }, 403, 'cross_origin', undefined,
        withCookie({ Origin: `http://${u.hostname}:${Number(u.port) + 1}` }));
      await refused('POST', '/api/v1/orgs', { name: 'Giả mạo', kind: 'cell' }, 403, 'cross_origin', undefined,
        withCookie({ Origin: `https://${u.host}` }));
    });

    test('a cookie write with Sec-Fetch-Site: cross-site is 403 cross_origin, even with our Origin', async () => {
      await refused('POST', '/api/v1/orgs', { name: 'Giả mạo', kind: 'cell' }, 403, 'cross_origin', undefined, withCookie({ 'Sec-Fetch-Site': 'cross-site' }));
      await refused('POST', '/api/v1/orgs', { name: 'Giả mạo', kind: 'cell' }, 403, 'cross_origin', undefined,
        withCookie({ 'Sec-Fetch-Site': 'cross-site', Origin: server.url }));
    });

    test('signing in from a foreign origin is refused too', async () => {
      const r = await server.api('POST', '/api/v1/session', { username: 'admin', password: PASSWORD }, { Authorization: null, Origin: 'http://evil.example' });
      expectError(r, 403, 'cross_origin', undefined);
      assert.equal(r.headers.get('set-cookie'), null);
    });

    test('a cookie write from our own origin, or with neither header, passes', async () => {
      const a = await server.api('POST', '/api/v1/orgs', { name: 'Chi bộ cùng nguồn', kind: 'cell', parent_id: fx.c }, withCookie({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' }));
      expectStatus(a, 201);
      const b = await server.api('POST', '/api/v1/orgs', { name: 'Chi bộ curl', kind: 'cell', parent_id: fx.c }, withCookie());
      expectStatus(b, 201);
    });

    test('a bearer token is not a cookie session: an Origin does not refuse it', async () => {
      const r = await server.api('POST', '/api/v1/orgs', { name: 'Chi bộ qua token', kind: 'cell', parent_id: fx.c }, { Origin: 'http://evil.example' });
      expectStatus(r, 201);
    });
  });

  test('a viewer may read but not write: 403 forbidden', async () => {
    await create(server, '/api/v1/users', { username: 'nguoi-xem', password: 'mat-khau-nguoi-xem', role: 'viewer' });
    const tok = run(['user', 'token', '--db', server.db, '--username', 'nguoi-xem']);
    assert.equal(tok.status, 0, tok.stderr);
    const h = { Authorization: `Bearer ${tok.stdout.trim()}` };
    expectStatus(await server.api('GET', `/api/v1/orgs/${fx.a}`, undefined, h), 200);
    await refused('POST', '/api/v1/orgs', { name: 'Chi bộ của người xem', kind: 'cell' }, 403, 'forbidden', undefined, h);
    await refused('PATCH', `/api/v1/orgs/${fx.a}`, { name: 'x' }, 403, 'forbidden', undefined, h);
    await refused('POST', `/api/v1/tasks/${fx.task}/updates`, { progress: 50 }, 403, 'forbidden', undefined, h);
    await refused('POST', '/api/v1/users', { username: 'ke-gian', password: 'mat-khau-ke-gian', role: 'admin' }, 403, 'forbidden', undefined, h);
  });

  test('users never show a password or its hash', async () => {
    const u = await create(server, '/api/v1/users', { username: 'bien-tap', password: 'mat-khau-bien-tap', role: 'editor', org_id: fx.b });
    const g = await get(server, `/api/v1/users/${u.id}`);
    for (const o of [u, g]) {
      assert.equal(o.password, undefined);
      assert.equal(o.password_hash, undefined);
      assert.doesNotMatch(JSON.stringify(o), /argon2|mat-khau-bien-tap/);
    }
  });
});
