// GET /api/v1/search through the real binary: the org a place name names comes first, case
// and diacritics (đ→d) do not matter, the matched words are marked, changes and deletions are
// followed at once, and an import (a bulk load, indexed once at its end) finds what the
// exported database found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, startServer } from './lib.mjs';
import { create, expectError, expectStatus, fold, get } from './helpers.mjs';

let server;
const H = {};

const key = (h) => `${h.type}:${h.id}`;
const words = (s) => new Set(fold(s).match(/[\p{L}\p{N}]+/gu) || []);

async function search(q, extra = '') {
  const r = await get(server, `/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  assert.deepEqual(Object.keys(r), ['items']);
  for (const h of r.items) assert.deepEqual(Object.keys(h).sort(), ['id', 'label', 'snippet', 'type'], JSON.stringify(h));
  return r.items;
}

before(async () => {
  server = await startServer();
  const org = async (name, kind, parent, extra = {}) => (await create(server, '/api/v1/orgs', { name, kind, parent_id: parent ?? null, ...extra })).id;
  H.province = await org('Đảng bộ tỉnh Quảng Ninh', 'province');
  H.mc = await org('Đảng bộ thành phố Móng Cái', 'district', H.province, { short_name: 'Thành ủy Móng Cái' });
  // Created after it, as in a real tree: its bodies and units, named after it.
  H.office = await org('Văn phòng Thành ủy Móng Cái', 'body', H.mc);
  H.board = await org('Ban Tuyên giáo Thành ủy Móng Cái', 'body', H.mc);
  H.police = await org('Chi bộ Công an thành phố Móng Cái', 'cell', H.mc);
  H.kalong = await org('Đảng bộ phường Ka Long', 'grassroots', H.mc);
  H.binhlieu = await org('Đảng bộ huyện Bình Liêu', 'district', H.province);
  H.haimong = await org('Đảng bộ xã Hải Mông', 'grassroots', H.binhlieu);
  H.person = (await create(server, '/api/v1/people', { full_name: 'Hoàng Văn Thắng', org_id: H.mc, title: 'Bí thư Thành ủy Móng Cái' })).id;
  H.cai = (await create(server, '/api/v1/people', { full_name: 'Trần Thị Cái', org_id: H.binhlieu })).id;
  const program = await create(server, '/api/v1/programs', { org_id: H.mc, kind: 'action_program', title: 'Chương trình hành động thực hiện Nghị quyết Đại hội' });
  H.program = program.id;
  H.task = (await create(server, `/api/v1/programs/${program.id}/tasks`, { title: 'Nâng cấp hạ tầng cửa khẩu quốc tế Móng Cái', lead_org_id: H.mc })).id;
  // Many newer things that name Móng Cái in longer labels.
  for (let i = 0; i < 30; i++) {
    await create(server, `/api/v1/programs/${program.id}/tasks`, { title: `Nhiệm vụ số ${i} của các chi bộ thuộc Đảng bộ thành phố Móng Cái`, lead_org_id: H.kalong });
  }
  H.doc = (await create(server, '/api/v1/documents', { org_id: H.mc, type: 'KH', title: 'Kế hoạch phát triển kinh tế biên mậu Móng Cái' })).id;
});

after(async () => {
  if (server) {
    assert.equal(await server.stop(), 0, 'server exits cleanly (no leak under ASan)');
    server.cleanup();
  }
});

describe('matching and ranking', () => {
  test('"mong cai", "Mong Cai", "MÓNG CÁI" and an NFD Móng Cái all find the org Móng Cái first, the same hits in the same order', async () => {
    let first = null;
    for (const q of ['mong cai', 'Mong Cai', 'MÓNG CÁI', 'Móng Cái'.normalize('NFD'), '  móng   cái ']) {
      const got = (await search(q)).map(key);
      assert.equal(got[0], `org:${H.mc}`, `"${q}": ${JSON.stringify(got)}`);
      for (const w of [`org:${H.office}`, `org:${H.board}`, `org:${H.police}`]) assert.ok(got.includes(w), `"${q}" must find ${w}`);
      assert.ok(!got.includes(`person:${H.cai}`) && !got.includes(`org:${H.haimong}`), `"${q}" matched a single word`);
      if (first) assert.deepEqual(got, first, `"${q}" answers as "mong cai" does`);
      else first = got;
    }
  });

  test('every hit holds every word of the query; the label comes from the row', async () => {
    for (const q of ['mong cai', 'thanh uy', 'dang bo', 'ka long']) {
      for (const h of await search(q, '&limit=100')) {
        const path = { org: 'orgs', person: 'people', task: 'tasks', document: 'documents', program: 'programs' }[h.type];
        const obj = await get(server, `/api/v1/${path}/${h.id}`);
        const have = words(Object.values(obj).filter((v) => typeof v === 'string').join(' '));
        for (const w of words(q)) assert.ok(have.has(w), `${key(h)} (${h.label}) lacks "${w}"`);
        assert.equal(h.label, obj.name ?? obj.full_name ?? obj.title);
      }
    }
  });

  test('"dang bo" finds Đảng bộ (đ folds to d), and so do "Đảng BỘ" and "đảng bộ"', async () => {
    const got = (await search('dang bo', '&limit=100')).map(key);
    for (const id of [H.province, H.mc, H.kalong, H.binhlieu, H.haimong]) assert.ok(got.includes(`org:${id}`), `org ${id}: ${JSON.stringify(got)}`);
    for (const q of ['Đảng BỘ', 'đảng bộ', 'DANG BO']) assert.deepEqual((await search(q, '&limit=100')).map(key), got, q);
  });

  test('an exact name comes before the longer labels that contain it', async () => {
    assert.equal((await search('dang bo phuong ka long')).map(key)[0], `org:${H.kalong}`);
    assert.equal((await search('hoang van thang')).map(key)[0], `person:${H.person}`);
    const bl = (await search('binh lieu')).map(key);
    assert.equal(bl[0], `org:${H.binhlieu}`);
  });

  test('limit is obeyed, and clamped to 100', async () => {
    assert.equal((await search('mong cai', '&limit=3')).length, 3);
    assert.ok((await search('mong cai', '&limit=1000')).length <= 100);
    assert.ok((await search('mong cai', '&limit=1000')).length >= 35);
  });

  test('FTS5 syntax is text, a missing word finds nothing, q is required', async () => {
    for (const q of ['"', 'mong OR cai', 'mong*', 'NEAR(mong cai)', 'words: mong', 'mong_', '-cai', '(mong']) {
      expectStatus(await server.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}`), 200, q);
    }
    assert.deepEqual(await search('xyzzy Móng Cái'), []);
    // "_" marks the words of fields other than the label inside the index; typed, it is punctuation.
    assert.deepEqual(await search('mong_'), await search('mong'));
    assert.deepEqual(await search('thanh_ uy_'), await search('thanh uy'));
    expectError(await server.api('GET', '/api/v1/search'), 422, 'invalid_field', 'q');
  });
});

