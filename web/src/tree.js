// The org tree, the main navigation: roots (or the user's own org) first, children loaded when a
// node opens, the path to the current org opened by itself. The filter box above it matches
// names without regard to case or diacritics ("mong cai" finds "Móng Cái"): locally over the
// orgs already known, and through the server's search for the rest.
import { useState, useEffect, useMemo } from 'preact/hooks';
import { t, fold, compareVi } from './i18n.js';
import { get, children, roots as fetchRoots, orgs, remember, ancestry, qs } from './api.js';
import { html, Link, useId, debounce, orgLabel } from './ui.js';

function sortOrgs(list) {
  const kindRank = { central: 0, province: 1, district: 2, grassroots: 3, cell: 4, body: 5 };
  return [...list].sort(
    (a, b) =>
      (a.sort_key ?? 1e9) - (b.sort_key ?? 1e9) || (kindRank[a.kind] ?? 9) - (kindRank[b.kind] ?? 9) || a.id - b.id,
  );
}

function Node({ o, depth, open, toggle, currentId, hrefOf, kids }) {
  const isOpen = open.has(o.id);
  const list = kids.get(o.id);
  const leaf = list && list.length === 0;
  const current = o.id === currentId;
  return html`<li class=${'kind-' + o.kind}>
    <div class=${'node' + (current ? ' current' : '')}>
      ${leaf
        ? html`<span class="twisty-space"></span>`
        : html`<button type="button" class="twisty" tabindex="-1" aria-expanded=${isOpen ? 'true' : 'false'} aria-label=${(isOpen ? t('collapse') : t('expand')) + ' ' + orgLabel(o)} onClick=${() => toggle(o.id)}>${isOpen ? '▾' : '▸'}</button>`}
      <${Link} href=${hrefOf(o.id)} aria-current=${current ? 'page' : undefined} title=${o.name + (leaf ? '' : ' — ' + t('tree_keys'))}
        onKeyDown=${(e) => {
          if (e.key === 'ArrowRight' && !isOpen && !leaf) (e.preventDefault(), toggle(o.id));
          if (e.key === 'ArrowLeft' && isOpen) (e.preventDefault(), toggle(o.id));
        }}>${o.short_name || o.name}<//>
    </div>
    ${isOpen && list && list.length > 0 && html`<ul>${sortOrgs(list).map((c) => html`<${Node} key=${c.id} o=${c} depth=${depth + 1} open=${open} toggle=${toggle} currentId=${currentId} hrefOf=${hrefOf} kids=${kids} />`)}</ul>`}
  </li>`;
}

export function OrgTree({ user, currentId, year, view }) {
  const [roots, setRoots] = useState(null);
  const [open, setOpen] = useState(() => new Set());
  const [kids, setKids] = useState(() => new Map());
  const [filter, setFilter] = useState('');
  const [remote, setRemote] = useState([]);
  const fid = useId('flt');

  const load = async (id) => {
    if (kids.has(id)) return;
    const list = await children(id);
    setKids((m) => new Map(m).set(id, list));
  };
  const toggle = (id) => {
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else {
        n.add(id);
        load(id).catch(() => {});
      }
      return n;
    });
  };

  const openNode = (id) => {
    load(id).catch(() => {});
    setOpen((s) => new Set(s).add(id));
  };

  useEffect(() => {
    (async () => {
      if (user.org_id != null) {
        const o = await get('/orgs/' + user.org_id);
        remember([o]);
        setRoots([o]);
        openNode(o.id);
      } else {
        const rs = await fetchRoots();
        setRoots(rs);
        if (rs.length === 1) openNode(rs[0].id);
      }
    })().catch(() => setRoots([]));
  }, [user.id]);

  // Open the path to the current org.
  useEffect(() => {
    if (currentId == null) return;
    ancestry(currentId)
      .then(async (chain) => {
        const ids = chain.map((o) => o.id);
        await Promise.all(ids.map((i) => load(i)));
        setOpen((s) => {
          const n = new Set(s);
          ids.forEach((i) => n.add(i));
          return n;
        });
      })
      .catch(() => {});
  }, [currentId]);

  const searchRemote = useMemo(
    () =>
      debounce(async (q) => {
        if (fold(q).trim().length < 2) return setRemote([]);
        try {
          const r = await get('/search' + qs({ q, limit: 30 }));
          const hits = r.items.filter((x) => x.type === 'org');
          setRemote(hits.map((x) => ({ id: x.id, name: x.label })));
        } catch (e) {
          setRemote([]);
        }
      }, 200),
    [],
  );

  const v = view && view !== 'overview' ? '/' + view : '';
  const q = year ? `?t=${year}` : '';
  const hrefOf = (id) => `/o/${id}${v}${q}`;

  let matches = null;
  if (filter.trim()) {
    const f = fold(filter).trim();
    const words = f.split(/\s+/);
    const seen = new Map();
    for (const o of orgs.values()) {
      const hay = fold(`${o.name} ${o.short_name || ''} ${o.code || ''}`);
      if (words.every((w) => hay.includes(w))) seen.set(o.id, o);
    }
    for (const r of remote) if (!seen.has(r.id)) seen.set(r.id, orgs.get(r.id) || r);
    matches = [...seen.values()].sort((a, b) => compareVi(a.name, b.name)).slice(0, 50);
  }

  return html`<div class="tree-wrap">
    <div class="field compact">
      <label for=${fid}>${t('org_filter')}</label>
      <input id=${fid} type="search" placeholder=${t('org_filter_placeholder')} value=${filter} autocomplete="off"
        onInput=${(e) => {
          setFilter(e.target.value);
          searchRemote(e.target.value);
        }} />
    </div>
    ${matches
      ? html`<ul class="filter-results">${matches.length ? matches.map((o) => html`<li><${Link} href=${hrefOf(o.id)} class=${o.id === currentId ? 'current' : ''} onClick=${() => setFilter('')}>${o.name}<//>${o.parent_id != null && orgs.get(o.parent_id) ? html`<small class="muted"> · ${orgLabel(orgs.get(o.parent_id))}</small>` : ''}</li>`) : html`<li class="muted">${t('org_filter_none')}</li>`}</ul>`
      : roots === null
        ? html`<p class="loading">${t('loading')}</p>`
        : html`<ul class="tree">${sortOrgs(roots).map((o) => html`<${Node} key=${o.id} o=${o} depth=${0} open=${open} toggle=${toggle} currentId=${currentId} hrefOf=${hrefOf} kids=${kids} />`)}</ul>`}
  </div>`;
}
