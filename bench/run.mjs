#!/usr/bin/env node
// The benchmark of trienkhai (`make bench`; rules in bench/bench.mk). Node 20, no packages.
//
//   node bench/run.mjs --bin build/release/trienkhai [--dir build/bench] [--tier province]
//                      [--out bench/results.json] [--gen-only]
//
// 1. Generates the tier once into DIR (`trienkhai gen`, reused when DIR/<tier>.db exists,
//    BENCH_REGEN=1 to make it again) and keeps its figures in DIR/<tier>.gen.json. The
//    country tier is generated for BENCH_LIMIT seconds (default 300) and projected.
// 2. Copies it to DIR/work.db, serves that on a loopback port with a bearer token from
//    `trienkhai user token`, and measures, one request at a time on a keep-alive
//    connection: roll-up (root, a district-level org, a grassroots org), coverage (the
//    province's action program, and a 200-item resolution against a 400-task program made
//    through the API), search (20 queries, with and without diacritics), suggestions.
// 3. `GET /api/v1/tasks/{id}` with wrk, and nginx serving a file of the same bytes in the
//    same run (a temporary nginx.conf, worker_processes 2), median of BENCH_RUNS runs.
// 4. Peak server RSS (VmHWM), suggestion top-1/top-3 accuracy on bench/suggest-labelled.json.
// Prints a table and writes the JSON results with the machine's core count and the date.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = { bin: 'build/release/trienkhai', dir: 'build/bench', tier: 'province', out: path.join(here, 'results.json'), genOnly: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--gen-only') args.genOnly = true;
  else if (a.startsWith('--')) args[a.slice(2).replace(/-(.)/g, (_, c) => c.toUpperCase())] = process.argv[++i];
}
const env = process.env;
const RUNS = Number(env.BENCH_RUNS || 3);
const WRK_SECONDS = Number(env.BENCH_WRK_SECONDS || 10);
const REQUESTS = Number(env.BENCH_REQUESTS || 1000);
const LIMIT = Number(env.BENCH_LIMIT || 300);
const PASSWORD = 'bench-admin-password';
const bin = path.resolve(args.bin);
const dir = path.resolve(args.dir);
fs.mkdirSync(dir, { recursive: true });

const log = (...m) => process.stderr.write(m.join(' ') + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (ns) => Number(ns) / 1e6;
function pct(samples, p) {
  const a = [...samples].sort((x, y) => x - y);
  if (!a.length) return null;
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))];
}
const r3 = (x) => (x == null ? null : Math.round(x * 1000) / 1000);
const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

