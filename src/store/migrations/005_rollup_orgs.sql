-- How many orgs each org's subtree holds, itself included, kept like the other roll-ups of
-- 002_rollup.sql: counting them from the path index cost the root of the country tier
-- (60,000 orgs) about 11 ms a roll-up, where reading this row costs what any other does.
-- An org counts once for every org on its path; a move changes the paths of the subtree,
-- each of which takes its count from its old ancestors to its new ones.
CREATE TABLE rollup_orgs (
    org_id INTEGER PRIMARY KEY,
    n INTEGER NOT NULL
);

INSERT INTO rollup_orgs (org_id, n)
SELECT CAST(a.value AS INTEGER), count(*)
FROM orgs o JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a
WHERE o.path <> '' GROUP BY 1;

CREATE TRIGGER rollup_orgs_insert AFTER INSERT ON orgs FOR EACH ROW WHEN coalesce(NEW.path, '') <> ''
BEGIN
    INSERT INTO rollup_orgs (org_id, n)
    SELECT CAST(value AS INTEGER), 1 FROM json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']') WHERE true
    ON CONFLICT (org_id) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_orgs_path AFTER UPDATE OF path ON orgs FOR EACH ROW WHEN OLD.path IS NOT NEW.path
BEGIN
    INSERT INTO rollup_orgs (org_id, n)
    SELECT CAST(value AS INTEGER), -1 FROM json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']')
    WHERE coalesce(OLD.path, '') <> ''
    ON CONFLICT (org_id) DO UPDATE SET n = n + excluded.n;
    INSERT INTO rollup_orgs (org_id, n)
    SELECT CAST(value AS INTEGER), 1 FROM json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']')
    WHERE coalesce(NEW.path, '') <> ''
    ON CONFLICT (org_id) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER rollup_orgs_delete AFTER DELETE ON orgs FOR EACH ROW WHEN coalesce(OLD.path, '') <> ''
BEGIN
    INSERT INTO rollup_orgs (org_id, n)
    SELECT CAST(value AS INTEGER), -1 FROM json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']') WHERE true
    ON CONFLICT (org_id) DO UPDATE SET n = n + excluded.n;
END;
