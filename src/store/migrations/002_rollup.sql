-- Roll-ups maintained as writes happen, in the same transaction, by triggers: for every org,
-- the counts of its whole subtree's tasks (by the program's org and by the lead org), per
-- term year of the program's resolution and for all years (term_year 0); the open tasks'
-- due days, so that "overdue" is a sum over the days before today and so follows the
-- calendar with no write at midnight; the programs and the dissemination attendance.
-- An answer then reads a handful of rows whatever the subtree's size.
--
-- A row's contribution depends only on its own org's path (its ancestors are the ids in the
-- path), so an org move re-applies exactly the rows of the orgs whose path changed.

CREATE TABLE rollup_tasks (
    org_id INTEGER NOT NULL,
    by_lead INTEGER NOT NULL,
    term_year INTEGER NOT NULL,
    total INTEGER NOT NULL,
    not_started INTEGER NOT NULL,
    in_progress INTEGER NOT NULL,
    done INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    progress_sum INTEGER NOT NULL, -- over the tasks not cancelled
    PRIMARY KEY (org_id, by_lead, term_year)
) WITHOUT ROWID;

CREATE TABLE rollup_due (
    org_id INTEGER NOT NULL,
    by_lead INTEGER NOT NULL,
    term_year INTEGER NOT NULL,
    due_day INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (org_id, by_lead, term_year, due_day)
) WITHOUT ROWID;

CREATE TABLE rollup_programs (
    org_id INTEGER NOT NULL,
    term_year INTEGER NOT NULL,
    total INTEGER NOT NULL,
    adopted INTEGER NOT NULL,
    PRIMARY KEY (org_id, term_year)
) WITHOUT ROWID;

CREATE TABLE rollup_dissemination (
    org_id INTEGER NOT NULL,
    term_year INTEGER NOT NULL,
    expected INTEGER NOT NULL,
    attended INTEGER NOT NULL,
    PRIMARY KEY (org_id, term_year)
) WITHOUT ROWID;

-- Each task's contribution rows: (ancestor, by_lead, term_year) for the program's org and
-- for the lead org, under its own term year and under 0.
CREATE VIEW task_contrib AS
SELECT t.id AS task_id, t.program_id AS program_id, p.resolution_id AS resolution_id,
       rs.term_id AS term_id, o.id AS via_org, 0 AS by_lead, CAST(a.value AS INTEGER) AS org_id,
       CASE d.k WHEN 0 THEN 0 ELSE tm.starts_year END AS term_year,
       t.status AS status, coalesce(t.progress, 0) AS progress, t.due_day AS due_day
FROM tasks t JOIN programs p ON p.id = t.program_id JOIN orgs o ON o.id = p.org_id
LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = rs.term_id
JOIN (SELECT 0 AS k UNION ALL SELECT 1) d ON d.k = 0 OR tm.starts_year IS NOT NULL
JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a
WHERE o.path <> ''
UNION ALL
SELECT t.id, t.program_id, p.resolution_id, rs.term_id, o.id, 1, CAST(a.value AS INTEGER),
       CASE d.k WHEN 0 THEN 0 ELSE tm.starts_year END,
       t.status, coalesce(t.progress, 0), t.due_day
FROM tasks t JOIN programs p ON p.id = t.program_id JOIN orgs o ON o.id = t.lead_org_id
LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = rs.term_id
JOIN (SELECT 0 AS k UNION ALL SELECT 1) d ON d.k = 0 OR tm.starts_year IS NOT NULL
JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a
WHERE o.path <> '';

CREATE VIEW program_contrib AS
SELECT p.id AS program_id, p.resolution_id AS resolution_id, rs.term_id AS term_id,
       o.id AS via_org, CAST(a.value AS INTEGER) AS org_id,
       CASE d.k WHEN 0 THEN 0 ELSE tm.starts_year END AS term_year,
       (p.status = 'adopted') AS adopted
FROM programs p JOIN orgs o ON o.id = p.org_id
LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = rs.term_id
JOIN (SELECT 0 AS k UNION ALL SELECT 1) d ON d.k = 0 OR tm.starts_year IS NOT NULL
JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a
WHERE o.path <> '';

