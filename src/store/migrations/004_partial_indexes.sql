-- Sub-tasks are few (most tasks, and every personal-plan item, have no parent), so the index
-- that finds a task's children keeps only the tasks that have a parent: it was about a
-- tenth of a task row's cost on disk and in time to write, for rows it never finds. A
-- lookup "parent_id = ?" implies "parent_id IS NOT NULL", so SQLite still uses it.
DROP INDEX tasks_parent;
CREATE INDEX tasks_parent ON tasks(parent_id) WHERE parent_id IS NOT NULL;