// ---------------------------------------------------------------- tools
function ensureTools() {
  const missing = ['wrk', 'nginx'].filter((c) => !which(c));
  if (!missing.length) return [];
  if (process.getuid && process.getuid() === 0) {
    log(`  installing ${missing.join(', ')} (apt-get)`);
    spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return ['wrk', 'nginx'].filter((c) => !which(c));
}

// ---------------------------------------------------------------- generation
function generate(tier) {
  const db = path.join(dir, `${tier}.db`);
  const statsFile = path.join(dir, `${tier}.gen.json`);
  const reuse = fs.existsSync(db) && fs.existsSync(statsFile) && !env.BENCH_REGEN;
  if (reuse) {
    log(`  reusing ${path.relative(process.cwd(), db)} (BENCH_REGEN=1 to make it again)`);
    return { db, stats: JSON.parse(fs.readFileSync(statsFile, 'utf8')), reused: true };
  }
  for (const f of [db, db + '-wal', db + '-shm', statsFile]) fs.rmSync(f, { force: true });
  const cmd = ['gen', '--tier', tier, '--db', db, '--seed', '20200714', '--stats', statsFile];
  if (tier === 'country' && args.genOnly) cmd.push('--limit-seconds', String(LIMIT));
  log(`  generating the ${tier} tier: ${path.basename(bin)} ${cmd.join(' ')}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, cmd, { env: { ...env, TRIENKHAI_ADMIN_PASSWORD: PASSWORD }, stdio: ['ignore', 'ignore', 'inherit'] });
  const wall = ms(process.hrtime.bigint() - t0) / 1000;
  if (r.status !== 0) throw new Error(`gen failed (exit ${r.status})`);
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  stats.wall_seconds = Math.round(wall * 10) / 10;
  stats.generated_at = new Date().toISOString();
  fs.writeFileSync(statsFile, JSON.stringify(stats, null, 2) + '\n');
  return { db, stats, reused: false };
}

// ---------------------------------------------------------------- server and client
async function serve(db) {
  // The server writes its access log on stderr: to a file, as a deployment would.
  const logFd = fs.openSync(path.join(dir, 'serve.log'), 'w');
  const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', logFd] });
  fs.closeSync(logFd);
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('server did not start')), 60000);
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/listening on (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    child.on('exit', (c) => reject(new Error(`server exited (${c})`)));
  });
  child.stdout.resume();
  return { child, url: new URL(url) };
}

let base, token;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function request(method, p, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers = { Authorization: `Bearer ${token}` };
    if (data) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = data.length; }
    const t0 = process.hrtime.bigint();
    const q = http.request({ host: base.hostname, port: base.port, method, path: p, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const out = { status: res.statusCode, raw, ms: ms(process.hrtime.bigint() - t0) };
        try { out.json = raw.length ? JSON.parse(raw) : null; } catch { out.json = null; }
        resolve(out);
      });
    });
    q.on('error', reject);
    if (data) q.write(data);
    q.end();
  });
}
async function api(method, p, body) {
  const r = await request(method, p, body);
  if (r.status >= 400) throw new Error(`${method} ${p} → ${r.status} ${r.raw.toString().slice(0, 300)}`);
  return r.json;
}
async function latency(p, n, check) {
  const samples = [];
  let last;
  for (let i = 0; i < 20; i++) await request('GET', p); // warm
  for (let i = 0; i < n; i++) {
    const r = await request('GET', p);
    if (r.status !== 200) throw new Error(`GET ${p} → ${r.status} ${r.raw.toString().slice(0, 200)}`);
    samples.push(r.ms);
    last = r.json;
  }
  if (check) check(last);
  return { p50_ms: r3(pct(samples, 0.5)), p99_ms: r3(pct(samples, 0.99)), max_ms: r3(Math.max(...samples)), requests: n, answer: last };
}

// ---------------------------------------------------------------- wrk and nginx
function wrk(url, headers) {
  const a = ['-t1', '-c50', `-d${WRK_SECONDS}s`, '--latency'];
  for (const h of headers) a.push('-H', h);
  a.push(url);
  const out = execFileSync('wrk', a, { encoding: 'utf8' });
  const rps = Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]);
  const unit = (v, u) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[u] || 1);
  const m99 = out.match(/\s99%\s+([\d.]+)(us|ms|s)/);
  const non2xx = Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
  return { rps, p99_ms: m99 ? r3(unit(m99[1], m99[2])) : null, non2xx, raw: out };
}
async function startNginx(bodyBytes) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-nginx-'));
  fs.chmodSync(prefix, 0o755);
  fs.mkdirSync(path.join(prefix, 'www'), { mode: 0o755 });
  fs.mkdirSync(path.join(prefix, 'tmp'), { mode: 0o755 });
  fs.writeFileSync(path.join(prefix, 'www', 'task.json'), bodyBytes, { mode: 0o644 });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const asRoot = process.getuid && process.getuid() === 0;
  const conf = `${asRoot ? 'user root root;\n' : ''}worker_processes 2;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000000;
    client_body_temp_path ${prefix}/tmp/body;
    proxy_temp_path ${prefix}/tmp/proxy;
    fastcgi_temp_path ${prefix}/tmp/fastcgi;
    uwsgi_temp_path ${prefix}/tmp/uwsgi;
    scgi_temp_path ${prefix}/tmp/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${prefix}/www;
        location / { }
    }
}
`;
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  for (let i = 0; i < 100; i++) {
    await sleep(50);
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/task.json' }, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
    });
    if (ok) return { child, port, prefix, url: `http://127.0.0.1:${port}/task.json` };
    if (child.exitCode != null) break;
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not start: ${err}`);
}
async function stop(child, signal = 'SIGTERM') {
  if (child.exitCode != null) return;
  const done = new Promise((r) => child.on('exit', r));
  child.kill(signal);
  const t = setTimeout(() => child.kill('SIGKILL'), 10000);
  await done;
  clearTimeout(t);
}
function rssOf(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number((s.match(new RegExp(`${k}:\\s+(\\d+)`)) || [0, 0])[1]);
  return { peak_mb: Math.round(kb('VmHWM') / 102.4) / 10, now_mb: Math.round(kb('VmRSS') / 102.4) / 10 };
}

// ---------------------------------------------------------------- the measurements
const QUERIES = [
  'Móng Cái', 'mong cai', 'Bình Liêu', 'binh lieu', 'Đảng bộ xã', 'dang bo xa',
  'nông thôn mới', 'nong thon moi', 'kết nạp đảng viên', 'ket nap dang vien',
  'chuyển đổi số', 'chuyen doi so', 'bảo hiểm y tế', 'bao hiem y te',
  'giảm nghèo bền vững', 'giam ngheo ben vung', 'Than Hà Lầm', 'than ha lam',
  'Nguyễn Văn Hùng', 'nguyen van hung',
];

// The orgs the roll-up is measured for: the root (the Central Committee at the country tier,
// the province at the province tier), a province, its first district-level committee and one
// of that committee's grassroots organisations. `home` is the province, whose programs the
// coverage and suggestion steps use.
async function findOrgs() {
  const central = (await api('GET', '/api/v1/orgs?kind=central&limit=1')).items[0];
  const province = (await api('GET', '/api/v1/orgs?kind=province&limit=5')).items[0];
  const districts = (await api('GET', `/api/v1/orgs?parent_id=${province.id}&kind=district&limit=100`)).items;
  const district = districts[0];
  const grs = (await api('GET', `/api/v1/orgs?parent_id=${district.id}&kind=grassroots&limit=100`)).items;
  const grassroots = grs[Math.floor(grs.length / 2)] || grs[0];
  const measured = central ? { root: central, province, district, grassroots } : { root: province, district, grassroots };
  return { measured, home: province };
}

async function makeBigCoverage(root) {
  const term = (await api('GET', `/api/v1/terms?org_id=${root.id}&limit=5`)).items[0];
  const res = await api('POST', '/api/v1/resolutions', {
    term_id: term.id, title: 'Nghị quyết (bench): 200 nội dung, đo thời gian trả lời độ bao phủ', symbol: '99-NQ/TU',
  });
  const items = [];
  for (let s = 0; s < 10; s++) {
    const head = await api('POST', `/api/v1/resolutions/${res.id}/items`, { kind: 'goal', code: `${s + 1}`, text: `Nhóm nội dung số ${s + 1}` });
    items.push(head.id);
    for (let k = 0; k < 19; k++) {
      const kind = ['indicator', 'key_task', 'solution', 'breakthrough'][k % 4];
      const body = { kind, parent_id: head.id, code: `${s + 1}.${k + 1}`, text: `Nội dung ${s + 1}.${k + 1} của nghị quyết chuyên đề về phát triển kinh tế - xã hội` };
      if (kind === 'indicator') Object.assign(body, { unit: '%', direction: 'higher', baseline: 50, target: 90, rollup: 'mean' });
      items.push((await api('POST', `/api/v1/resolutions/${res.id}/items`, body)).id);
    }
  }
  const leaves = items.filter((_, i) => i % 20 !== 0);
  const prog = await api('POST', '/api/v1/programs', {
    org_id: root.id, kind: 'action_program', title: 'Chương trình hành động (bench): 400 nhiệm vụ', resolution_id: res.id,
  });
  // Each task POST is timed: one transaction with its roll-up triggers, search entry, audit
  // entry and fsync. The first ones after the copy read cold pages, hence p50 and max.
  const writes = [];
  for (let t = 0; t < 400; t++) {
    const covers = [leaves[(t * 7) % (leaves.length - 6)]];
    if (t % 3 === 0) covers.push(leaves[(t * 11 + 3) % (leaves.length - 6)]);
    const r = await request('POST', `/api/v1/programs/${prog.id}/tasks`, {
      title: `Nhiệm vụ số ${t + 1} thực hiện nghị quyết chuyên đề`, lead_org_id: root.id, period: '2023', covers,
      output: 'Kế hoạch',
    });
    if (r.status !== 201) throw new Error(`POST task → ${r.status} ${r.raw.toString().slice(0, 300)}`);
    writes.push(r.ms);
  }
  return {
    resolution_id: res.id, program_id: prog.id, items: items.length, tasks: 400,
    task_post_p50_ms: r3(pct(writes, 0.5)), task_post_p99_ms: r3(pct(writes, 0.99)), task_post_max_ms: r3(Math.max(...writes)),
  };
}

async function suggestAccuracy(file, termId) {
  const set = JSON.parse(fs.readFileSync(file, 'utf8'));
  let n = 0, top1 = 0, top3 = 0;
  const samples = [];
  const misses = [];
  const perRes = [];
  for (const group of set.resolutions) {
    const res = await api('POST', '/api/v1/resolutions', { term_id: termId, title: group.title, symbol: group.symbol });
    const ids = new Map();
    for (const it of group.items) {
      const body = { kind: it.kind, code: it.code, text: it.text };
      if (it.parent) body.parent_id = ids.get(it.parent);
      ids.set(it.id, (await api('POST', `/api/v1/resolutions/${res.id}/items`, body)).id);
    }
    let g1 = 0, g3 = 0;
    for (const t of group.tasks) {
      const r = await request('GET', `/api/v1/resolutions/${res.id}/suggest?text=${encodeURIComponent(t.text)}&limit=3`);
      if (r.status !== 200) throw new Error(`suggest → ${r.status} ${r.raw}`);
      samples.push(r.ms);
      const got = (r.json.items || []).map((x) => x.id);
      const want = ids.get(t.item);
      n++;
      if (got[0] === want) { top1++; g1++; }
      if (got.slice(0, 3).includes(want)) { top3++; g3++; } else {
        const inv = new Map([...ids].map(([k, v]) => [v, k]));
        misses.push({ resolution: group.symbol, task: t.text, want: t.item, got: got.map((x) => inv.get(x)) });
      }
    }
    perRes.push({ symbol: group.symbol, tasks: group.tasks.length, top1: r3(g1 / group.tasks.length), top3: r3(g3 / group.tasks.length) });
  }
  return {
    pairs: n, top1: r3(top1 / n), top3: r3(top3 / n), p50_ms: r3(pct(samples, 0.5)), p99_ms: r3(pct(samples, 0.99)),
    by_resolution: perRes, top3_misses: misses,
  };
}

function machine() {
  const cpus = os.cpus();
  let nproc = cpus.length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch {}
  const v = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8' }).split('\n')[0].trim(); } catch { return null; } };
  return {
    cores: nproc, cpu: cpus[0] && cpus[0].model, memory_gb: Math.round(os.totalmem() / 1e8) / 10,
    kernel: os.release(), node: process.version, sqlite: v('sqlite3', ['--version']), wrk: v('sh', ['-c', 'wrk -v 2>&1; true']), nginx: v('sh', ['-c', 'nginx -v 2>&1']),
    load_average_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ---------------------------------------------------------------- table
function table(rows) {
  const w = [0, 0, 0, 0];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i], String(c ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  ');
  const out = [line(rows[0]), w.map((x) => '-'.repeat(x)).join('  '), ...rows.slice(1).map(line)];
  return out.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const started = new Date();
  // The tools first, so that the machine's record names the wrk and nginx that measured.
  const missing = args.genOnly ? [] : ensureTools();
  const results = { date: started.toISOString(), machine: machine(), tier: args.tier, notes: [] };
  if (missing.length) results.notes.push(`not installed: ${missing.join(', ')} — throughput comparison skipped`);

  log('generation');
  const gen = generate(args.tier);
  results.generation = { reused: gen.reused, ...gen.stats };
  if (args.genOnly) {
    results.notes.push('generation only, stopped after --limit-seconds and projected');
    fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
    const g = gen.stats;
    console.log(`generated ${g.rows} rows in ${g.seconds} s (${g.rows_per_second} rows/s); tier ${g.tier_rows || g.rows} rows; projected ${g.projected_seconds || g.seconds} s, ${((g.projected_database_bytes || g.database_bytes) / 1e9).toFixed(1)} GB`);
    return;
  }

  const work = path.join(dir, 'work.db');
  for (const f of [work, work + '-wal', work + '-shm']) fs.rmSync(f, { force: true });
  fs.copyFileSync(gen.db, work);
  if (fs.existsSync(gen.db + '-wal')) fs.copyFileSync(gen.db + '-wal', work + '-wal');
  // The copy is on disk before anything is measured: otherwise the first checkpoint's fsync
  // waits for the kernel to write back the whole copy (43 s for one POST at the country tier).
  for (const f of [work, work + '-wal']) {
    if (!fs.existsSync(f)) continue;
    const fd = fs.openSync(f, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
  token = execFileSync(bin, ['user', 'token', '--db', work, '--username', 'admin'], { encoding: 'utf8' }).trim().split('\n').pop();
  const srv = await serve(work);
  base = srv.url;
  log(`serving ${path.relative(process.cwd(), work)} on ${base.href}`);
  try {
    const { measured, home } = await findOrgs();
    const orgs = { root: home };
    log('roll-up');
    results.rollup = {};
    for (const [k, o] of Object.entries(measured)) {
      const m = await latency(`/api/v1/orgs/${o.id}/rollup`, REQUESTS);
      const a = m.answer;
      results.rollup[k] = { org_id: o.id, name: o.name, subtree_orgs: a.orgs, tasks: a.tasks && a.tasks.total, p50_ms: m.p50_ms, p99_ms: m.p99_ms, max_ms: m.max_ms, requests: m.requests };
      const y = await latency(`/api/v1/orgs/${o.id}/rollup?term_year=2020&by=lead`, Math.max(100, REQUESTS / 5));
      results.rollup[k].term_year_by_lead = { p50_ms: y.p50_ms, p99_ms: y.p99_ms, requests: y.requests };
    }
    log('coverage');
    const ap = (await api('GET', `/api/v1/programs?org_id=${orgs.root.id}&kind=action_program&limit=5`)).items[0];
    const c1 = await latency(`/api/v1/resolutions/${ap.resolution_id}/coverage?program_id=${ap.id}`, REQUESTS);
    results.coverage = {
      generated: { resolution_id: ap.resolution_id, program_id: ap.id, items: c1.answer.items.length, ratio: c1.answer.ratio, p50_ms: c1.p50_ms, p99_ms: c1.p99_ms, requests: c1.requests },
    };
    const t0 = process.hrtime.bigint();
    const big = await makeBigCoverage(orgs.root);
    const made = ms(process.hrtime.bigint() - t0) / 1000;
    const c2 = await latency(`/api/v1/resolutions/${big.resolution_id}/coverage?program_id=${big.program_id}`, REQUESTS);
    results.coverage.items200_tasks400 = { ...big, ratio: c2.answer.ratio, p50_ms: c2.p50_ms, p99_ms: c2.p99_ms, requests: c2.requests, api_writes_per_second: Math.round((big.items + big.tasks + 2) / made) };

    log('search');
    const all = [];
    const per = [];
    const reps = Math.max(1, Math.ceil(REQUESTS / QUERIES.length));
    for (const q of QUERIES) {
      const m = await latency(`/api/v1/search?q=${encodeURIComponent(q)}`, reps);
      const wide = await api('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=100`);
      const ids = new Set(wide.items.map((x) => `${x.type}:${x.id}`));
      per.push({ q, hits: m.answer.items.length, hits_at_limit_100: ids.size, top: m.answer.items.slice(0, 3).map((x) => x.label), p50_ms: m.p50_ms, p99_ms: m.p99_ms, ids });
      all.push(m);
    }
    const samples = [];
    for (const q of QUERIES) {
      for (let i = 0; i < reps; i++) samples.push((await request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).ms);
    }
    results.search = { queries: QUERIES.length, requests: samples.length, p50_ms: r3(pct(samples, 0.5)), p99_ms: r3(pct(samples, 0.99)), max_ms: r3(Math.max(...samples)), per_query: per };
    const pairs = [];
    // The same query with and without diacritics should find the same things: compare the
    // first 100 hits of each as sets (their order may differ: exact diacritics may rank higher).
    for (let i = 0; i < per.length; i += 2) {
      const a = per[i].ids, b = per[i + 1].ids;
      const inter = [...a].filter((x) => b.has(x)).length;
      const union = new Set([...a, ...b]).size;
      pairs.push({ with: per[i].q, without: per[i + 1].q, same: inter === union, overlap: union ? r3(inter / union) : 1 });
    }
    for (const x of per) delete x.ids;
    results.search.diacritics_pairs = pairs;
    results.search.diacritics_pairs_same_hits = `${pairs.filter((x) => x.same).length}/${pairs.length}`;

    log('suggestions');
    const term = (await api('GET', `/api/v1/terms?org_id=${orgs.root.id}&limit=5`)).items[0];
    results.suggest = await suggestAccuracy(path.join(here, 'suggest-labelled.json'), term.id);

    log('GET /api/v1/tasks/{id}: wrk against nginx');
    const list = await api('GET', '/api/v1/tasks?limit=200');
    const task = list.items[Math.floor(list.items.length / 2)];
    const one = await request('GET', `/api/v1/tasks/${task.id}`);
    results.http = { task_id: task.id, body_bytes: one.raw.length };
    if (!missing.length) {
      const ngx = await startNginx(one.raw);
      try {
        const tk = [], nx = [];
        for (let i = 0; i < RUNS; i++) {
          tk.push(wrk(`${base.origin}/api/v1/tasks/${task.id}`, [`Authorization: Bearer ${token}`]));
          nx.push(wrk(ngx.url, []));
        }
        const med = (a) => [...a].sort((x, y) => x.rps - y.rps)[Math.floor(a.length / 2)];
        const mt = med(tk), mn = med(nx);
        Object.assign(results.http, {
          wrk: `wrk -t1 -c50 -d${WRK_SECONDS}s --latency (median of ${RUNS})`,
          trienkhai_rps: Math.round(mt.rps), trienkhai_p99_ms: mt.p99_ms, trienkhai_non2xx: mt.non2xx,
          nginx_rps: Math.round(mn.rps), nginx_p99_ms: mn.p99_ms,
          ratio: r3(mt.rps / mn.rps), runs: { trienkhai: tk.map((x) => Math.round(x.rps)), nginx: nx.map((x) => Math.round(x.rps)) },
        });
      } finally {
        await stop(ngx.child, 'SIGQUIT');
        fs.rmSync(ngx.prefix, { recursive: true, force: true });
      }
    }
    results.rss = rssOf(srv.child.pid);
  } finally {
    agent.destroy();
    await stop(srv.child);
  }

  // ------------------------------------------------------------ report
  const g = results.generation, R = results.rollup, C = results.coverage, S = results.search, U = results.suggest, H = results.http;
  const ok = (v, lim, lower = true) => (v == null ? '' : (lower ? v <= lim : v >= lim) ? 'ok' : 'MISSED');
  const rows = [
    ['measure', 'value', 'target (issue 3)', ''],
    ['generation: rows, seconds', `${g.rows} rows in ${g.seconds} s${g.reused ? ' (reused)' : ''}`, '', ''],
    ['generation: rows/s', g.rows_per_second, '', ''],
    ['generation: database GB', r3(g.database_bytes / 1e9), args.tier === 'country' ? '< 8 GB' : '', args.tier === 'country' ? ok(g.database_bytes / 1e9, 8) : ''],
    ...(args.tier === 'country' ? [['generation: minutes', r3(g.seconds / 60), '< 5 min', ok(g.seconds / 60, 5)]] : []),
    ...Object.keys(R).map((k) => [`roll-up ${k} (${R[k].subtree_orgs} orgs, ${R[k].tasks} tasks) p50 / p99 ms`, `${R[k].p50_ms} / ${R[k].p99_ms}`, 'p99 < 5 ms', ok(R[k].p99_ms, 5)]),
    [`coverage, province program (${C.generated.items} items) p50 / p99 ms`, `${C.generated.p50_ms} / ${C.generated.p99_ms}`, '< 20 ms', ok(C.generated.p99_ms, 20)],
    ['coverage, 200 items × 400 tasks p50 / p99 ms', `${C.items200_tasks400.p50_ms} / ${C.items200_tasks400.p99_ms}`, '< 20 ms', ok(C.items200_tasks400.p99_ms, 20)],
    [`search, ${S.queries} queries p50 / p99 ms`, `${S.p50_ms} / ${S.p99_ms}`, 'p99 < 50 ms', ok(S.p99_ms, 50)],
    ['search: same answer with and without diacritics', `${S.diacritics_pairs_same_hits} pairs`, '', ''],
    [`suggest top-1 / top-3 (${U.pairs} pairs)`, `${U.top1} / ${U.top3}`, 'top-3 ≥ 0.80', ok(U.top3, 0.8, false)],
    ['suggest p50 / p99 ms', `${U.p50_ms} / ${U.p99_ms}`, '', ''],
    ['task POST p50 / p99 / max ms (400, after the copy)', `${C.items200_tasks400.task_post_p50_ms} / ${C.items200_tasks400.task_post_p99_ms} / ${C.items200_tasks400.task_post_max_ms}`, '', ''],
  ];
  if (H.trienkhai_rps) {
    rows.push([`GET /api/v1/tasks/{id} req/s (${H.body_bytes} B)`, `${H.trienkhai_rps} (p99 ${H.trienkhai_p99_ms} ms)`, '', '']);
    rows.push(['nginx static file, same bytes, req/s', `${H.nginx_rps} (p99 ${H.nginx_p99_ms} ms)`, '', '']);
    rows.push(['ratio trienkhai / nginx', H.ratio, '≥ 0.80', ok(H.ratio, 0.8, false)]);
  }
  rows.push(['peak server RSS (VmHWM) MB', results.rss.peak_mb, '< 200 MB', ok(results.rss.peak_mb, 200)]);
  const text = table(rows);
  console.log(`\ntrienkhai bench — ${results.tier} tier, ${results.machine.cores} cores, ${results.date}\n`);
  console.log(text);
  results.table = text.split('\n');
  fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), args.out)}`);
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
