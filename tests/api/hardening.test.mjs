// Hardening against hostile clients: slow-loris connections do not hold the server, oversized
// headers and URLs are refused, every response carries the security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './lib.mjs';

let s, port;
before(async () => { s = await startServer(); port = Number(new URL(s.url).port); });
after(async () => { assert.equal(await s.stop(), 0); s.cleanup(); });

/** Sends raw bytes and collects what comes back until the server closes or `ms` pass. */
function raw(bytes, ms = 3000) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = '';
    const done = () => { sock.destroy(); resolve(got); };
    const timer = setTimeout(done, ms);
    sock.on('data', (d) => { got += d.toString('latin1'); });
    sock.on('close', () => { clearTimeout(timer); resolve(got); });
    sock.on('error', () => {});
    sock.write(bytes);
  });
}

test('100 slow-loris connections trickling headers do not stop a normal request', async () => {
  const loris = [];
  for (let i = 0; i < 100; i++) {
    const sock = net.connect(port, '127.0.0.1');
    sock.on('error', () => {});
    sock.write('GET /api/v1/orgs HTTP/1.1\r\nHost: x\r\n');
    loris.push(sock);
  }
  const trickle = setInterval(() => { for (const l of loris) l.write('X-Slow: 1\r\n'); }, 200);
  try {
    const t0 = Date.now();
    const r = await s.api('GET', '/api/v1/openapi.json');
    assert.equal(r.status, 200);
    assert.ok(Date.now() - t0 < 2000, `answered in ${Date.now() - t0} ms while 100 clients trickle`);
  } finally {
    clearInterval(trickle);
    for (const l of loris) l.destroy();
  }
});

test('a header block larger than the limit is refused and the server stays up', async () => {
  const big = 'X-Big: ' + 'a'.repeat(100 * 1024) + '\r\n';
  const got = await raw(`GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n${big}\r\n`);
  const status = Number((got.match(/^HTTP\/1\.1 (\d{3})/) || [])[1] || 0);
  assert.ok(status === 0 || status === 413 || status === 431, `status ${status}`);
  assert.notEqual(status, 200);
  assert.equal((await s.api('GET', '/api/v1/openapi.json')).status, 200);
});

test('a 100 KiB URL is refused and the server stays up', async () => {
  const got = await raw(`GET /api/v1/search?q=${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  const status = Number((got.match(/^HTTP\/1\.1 (\d{3})/) || [])[1] || 0);
  assert.ok(status === 0 || status === 414 || status === 413 || status === 431, `status ${status}`);
  assert.equal((await s.api('GET', '/api/v1/openapi.json')).status, 200);
});

test('every response carries the security headers, errors included', async () => {
  for (const [method, path] of [['GET', '/api/v1/openapi.json'], ['GET', '/api/v1/nothing'], ['GET', '/'], ['POST', '/api/v1/orgs']]) {
    const r = await s.api(method, path, method === 'POST' ? '{' : undefined);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
    assert.match(r.headers.get('content-security-policy') || '', /default-src 'self'/, path);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
  }
});
