-- ProcessManagerStore.findStale is gone (issue 13: no caller but its own test), and with it the only reader of this
-- index; every save of a process manager no longer pays for it. A "stuck process" alert, when one is built, brings
-- the index it needs.
DROP INDEX IF EXISTS process_managers_open;
