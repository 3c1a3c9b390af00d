// Test harness for the API tests: starts the real trienkhai binary on a free loopback port
// against a temporary database, and gives a small client for it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.TRIENKHAI_BIN || new URL('../../build/release/trienkhai', import.meta.url).pathname;
export const PASSWORD = 'mat-khau-thu-nghiem';

/** Runs a trienkhai command to completion; returns {status, stdout, stderr}. */
export function run(args, opts = {}) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    env: { ...process.env, TRIENKHAI_ADMIN_PASSWORD: PASSWORD, ...(opts.env || {}) },
    input: opts.input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'trienkhai-test-'));
}

/**
 * Starts a server. options.demo: load the demo data (default false: empty database);
 * options.db: an existing database file to serve instead.
 * Returns {url, db, dir, proc, token, stop(), kill(), api(method, path, body, headers)}.
 */
export async function startServer(options = {}) {
  const dir = tempDir();
  const db = options.db || join(dir, 'test.db');
  if (!options.db) {
    const init = run([options.demo ? 'demo' : 'init', '--db', db]);
    if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  }
  const tok = run(['user', 'token', '--db', db, '--username', 'admin']);
  if (tok.status !== 0) throw new Error(`token failed: ${tok.stderr}`);
  const token = tok.stdout.trim();
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2'], {
    env: { ...process.env, ...(options.env || {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const server = {
    url, db, dir, proc, token,
    get stderr() { return stderr; },
    async api(method, path, body, headers = {}) {
      const h = { Authorization: `Bearer ${token}`, ...headers };
      let payload;
      if (body !== undefined) {
        payload = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
        h['Content-Type'] = h['Content-Type'] || 'application/json';
      }
      if (h.Authorization === null) delete h.Authorization;
      const res = await fetch(url + path, { method, headers: h, body: payload });
      const text = await res.text();
      let json = null;
      try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: res.status, json, text, headers: res.headers };
    },
    /** SIGTERM and wait; returns the exit status (0 expected, 23 = leak under ASan). */
    async stop() {
      proc.kill('SIGTERM');
      const r = await exited;
      return r.code;
    },
    async kill() {
      proc.kill('SIGKILL');
      await exited;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
  return server;
}
