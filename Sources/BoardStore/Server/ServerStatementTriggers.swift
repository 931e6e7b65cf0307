/// `server-statement-triggers`: the server's own triggers fire once per statement instead of once
/// per row, each over the statement's rows at once (its transition tables). Per row, a COPY of
/// 200,000 children spent most of its time in PL/pgSQL (each row noted as JSON, the children's
/// summary counted up one at a time, a notification per event); per statement the same work is
/// one set-based query. What they do is unchanged: the changed records are noted in the session's
/// table in the order written, the summary follows the children, and a commit that changes what a
/// board shows is announced once.
extension ServerSchema {
    /// The covered tables and the column that names their records, as `server-record-changes`
    /// had them: written out here, since a migration that has landed never changes.
    private static let notedTables: [(table: String, key: String)] = [
        ("family", "id"), ("child", "id"), ("case", "id"), ("setting", "rowid"), ("caregiver", "id"),
        ("network_member", "id"), ("assessment", "id"), ("risk_instrument", "id"), ("note", "id"),
        ("table_record", "id"), ("rvk_record", "case_id"), ("medewerkers", "rowid"), ("joint_plan", "id"),
        ("plan_intensity", "id"), ("plan_goal", "id"), ("plan_agreement", "id"), ("plan_hours", "id"),
        ("plan_evaluation", "id"),
    ]

    static let statementTriggers: String = {
        // A trigger with transition tables fires for one kind of statement only: three per table.
        // An update notes a record whose key changed as gone under its old key, as SQLite's
        // preupdate hook does.
        let perTable = notedTables.map { table, key -> String in
            let quoted = table == "case" ? "\"case\"" : table
            return """
                DROP TRIGGER \(table)_changes ON \(quoted);
                CREATE TRIGGER \(table)_changes_inserted AFTER INSERT ON \(quoted) REFERENCING NEW TABLE AS added
                    FOR EACH STATEMENT EXECUTE FUNCTION note_inserted_records('\(key)');
                CREATE TRIGGER \(table)_changes_updated AFTER UPDATE ON \(quoted) REFERENCING OLD TABLE AS before NEW TABLE AS after
                    FOR EACH STATEMENT EXECUTE FUNCTION note_updated_records('\(key)');
                CREATE TRIGGER \(table)_changes_deleted AFTER DELETE ON \(quoted) REFERENCING OLD TABLE AS removed
                    FOR EACH STATEMENT EXECUTE FUNCTION note_deleted_records('\(key)');
                """
        }.joined(separator: "\n")
        return """
            CREATE FUNCTION note_inserted_records() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF to_regclass('pg_temp.\(changesTable)') IS NULL THEN RETURN NULL; END IF;
                EXECUTE format('INSERT INTO pg_temp.\(changesTable) (tabel, rij, verwijderd) SELECT %L, %I, false FROM added',
                               TG_TABLE_NAME, TG_ARGV[0]);
                RETURN NULL;
            END $$;
            CREATE FUNCTION note_updated_records() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF to_regclass('pg_temp.\(changesTable)') IS NULL THEN RETURN NULL; END IF;
                EXECUTE format('INSERT INTO pg_temp.\(changesTable) (tabel, rij, verwijderd) SELECT %L, b.%I, true FROM before b '
                               'WHERE NOT EXISTS (SELECT 1 FROM after a WHERE a.%I = b.%I)',
                               TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[0], TG_ARGV[0]);
                EXECUTE format('INSERT INTO pg_temp.\(changesTable) (tabel, rij, verwijderd) SELECT %L, %I, false FROM after',
                               TG_TABLE_NAME, TG_ARGV[0]);
                RETURN NULL;
            END $$;
            CREATE FUNCTION note_deleted_records() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF to_regclass('pg_temp.\(changesTable)') IS NULL THEN RETURN NULL; END IF;
                EXECUTE format('INSERT INTO pg_temp.\(changesTable) (tabel, rij, verwijderd) SELECT %L, %I, true FROM removed',
                               TG_TABLE_NAME, TG_ARGV[0]);
                RETURN NULL;
            END $$;
            \(perTable)
            DROP FUNCTION note_record_change();

            CREATE FUNCTION family_children_after_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO family_children AS s (id, child_count, youngest_birth_date)
                    SELECT family_id, count(*), max(birth_date) FROM added GROUP BY family_id
                    ON CONFLICT (id) DO UPDATE SET child_count = s.child_count + excluded.child_count,
                        youngest_birth_date = GREATEST(s.youngest_birth_date, excluded.youngest_birth_date);
                RETURN NULL;
            END $$;
            DROP TRIGGER family_children_after_insert ON child;
            DROP FUNCTION family_children_after_insert();
            CREATE TRIGGER family_children_after_insert AFTER INSERT ON child REFERENCING NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION family_children_after_inserts();

            CREATE FUNCTION notify_boards_of_events() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM added WHERE kind NOT IN ('geopend', 'inzage_geexporteerd')) THEN
                    PERFORM pg_notify('\(boardChannel)', '');
                END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER event_notifies_boards ON event;
            DROP FUNCTION notify_boards();
            CREATE TRIGGER event_notifies_boards AFTER INSERT ON event REFERENCING NEW TABLE AS added
                FOR EACH STATEMENT EXECUTE FUNCTION notify_boards_of_events();
            """
    }()
}
