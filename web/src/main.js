// The application shell: sign-in, the header (global search, term selector, language), the org
// tree as the main navigation, and the router that picks the view of the chosen org.
//
// Routes (history API, so every URL can be reloaded and shared):
//   /login                      sign-in
//   /                           the user's org, or the first root
//   /o/ORG[/VIEW][?t=YEAR]      VIEW of ORG for the term starting YEAR
import './styles.css';
import { render } from 'preact';
import { useState, useEffect, useCallback } from 'preact/hooks';
import { t, getLang, setLang } from './i18n.js';
import { get, post, del, setUnauthenticatedHandler, termHolder, pickTerm, org as fetchOrg, remember } from './api.js';
import { html, setNavigate, Link, useAsync, Async, setToast, Field, useId, errorText } from './ui.js';
import { OrgTree } from './tree.js';
import { SearchBox } from './search.js';
import { Overview } from './views/overview.js';
import { ResolutionView } from './views/resolution.js';
import { ProgramView } from './views/program.js';
import { CoverageView } from './views/coverage.js';
import { CascadeView } from './views/cascade.js';
import { InboxView } from './views/inbox.js';
import { MeetingsView } from './views/meetings.js';
import { InspectionsView } from './views/inspections.js';
import { AssignmentsView } from './views/assignments.js';
import { DisseminationView } from './views/dissemination.js';
import { IndicatorsView } from './views/indicators.js';

const VIEWS = [
  ['overview', Overview],
  ['resolution', ResolutionView],
  ['program', ProgramView],
  ['coverage', CoverageView],
  ['cascade', CascadeView],
  ['inbox', InboxView],
  ['meetings', MeetingsView],
  ['inspections', InspectionsView],
  ['assignments', AssignmentsView],
  ['dissemination', DisseminationView],
  ['indicators', IndicatorsView],
];

function parseRoute() {
  const path = location.pathname;
  const q = new URLSearchParams(location.search);
  let m;
  if (path === '/login') return { name: 'login', q };
  if ((m = /^\/o\/(\d+)(?:\/([a-z]+))?\/?$/.exec(path))) return { name: 'org', orgId: +m[1], view: m[2] || 'overview', q };
  return { name: 'home', q };
}

function SignIn({ onSignedIn }) {
  const [username, setU] = useState('');
  const [password, setP] = useState('');
  const [err, setErr] = useState(null);
  const [busy, setBusy] = useState(false);
  const uid = useId('u');
  const pid = useId('p');
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const user = await post('/session', { username, password });
      onSignedIn(user);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  const field = err && err.field;
  const msg = err ? (err.status === 401 || err.status === 403 ? err.message || t('signin_failed') : errorText(err)) : '';
  return html`<main class="signin" id="main">
    <form class="signin-card" onSubmit=${submit} novalidate>
      <h1>${t('app_name')}</h1>
      <p class="muted">${t('signin_lead')}</p>
      <${Field} id=${uid} label=${t('username')} error=${field === 'username' ? msg : ''}>
        ${(a) => html`<input ...${a} name="username" autocomplete="username" required value=${username} onInput=${(e) => setU(e.target.value)} />`}
      <//>
      <${Field} id=${pid} label=${t('password')} error=${field === 'password' ? msg : ''}>
        ${(a) => html`<input ...${a} name="password" type="password" autocomplete="current-password" required value=${password} onInput=${(e) => setP(e.target.value)} />`}
      <//>
      ${err && field !== 'username' && field !== 'password' && html`<p class="field-error" role="alert">${msg}</p>`}
      <button type="submit" class="primary" disabled=${busy}>${t('signin_button')}</button>
      <p><${LangButton} /></p>
    </form>
  </main>`;
}

let rerenderAll = () => {};
function LangButton() {
  return html`<button type="button" class="link lang" lang=${getLang() === 'vi' ? 'en' : 'vi'} aria-label=${t('lang_switch_label')}
    onClick=${() => {
      setLang(getLang() === 'vi' ? 'en' : 'vi');
      rerenderAll();
    }}>${t('lang_switch')}</button>`;
}

function TermSelect({ orgId, year, onChange }) {
  const st = useAsync(() => termHolder(orgId), [orgId]);
  const id = useId('term');
  if (!st.data) return html`<span class="term-select"></span>`;
  const { terms } = st.data;
  const cur = pickTerm(terms, year);
  return html`<span class="term-select">
    <label for=${id}>${t('term')}</label>
    <select id=${id} value=${cur ? String(cur.starts_year) : ''} onChange=${(e) => onChange(e.target.value)} disabled=${!terms.length}>
      ${terms.length ? terms.map((x) => html`<option value=${String(x.starts_year)}>${x.starts_year}–${x.ends_year}</option>`) : html`<option value="">${t('term_none')}</option>`}
    </select>
  </span>`;
}

function Toasts() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    setToast((msg, kind) => {
      const id = Math.random();
      setItems((xs) => [...xs, { id, msg, kind }]);
      setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== id)), 4000);
    });
  }, []);
  return html`<div class="toasts" role="status" aria-live="polite">${items.map((x) => html`<div class=${'toast ' + x.kind} key=${x.id}>${x.msg}</div>`)}</div>`;
}

