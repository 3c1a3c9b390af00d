#!/usr/bin/env python3
"""Measures, on a copy of a generated database, what one task row costs in SQLite alone,
below the C write path: the plain INSERT, the INSERT with the roll-up triggers
(migrations/002_rollup.sql), and the same interleaved with a search-index (FTS5) insert as
resource_create does it. With SQLite 3.40 every statement that opens a statement journal
(any INSERT that fires a trigger) makes FTS5 flush its pending terms (xSavepoint →
sqlite3Fts5StorageSync), so a search-index write followed by a trigger-bearing write costs a
segment flush per row. All in one transaction, rolled back: the copy is left as it was.

    python3 bench/write-path-probe.py build/bench/province.db [rows]
"""
import os
import shutil
import sqlite3
import sys
import tempfile
import time

src = sys.argv[1] if len(sys.argv) > 1 else "build/bench/province.db"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
tmp = tempfile.mkdtemp(prefix="tk-probe-")
db = os.path.join(tmp, "probe.db")
shutil.copyfile(src, db)
try:
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA temp_store=MEMORY")
    c.execute("PRAGMA cache_size=-65536")
    prog, lead = c.execute(
        "SELECT id, org_id FROM programs WHERE kind = 'personal_plan' ORDER BY id LIMIT 1 OFFSET 1000"
    ).fetchone() or c.execute("SELECT id, org_id FROM programs ORDER BY id LIMIT 1").fetchone()
    has_trigger = c.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'rollup_task_insert'"
    ).fetchone()[0]

    def run(label, fts, task, drop=False):
        c.execute("BEGIN")
        if drop and has_trigger:
            c.execute("DROP TRIGGER rollup_task_insert")
        t = time.perf_counter()
        for i in range(n):
            if fts:
                c.execute(
                    "INSERT INTO search_index (rowid, type, ref_id, label, text, body) "
                    "VALUES (?, 'task', ?, 'x', 'x', ?)",
                    (10**12 + i * 32, i, "tham gia day du sinh hoat chi bo dinh ky %d" % i),
                )
            if task:
                c.execute(
                    "INSERT INTO tasks (program_id, title, lead_org_id, status, progress, period, "
                    "due_day) VALUES (?, 'probe', ?, 'done', 100, '2022', 19357)",
                    (prog, lead),
                )
        dt = time.perf_counter() - t
        c.execute("ROLLBACK")
        print(f"{label:48s} {dt / n * 1e6:8.1f} µs per row")

    print(f"{src}: {n} rows each, SQLite {sqlite3.sqlite_version}, roll-up trigger: {'yes' if has_trigger else 'no'}")
    run("search-index insert alone", True, False)
    run("task insert, triggers dropped", False, True, drop=True)
    run("task insert with the roll-up triggers", False, True)
    run("search-index + task insert, triggers dropped", True, True, drop=True)
    run("search-index + task insert with the triggers", True, True)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