-- Dissemination always names a resolution, so its term year is known.
CREATE VIEW dissemination_contrib AS
SELECT ds.id AS dissemination_id, ds.resolution_id AS resolution_id, rs.term_id AS term_id,
       o.id AS via_org, CAST(a.value AS INTEGER) AS org_id,
       CASE d.k WHEN 0 THEN 0 ELSE tm.starts_year END AS term_year,
       coalesce(ds.expected, 0) AS expected, coalesce(ds.attended, 0) AS attended
FROM disseminations ds JOIN orgs o ON o.id = ds.org_id
JOIN resolutions rs ON rs.id = ds.resolution_id JOIN terms tm ON tm.id = rs.term_id
JOIN (SELECT 0 AS k UNION ALL SELECT 1) d
JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a
WHERE o.path <> '';

-- Triggers (one pattern: subtract a row's contribution before a change, add it after).

CREATE TRIGGER rollup_task_insert AFTER INSERT ON tasks
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE task_id = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (task_id = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_task_update_old BEFORE UPDATE OF status, progress, due_day, lead_org_id, program_id ON tasks FOR EACH ROW WHEN OLD.status IS NOT NEW.status OR OLD.progress IS NOT NEW.progress OR OLD.due_day IS NOT NEW.due_day OR OLD.lead_org_id IS NOT NEW.lead_org_id OR OLD.program_id IS NOT NEW.program_id
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE task_id = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (task_id = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_task_update_new AFTER UPDATE OF status, progress, due_day, lead_org_id, program_id ON tasks FOR EACH ROW WHEN OLD.status IS NOT NEW.status OR OLD.progress IS NOT NEW.progress OR OLD.due_day IS NOT NEW.due_day OR OLD.lead_org_id IS NOT NEW.lead_org_id OR OLD.program_id IS NOT NEW.program_id
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE task_id = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (task_id = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_task_delete BEFORE DELETE ON tasks
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE task_id = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (task_id = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_program_insert AFTER INSERT ON programs
BEGIN
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, 1*count(*), 1*total(adopted) FROM program_contrib WHERE program_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
END;

CREATE TRIGGER rollup_program_update_old BEFORE UPDATE OF org_id, resolution_id, status ON programs FOR EACH ROW WHEN OLD.org_id IS NOT NEW.org_id OR OLD.resolution_id IS NOT NEW.resolution_id OR OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE program_id = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (program_id = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, -1*count(*), -1*total(adopted) FROM program_contrib WHERE program_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
END;

CREATE TRIGGER rollup_program_update_new AFTER UPDATE OF org_id, resolution_id, status ON programs FOR EACH ROW WHEN OLD.org_id IS NOT NEW.org_id OR OLD.resolution_id IS NOT NEW.resolution_id OR OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE program_id = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (program_id = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, 1*count(*), 1*total(adopted) FROM program_contrib WHERE program_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
END;

CREATE TRIGGER rollup_program_delete BEFORE DELETE ON programs
BEGIN
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, -1*count(*), -1*total(adopted) FROM program_contrib WHERE program_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
END;

CREATE TRIGGER rollup_resolution_update_old BEFORE UPDATE OF term_id ON resolutions FOR EACH ROW WHEN OLD.term_id IS NOT NEW.term_id
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE resolution_id = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (resolution_id = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, -1*count(*), -1*total(adopted) FROM program_contrib WHERE resolution_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, -1*total(expected), -1*total(attended) FROM dissemination_contrib WHERE resolution_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_resolution_update_new AFTER UPDATE OF term_id ON resolutions FOR EACH ROW WHEN OLD.term_id IS NOT NEW.term_id
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE resolution_id = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (resolution_id = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, 1*count(*), 1*total(adopted) FROM program_contrib WHERE resolution_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, 1*total(expected), 1*total(attended) FROM dissemination_contrib WHERE resolution_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_term_update_old BEFORE UPDATE OF starts_year ON terms FOR EACH ROW WHEN OLD.starts_year IS NOT NEW.starts_year
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE term_id = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (term_id = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, -1*count(*), -1*total(adopted) FROM program_contrib WHERE term_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, -1*total(expected), -1*total(attended) FROM dissemination_contrib WHERE term_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_term_update_new AFTER UPDATE OF starts_year ON terms FOR EACH ROW WHEN OLD.starts_year IS NOT NEW.starts_year
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE term_id = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (term_id = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, 1*count(*), 1*total(adopted) FROM program_contrib WHERE term_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, 1*total(expected), 1*total(attended) FROM dissemination_contrib WHERE term_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_dissemination_insert AFTER INSERT ON disseminations
BEGIN
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, 1*total(expected), 1*total(attended) FROM dissemination_contrib WHERE dissemination_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_dissemination_update_old BEFORE UPDATE OF org_id, resolution_id, expected, attended ON disseminations FOR EACH ROW WHEN OLD.org_id IS NOT NEW.org_id OR OLD.resolution_id IS NOT NEW.resolution_id OR OLD.expected IS NOT NEW.expected OR OLD.attended IS NOT NEW.attended
BEGIN
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, -1*total(expected), -1*total(attended) FROM dissemination_contrib WHERE dissemination_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_dissemination_update_new AFTER UPDATE OF org_id, resolution_id, expected, attended ON disseminations FOR EACH ROW WHEN OLD.org_id IS NOT NEW.org_id OR OLD.resolution_id IS NOT NEW.resolution_id OR OLD.expected IS NOT NEW.expected OR OLD.attended IS NOT NEW.attended
BEGIN
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, 1*total(expected), 1*total(attended) FROM dissemination_contrib WHERE dissemination_id = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_dissemination_delete BEFORE DELETE ON disseminations
BEGIN
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, -1*total(expected), -1*total(attended) FROM dissemination_contrib WHERE dissemination_id = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_org_path_old BEFORE UPDATE OF path ON orgs FOR EACH ROW WHEN OLD.path IS NOT NEW.path
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, -1*count(*), -1*total(status = 'not_started'), -1*total(status = 'in_progress'),
           -1*total(status = 'done'), -1*total(status = 'cancelled'), -1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE via_org = OLD.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, -1*count(*) FROM task_contrib
    WHERE (via_org = OLD.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, -1*count(*), -1*total(adopted) FROM program_contrib WHERE via_org = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, -1*total(expected), -1*total(attended) FROM dissemination_contrib WHERE via_org = OLD.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

CREATE TRIGGER rollup_org_path_new AFTER UPDATE OF path ON orgs FOR EACH ROW WHEN OLD.path IS NOT NEW.path
BEGIN
    INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, done, cancelled, progress_sum)
    SELECT org_id, by_lead, term_year, 1*count(*), 1*total(status = 'not_started'), 1*total(status = 'in_progress'),
           1*total(status = 'done'), 1*total(status = 'cancelled'), 1*total(CASE WHEN status <> 'cancelled' THEN progress ELSE 0 END)
    FROM task_contrib WHERE via_org = NEW.id GROUP BY org_id, by_lead, term_year
    ON CONFLICT (org_id, by_lead, term_year) DO UPDATE SET total = total + excluded.total,
        not_started = not_started + excluded.not_started, in_progress = in_progress + excluded.in_progress,
        done = done + excluded.done, cancelled = cancelled + excluded.cancelled,
        progress_sum = progress_sum + excluded.progress_sum;
    INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n)
    SELECT org_id, by_lead, term_year, due_day, 1*count(*) FROM task_contrib
    WHERE (via_org = NEW.id) AND status IN ('not_started', 'in_progress') AND due_day >= 0
    GROUP BY org_id, by_lead, term_year, due_day
    ON CONFLICT (org_id, by_lead, term_year, due_day) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_programs (org_id, term_year, total, adopted)
    SELECT org_id, term_year, 1*count(*), 1*total(adopted) FROM program_contrib WHERE via_org = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET total = total + excluded.total, adopted = adopted + excluded.adopted;
    INSERT INTO rollup_dissemination (org_id, term_year, expected, attended)
    SELECT org_id, term_year, 1*total(expected), 1*total(attended) FROM dissemination_contrib WHERE via_org = NEW.id
    GROUP BY org_id, term_year
    ON CONFLICT (org_id, term_year) DO UPDATE SET expected = expected + excluded.expected, attended = attended + excluded.attended;
END;

