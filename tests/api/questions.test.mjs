// The core questions of API.md, on a small tree built by hand, checked against values this
// file computes from its own model of what it created: roll-up, coverage, cascade, indicator
// roll-up, suggest and search.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { create, day, expectError, expectStatus, fold, get } from './helpers.mjs';

let server;
const O = {}; // org key → id
const orgs = new Map(); // id → {kind, parent}
const T = {}; // term key → {id, starts}
const R = {}; // resolution key → {id, term}
const P = {}; // program key → {id, org, res}
const tasks = []; // {key, id, prog, lead, status, progress, due}
const K = {}; // task key → id
const I = {}; // item key → id
const diss = []; // {org, res, expected, attended}

const near = (a, b, what) => {
  if (a === null || b === null) assert.equal(a, b, what);
  else assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);
};

function subtree(id) {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [o, v] of orgs) if (!out.has(o) && out.has(v.parent)) { out.add(o); grew = true; }
  }
  return out;
}

async function org(key, name, kind, parentKey) {
  const o = await create(server, '/api/v1/orgs', { name, kind, parent_id: parentKey ? O[parentKey] : null });
  O[key] = o.id;
  orgs.set(o.id, { kind, parent: parentKey ? O[parentKey] : null });
}

async function task(key, progKey, leadKey, extra = {}) {
  const t = await create(server, `/api/v1/programs/${P[progKey].id}/tasks`, { title: `Nhiệm vụ ${key}`, lead_org_id: O[leadKey], ...extra });
  K[key] = t.id;
  tasks.push({ key, id: t.id, prog: progKey, lead: O[leadKey], status: extra.status || 'not_started', progress: extra.progress ?? null, due: extra.due_on || null });
  return t;
}

