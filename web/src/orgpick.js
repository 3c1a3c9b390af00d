// Picking orgs by name in the program table: a single-org input and a multi-org chip input, both
// backed by a datalist of the program org's subtree, and the resolver that turns what a person
// (or a pasted spreadsheet cell) wrote into an org: exact short name, name or code first, folded
// for case and diacritics, then a unique org whose name contains every word.
import { useState } from 'preact/hooks';
import { t, fold } from './i18n.js';
import { html, orgLabel } from './ui.js';
import { orgs } from './api.js';

export function resolveOrg(text, candidates) {
  const f = fold(text).replace(/\s+/g, ' ').trim();
  if (!f) return null;
  const exact = candidates.filter((o) => [o.short_name, o.name, o.code].some((x) => x && fold(x) === f));
  if (exact.length >= 1) return exact[0];
  const words = f.split(' ');
  const loose = candidates.filter((o) => {
    const hay = fold(`${o.name} ${o.short_name || ''} ${o.code || ''}`);
    return words.every((w) => hay.includes(w));
  });
  if (loose.length === 1) return loose[0];
  // Prefer the shortest name among several (e.g. "Văn phòng Thành ủy" in a city's subtree).
  if (loose.length > 1) {
    const active = loose.filter((o) => !o.ended_on);
    const pool = active.length ? active : loose;
    pool.sort((a, b) => (a.short_name || a.name).length - (b.short_name || b.name).length);
    if ((pool[0].short_name || pool[0].name).length < (pool[1].short_name || pool[1].name).length) return pool[0];
  }
  return null;
}

export function OrgDatalist({ id, options }) {
  return html`<datalist id=${id}>${options.map((o) => html`<option value=${orgLabel(o)}>${o.short_name && o.short_name !== o.name ? o.name : ''}</option>`)}</datalist>`;
}

// Chips for the chosen orgs, then an input; Enter or picking from the list adds one, Backspace
// on an empty input removes the last. Enter on an empty input is left to the row (it saves).
export function OrgChips({ id, value, onChange, options, listId, label, invalid, describedBy }) {
  const [text, setText] = useState('');
  const [miss, setMiss] = useState('');
  const add = (raw) => {
    const o = resolveOrg(raw, options);
    if (!o) {
      setMiss(raw);
      return false;
    }
    if (!value.includes(o.id)) onChange([...value, o.id]);
    setText('');
    setMiss('');
    return true;
  };
  return html`<div class=${'chips' + (invalid || miss ? ' invalid' : '')}>
    ${value.map((oid) => {
      const o = orgs.get(oid);
      const name = o ? orgLabel(o) : '#' + oid;
      return html`<span class="chip">${name}<button type="button" class="chip-x" aria-label=${t('delete') + ' ' + name} onClick=${() => onChange(value.filter((x) => x !== oid))}>×</button></span>`;
    })}
    <input id=${id} list=${listId} value=${text} aria-label=${label} aria-invalid=${invalid || miss ? 'true' : undefined} aria-describedby=${describedBy}
      onInput=${(e) => {
        const v = e.target.value;
        setText(v);
        setMiss('');
        // Choosing an option of the datalist fills the whole label in: take it at once.
        if (options.some((o) => orgLabel(o) === v)) add(v);
      }}
      onKeyDown=${(e) => {
        if ((e.key === 'Enter' || e.key === ';' || e.key === ',') && text.trim()) {
          e.preventDefault();
          e.stopPropagation();
          add(text);
        } else if (e.key === 'Backspace' && !text && value.length) {
          onChange(value.slice(0, -1));
        }
      }}
      onBlur=${() => text.trim() && add(text)} />
    ${miss && html`<small class="field-error" role="alert">${t('pg_paste_unknown_org', { name: miss })}</small>`}
  </div>`;
}
