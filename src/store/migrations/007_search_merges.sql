-- FTS5 merges an index's newest segments into bigger ones as rows are written. By default,
-- once 16 segments wait on the lowest level it merges all of them in one go, inside the
-- write that made the sixteenth: when one of them is the whole index of a bulk load (620 MB
-- of tasks at the country tier), that write took 40 s. At 64 the lowest level is merged
-- step by step by FTS5's automatic merging, a bounded amount of work per write, before it
-- comes to that (store_reindex also leaves a bulk-built index above the lowest level).
INSERT INTO search_orgs (search_orgs, rank) VALUES ('crisismerge', 64);
INSERT INTO search_resolutions (search_resolutions, rank) VALUES ('crisismerge', 64);
INSERT INTO search_programs (search_programs, rank) VALUES ('crisismerge', 64);
INSERT INTO search_documents (search_documents, rank) VALUES ('crisismerge', 64);
INSERT INTO search_people (search_people, rank) VALUES ('crisismerge', 64);
INSERT INTO search_items (search_items, rank) VALUES ('crisismerge', 64);
INSERT INTO search_tasks (search_tasks, rank) VALUES ('crisismerge', 64);
INSERT INTO search_meetings (search_meetings, rank) VALUES ('crisismerge', 64);
INSERT INTO search_inspections (search_inspections, rank) VALUES ('crisismerge', 64);
INSERT INTO search_disseminations (search_disseminations, rank) VALUES ('crisismerge', 64);