function OrgPage({ route, user, year, setYear }) {
  const { orgId, view } = route;
  const st = useAsync(() => fetchOrg(orgId), [orgId]);
  const entry = VIEWS.find(([n]) => n === view) || VIEWS[0];
  const View = entry[1];
  const q = year ? `?t=${year}` : '';
  return html`<${Async} state=${st}>${(o) => html`
    <div class="org-head">
      <${Breadcrumb} orgId=${orgId} year=${year} view=${view} />
      <h1 id="org-title">${o.name}</h1>
    </div>
    <nav class="tabs" aria-label=${t('views_label')}>
      ${VIEWS.map(([n]) => html`<${Link} href=${`/o/${orgId}${n === 'overview' ? '' : '/' + n}${q}`} class=${'tab' + (n === entry[0] ? ' active' : '')} aria-current=${n === entry[0] ? 'page' : undefined}>${t('v_' + n)}<//>`)}
    </nav>
    <section class="view" aria-labelledby="org-title">
      <${View} key=${orgId + ':' + entry[0] + ':' + year} orgId=${orgId} org=${o} year=${year} user=${user} route=${route} setYear=${setYear} />
    </section>`}<//>`;
}

function Breadcrumb({ orgId, year, view }) {
  const st = useAsync(async () => {
    const chain = [];
    let cur = await fetchOrg(orgId);
    while (cur && cur.parent_id != null) {
      try {
        cur = await fetchOrg(cur.parent_id);
      } catch (e) {
        break;
      }
      chain.unshift(cur);
    }
    return chain;
  }, [orgId]);
  if (!st.data || !st.data.length) return html`<div class="crumbs"></div>`;
  const q = year ? `?t=${year}` : '';
  const v = view && view !== 'overview' ? '/' + view : '';
  return html`<nav class="crumbs" aria-label="breadcrumb">${st.data.map((o, i) => html`${i ? ' › ' : ''}<${Link} href=${`/o/${o.id}${v}${q}`}>${o.short_name || o.name}<//>`)}</nav>`;
}

function App() {
  const [route, setRoute] = useState(parseRoute);
  const [user, setUser] = useState(undefined);
  const [, setTick] = useState(0);
  const [navOpen, setNavOpen] = useState(false);
  rerenderAll = () => setTick((x) => x + 1);

  const navigateTo = useCallback((path, opts = {}) => {
    if (opts.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    setRoute(parseRoute());
    setNavOpen(false);
    if (!opts.keepScroll) window.scrollTo(0, 0);
  }, []);
  setNavigate(navigateTo);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute());
    window.addEventListener('popstate', onPop);
    setUnauthenticatedHandler(() => {
      setUser(null);
    });
    get('/session').then(
      (u) => setUser(u),
      () => setUser(null),
    );
    document.documentElement.lang = getLang();
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Home: go to the user's org, else the first root.
  useEffect(() => {
    if (!user || route.name !== 'home') return;
    (async () => {
      let id = user.org_id;
      if (id == null) {
        const first = await get('/orgs?parent_id=null&limit=1');
        remember(first.items);
        id = first.items.length ? first.items[0].id : null;
      }
      if (id != null) navigateTo(`/o/${id}${location.search}`, { replace: true });
    })().catch(() => {});
  }, [user, route.name]);

  useEffect(() => {
    document.title = t('app_name');
  });

  if (user === undefined) return html`<p class="loading">${t('loading')}</p>`;
  if (user === null || route.name === 'login') {
    return html`<${SignIn} onSignedIn=${(u) => {
      setUser(u);
      navigateTo(route.name === 'login' ? '/' : location.pathname + location.search, { replace: true });
    }} /><${Toasts} />`;
  }

  const year = route.q.get('t') || '';
  const setYear = (y) => {
    const q = new URLSearchParams(location.search);
    if (y) q.set('t', y);
    else q.delete('t');
    navigateTo(location.pathname + '?' + q.toString(), { keepScroll: true });
  };
  const signOut = async () => {
    try {
      await del('/session');
    } catch (e) {
      /* signed out anyway */
    }
    setUser(null);
    navigateTo('/login');
  };
  const orgId = route.name === 'org' ? route.orgId : null;

  return html`
    <a class="skip" href="#main">${t('skip_to_content')}</a>
    <header class="top">
      <button type="button" class="nav-toggle" aria-expanded=${navOpen ? 'true' : 'false'} aria-controls="org-nav" onClick=${() => setNavOpen(!navOpen)}>☰ ${t('menu')}</button>
      <${Link} href=${'/' + (year ? '?t=' + year : '')} class="brand">${t('app_name')}<//>
      <${SearchBox} year=${year} />
      ${orgId && html`<${TermSelect} orgId=${orgId} year=${year} onChange=${setYear} />`}
      <span class="top-right">
        <${LangButton} />
        <span class="user" title=${user.username}>${user.full_name || user.username}</span>
        <button type="button" class="link" onClick=${signOut}>${t('signout')}</button>
      </span>
    </header>
    <div class="layout">
      <nav id="org-nav" class=${'side' + (navOpen ? ' open' : '')} aria-label=${t('nav_label')}>
        <${OrgTree} user=${user} currentId=${orgId} year=${year} view=${route.view} />
      </nav>
      <main id="main" tabindex="-1">
        ${route.name === 'org' ? html`<${OrgPage} route=${route} user=${user} year=${year} setYear=${setYear} />` : html`<p class="muted">${t('pick_org')}</p>`}
      </main>
    </div>
    <${Toasts} />`;
}

render(html`<${App} />`, document.getElementById('app'));
