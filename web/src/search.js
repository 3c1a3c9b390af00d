// The global search box in the header: results as you type (GET /api/v1/search), a listbox
// the arrow keys walk through, Enter opens the highlighted hit where it lives (an org's
// overview, an item in its resolution, a task in its program, a person's org).
import { useState, useMemo, useRef, useEffect } from 'preact/hooks';
import { t, fold, has } from './i18n.js';
import { get, qs } from './api.js';
import { html, navigate, useId, debounce, Snippet, toast, errorText } from './ui.js';

function typeLabel(type) {
  return has('ht_' + type) ? t('ht_' + type) : type;
}

// Where a hit lives in the application.
export async function hrefOfHit(hit, year) {
  const q = (extra = {}) => qs({ t: year, ...extra });
  switch (hit.type) {
    case 'org':
      return `/o/${hit.id}${q()}`;
    case 'item': {
      const it = await get('/items/' + hit.id);
      const r = await get('/resolutions/' + it.resolution_id);
      const term = await get('/terms/' + r.term_id);
      return `/o/${term.org_id}/resolution${qs({ t: term.starts_year, item: hit.id })}`;
    }
    case 'task': {
      const task = await get('/tasks/' + hit.id);
      const p = await get('/programs/' + task.program_id);
      let ty = year;
      if (p.resolution_id) {
        try {
          const r = await get('/resolutions/' + p.resolution_id);
          const term = await get('/terms/' + r.term_id);
          ty = term.starts_year;
        } catch (e) {
          /* keep the year */
        }
      }
      return `/o/${p.org_id}/program${qs({ t: ty, p: p.id, task: hit.id })}`;
    }
    case 'person': {
      const person = await get('/people/' + hit.id);
      return `/o/${person.org_id}/assignments${q()}`;
    }
    case 'document': {
      const d = await get('/documents/' + hit.id);
      return `/o/${d.org_id}${q()}`;
    }
    case 'program': {
      const p = await get('/programs/' + hit.id);
      return `/o/${p.org_id}/program${q({ p: p.id })}`;
    }
    default:
      return null;
  }
}

export function SearchBox({ year }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const id = useId('search');
  const listId = id + '-list';
  const wrap = useRef(null);
  const seq = useRef(0);

  const run = useMemo(
    () =>
      debounce(async (text) => {
        const my = ++seq.current;
        if (fold(text).trim().length < 2) {
          setHits(null);
          return;
        }
        try {
          const r = await get('/search' + qs({ q: text, limit: 12 }));
          if (my !== seq.current) return;
          setHits(r.items);
          setActive(r.items.length ? 0 : -1);
        } catch (e) {
          if (my === seq.current) setHits([]);
        }
      }, 180),
    [],
  );

  useEffect(() => {
    const onDoc = (e) => {
      if (wrap.current && !wrap.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, []);

  const go = async (hit) => {
    setOpen(false);
    try {
      const href = await hrefOfHit(hit, year);
      if (href) {
        setQ('');
        setHits(null);
        navigate(href);
      }
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };

  const onKey = (e) => {
    if (!hits || !hits.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) go(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const show = open && hits !== null;
  return html`<div class="search" ref=${wrap} role="search">
    <label for=${id} class="sr-only">${t('search')}</label>
    <input id=${id} type="search" role="combobox" aria-autocomplete="list" aria-expanded=${show ? 'true' : 'false'} aria-controls=${listId}
      aria-activedescendant=${show && active >= 0 ? `${id}-o${active}` : undefined}
      placeholder=${t('search_placeholder')} value=${q} autocomplete="off"
      onInput=${(e) => {
        setQ(e.target.value);
        setOpen(true);
        run(e.target.value);
      }}
      onFocus=${() => setOpen(true)} onKeyDown=${onKey} />
    ${show && html`<ul id=${listId} class="search-results" role="listbox" aria-label=${t('search_results')}>
      ${hits.length === 0 ? html`<li class="muted" role="option" aria-disabled="true">${t('search_none', { q })}</li>` : ''}
      ${hits.map((hit, i) => html`<li id=${`${id}-o${i}`} role="option" aria-selected=${i === active ? 'true' : 'false'} class=${i === active ? 'active' : ''}
          onMouseDown=${(e) => e.preventDefault()} onClick=${() => go(hit)} onMouseEnter=${() => setActive(i)}>
        <span class=${'hit-type ht-' + hit.type}>${typeLabel(hit.type)}</span>
        <span class="hit-text"><${Snippet} text=${hit.snippet || hit.label} /></span>
      </li>`)}
    </ul>`}
  </div>`;
}
