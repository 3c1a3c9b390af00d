// Builds the web UI into one flat folder that the Makefile compiles into the binary:
//   node build.mjs OUTDIR
// writes app-HASH.js and app-HASH.css (bundled and minified by esbuild), index.html that
// references them, and a .gz twin of every text file. Names with a content hash are served
// as immutable; index.html is revalidated on every load. No inline script or style anywhere:
// the server's Content-Security-Policy allows only 'self'.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, rmSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUTDIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f !== '.stamp') rmSync(join(out, f), { recursive: true, force: true });

const result = await esbuild.build({
  entryPoints: { app: join(here, 'src/main.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.svg': 'dataurl' },
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const js = outputs.find((f) => f.startsWith('app-') && f.endsWith('.js'));
const css = outputs.find((f) => f.startsWith('app-') && f.endsWith('.css'));
if (!js || !css) {
  console.error('build.mjs: esbuild wrote no app bundle', outputs);
  process.exit(1);
}

// The favicon is a tiny SVG so the browser does not ask for /favicon.ico and get index.html.
const favicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b3261e"/>' +
  '<path d="M16 6l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L6 13.2l7.1-.6z" fill="#ffd54f"/></svg>';
writeFileSync(join(out, 'favicon.svg'), favicon);

const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Triển khai nghị quyết</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/${css}">
<script type="module" src="/${js}"></script>
</head>
<body>
<div id="app"><p class="boot">Đang tải…</p></div>
<noscript>Cần bật JavaScript để dùng ứng dụng. / JavaScript is required.</noscript>
</body>
</html>
`;
writeFileSync(join(out, 'index.html'), html);

let total = 0;
for (const f of readdirSync(out)) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(f)) continue;
  const body = readFileSync(join(out, f));
  const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(join(out, f + '.gz'), gz);
  total += gz.length;
}
const sizes = readdirSync(out)
  .filter((f) => !f.endsWith('.gz') && f !== '.stamp')
  .map((f) => `${f} ${statSync(join(out, f)).size} B`);
console.log(`  WEB  ${sizes.join(', ')}; ${(total / 1024).toFixed(1)} KiB gzipped in all`);
