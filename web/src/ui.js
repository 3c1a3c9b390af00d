// Small shared pieces of the screens: the async-data hook, loading and error boxes, labelled
// fields that show the server's message next to the field it names, status badges, progress
// bars, and the link that moves within the application without reloading the page.
import { h } from 'preact';
import { useState, useEffect, useCallback, useRef } from 'preact/hooks';
import htm from 'htm';
import { t, pct, num } from './i18n.js';
import { orgs, org as fetchOrg } from './api.js';

export const html = htm.bind(h);

// ---- navigation
let navigateFn = () => {};
export function setNavigate(fn) {
  navigateFn = fn;
}
export function navigate(path, opts) {
  navigateFn(path, opts);
}

export function Link({ href, children, class: cls, onClick: userClick, ...rest }) {
  const onClick = (e) => {
    if (userClick) userClick(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return html`<a href=${href} class=${cls} onClick=${onClick} ...${rest}>${children}</a>`;
}

// ---- data
export function useAsync(fn, deps) {
  const [state, set] = useState({ loading: true, data: null, error: null });
  const gen = useRef(0);
  const run = useCallback(() => {
    const my = ++gen.current;
    set((s) => ({ ...s, loading: true, error: null }));
    Promise.resolve()
      .then(fn)
      .then(
        (data) => my === gen.current && set({ loading: false, data, error: null }),
        (error) => {
          if (my !== gen.current) return;
          set({ loading: false, data: null, error });
        },
      );
  }, deps);
  useEffect(() => {
    run();
    return () => {
      gen.current++;
    };
  }, [run]);
  return { ...state, reload: run };
}

export function errorText(err) {
  if (!err) return '';
  if (err.code === 'network') return t('error_network');
  if (err.status === 404) return err.message || t('error_not_found');
  return err.message || t('error_generic', { code: err.code || err.status });
}

export function Loading() {
  return html`<p class="loading" role="status">${t('loading')}</p>`;
}

export function ErrorBox({ error, onRetry }) {
  return html`<div class="error-box" role="alert">
    <p>${errorText(error)}</p>
    ${onRetry && html`<button type="button" onClick=${onRetry}>${t('retry')}</button>`}
  </div>`;
}

// Renders `render(data)` once `state` (from useAsync) has data.
export function Async({ state, children }) {
  if (state.error) return html`<${ErrorBox} error=${state.error} onRetry=${state.reload} />`;
  if (state.loading && !state.data) return html`<${Loading} />`;
  return children(state.data);
}

// ---- form fields: the label names the input; the server's message for that field shows
// below it and is tied to it with aria-describedby.
let fieldSeq = 0;
export function useId(prefix = 'f') {
  const r = useRef(null);
  if (r.current === null) r.current = `${prefix}${++fieldSeq}`;
  return r.current;
}

export function Field({ label, error, hint, children, id, class: cls }) {
  const errId = id + '-err';
  const hintId = id + '-hint';
  return html`<div class=${'field ' + (cls || '') + (error ? ' has-error' : '')}>
    <label for=${id}>${label}</label>
    ${children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': [error ? errId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined })}
    ${hint && html`<small id=${hintId} class="hint">${hint}</small>`}
    ${error && html`<small id=${errId} class="field-error" role="alert">${error}</small>`}
  </div>`;
}

// Splits an ApiError into {field: message}, with '' for an error that names no field.
export function fieldErrors(err, known) {
  if (!err) return {};
  const f = err.field && (!known || known.includes(err.field)) ? err.field : '';
  return { [f]: errorText(err) };
}

// The server's message when it names `name` (or a part of it: "target_org_ids[1]"), else ''.
export function errorFor(err, name) {
  if (!err || !err.field) return '';
  const f = err.field;
  return f === name || f.startsWith(name + '[') || f.startsWith(name + '.') ? err.message || errorText(err) : '';
}
// True when the error names none of `names`: it then shows once, under the form.
export function errorElsewhere(err, names) {
  return !!err && !names.some((n) => errorFor(err, n));
}

// ---- small displays
export function StatusBadge({ status, overdue }) {
  return html`<span class=${'badge st-' + status}>${t('st_' + status)}</span>${overdue ? html` <span class="badge st-overdue">${t('st_overdue')}</span>` : ''}`;
}

export function Progress({ value, label }) {
  const v = Math.max(0, Math.min(100, value || 0));
  return html`<span class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${v} aria-label=${label || t('pg_progress')}>
    <span class="progress-bar" style=${{ width: v + '%' }}></span>
    <span class="progress-text">${num(v, 0)} %</span>
  </span>`;
}

export function Ratio({ value }) {
  return html`<span>${pct(value)}</span>`;
}

export function orgLabel(o) {
  if (!o) return '';
  return o.short_name || o.name;
}

// Shows an org's short name, fetching it when not yet known.
export function OrgName({ id, full, strip }) {
  const [, force] = useState(0);
  const o = orgs.get(id);
  useEffect(() => {
    if (id != null && !orgs.has(id)) fetchOrg(id).then(() => force((x) => x + 1), () => {});
  }, [id]);
  if (id == null) return html`<span class="muted">${t('none')}</span>`;
  if (!o) return html`<span class="muted">#${id}</span>`;
  let label = full ? o.name : orgLabel(o);
  // Within one org's documents its own place name goes without saying ("Ban Tuyên giáo Thành ủy").
  if (strip && label.endsWith(' ' + strip) && label.length > strip.length + 8) label = label.slice(0, -strip.length - 1);
  return html`<span title=${o.name}>${label}</span>`;
}

// Sanitises a search snippet: the server escapes everything but <mark>; keep only that.
export function Snippet({ text }) {
  const parts = String(text || '').split(/(<mark>|<\/mark>)/);
  const out = [];
  let inMark = false;
  for (const p of parts) {
    if (p === '<mark>') inMark = true;
    else if (p === '</mark>') inMark = false;
    else if (p) out.push(inMark ? html`<mark>${unescapeHtml(p)}</mark>` : unescapeHtml(p));
  }
  return html`<span>${out}</span>`;
}

function unescapeHtml(s) {
  return s.replace(/&(lt|gt|amp|quot|#39|apos);/g, (m, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", apos: "'" })[e]);
}

export function debounce(fn, ms) {
  let timer;
  return (...a) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...a), ms);
  };
}

// Announces short messages to screen readers and shows them as a toast.
let toastFn = () => {};
export function setToast(fn) {
  toastFn = fn;
}
export function toast(msg, kind = 'ok') {
  toastFn(msg, kind);
}
