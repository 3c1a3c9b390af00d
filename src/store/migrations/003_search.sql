-- Search, lean (src/store/sqlite_search.c explains the design): one contentless FTS5 table
-- holding only each searchable row's folded words, no copy of its text and no positions.
-- The first design (search_index, 001_init.sql) kept the text twice (as written and folded)
-- and every word's position: about 510 bytes a row, where this takes about 21.
--
-- words: the folded words (lower case, no diacritics, đ→d) of the row's label, then those of
-- its other searched fields each followed by "_", so that a query can ask for the label alone
-- or for any field, then the row's window ("_7_6": code 7, the 6th run of 2^22 ids), which
-- bounds the work of a query. tokenize ascii with "_" a token character: the text is folded
-- already, so splitting at spaces is all that is left to do, and it is the cheapest.
-- rowid: the resource's code (sqlite_search.c, SOURCES) times 2^40, plus 2^40 - 1 - the row's
-- id: each resource is one range of rowids, newest row first.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_words USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
-- FTS5 writes its pending entries out at every 1 MB by default; 64 MB makes a rebuild a
-- quarter quicker and leaves fewer segments to search. Only a rebuild ever holds that much.
INSERT INTO search_words (search_words, rank) VALUES ('hashsize', 67108864);

-- The rows already there (a database made before 003), one statement per resource, in rowid
-- order (newest first), which is what lets FTS5 write long runs.
INSERT INTO search_words (rowid, words)
SELECT search_rowid(1, id), search_fold(1, id, name, short_name, code) FROM orgs ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(2, id), search_fold(2, id, title, symbol) FROM resolutions ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(3, id), search_fold(3, id, title, symbol) FROM programs ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(4, id), search_fold(4, id, title, symbol) FROM documents ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(5, id), search_fold(5, id, full_name, title) FROM people ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(6, id), search_fold(6, id, text, code) FROM items ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(7, id), search_fold(7, id, title, code, output) FROM tasks ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(8, id), search_fold(8, id, topic) FROM meetings ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(9, id), search_fold(9, id, topic, findings) FROM inspections ORDER BY id DESC;
INSERT INTO search_words (rowid, words)
SELECT search_rowid(10, id), search_fold(10, id, title) FROM disseminations ORDER BY id DESC;

-- A contentless table forgets a row's entry only when given the words it was indexed with,
-- and only a trigger still sees the old text: these keep the index equal to the rows when a
-- searched field changes or a row goes (ON DELETE CASCADE included), whoever changes it.
-- New rows are added by store_index, or by store_reindex after a bulk load, so that a load
-- does not index row by row. The field lists are the resources' `search` fields
-- (src/domain/*.c), in order; tests/unit/store/sqlite_search.c checks that they agree.
CREATE TRIGGER search_orgs_update AFTER UPDATE OF name, short_name, code ON orgs
WHEN old.name IS NOT new.name OR old.short_name IS NOT new.short_name OR old.code IS NOT new.code
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(1, old.id),
            search_fold(1, old.id, old.name, old.short_name, old.code));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(1, new.id), search_fold(1, new.id, new.name, new.short_name, new.code));
END;
CREATE TRIGGER search_orgs_delete AFTER DELETE ON orgs
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(1, old.id),
            search_fold(1, old.id, old.name, old.short_name, old.code));
END;
CREATE TRIGGER search_resolutions_update AFTER UPDATE OF title, symbol ON resolutions
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(2, old.id),
            search_fold(2, old.id, old.title, old.symbol));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(2, new.id), search_fold(2, new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_resolutions_delete AFTER DELETE ON resolutions
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(2, old.id),
            search_fold(2, old.id, old.title, old.symbol));
END;
CREATE TRIGGER search_programs_update AFTER UPDATE OF title, symbol ON programs
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(3, old.id),
            search_fold(3, old.id, old.title, old.symbol));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(3, new.id), search_fold(3, new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_programs_delete AFTER DELETE ON programs
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(3, old.id),
            search_fold(3, old.id, old.title, old.symbol));
END;
CREATE TRIGGER search_documents_update AFTER UPDATE OF title, symbol ON documents
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(4, old.id),
            search_fold(4, old.id, old.title, old.symbol));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(4, new.id), search_fold(4, new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(4, old.id),
            search_fold(4, old.id, old.title, old.symbol));
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF full_name, title ON people
WHEN old.full_name IS NOT new.full_name OR old.title IS NOT new.title
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(5, old.id),
            search_fold(5, old.id, old.full_name, old.title));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(5, new.id), search_fold(5, new.id, new.full_name, new.title));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(5, old.id),
            search_fold(5, old.id, old.full_name, old.title));
END;
CREATE TRIGGER search_items_update AFTER UPDATE OF text, code ON items
WHEN old.text IS NOT new.text OR old.code IS NOT new.code
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(6, old.id),
            search_fold(6, old.id, old.text, old.code));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(6, new.id), search_fold(6, new.id, new.text, new.code));
END;
CREATE TRIGGER search_items_delete AFTER DELETE ON items
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(6, old.id),
            search_fold(6, old.id, old.text, old.code));
END;
CREATE TRIGGER search_tasks_update AFTER UPDATE OF title, code, output ON tasks
WHEN old.title IS NOT new.title OR old.code IS NOT new.code OR old.output IS NOT new.output
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(7, old.id),
            search_fold(7, old.id, old.title, old.code, old.output));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(7, new.id), search_fold(7, new.id, new.title, new.code, new.output));
END;
CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(7, old.id),
            search_fold(7, old.id, old.title, old.code, old.output));
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF topic ON meetings
WHEN old.topic IS NOT new.topic
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(8, old.id),
            search_fold(8, old.id, old.topic));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(8, new.id), search_fold(8, new.id, new.topic));
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(8, old.id),
            search_fold(8, old.id, old.topic));
END;
CREATE TRIGGER search_inspections_update AFTER UPDATE OF topic, findings ON inspections
WHEN old.topic IS NOT new.topic OR old.findings IS NOT new.findings
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(9, old.id),
            search_fold(9, old.id, old.topic, old.findings));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(9, new.id), search_fold(9, new.id, new.topic, new.findings));
END;
CREATE TRIGGER search_inspections_delete AFTER DELETE ON inspections
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(9, old.id),
            search_fold(9, old.id, old.topic, old.findings));
END;
CREATE TRIGGER search_disseminations_update AFTER UPDATE OF title ON disseminations
WHEN old.title IS NOT new.title
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(10, old.id),
            search_fold(10, old.id, old.title));
    INSERT INTO search_words (rowid, words)
    VALUES (search_rowid(10, new.id), search_fold(10, new.id, new.title));
END;
CREATE TRIGGER search_disseminations_delete AFTER DELETE ON disseminations
BEGIN
    INSERT INTO search_words (search_words, rowid, words)
    VALUES ('delete', search_rowid(10, old.id),
            search_fold(10, old.id, old.title));
END;
