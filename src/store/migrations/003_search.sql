-- Search, lean (src/store/sqlite_search.c explains the design): per searchable resource, one
-- contentless FTS5 table holding only its rows' folded words, no copy of their text and no
-- positions. The first design (search_index, 001_init.sql) kept the text twice (as written
-- and folded) and every word's position: about 510 bytes a row, where this takes about 23.
--
-- words: the folded words (lower case, no diacritics, đ→d) of the row's label, then those of
-- its other searched fields each followed by "_", so that a query can ask for the label alone
-- or for any field, then the row's window ("_6": ids 6·2^22 to 7·2^22 - 1), which bounds the
-- work of a query. rowid: minus the row's id, so that the newest rows come first. tokenize
-- ascii with "_" a token character: the text is folded already, so splitting at spaces is
-- all that is left to do, and it is the cheapest tokenizer. hashsize: FTS5 writes its
-- pending entries out at every 1 MB by default; 64 MB makes a rebuild a quarter quicker and
-- leaves fewer segments to search, and only a rebuild ever holds that much.
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_orgs USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_orgs (search_orgs, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_resolutions USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_resolutions (search_resolutions, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_programs USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_programs (search_programs, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_documents USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_documents (search_documents, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_people USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_people (search_people, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_items USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_items (search_items, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_tasks USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_tasks (search_tasks, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_meetings USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_meetings (search_meetings, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_inspections USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_inspections (search_inspections, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE search_disseminations USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = "ascii tokenchars '_'"
);
INSERT INTO search_disseminations (search_disseminations, rank) VALUES ('hashsize', 67108864);

-- The rows already there (a database made before 003), newest first: rowids then only grow,
-- which lets FTS5 write long runs.
INSERT INTO search_orgs (rowid, words)
SELECT -id, search_fold(id, name, short_name, code) FROM orgs ORDER BY id DESC;
INSERT INTO search_resolutions (rowid, words)
SELECT -id, search_fold(id, title, symbol) FROM resolutions ORDER BY id DESC;
INSERT INTO search_programs (rowid, words)
SELECT -id, search_fold(id, title, symbol) FROM programs ORDER BY id DESC;
INSERT INTO search_documents (rowid, words)
SELECT -id, search_fold(id, title, symbol) FROM documents ORDER BY id DESC;
INSERT INTO search_people (rowid, words)
SELECT -id, search_fold(id, full_name, title) FROM people ORDER BY id DESC;
INSERT INTO search_items (rowid, words)
SELECT -id, search_fold(id, text, code) FROM items ORDER BY id DESC;
INSERT INTO search_tasks (rowid, words)
SELECT -id, search_fold(id, title, code, output) FROM tasks ORDER BY id DESC;
INSERT INTO search_meetings (rowid, words)
SELECT -id, search_fold(id, topic) FROM meetings ORDER BY id DESC;
INSERT INTO search_inspections (rowid, words)
SELECT -id, search_fold(id, topic, findings) FROM inspections ORDER BY id DESC;
INSERT INTO search_disseminations (rowid, words)
SELECT -id, search_fold(id, title) FROM disseminations ORDER BY id DESC;

-- A contentless table forgets a row's entry only when given the words it was indexed with,
-- and only a trigger still sees the old text: these keep the index equal to the rows when a
-- searched field changes or a row goes (ON DELETE CASCADE included), whoever changes it.
-- Each removes an entry only when the index has it (search_probe: its first word at its
-- rowid), since FTS5 reports a corrupt index when told to remove more rows than it holds;
-- rows with no words, and those of a bulk load not indexed yet, have none. New rows are
-- added by store_index, or by store_reindex after a bulk load, so that a load does not
-- index row by row. The field lists are the resources' `search` fields (src/domain/*.c), in
-- order; tests/unit/store/sqlite_search.c checks that they agree.
CREATE TRIGGER search_orgs_update AFTER UPDATE OF name, short_name, code ON orgs
WHEN old.name IS NOT new.name OR old.short_name IS NOT new.short_name OR old.code IS NOT new.code
BEGIN
    INSERT INTO search_orgs (search_orgs, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.name, old.short_name, old.code) AS w)
    WHERE EXISTS (SELECT 1 FROM search_orgs
                  WHERE search_orgs MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_orgs (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.name, new.short_name, new.code));
END;
CREATE TRIGGER search_orgs_delete AFTER DELETE ON orgs
BEGIN
    INSERT INTO search_orgs (search_orgs, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.name, old.short_name, old.code) AS w)
    WHERE EXISTS (SELECT 1 FROM search_orgs
                  WHERE search_orgs MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_resolutions_update AFTER UPDATE OF title, symbol ON resolutions
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_resolutions (search_resolutions, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_resolutions
                  WHERE search_resolutions MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_resolutions (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_resolutions_delete AFTER DELETE ON resolutions
BEGIN
    INSERT INTO search_resolutions (search_resolutions, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_resolutions
                  WHERE search_resolutions MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_programs_update AFTER UPDATE OF title, symbol ON programs
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_programs (search_programs, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_programs
                  WHERE search_programs MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_programs (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_programs_delete AFTER DELETE ON programs
BEGIN
    INSERT INTO search_programs (search_programs, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_programs
                  WHERE search_programs MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE OF title, symbol ON documents
WHEN old.title IS NOT new.title OR old.symbol IS NOT new.symbol
BEGIN
    INSERT INTO search_documents (search_documents, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_documents
                  WHERE search_documents MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_documents (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.title, new.symbol));
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO search_documents (search_documents, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.symbol) AS w)
    WHERE EXISTS (SELECT 1 FROM search_documents
                  WHERE search_documents MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF full_name, title ON people
WHEN old.full_name IS NOT new.full_name OR old.title IS NOT new.title
BEGIN
    INSERT INTO search_people (search_people, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.full_name, old.title) AS w)
    WHERE EXISTS (SELECT 1 FROM search_people
                  WHERE search_people MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_people (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.full_name, new.title));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people
BEGIN
    INSERT INTO search_people (search_people, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.full_name, old.title) AS w)
    WHERE EXISTS (SELECT 1 FROM search_people
                  WHERE search_people MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_items_update AFTER UPDATE OF text, code ON items
WHEN old.text IS NOT new.text OR old.code IS NOT new.code
BEGIN
    INSERT INTO search_items (search_items, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.text, old.code) AS w)
    WHERE EXISTS (SELECT 1 FROM search_items
                  WHERE search_items MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_items (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.text, new.code));
END;
CREATE TRIGGER search_items_delete AFTER DELETE ON items
BEGIN
    INSERT INTO search_items (search_items, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.text, old.code) AS w)
    WHERE EXISTS (SELECT 1 FROM search_items
                  WHERE search_items MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_tasks_update AFTER UPDATE OF title, code, output ON tasks
WHEN old.title IS NOT new.title OR old.code IS NOT new.code OR old.output IS NOT new.output
BEGIN
    INSERT INTO search_tasks (search_tasks, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.code, old.output) AS w)
    WHERE EXISTS (SELECT 1 FROM search_tasks
                  WHERE search_tasks MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_tasks (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.title, new.code, new.output));
END;
CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks
BEGIN
    INSERT INTO search_tasks (search_tasks, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title, old.code, old.output) AS w)
    WHERE EXISTS (SELECT 1 FROM search_tasks
                  WHERE search_tasks MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF topic ON meetings
WHEN old.topic IS NOT new.topic
BEGIN
    INSERT INTO search_meetings (search_meetings, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.topic) AS w)
    WHERE EXISTS (SELECT 1 FROM search_meetings
                  WHERE search_meetings MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_meetings (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.topic));
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO search_meetings (search_meetings, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.topic) AS w)
    WHERE EXISTS (SELECT 1 FROM search_meetings
                  WHERE search_meetings MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_inspections_update AFTER UPDATE OF topic, findings ON inspections
WHEN old.topic IS NOT new.topic OR old.findings IS NOT new.findings
BEGIN
    INSERT INTO search_inspections (search_inspections, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.topic, old.findings) AS w)
    WHERE EXISTS (SELECT 1 FROM search_inspections
                  WHERE search_inspections MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_inspections (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.topic, new.findings));
END;
CREATE TRIGGER search_inspections_delete AFTER DELETE ON inspections
BEGIN
    INSERT INTO search_inspections (search_inspections, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.topic, old.findings) AS w)
    WHERE EXISTS (SELECT 1 FROM search_inspections
                  WHERE search_inspections MATCH search_probe(w) AND rowid = -old.id);
END;
CREATE TRIGGER search_disseminations_update AFTER UPDATE OF title ON disseminations
WHEN old.title IS NOT new.title
BEGIN
    INSERT INTO search_disseminations (search_disseminations, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title) AS w)
    WHERE EXISTS (SELECT 1 FROM search_disseminations
                  WHERE search_disseminations MATCH search_probe(w) AND rowid = -old.id);
    INSERT INTO search_disseminations (rowid, words)
    VALUES (-new.id, search_fold(new.id, new.title));
END;
CREATE TRIGGER search_disseminations_delete AFTER DELETE ON disseminations
BEGIN
    INSERT INTO search_disseminations (search_disseminations, rowid, words)
    SELECT 'delete', -old.id, w
    FROM (SELECT search_fold(old.id, old.title) AS w)
    WHERE EXISTS (SELECT 1 FROM search_disseminations
                  WHERE search_disseminations MATCH search_probe(w) AND rowid = -old.id);
END;
