// Helpers the org views share: the resolution in force for the org and term, the org's
// programs, and the labels of org kinds.
import { t } from '../i18n.js';
import { get, listAll, resolutionFor, qs, orgs } from '../api.js';
import { html, Link } from '../ui.js';

export async function context(orgId, year) {
  const r = await resolutionFor(orgId, year);
  return r;
}

export function ResolutionNote({ ctx, orgId }) {
  if (!ctx.resolution) return html`<p class="notice">${t('ov_no_resolution')}</p>`;
  return html`<p class="muted res-line">${ctx.own ? '' : t('res_parent_note', { org: ctx.holder.short_name || ctx.holder.name }) + ' '}${t('ov_resolution_of', { title: ctx.resolution.title })}</p>`;
}

// The org's programs of a kind for the resolution (or all of that kind when none given).
export async function programsOf(orgId, kind, resolutionId) {
  const all = await listAll('/programs', { org_id: orgId, kind });
  if (!resolutionId) return all;
  const mine = all.filter((p) => p.resolution_id === resolutionId);
  return mine.length ? mine : all;
}

// What to call a list of subordinates ("đảng bộ", "chi bộ", "đơn vị trực thuộc").
export function subordinatesWord(ids) {
  const kinds = ids.map((i) => orgs.get(i)?.kind).filter(Boolean);
  if (!kinds.length) return t('kinds_sub');
  if (kinds.every((k) => k === 'cell')) return t('kind_cell').toLowerCase();
  if (kinds.every((k) => k === 'district' || k === 'grassroots' || k === 'province')) return t('kinds_district');
  return t('kinds_sub');
}

// "This period" of reporting: this year, or the term's last year once the term is over; null
// before the term begins.
export function reportPeriod(term) {
  if (!term) return null;
  const y = Math.min(new Date().getFullYear(), term.ends_year);
  return y < term.starts_year ? null : String(y);
}

export function viewHref(orgId, view, year, extra = {}) {
  return `/o/${orgId}${view && view !== 'overview' ? '/' + view : ''}${qs({ t: year, ...extra })}`;
}

export function ViewLink({ orgId, view, year, extra, children }) {
  return html`<${Link} href=${viewHref(orgId, view, year, extra)}>${children}<//>`;
}

export function byItemOrder(a, b) {
  return (a.sort_key ?? 1e9) - (b.sort_key ?? 1e9) || codeCompare(a.code, b.code) || a.id - b.id;
}

// "II.2.a" < "II.10"; Roman numerals in the first position sort by value.
const ROMAN = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanValue(s) {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = ROMAN[s[i]];
    const n = ROMAN[s[i + 1]] || 0;
    v += c < n ? -c : c;
  }
  return v;
}
export function codeCompare(a, b) {
  const pa = String(a || '').split(/[.\s]/);
  const pb = String(b || '').split(/[.\s]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const rx = romanValue(x);
    const ry = romanValue(y);
    let c;
    if (rx != null && ry != null) c = rx - ry;
    else if (/^\d+$/.test(x) && /^\d+$/.test(y)) c = +x - +y;
    else c = x.localeCompare(y, 'vi');
    if (c) return c;
  }
  return 0;
}

// Items as a tree, in print order: [{item, depth}].
export function itemTree(items) {
  const byParent = new Map();
  const ids = new Set(items.map((i) => i.id));
  for (const it of items) {
    const p = it.parent_id != null && ids.has(it.parent_id) ? it.parent_id : null;
    if (!byParent.has(p)) byParent.set(p, []);
    byParent.get(p).push(it);
  }
  const out = [];
  const walk = (p, depth) => {
    for (const it of (byParent.get(p) || []).sort(byItemOrder)) {
      out.push({ item: it, depth });
      walk(it.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function resolutionItems(resolutionId) {
  return listAll(`/resolutions/${resolutionId}/items`);
}

