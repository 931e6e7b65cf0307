// libpq, PostgreSQL's own C client (Debian: libpq-dev), as Swift sees it. The header lives under
// postgresql/ in the system include directory, so no pkg-config is needed on Debian.
#ifndef BESCHERMBORD_CLIBPQ_SHIM_H
#define BESCHERMBORD_CLIBPQ_SHIM_H

#include <postgresql/libpq-fe.h>
#include <locale.h>

// The error fields' codes are character-literal macros, which Swift does not import.
static const int bb_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int bb_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
static const int bb_diag_message_detail = PG_DIAG_MESSAGE_DETAIL;

/// A locale whose messages are untranslated (C), for the thread's uselocale() while libpq
/// connects: libpq's and strerror's own texts then stay English wherever PostgresClient has to
/// read them (a failed login without a server SQLSTATE). LC_MESSAGES_MASK is a macro Swift does
/// not import. The caller frees it with freelocale().
static inline locale_t bb_untranslated_messages_locale(void) {
    return newlocale(LC_MESSAGES_MASK, "C", (locale_t)0);
}

#endif
