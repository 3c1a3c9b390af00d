-- Packed text (store/sqlite_packed.c): the zstd dictionaries that the long shared text of a
-- few columns (tasks.title, tasks.output, programs.title) is compressed against. A packed value
-- names its dictionary by id (1–255); a dictionary is never changed or removed, so every packed
-- value stays readable. trained_rows: the table's size when it was trained (the next one is
-- trained when the table has grown sixteen times).
CREATE TABLE text_dictionaries (
    id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    trained_rows INTEGER NOT NULL,
    dictionary BLOB NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX text_dictionaries_column ON text_dictionaries (table_name, column_name, id);