describe('snippets', () => {
  test('matched words are marked with <mark>, whatever their case and diacritics', async () => {
    const hits = await search('MONG cai');
    for (const h of hits) {
      const marks = [...h.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => fold(m[1]));
      assert.ok(marks.length > 0, `no <mark> in ${key(h)}: ${h.snippet}`);
      for (const m of marks) assert.ok(['mong', 'cai'].includes(m), `"${m}" is not a query word`);
    }
    const org = hits.find((h) => key(h) === `org:${H.mc}`);
    assert.match(org.snippet, /<mark>Móng<\/mark> <mark>Cái<\/mark>/);
    const person = (await search('bi thu mong cai')).find((h) => key(h) === `person:${H.person}`);
    assert.ok(person, 'the person is found by the words of their title');
    assert.match(person.snippet, /Hoàng Văn Thắng · <mark>Bí<\/mark> <mark>thư<\/mark>/);
  });

  test('text from the data is escaped, and the word beside a tag still marked', async () => {
    const o = await create(server, '/api/v1/orgs', { name: 'Chi bộ <b>Hà Tu</b> & "Hà Lầm"', kind: 'cell', parent_id: H.binhlieu });
    const h = (await search('ha tu')).find((x) => key(x) === `org:${o.id}`);
    assert.ok(h, 'found');
    const bare = h.snippet.replace(/<\/?mark>/g, '');
    assert.ok(!/[<>]/.test(bare), h.snippet);
    assert.match(bare, /&lt;b&gt;/);
    assert.match(h.snippet, /<mark>Tu<\/mark>/);
  });
});

