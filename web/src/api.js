// The JSON API client: one fetch wrapper that turns the server's error envelope
// {"error": {"code", "message", "field"}} into an ApiError, plus the few caches the screens share
// (orgs by id, each org's terms). Every request goes to the page's own origin under /api/v1.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message || code || String(status));
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

let onUnauthenticated = () => {};
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

// `raw` sends a Blob (an uploaded file) as the body as it is, instead of JSON.
export async function api(method, path, body, raw) {
  const opts = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (raw !== undefined) {
    opts.headers['Content-Type'] = raw.type || 'application/octet-stream';
    opts.body = raw;
  } else if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch('/api/v1' + path, opts);
  } catch (e) {
    throw new ApiError(0, 'network', null, null);
  }
  if (res.status === 204) return null;
  let data = null;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ApiError(res.status, 'bad_response', null, null);
    }
  }
  if (!res.ok) {
    const err = (data && data.error) || {};
    if (res.status === 401 && path !== '/session') onUnauthenticated();
    throw new ApiError(res.status, err.code, err.message, err.field);
  }
  return data;
}

export const get = (p) => api('GET', p);
export const post = (p, b) => api('POST', p, b || {});
export const patch = (p, b) => api('PATCH', p, b);
export const del = (p) => api('DELETE', p);

// ---- evidence files: POST /files?name= with the bytes as the body; metadata cached by id
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const fileWaits = new Map();
export async function uploadFile(file) {
  const meta = await api('POST', '/files' + qs({ name: file.name || 'tep' }), undefined, file);
  fileWaits.set(meta.id, Promise.resolve(meta));
  return meta;
}
export function fileMeta(id) {
  if (!fileWaits.has(id)) {
    fileWaits.set(
      id,
      get('/files/' + id).catch((e) => {
        fileWaits.delete(id);
        throw e;
      }),
    );
  }
  return fileWaits.get(id);
}
export const fileHref = (id) => `/api/v1/files/${id}/content`;

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const s = u.toString();
  return s ? '?' + s : '';
}

// Every page of a list, up to `max` rows (500 a page, the server's cap).
export async function listAll(path, params = {}, max = 5000) {
  const rows = [];
  let cursor = null;
  do {
    const page = await get(path + qs({ ...params, limit: 500, cursor }));
    rows.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && rows.length < max);
  return rows;
}

// ---- orgs: every org the UI has seen, by id
export const orgs = new Map();
const orgWaits = new Map();

export function remember(list) {
  for (const o of list) orgs.set(o.id, o);
  return list;
}

export async function org(id) {
  if (id == null) return null;
  if (orgs.has(id)) return orgs.get(id);
  if (!orgWaits.has(id)) {
    orgWaits.set(
      id,
      get('/orgs/' + id).then(
        (o) => (orgs.set(o.id, o), o),
        (e) => {
          orgWaits.delete(id);
          throw e;
        },
      ),
    );
  }
  return orgWaits.get(id);
}

export async function ensureOrgs(ids) {
  const want = [...new Set(ids.filter((i) => i != null && !orgs.has(i)))];
  await Promise.all(want.map((i) => org(i).catch(() => null)));
}

// Children and subtrees come a page (≤500) at a time; these follow next_cursor. A subtree is
// capped (5.000 orgs, ten pages): the screens that use one (the datalist of a program's orgs,
// the rows of an indicator grid) would be no use with more.
function cached(map, key, load) {
  if (!map.has(key)) {
    map.set(
      key,
      load().then(remember, (e) => {
        map.delete(key);
        throw e;
      }),
    );
  }
  return map.get(key);
}
const childWaits = new Map();
export const children = (id) => cached(childWaits, id, () => listAll('/orgs/' + id + '/children', {}, 20000));
const subtreeWaits = new Map();
export const subtree = (id) => cached(subtreeWaits, id, () => listAll('/orgs/' + id + '/subtree', {}, 5000));
// The roots of the org tree (GET /orgs?parent_id=null), every page.
let rootsWait = null;
export function roots() {
  if (!rootsWait) rootsWait = listAll('/orgs', { parent_id: 'null' }).then(remember, (e) => ((rootsWait = null), Promise.reject(e)));
  return rootsWait;
}

// The chain root … org, root first.
export async function ancestry(id) {
  const chain = [];
  let cur = await org(id);
  const seen = new Set();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    chain.unshift(cur);
    if (cur.parent_id == null) break;
    try {
      cur = await org(cur.parent_id);
    } catch (e) {
      break; // the parent is outside the caller's reach
    }
  }
  return chain;
}

// ---- terms by org, and the term in force for an org (its own, else its nearest ancestor's)
const termWaits = new Map();
export function termsOf(orgId) {
  if (!termWaits.has(orgId)) {
    termWaits.set(
      orgId,
      listAll('/terms', { org_id: orgId }).then(
        (ts) => ts.sort((a, b) => a.starts_year - b.starts_year),
        (e) => {
          termWaits.delete(orgId);
          throw e;
        },
      ),
    );
  }
  return termWaits.get(orgId);
}

// Returns {org, terms} for the nearest org on the chain (the org first) that has terms.
export async function termHolder(orgId) {
  const chain = await ancestry(orgId);
  for (let i = chain.length - 1; i >= 0; i--) {
    const ts = await termsOf(chain[i].id);
    if (ts.length) return { org: chain[i], terms: ts };
  }
  return { org: chain[chain.length - 1] || null, terms: [] };
}

export function pickTerm(terms, year) {
  if (!terms.length) return null;
  if (year) {
    const y = Number(year);
    const exact = terms.find((t) => t.starts_year === y);
    if (exact) return exact;
    const inside = terms.find((t) => t.starts_year <= y && y < t.ends_year);
    if (inside) return inside;
  }
  const now = new Date().getFullYear();
  return terms.find((t) => t.starts_year <= now && now < t.ends_year) || terms[terms.length - 1];
}

// The resolution in force for an org and a term year: the org's own, else its nearest
// ancestor's. Answers {resolution, term, holder} or nulls.
export async function resolutionFor(orgId, year) {
  const chain = await ancestry(orgId);
  for (let i = chain.length - 1; i >= 0; i--) {
    const ts = await termsOf(chain[i].id);
    const term = pickTerm(ts, year);
    if (!term) continue;
    const rs = await get('/resolutions' + qs({ term_id: term.id, limit: 50 }));
    if (rs.items.length) return { resolution: rs.items[0], term, holder: chain[i], own: i === chain.length - 1 };
  }
  return { resolution: null, term: null, holder: null, own: false };
}

export function invalidateTerms(orgId) {
  termWaits.delete(orgId);
}