before(async () => {
  server = await startServer();
  await org('C0', 'Ban Chấp hành Trung ương', 'central');
  await org('P', 'Đảng bộ tỉnh Quảng Ninh', 'province', 'C0');
  await org('D1', 'Đảng bộ thành phố Móng Cái', 'district', 'P');
  await org('G1', 'Đảng bộ phường Ka Long', 'grassroots', 'D1');
  await org('B1', 'Ban Tuyên giáo Thành ủy', 'body', 'D1');
  await org('D2', 'Đảng bộ huyện Cô Tô', 'district', 'P');
  await org('D3', 'Đảng bộ huyện Vân Đồn', 'district', 'P');
  await org('D4', 'Đảng bộ huyện Bình Liêu', 'district', 'P');
  await org('BP', 'Văn phòng Tỉnh ủy', 'body', 'P');
  await org('X', 'Đảng bộ tỉnh Lạng Sơn', 'province');

  const term = async (key, orgKey, starts, held) => {
    const t = await create(server, '/api/v1/terms', {
      org_id: O[orgKey], starts_year: starts, ends_year: starts + 5,
      congress: held ? { ordinal: 15, held_from: held, held_to: held, status: 'held' } : undefined,
    });
    T[key] = { id: t.id, starts };
  };
  await term('P20', 'P', 2020, '2020-10-15');
  await term('P15', 'P', 2015, '2015-10-10');
  await term('D1', 'D1', 2020, '2020-07-10');
  await term('D2', 'D2', 2020, '2020-10-01');
  await term('X', 'X', 2020, null);
  await term('C0', 'C0', 2021, '2021-02-01');

  const res = async (key, termKey) => {
    R[key] = { id: (await create(server, '/api/v1/resolutions', { term_id: T[termKey].id, title: `Nghị quyết ${key}` })).id, term: termKey };
  };
  await res('R', 'P20');
  await res('R15', 'P15');
  await res('RX', 'X');
  await res('RC', 'C0');
  await res('Rempty', 'P20');

  // Items of R (coverage): g1 ⊃ {i1, i2}, g2, ind1, i3, i4 (waived), g3 ⊃ {i5}, k1 ⊃ {s1}.
  const item = async (key, kind, parentKey) => {
    I[key] = (await create(server, `/api/v1/resolutions/${R.R.id}/items`, { kind, text: `Nội dung ${key}`, code: key, parent_id: parentKey ? I[parentKey] : null })).id;
  };
  await item('g1', 'goal');
  await item('i1', 'key_task', 'g1');
  await item('i2', 'solution', 'g1');
  await item('g2', 'goal');
  await item('ind1', 'indicator');
  await item('i3', 'breakthrough');
  await item('i4', 'solution');
  await item('g3', 'goal');
  await item('i5', 'solution', 'g3');
  await item('k1', 'key_task');
  await item('s1', 'solution', 'k1');

  const prog = async (key, orgKey, resKey, extra = {}) => {
    const p = await create(server, '/api/v1/programs', { org_id: O[orgKey], kind: 'action_program', title: `Chương trình ${key}`, resolution_id: resKey ? R[resKey].id : null, ...extra });
    P[key] = { id: p.id, org: O[orgKey], res: resKey };
  };
  await prog('A', 'P', 'R', { status: 'adopted', adopted_on: '2020-11-10' });
  await prog('Dp', 'D1', 'R', { kind: 'implementation_plan', status: 'adopted', adopted_on: '2020-09-01' });
  await prog('C15', 'P', 'R15');
  await prog('N', 'P', null, { kind: 'work_program' });
  await prog('U', 'C0', 'RC');
  await prog('XP', 'X', 'RX');

  await task('t1', 'A', 'D1', { covers: [I.i1] });
  await task('t2', 'A', 'D2', { status: 'in_progress', progress: 50, covers: [I.i2, I.s1] });
  await task('t3', 'A', 'P', { status: 'done', progress: 100, covers: [I.ind1] });
  await task('t4', 'A', 'G1', { status: 'cancelled', progress: 30, covers: [I.i3] });
  await task('t5', 'A', 'D1', { status: 'in_progress', progress: 20, due_on: day(-1) });
  await task('t9', 'A', 'BP', { progress: 10, due_on: '2020-03-31' });
  await task('t6', 'Dp', 'G1', { status: 'done', progress: 100, covers: [I.g2] });
  await task('t10', 'Dp', 'B1', { status: 'in_progress', progress: 60, due_on: day(0) });
  await task('t7', 'C15', 'D1', { status: 'in_progress', progress: 10 });
  await task('t8', 'N', 'P', { progress: 0 });
  await task('t11', 'U', 'D1', { status: 'in_progress', progress: 40, due_on: '2021-06-30' });
  await task('t12', 'U', 'C0', {});
  await task('t13', 'XP', 'X', { status: 'in_progress', progress: 70 });

  expectStatus(await server.api('POST', `/api/v1/items/${I.i4}/waiver`, { reason: 'Nội dung đã hoàn thành trước nhiệm kỳ' }), 200);

  const d = async (orgKey, resKey, expected, attended) => {
    await create(server, '/api/v1/disseminations', { org_id: O[orgKey], resolution_id: R[resKey].id, held_on: '2020-11-20', expected, attended, audience_org_ids: [O[orgKey]] });
    diss.push({ org: O[orgKey], res: resKey, expected, attended });
  };
  await d('P', 'R', 100, 80);
  await d('D1', 'R', 50, 50);
  await d('P', 'R15', 10, 5);
  await d('X', 'RX', 40, 20);
  await d('G1', 'R', 0, 0);
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exit status (23 = leak): ${server.stderr.slice(-2000)}`);
  server.cleanup();
});

describe('org roll-up', () => {
  function expected(orgId, by, termYear) {
    const sub = subtree(orgId);
    const today = day(0);
    const counted = tasks.filter((t) => {
      const p = P[t.prog];
      if (by === 'lead' ? !sub.has(t.lead) : !sub.has(p.org)) return false;
      if (termYear && !(p.res && T[R[p.res].term].starts === termYear)) return false;
      return true;
    });
    const n = (s) => counted.filter((t) => t.status === s).length;
    const live = counted.filter((t) => t.status !== 'cancelled');
    const ds = diss.filter((x) => sub.has(x.org) && (!termYear || T[R[x.res].term].starts === termYear));
    const exp = ds.reduce((a, x) => a + x.expected, 0);
    const att = ds.reduce((a, x) => a + x.attended, 0);
    return {
      tasks: {
        total: counted.length, not_started: n('not_started'), in_progress: n('in_progress'), done: n('done'), cancelled: n('cancelled'),
        overdue: counted.filter((t) => ['not_started', 'in_progress'].includes(t.status) && t.due && t.due < today).length,
      },
      progress: live.length ? live.reduce((a, t) => a + (t.progress ?? 0), 0) / live.length : null,
      orgs: sub.size,
      dissemination: { expected: exp, attended: att, rate: exp > 0 ? att / exp : null },
    };
  }

  const cases = [];
  for (const o of ['C0', 'P', 'D1', 'G1', 'D3', 'X']) {
    for (const by of [undefined, 'program', 'lead']) {
      for (const ty of [undefined, 2020, 2015, 2021]) cases.push([o, by, ty]);
    }
  }
  test(`roll-up of ${cases.length} (org, by, term_year) combinations matches the model`, async () => {
    for (const [o, by, ty] of cases) {
      const qs = new URLSearchParams();
      if (by) qs.set('by', by);
      if (ty) qs.set('term_year', String(ty));
      const what = `${o} by=${by} term_year=${ty}`;
      const r = await get(server, `/api/v1/orgs/${O[o]}/rollup?${qs}`);
      const e = expected(O[o], by || 'program', ty);
      assert.deepEqual(r.tasks, { ...r.tasks, ...e.tasks }, what);
      for (const k of Object.keys(e.tasks)) assert.equal(r.tasks[k], e.tasks[k], `${what} tasks.${k}`);
      near(r.progress, e.progress, `${what} progress`);
      assert.equal(r.orgs, e.orgs, `${what} orgs`);
      assert.equal(r.dissemination.expected, e.dissemination.expected, `${what} dissemination.expected`);
      assert.equal(r.dissemination.attended, e.dissemination.attended, `${what} dissemination.attended`);
      near(r.dissemination.rate, e.dissemination.rate, `${what} dissemination.rate`);
    }
  });

  test('spot checks of the model itself (so that the model cannot hide a shared mistake)', async () => {
    // P by program, all terms: A (6 tasks), Dp (2), C15 (1), N (1) = 10 tasks; cancelled t4 out
    // of the mean: (0 + 50 + 100 + 20 + 10 + 100 + 60 + 10 + 0) / 9.
    const r = await get(server, `/api/v1/orgs/${O.P}/rollup`);
    assert.equal(r.tasks.total, 10);
    assert.equal(r.tasks.cancelled, 1);
    assert.equal(r.tasks.overdue, 2); // t5 due yesterday, t9 due 2020-03-31
    near(r.progress, 350 / 9, 'progress');
    assert.equal(r.orgs, 8); // P, D1, G1, B1, D2, D3, D4, BP: bodies included
    assert.deepEqual(r.dissemination, { ...r.dissemination, expected: 160, attended: 135 });
    // By lead, C0's program U adds t11 (lead D1); term 2021 keeps only it.
    const l = await get(server, `/api/v1/orgs/${O.P}/rollup?by=lead&term_year=2021`);
    assert.equal(l.tasks.total, 1);
    assert.equal(l.tasks.overdue, 1);
    near(l.progress, 40, 'by=lead 2021 progress');
    // A subtree with no task: progress null.
    const g = await get(server, `/api/v1/orgs/${O.D3}/rollup`);
    assert.equal(g.tasks.total, 0);
    assert.equal(g.progress, null);
    assert.equal(g.dissemination.rate, null);
  });

  test('only cancelled tasks: progress is null', async () => {
    const r = await get(server, `/api/v1/orgs/${O.G1}/rollup?by=lead&term_year=2020`);
    // G1 leads t4 (cancelled) and t6 (done) in term 2020.
    assert.equal(r.tasks.total, 2);
    near(r.progress, 100, 'G1 by lead');
    await create(server, '/api/v1/orgs', { name: 'Chi bộ trống', kind: 'cell', parent_id: O.D4 }).then(async (o) => {
      orgs.set(o.id, { kind: 'cell', parent: O.D4 });
      const p = await create(server, '/api/v1/programs', { org_id: o.id, kind: 'work_program', title: 'Kế hoạch hủy' });
      await create(server, `/api/v1/programs/${p.id}/tasks`, { title: 'Hủy', lead_org_id: o.id, status: 'cancelled', progress: 80 });
      const c = await get(server, `/api/v1/orgs/${o.id}/rollup`);
      assert.equal(c.tasks.total, 1);
      assert.equal(c.tasks.cancelled, 1);
      assert.equal(c.progress, null, 'no task counts: null, not 0 nor 80');
    });
  });
});

describe('coverage', () => {
  // Coverage of R as the model sees it: which tasks (not cancelled) of which programs cover what.
  function model(programKeys) {
    const direct = {};
    for (const key of Object.keys(I)) direct[key] = [];
    const covers = { t1: ['i1'], t2: ['i2', 's1'], t3: ['ind1'], t4: ['i3'], t6: ['g2'] };
    for (const t of tasks) {
      if (t.status === 'cancelled' || !programKeys.includes(t.prog)) continue;
      for (const k of covers[t.key] || []) direct[k].push(t.id);
    }
    const children = { g1: ['i1', 'i2'], g3: ['i5'], k1: ['s1'] };
    const waived = new Set(['i4']);
    const covered = (k) => direct[k].length > 0 || waived.has(k) || (children[k] && children[k].every(covered));
    const counted = Object.keys(I).filter((k) => !(k.startsWith('g') && children[k]));
    const cov = counted.filter(covered);
    return {
      direct,
      uncovered: counted.filter((k) => !covered(k)).map((k) => I[k]).sort((a, b) => a - b),
      ratio: cov.length / counted.length,
    };
  }
  const ids = (xs) => [...xs].sort((a, b) => a - b);

  for (const [label, query, progs] of [
    ['every program implementing the resolution', '', ['A', 'Dp']],
    ['program_id = the province action program', 'A', ['A']],
    ["program_id = the city's plan", 'Dp', ['Dp']],
  ]) {
    test(`coverage with ${label}`, async () => {
      const r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage${query ? `?program_id=${P[query].id}` : ''}`);
      const m = model(progs);
      near(r.ratio, m.ratio, 'ratio');
      assert.deepEqual(ids(r.uncovered), m.uncovered, 'uncovered');
      assert.deepEqual(r.waived, [I.i4], 'waived');
      const byId = new Map(r.items.map((x) => [x.id, x]));
      for (const [k, want] of Object.entries(m.direct)) {
        const got = byId.get(I[k]);
        if (!got) {
          assert.ok(k === 'g1' || k === 'g3', `item ${k} missing from items`);
          continue;
        }
        assert.deepEqual(ids(got.task_ids), ids(want), `task_ids of ${k}`);
        assert.equal(got.code, k);
        assert.equal(got.text, `Nội dung ${k}`);
      }
    });
  }

  test('spot check: 9 items count (goals with children do not), 7 covered', async () => {
    const r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
    near(r.ratio, 7 / 9, 'ratio');
    assert.deepEqual(ids(r.uncovered), ids([I.i3, I.i5]), 'i3 is covered only by a cancelled task; i5 by nothing');
    assert.ok(!r.uncovered.includes(I.g1) && !r.uncovered.includes(I.g3), 'goals with children are not counted');
    assert.ok(!r.uncovered.includes(I.k1), 'a parent whose children are all covered is covered');
  });

  test('a waiver needs a reason; lifting it uncovers the item; waiving again covers it', async () => {
    expectError(await server.api('POST', `/api/v1/items/${I.i5}/waiver`, {}), 422, 'invalid_field', 'reason');
    expectError(await server.api('POST', `/api/v1/items/${I.i5}/waiver`, { reason: '  ' }), 422, 'invalid_field', 'reason');
    expectStatus(await server.api('DELETE', `/api/v1/items/${I.i4}/waiver`), 200);
    let r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
    near(r.ratio, 6 / 9, 'ratio without the waiver');
    assert.deepEqual(r.waived, []);
    assert.ok(r.uncovered.includes(I.i4));
    expectStatus(await server.api('POST', `/api/v1/items/${I.i4}/waiver`, { reason: 'Đã hoàn thành' }), 200);
    r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
    near(r.ratio, 7 / 9, 'ratio with the waiver again');
    assert.deepEqual(r.waived, [I.i4]);
  });

  test('cancelling a task uncovers what it covered; un-cancelling covers it again', async () => {
    expectStatus(await server.api('PATCH', `/api/v1/tasks/${K.t3}`, { status: 'cancelled' }), 200);
    let r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
    assert.ok(r.uncovered.includes(I.ind1));
    near(r.ratio, 6 / 9, 'ratio');
    expectStatus(await server.api('PATCH', `/api/v1/tasks/${K.t3}`, { status: 'done' }), 200);
    r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
    assert.ok(!r.uncovered.includes(I.ind1));
  });

  test('a resolution with no items: ratio null', async () => {
    const r = await get(server, `/api/v1/resolutions/${R.Rempty.id}/coverage`);
    assert.equal(r.ratio, null);
    assert.deepEqual(r.items, []);
    assert.deepEqual(r.uncovered, []);
  });

  test('a goal with no children is a content to cover like any other', async () => {
    const r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage?program_id=${P.A.id}`);
    assert.ok(r.uncovered.includes(I.g2), 'g2 is covered only by the city plan');
  });
});

describe('cascade', () => {
  let D1q;
  let D2p;
  before(async () => {
    // D1: Dp (resolution, adopted 2020-09-01), Dq (parent task t1, adopted 2020-08-20, the
    // earliest), Dr (draft). D2: adopted 2020-11-01. D3: a program of the old term only. D4:
    // a draft. BP (a body) has an adopted program and is not a row. G1 (a grandchild) neither.
    D1q = await create(server, '/api/v1/programs', { org_id: O.D1, kind: 'implementation_plan', title: 'KH thực hiện nhiệm vụ t1', parent_task_id: K.t1, status: 'adopted', adopted_on: '2020-08-20' });
    await create(server, '/api/v1/programs', { org_id: O.D1, kind: 'implementation_plan', title: 'KH nháp', resolution_id: R.R.id });
    D2p = await create(server, '/api/v1/programs', { org_id: O.D2, kind: 'action_program', title: 'CTr Cô Tô', resolution_id: R.R.id, status: 'adopted', adopted_on: '2020-11-01' });
    await create(server, '/api/v1/programs', { org_id: O.D3, kind: 'action_program', title: 'CTr Vân Đồn 2015', resolution_id: R.R15.id, status: 'adopted', adopted_on: '2016-01-10' });
    await create(server, '/api/v1/programs', { org_id: O.D4, kind: 'action_program', title: 'CTr Bình Liêu', resolution_id: R.R.id });
    await create(server, '/api/v1/programs', { org_id: O.BP, kind: 'work_program', title: 'CTr Văn phòng', resolution_id: R.R.id, status: 'adopted', adopted_on: '2020-10-20' });
    await create(server, '/api/v1/programs', { org_id: O.G1, kind: 'action_program', title: 'CTr Ka Long', resolution_id: R.R.id, status: 'adopted', adopted_on: '2020-10-20' });
  });

  test('one row per direct child org, bodies excluded, with status, program, adoption and days after congress', async () => {
    const r = await get(server, `/api/v1/orgs/${O.P}/cascade?resolution_id=${R.R.id}`);
    const rows = new Map(r.items.map((x) => [x.org_id, x]));
    assert.equal(r.items.length, rows.size, 'one row per org');
    // The child that was added under D4 in the roll-up tests is a grandchild: not here either.
    assert.deepEqual([...rows.keys()].sort((a, b) => a - b), [O.D1, O.D2, O.D3, O.D4].sort((a, b) => a - b));
    const d1 = rows.get(O.D1);
    assert.equal(d1.status, 'adopted');
    assert.equal(d1.program_id, D1q.id, 'the earliest adopted, found through parent_task_id');
    assert.equal(d1.adopted_on, '2020-08-20');
    assert.equal(d1.days_after_congress, 41, "2020-07-10 (the city's congress) → 2020-08-20");
    const d2 = rows.get(O.D2);
    assert.equal(d2.status, 'adopted');
    assert.equal(d2.program_id, D2p.id);
    assert.equal(d2.adopted_on, '2020-11-01');
    assert.equal(d2.days_after_congress, 31, '2020-10-01 → 2020-11-01');
    const d3 = rows.get(O.D3);
    assert.equal(d3.status, 'missing', 'a program of another resolution does not count');
    assert.equal(d3.program_id, null);
    assert.equal(d3.adopted_on, null);
    const d4 = rows.get(O.D4);
    assert.equal(d4.status, 'draft');
    assert.equal(typeof d4.program_id, 'number');
    assert.equal(d4.adopted_on, null);
  });

  test('cascade one level down, and the resolution is required', async () => {
    const r = await get(server, `/api/v1/orgs/${O.D1}/cascade?resolution_id=${R.R.id}`);
    assert.deepEqual(r.items.map((x) => x.org_id), [O.G1], 'B1 is a body');
    assert.equal(r.items[0].status, 'adopted');
    expectError(await server.api('GET', `/api/v1/orgs/${O.P}/cascade`), 422, 'invalid_field', 'resolution_id');
    expectError(await server.api('GET', `/api/v1/orgs/${O.P}/cascade?resolution_id=99999`), 422, 'invalid_field', 'resolution_id');
  });

  test('a program implementing the resolution through parent_task_id counts toward coverage', async () => {
    // D1q (no resolution_id, parent task t1 of the province's program for R) covers i5.
    const t = await create(server, `/api/v1/programs/${D1q.id}/tasks`, { title: 'Triển khai i5', lead_org_id: O.G1, covers: [I.i5] });
    try {
      const r = await get(server, `/api/v1/resolutions/${R.R.id}/coverage`);
      assert.ok(!r.uncovered.includes(I.i5), `i5 is covered by task ${t.id} of a cascaded plan: ${JSON.stringify(r.uncovered)}`);
    } finally {
      expectStatus(await server.api('DELETE', `/api/v1/tasks/${t.id}`), 204);
    }
  });
});

describe('indicator roll-up', () => {
  // key → item body; values posted in order: [orgKey, period, value, status].
  const inds = {
    isum: [{ rollup: 'sum', direction: 'higher', baseline: 10, target: 110 }, [
      ['P', '2021', 5, 'submitted'], ['D1', '2021', 7, 'approved'], ['D1', '2021', 10, 'draft'], ['G1', '2021', 20, 'approved'],
      ['D2', '2021', 30, 'approved'], ['B1', '2021', 2], ['X', '2021', 1000], ['C0', '2021', 100], ['D1', '2022', 999]]],
    imean: [{ rollup: 'mean', direction: 'higher', baseline: 0, target: 50 }, [
      ['P', '2021', 40], ['D1', '2021', 50], ['G1', '2021', 60], ['D2', '2021', 10], ['P', '2022', 1]]],
    ipop: [{ rollup: 'sum' }, [['P', '2021', 1000], ['D1', '2021', 300], ['G1', '2021', 100], ['D2', '2021', 200]]],
    iw: [{ rollup: 'weighted_mean', weight: 'ipop', direction: 'higher', baseline: 60, target: 80 }, [
      ['P', '2021', 70], ['D1', '2021', 80], ['G1', '2021', 90], ['D2', '2021', 60], ['B1', '2021', 50]]],
    imin: [{ rollup: 'min', direction: 'lower', baseline: 20, target: 10 }, [
      ['P', '2021', 15], ['D1', '2021', 12], ['G1', '2021', 18], ['D2', '2021', 9], ['X', '2021', 1]]],
    imax: [{ rollup: 'max', direction: 'higher', baseline: 0, target: 100 }, [
      ['P', '2021', 15], ['D1', '2021', 120], ['G1', '2021', 18], ['D2', '2021', 9]]],
    icnt: [{ rollup: 'count_meeting', threshold: 50, direction: 'higher', baseline: 0, target: 3 }, [
      ['P', '2021', 55], ['D1', '2021', 50], ['G1', '2021', 49], ['D2', '2021', 70]]],
    icntl: [{ rollup: 'count_meeting', threshold: 5, direction: 'lower' }, [['P', '2021', 5], ['D1', '2021', 6], ['G1', '2021', 4]]],
    inone: [{ rollup: 'none', direction: 'exact', target: 100 }, [['P', '2021', 95], ['D1', '2021', 40]]],
    ikinds: [{ rollup: 'sum', reported_by_kinds: ['district'] }, [['D1', '2021', 3], ['D2', '2021', 4], ['G1', '2021', 5]]],
    ikinds2: [{ rollup: 'sum', reported_by_kinds: ['district', 'grassroots'] }, [['D1', '2021', 3], ['G1', '2021', 5]]],
  };
  const II = {};

  before(async () => {
    for (const [key, [spec, values]] of Object.entries(inds)) {
      const { weight, ...rest } = spec;
      const body = { kind: 'indicator', text: `Chỉ tiêu ${key}`, code: key, unit: '%', ...rest };
      if (weight) body.weight_item_id = II[weight];
      II[key] = (await create(server, `/api/v1/resolutions/${R.R.id}/items`, body)).id;
      for (const [o, period, value, status] of values) {
        await create(server, `/api/v1/indicators/${II[key]}/values`, { org_id: O[o], period, value, ...(status ? { status } : {}) });
      }
    }
  });

  function latest(key, sub, period, approved) {
    const out = new Map();
    for (const [o, p, v, status = 'draft'] of inds[key][1]) {
      if (p !== period || !sub.has(O[o]) || (approved && status !== 'approved')) continue;
      out.set(O[o], v); // later postings replace earlier ones
    }
    return out;
  }

  function expected(key, orgId, period, approved) {
    const spec = inds[key][0];
    const sub = subtree(orgId);
    const vals = latest(key, sub, period, approved);
    const xs = [...vals.values()];
    let value = null;
    if (xs.length) {
      switch (spec.rollup) {
        case 'sum': value = xs.reduce((a, b) => a + b, 0); break;
        case 'mean': value = xs.reduce((a, b) => a + b, 0) / xs.length; break;
        case 'min': value = Math.min(...xs); break;
        case 'max': value = Math.max(...xs); break;
        case 'count_meeting': {
          const meets = (v) => (spec.direction === 'lower' ? v <= spec.threshold : spec.direction === 'exact' ? v === spec.threshold : v >= spec.threshold);
          value = xs.filter(meets).length;
          break;
        }
        case 'weighted_mean': {
          const w = latest(spec.weight, sub, period, approved);
          let num = 0;
          let den = 0;
          for (const [o, v] of vals) if (w.has(o)) { num += v * w.get(o); den += w.get(o); }
          value = den ? num / den : null;
          break;
        }
        case 'none': value = vals.has(orgId) ? vals.get(orgId) : null; break;
        default: throw new Error(spec.rollup);
      }
    }
    let ratio = null;
    if (value !== null && spec.target !== undefined) {
      ratio = spec.direction === 'exact'
        ? 1 - Math.abs(value - spec.target) / Math.abs(spec.target)
        : (value - spec.baseline) / (spec.target - spec.baseline);
    }
    const kinds = spec.reported_by_kinds;
    const expectedOrgs = [...sub].filter((o) => (kinds ? kinds.includes(orgs.get(o).kind) : orgs.get(o).kind !== 'body')).length;
    return { value, ratio, reporting: vals.size, expectedOrgs };
  }

  const check = async (key, orgKey, period, approved) => {
    const what = `${key} org=${orgKey} period=${period}${approved ? ' approved' : ''}`;
    const r = await get(server, `/api/v1/indicators/${II[key]}/rollup?org_id=${O[orgKey]}&period=${period}${approved ? '&status=approved' : ''}`);
    const e = expected(key, O[orgKey], period, approved);
    near(r.value, e.value, `${what} value`);
    near(r.achieved_ratio, e.ratio, `${what} achieved_ratio`);
    assert.equal(r.orgs_reporting, e.reporting, `${what} orgs_reporting`);
    assert.equal(r.orgs_expected, e.expectedOrgs, `${what} orgs_expected`);
    assert.equal(r.target, inds[key][0].target ?? null, `${what} target`);
    assert.equal(r.baseline, inds[key][0].baseline ?? null, `${what} baseline`);
    return r;
  };

  for (const key of Object.keys(inds)) {
    test(`rule ${inds[key][0].rollup} (${key}) for every org and period matches the model`, async () => {
      for (const o of ['C0', 'P', 'D1', 'G1', 'D2', 'X']) {
        for (const period of ['2021', '2022', '2030']) await check(key, o, period, false);
      }
    });
  }

  test('spot checks by hand', async () => {
    // sum over P: latest D1 is the correction 10; X is another tree; C0 is above P.
    let r = await check('isum', 'P', '2021', false);
    near(r.value, 5 + 10 + 20 + 30 + 2, 'sum');
    near(r.achieved_ratio, (67 - 10) / (110 - 10), 'higher ratio');
    assert.equal(r.orgs_reporting, 5);
    assert.equal(r.orgs_expected, 7); // P, D1, G1, D2, D3, D4 and the cell made under D4: not B1, BP
    r = await check('isum', 'C0', '2021', false);
    near(r.value, 167, 'an org above the resolution org rolls up its own value too');
    r = await check('imin', 'P', '2021', false);
    near(r.value, 9, 'min');
    near(r.achieved_ratio, (9 - 20) / (10 - 20), 'lower ratio');
    r = await check('inone', 'P', '2021', false);
    near(r.value, 95, 'none: the org\'s own figure');
    near(r.achieved_ratio, 0.95, 'exact ratio 1 − |95 − 100| / 100');
    r = await check('iw', 'P', '2021', false);
    near(r.value, (70 * 1000 + 80 * 300 + 90 * 100 + 60 * 200) / 1600, 'weighted mean, B1 has no weight');
    r = await check('icnt', 'P', '2021', false);
    near(r.value, 3, 'P, D1 (= threshold) and D2 meet ≥ 50');
    r = await check('ikinds', 'P', '2021', false);
    assert.equal(r.orgs_expected, 4);
    r = await check('ikinds2', 'P', '2021', false);
    assert.equal(r.orgs_expected, 5);
    r = await check('isum', 'P', '2030', false);
    assert.equal(r.value, null);
    assert.equal(r.achieved_ratio, null);
    assert.equal(r.orgs_reporting, 0);
  });

  test('status=approved counts only approved values, the latest approved of each org', async () => {
    for (const o of ['C0', 'P', 'D1', 'G1']) await check('isum', o, '2021', true);
    const r = await check('isum', 'P', '2021', true);
    near(r.value, 7 + 20 + 30, 'D1 approved 7 then drafted 10: 7 counts');
    assert.equal(r.orgs_reporting, 3);
    const m = await check('imean', 'P', '2021', true);
    assert.equal(m.value, null, 'nothing approved');
  });

  test('a correction replaces the earlier value', async () => {
    await create(server, `/api/v1/indicators/${II.imax}/values`, { org_id: O.D1, period: '2021', value: 11 });
    inds.imax[1].push(['D1', '2021', 11]);
    const r = await check('imax', 'P', '2021', false);
    near(r.value, 18, 'D1 corrected 120 → 11');
    const list = await get(server, `/api/v1/indicators/${II.imax}/values?org_id=${O.D1}`);
    assert.deepEqual(list.items.map((v) => v.value), [120, 11], 'history is kept');
  });

  test('the roll-up of an item that is not an indicator is 404; org_id and period are required', async () => {
    expectError(await server.api('GET', `/api/v1/indicators/${I.g2}/rollup?org_id=${O.P}&period=2021`), 404, 'not_found');
    expectError(await server.api('GET', `/api/v1/indicators/${II.isum}/rollup?period=2021`), 422, 'invalid_field', 'org_id');
    expectError(await server.api('GET', `/api/v1/indicators/${II.isum}/rollup?org_id=${O.P}`), 422, 'invalid_field', 'period');
    expectError(await server.api('GET', `/api/v1/indicators/${II.isum}/rollup?org_id=${O.P}&period=2021-Q9`), 422, 'invalid_field', 'period');
  });
});

describe('suggest', () => {
  const S = {};
  let RS;
  before(async () => {
    RS = (await create(server, '/api/v1/resolutions', { term_id: T.P20.id, title: 'Nghị quyết chuyên đề' })).id;
    const texts = {
      border: 'Phát triển kinh tế cửa khẩu, thương mại biên giới gắn với khu kinh tế cửa khẩu Móng Cái',
      party: 'Xây dựng Đảng bộ trong sạch, vững mạnh về chính trị, tư tưởng, đạo đức',
      env: 'Bảo vệ môi trường, cảnh quan vịnh Hạ Long',
      tourism: 'Phát triển du lịch biển đảo chất lượng cao',
      school: 'Nâng cao chất lượng giáo dục và đào tạo nguồn nhân lực',
    };
    for (const [k, text] of Object.entries(texts)) S[k] = (await create(server, `/api/v1/resolutions/${RS}/items`, { kind: 'key_task', text })).id;
    // An item of another resolution that says "cửa khẩu" twice must never be suggested here.
    S.elsewhere = (await create(server, `/api/v1/resolutions/${R.R.id}/items`, { kind: 'solution', text: 'Mở rộng cửa khẩu Hoành Mô, cửa khẩu Bắc Phong Sinh' })).id;
  });

  test('a text about "cửa khẩu" ranks the item about cửa khẩu first', async () => {
    const text = 'Đề án nâng cấp hạ tầng cửa khẩu Bắc Luân II để thúc đẩy xuất nhập khẩu';
    const r = await get(server, `/api/v1/resolutions/${RS}/suggest?text=${encodeURIComponent(text)}`);
    assert.ok(r.items.length >= 1 && r.items.length <= 3, 'limit defaults to 3');
    assert.equal(r.items[0].id, S.border);
    assert.equal(r.items[0].text, 'Phát triển kinh tế cửa khẩu, thương mại biên giới gắn với khu kinh tế cửa khẩu Móng Cái');
    for (let i = 1; i < r.items.length; i++) assert.ok(r.items[i - 1].score >= r.items[i].score, 'best first');
    const mine = new Set(Object.values(S));
    for (const x of r.items) {
      assert.ok(mine.has(x.id) && x.id !== S.elsewhere, 'only items of this resolution');
      assert.equal(typeof x.score, 'number');
    }
  });

  test('another text ranks another item first; limit is honoured', async () => {
    const r = await get(server, `/api/v1/resolutions/${RS}/suggest?text=${encodeURIComponent('Kế hoạch nâng cao chất lượng đào tạo giáo viên')}&limit=2`);
    assert.ok(r.items.length <= 2);
    assert.equal(r.items[0].id, S.school);
    const one = await get(server, `/api/v1/resolutions/${RS}/suggest?text=${encodeURIComponent('bảo vệ môi trường vịnh Hạ Long')}&limit=1`);
    assert.deepEqual(one.items.map((x) => x.id), [S.env]);
  });

  test('text is required', async () => {
    expectError(await server.api('GET', `/api/v1/resolutions/${RS}/suggest`), 422, 'invalid_field', 'text');
  });
});

describe('search', () => {
  const H = {};
  before(async () => {
    H.org = O.D1; // Đảng bộ thành phố Móng Cái
    H.person = (await create(server, '/api/v1/people', { full_name: 'Hoàng Văn Thắng', org_id: O.D1, title: 'Bí thư Thành ủy Móng Cái' })).id;
    H.task = (await create(server, `/api/v1/programs/${P.A.id}/tasks`, { title: 'Nâng cấp hạ tầng cửa khẩu quốc tế Móng Cái', lead_org_id: O.D1 })).id;
    H.doc = (await create(server, '/api/v1/documents', { org_id: O.D1, type: 'KH', title: 'Kế hoạch phát triển kinh tế biên mậu Móng Cái' })).id;
    H.item = (await create(server, `/api/v1/resolutions/${R.Rempty.id}/items`, { kind: 'goal', text: 'Xây dựng thành phố Móng Cái thành trung tâm kinh tế cửa khẩu' })).id;
    // Near misses: one word only.
    H.cai = (await create(server, '/api/v1/people', { full_name: 'Trần Thị Cái', org_id: O.D2 })).id;
    H.mong = (await create(server, '/api/v1/orgs', { name: 'Đảng bộ xã Hải Mông', kind: 'grassroots', parent_id: O.D2 })).id;
    orgs.set(H.mong, { kind: 'grassroots', parent: O.D2 });
  });

  const TYPES = { org: 'orgs', orgs: 'orgs', person: 'people', people: 'people', task: 'tasks', tasks: 'tasks', document: 'documents', documents: 'documents', item: 'items', items: 'items', program: 'programs', programs: 'programs', resolution: 'resolutions', resolutions: 'resolutions' };
  const words = (s) => new Set(fold(s).match(/[\p{L}\p{N}]+/gu) || []);
  const strings = (o) => Object.values(o).filter((v) => typeof v === 'string').join(' ');
  const key = (h) => `${TYPES[h.type]}:${h.id}`;

  async function search(q) {
    const r = await get(server, `/api/v1/search?q=${encodeURIComponent(q)}`);
    // Every hit is a real object that contains every word of q after folding.
    for (const h of r.items) {
      assert.ok(TYPES[h.type], `unknown type ${h.type}`);
      assert.equal(typeof h.label, 'string');
      const obj = await get(server, `/api/v1/${TYPES[h.type]}/${h.id}`);
      const have = words(strings(obj));
      for (const w of words(q)) assert.ok(have.has(w), `hit ${key(h)} (${h.label}) lacks the word "${w}"`);
    }
    return r;
  }

  test('"mong cai", "Mong Cai", "MÓNG CÁI" and NFD Móng Cái all find Móng Cái, and only things with both words', async () => {
    const want = [`orgs:${H.org}`, `people:${H.person}`, `tasks:${H.task}`, `documents:${H.doc}`, `items:${H.item}`];
    let first = null;
    for (const q of ['mong cai', 'Mong Cai', 'MÓNG CÁI', 'Móng Cái'.normalize('NFD'), '  móng   cái ']) {
      const r = await search(q);
      const got = r.items.map(key);
      for (const w of want) assert.ok(got.includes(w), `"${q}" must find ${w}: ${JSON.stringify(got)}`);
      assert.ok(!got.includes(`people:${H.cai}`) && !got.includes(`orgs:${H.mong}`), `"${q}" matched a single word`);
      if (first) assert.deepEqual([...got].sort(), [...first].sort(), `"${q}" finds the same as "mong cai"`);
      else first = got;
    }
  });

  test('"dang bo" finds "Đảng bộ" (đ folds to d)', async () => {
    const r = await search('dang bo');
    const got = r.items.map(key);
    assert.ok(got.includes(`orgs:${O.D1}`), JSON.stringify(got));
    assert.ok(got.includes(`orgs:${H.mong}`));
    const d = await search('Đảng BỘ');
    assert.deepEqual(d.items.map(key).sort(), [...got].sort());
  });

  test('snippets mark the matched words with <mark>', async () => {
    const r = await search('mong cai');
    for (const h of r.items) {
      const marks = [...h.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => fold(m[1]));
      assert.ok(marks.length > 0, `snippet of ${key(h)} has no <mark>: ${h.snippet}`);
      for (const m of marks) assert.ok(['mong', 'cai'].includes(m), `marked "${m}" is not a query word`);
    }
    const org = r.items.find((h) => key(h) === `orgs:${H.org}`);
    assert.match(org.snippet, /<mark>Móng<\/mark> <mark>Cái<\/mark>/);
  });

  test('a word that is nowhere finds nothing', async () => {
    const r = await get(server, `/api/v1/search?q=${encodeURIComponent('xyzzy Móng Cái')}`);
    assert.deepEqual(r.items, []);
  });

  test('snippets escape HTML from the data and still mark the words', async () => {
    const o = await create(server, '/api/v1/orgs', { name: 'Chi bộ <b>Hà Tu</b> & "Hà Lầm"', kind: 'cell', parent_id: O.D2 });
    orgs.set(o.id, { kind: 'cell', parent: O.D2 });
    const r = await search('ha tu');
    const h = r.items.find((x) => key(x) === `orgs:${o.id}`);
    assert.ok(h, 'found');
    const bare = h.snippet.replace(/<\/?mark>/g, '');
    assert.ok(!/[<>]/.test(bare), `raw HTML in the snippet: ${h.snippet}`);
    assert.match(bare, /&lt;b&gt;/);
    assert.match(bare, /&amp;/);
    assert.match(h.snippet, /<mark>Tu<\/mark>/, `the word next to a tag is marked: ${h.snippet}`);
  });
});