describe('the index follows every change', () => {
  test('a renamed org is found under its new name only', async () => {
    const o = await create(server, '/api/v1/orgs', { name: 'Chi bộ thôn Tràng Y', kind: 'cell', parent_id: H.binhlieu });
    assert.deepEqual((await search('trang y')).map(key), [`org:${o.id}`]);
    expectStatus(await server.api('PATCH', `/api/v1/orgs/${o.id}`, { name: 'Chi bộ thôn Khe Vằn' }), 200);
    assert.deepEqual(await search('trang y'), []);
    assert.deepEqual((await search('khe van')).map(key), [`org:${o.id}`]);
    // A field other than the label: the short name.
    expectStatus(await server.api('PATCH', `/api/v1/orgs/${o.id}`, { short_name: 'Thôn Khe Vằn Mới' }), 200);
    assert.deepEqual((await search('khe van moi')).map(key), [`org:${o.id}`]);
    expectStatus(await server.api('PATCH', `/api/v1/orgs/${o.id}`, { short_name: null }), 200);
    assert.deepEqual(await search('khe van moi'), []);
  });

  test('a deleted row is not found, nor the tasks deleted with their program', async () => {
    const p = await create(server, '/api/v1/programs', { org_id: H.binhlieu, kind: 'work_program', title: 'Chương trình kiểm tra Lục Hồn' });
    const t = await create(server, `/api/v1/programs/${p.id}/tasks`, { title: 'Kiểm tra chi bộ Lục Hồn', lead_org_id: H.binhlieu });
    const person = await create(server, '/api/v1/people', { full_name: 'Vi Văn Lục Hồn', org_id: H.binhlieu });
    const got = (await search('luc hon')).map(key).sort();
    assert.deepEqual(got, [`person:${person.id}`, `program:${p.id}`, `task:${t.id}`].sort());
    expectStatus(await server.api('DELETE', `/api/v1/people/${person.id}`), 204);
    expectStatus(await server.api('DELETE', `/api/v1/programs/${p.id}`), 204);
    assert.deepEqual(await search('luc hon'), []);
  });

  test('an imported copy (indexed once, after the load) finds what the original finds', async () => {
    const exp = run(['export', '--db', server.db]);
    assert.equal(exp.status, 0, exp.stderr);
    const copy = join(server.dir, 'imported.db');
    const imp = run(['import', '--db', copy], { input: exp.stdout });
    assert.equal(imp.status, 0, imp.stderr);
    const other = await startServer({ db: copy });
    try {
      for (const q of ['mong cai', 'dang bo', 'khe van', 'bi thu', 'nhiem vu so 7']) {
        const a = await search(q, '&limit=100');
        const r = await other.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=100`);
        expectStatus(r, 200);
        assert.deepEqual(r.json.items, a, `"${q}" on the imported copy`);
      }
    } finally {
      assert.equal(await other.stop(), 0);
      other.cleanup();
    }
  });
});

describe('reach', () => {
  test('a viewer of Bình Liêu finds its own older tasks however many newer ones elsewhere name the same words, and nothing out of reach', async () => {
    const user = await server.api('POST', '/api/v1/users', { username: 'xem-binh-lieu', password: 'mat-khau-nguoi-dung', role: 'viewer', org_id: H.binhlieu, full_name: 'Cán bộ Văn phòng Huyện ủy Bình Liêu' });
    expectStatus(user, 201);
    const tok = run(['user', 'token', '--db', server.db, '--username', 'xem-binh-lieu']);
    assert.equal(tok.status, 0, tok.stderr);
    const asViewer = async (q, limit) => {
      const r = await server.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`, undefined, { Authorization: `Bearer ${tok.stdout.trim()}` });
      expectStatus(r, 200);
      return r.json.items;
    };
    const own = await create(server, '/api/v1/programs', { org_id: H.binhlieu, kind: 'action_program', title: 'Chương trình hành động của Huyện ủy Bình Liêu' });
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push((await create(server, `/api/v1/programs/${own.id}/tasks`, { title: `Xây dựng nông thôn mới kiểu mẫu ở xã biên giới, đợt ${i + 1}`, lead_org_id: H.haimong })).id);
    // Three hundred newer tasks of Móng Cái with the same words: all of the newest candidates.
    for (let i = 0; i < 300; i++) await create(server, `/api/v1/programs/${H.program}/tasks`, { title: `Xây dựng nông thôn mới kiểu mẫu ở phường ${i}`, lead_org_id: H.kalong });
    const admin = (await search('nong thon moi', '&limit=100')).filter((h) => h.type === 'task');
    assert.equal(admin.length, 100, 'the admin sees a full page');
    assert.ok(mine.every((id) => !admin.some((h) => h.id === id)), 'the newest page of everything is Móng Cái’s, so a filter after ranking would find none of Bình Liêu’s');
    for (const limit of [3, 10]) {
      const got = await asViewer('nong thon moi', limit);
      assert.deepEqual(got.filter((h) => h.type === 'task').map((h) => h.id).sort((a, b) => a - b), mine, `limit ${limit}: ${JSON.stringify(got)}`);
      assert.ok(got.length <= limit);
      for (const h of got) assert.ok(h.snippet.includes('<mark>'), JSON.stringify(h));
    }
    // Nothing of Móng Cái, though it matches: the org itself is out of reach too.
    const mc = await asViewer('mong cai', 20);
    assert.ok(mc.every((h) => h.type === 'person' ? h.id !== H.person : true) && !mc.some((h) => h.type === 'org' && h.id === H.mc), JSON.stringify(mc));
  });
});
