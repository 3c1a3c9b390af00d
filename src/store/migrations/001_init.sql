-- trienkhai schema, version 1. Column names are the field names of domain/<noun>.c
-- (grouped fields flattened: congress.ordinal → congress_ordinal); list fields of ids live in
-- link tables named <table>__<field>(owner_id, ref_id, pos).
-- References between nouns are foreign keys: RESTRICT where deleting would orphan someone
-- else's data, CASCADE for things owned by their parent (items of a resolution…).
-- Ids are AUTOINCREMENT: an id once given is never given to another object, so audit entries
-- and links held outside keep meaning what they meant.

CREATE TABLE orgs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER REFERENCES orgs(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    short_name TEXT,
    sort_key INTEGER,
    issuer_code TEXT,
    place_name TEXT,
    ended_on TEXT,
    path TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE INDEX orgs_path ON orgs(path);

-- Moves between parents are history, not rewrites.
CREATE TABLE org_moves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    from_parent_id INTEGER,
    to_parent_id INTEGER,
    moved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    title TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX people_org ON people(org_id);

CREATE TABLE terms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    starts_year INTEGER NOT NULL,
    ends_year INTEGER NOT NULL,
    congress_ordinal INTEGER,
    congress_held_from TEXT,
    congress_held_to TEXT,
    congress_pilot INTEGER,
    congress_status TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX terms_org ON terms(org_id);

CREATE TABLE seats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    body TEXT NOT NULL,
    role TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX seats_term ON seats(term_id);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    number INTEGER,
    symbol TEXT,
    issued_on TEXT,
    signer TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX documents_org ON documents(org_id);

CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL REFERENCES terms(id),
    title TEXT NOT NULL,
    symbol TEXT,
    issued_on TEXT,
    document_id INTEGER REFERENCES documents(id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX resolutions_term ON resolutions(term_id);

CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES items(id),
    kind TEXT NOT NULL,
    code TEXT,
    text TEXT NOT NULL,
    field TEXT,
    sort_key INTEGER,
    unit TEXT,
    direction TEXT,
    baseline REAL,
    baseline_year INTEGER,
    target REAL,
    rollup TEXT,
    weight_item_id INTEGER REFERENCES items(id),
    threshold REAL,
    nature TEXT,
    period_type TEXT,
    reported_by_kinds TEXT,
    waiver_reason TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX items_resolution ON items(resolution_id);
CREATE INDEX items_parent ON items(parent_id);

CREATE TABLE programs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    resolution_id INTEGER REFERENCES resolutions(id),
    parent_task_id INTEGER REFERENCES tasks(id),
    symbol TEXT,
    status TEXT,
    adopted_on TEXT,
    person_id INTEGER REFERENCES people(id),
    document_id INTEGER REFERENCES documents(id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX programs_org ON programs(org_id);
CREATE INDEX programs_resolution ON programs(resolution_id);
CREATE INDEX programs_parent_task ON programs(parent_task_id);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES tasks(id),
    code TEXT,
    title TEXT NOT NULL,
    lead_org_id INTEGER NOT NULL REFERENCES orgs(id),
    monitor_org_id INTEGER REFERENCES orgs(id),
    field TEXT,
    person_id INTEGER REFERENCES people(id),
    due_on TEXT,
    period TEXT,
    output TEXT,
    status TEXT,
    progress INTEGER,
    sort_key INTEGER,
    due_day INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX tasks_program ON tasks(program_id);
CREATE INDEX tasks_lead ON tasks(lead_org_id);
CREATE INDEX tasks_parent ON tasks(parent_id);

CREATE TABLE tasks__coordinating_org_ids (
    owner_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES orgs(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
CREATE INDEX tasks__coordinating_org_ids_ref ON tasks__coordinating_org_ids(ref_id);

CREATE TABLE tasks__covers (
    owner_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
CREATE INDEX tasks__covers_ref ON tasks__covers(ref_id);

CREATE TABLE task_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    progress INTEGER,
    status TEXT,
    note TEXT,
    reported_on TEXT,
    evidence TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX task_updates_task ON task_updates(task_id);

CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    period TEXT NOT NULL,
    value REAL NOT NULL,
    status TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX indicator_values_item_period ON indicator_values(item_id, period, org_id);
CREATE INDEX indicator_values_org ON indicator_values(org_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    body TEXT NOT NULL,
    planned_period TEXT NOT NULL,
    program_id INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    ordinal INTEGER,
    held_on TEXT,
    topic TEXT,
    agenda TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX meetings_org ON meetings(org_id);

CREATE TABLE inspections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    topic TEXT NOT NULL,
    kind TEXT NOT NULL,
    planned_period TEXT NOT NULL,
    program_id INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    mode TEXT,
    held_from TEXT,
    held_to TEXT,
    status TEXT,
    findings TEXT,
    conclusion_document_id INTEGER REFERENCES documents(id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX inspections_org ON inspections(org_id);

CREATE TABLE inspections__target_org_ids (
    owner_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES orgs(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
CREATE INDEX inspections__target_org_ids_ref ON inspections__target_org_ids(ref_id);

CREATE TABLE inspections__follow_up_task_ids (
    owner_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES tasks(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id INTEGER NOT NULL REFERENCES people(id),
    term_id INTEGER NOT NULL REFERENCES terms(id),
    fields TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX assignments_term ON assignments(term_id);

CREATE TABLE assignments__org_ids (
    owner_id INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES orgs(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
CREATE INDEX assignments__org_ids_ref ON assignments__org_ids(ref_id);

CREATE TABLE disseminations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    resolution_id INTEGER NOT NULL REFERENCES resolutions(id),
    held_on TEXT NOT NULL,
    title TEXT,
    expected INTEGER,
    attended INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX disseminations_org ON disseminations(org_id);

CREATE TABLE disseminations__audience_org_ids (
    owner_id INTEGER NOT NULL REFERENCES disseminations(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES orgs(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
CREATE INDEX disseminations__audience_org_ids_ref ON disseminations__audience_org_ids(ref_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    org_id INTEGER REFERENCES orgs(id),
    full_name TEXT,
    grants TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- Session cookies and API tokens, by the SHA-256 of the secret (the secret is never stored).
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,            -- 'session' or 'token'
    created_at INTEGER NOT NULL,   -- unix seconds
    last_used INTEGER NOT NULL,
    expires_at INTEGER NOT NULL    -- 0: never (tokens)
);

-- Append-only audit trail; each entry's hash covers the previous entry's hash.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    user TEXT,
    address TEXT,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    resource_id INTEGER,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

-- Every searchable thing: its label and text as written, and `body`, the same text folded
-- (lower case, no diacritics, đ→d: util/text.c), which is what FTS5 matches. The rowid is
-- ref_id * 32 + the resource's index, so a row is replaced without a scan.
CREATE VIRTUAL TABLE search_index USING fts5(
    type UNINDEXED, ref_id UNINDEXED, label UNINDEXED, text UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Uploaded evidence: the bytes once per content hash, and each upload's name and type.
CREATE TABLE file_blobs (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL REFERENCES file_blobs(sha256),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE task_updates__evidence_file_ids (
    owner_id INTEGER NOT NULL REFERENCES task_updates(id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL REFERENCES files(id),
    pos INTEGER NOT NULL,
    PRIMARY KEY (owner_id, pos)
);
