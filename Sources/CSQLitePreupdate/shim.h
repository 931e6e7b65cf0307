// SQLite's preupdate hook (https://sqlite.org/c3ref/preupdate_blobwrite.html): the values a row
// is about to get, without reading it back. sqlite3.h declares it only when the program defines
// SQLITE_ENABLE_PREUPDATE_HOOK, which GRDB's module does not; the system's SQLite (Debian's) is
// built with it. Only the three functions ChangedRecords.swift uses are declared here.
#ifndef CSQLITE_PREUPDATE_SHIM_H
#define CSQLITE_PREUPDATE_SHIM_H

struct sqlite3;
struct sqlite3_value;

typedef void (*csqlite_preupdate_callback)(void *context, struct sqlite3 *db, int operation, const char *database,
                                           const char *table, long long oldRowid, long long newRowid);

void *sqlite3_preupdate_hook(struct sqlite3 *db, csqlite_preupdate_callback callback, void *context);
int sqlite3_preupdate_count(struct sqlite3 *db);
int sqlite3_preupdate_new(struct sqlite3 *db, int column, struct sqlite3_value **value);

#endif
