/// `server-enforced-roles`: what the staff list allows, enforced by the server itself, so that a
/// login with `psql` in hand can do no more than the board lets it do.
///
/// - The owner role (`<database>_eigenaar`, ServerRoles.swift) owns the schema, its tables and
///   functions; the login that ran `init` is its member (import of a backup, the demo, later
///   migrations) and nobody's daily work needs it.
/// - Each staff group role may read every table, insert where the program inserts, update only
///   the columns the program updates, and delete nothing. Settings and the staff list are the
///   teamleider's. What the program deletes (a person of a family, a staff member) and erasure
///   go through SECURITY DEFINER functions with their search path pinned.
/// - The staff list decides the logins' group roles: a trigger grants the role of a member added
///   or changed (making the login when there is none) and revokes it from one removed.
/// - An event names the login that wrote it (a policy on `event`: members of the owner role
///   bypass it); another login's access events (`geopend`, `inzage_geexporteerd`) are visible to
///   a teamleider only. The chain's tip is read through a function, since a hidden event may be it.
/// - An update or delete of a record commits only with an event written in the same transaction:
///   a deferred constraint trigger finds the log's newest event written by this transaction
///   (its `xmin`, which no client can set). Writers take turns under the store's write lock, so
///   at commit the newest event is the writer's own. Inserts are left to `check`'s record
///   coverage, which names every record an event did not: a deferred check per inserted row would
///   queue one trigger event per row of a 100,000-row import.
///
/// Tables a later migration adds need their grants there: `GRANT … ON ALL TABLES` here covers
/// the tables that exist now.
extension ServerSchema {
    /// Set for its transaction by the demo, whose staff are made up: the staff list's trigger then
    /// makes no login for a name the server does not know (it still grants a login that exists).
    /// Anyone may set it; it can only keep a login from being made.
    static let madeUpStaffSetting = "beschermbord.verzonnen_medewerkers"

    /// Role names in SQL, cut as `ServerRoles.groupRole` cuts them.
    private static let groupRoleFunction = """
        CREATE FUNCTION group_role(role text) RETURNS text LANGUAGE plpgsql STABLE
            SET search_path = pg_catalog AS $$
        DECLARE
            prefix text := current_database();
        BEGIN
            WHILE octet_length(prefix) > 63 - 1 - octet_length(role) LOOP
                prefix := left(prefix, -1);
            END LOOP;
            RETURN prefix || '_' || role;
        END $$;
        CREATE FUNCTION session_is(role text) RETURNS boolean LANGUAGE sql STABLE
            SET search_path = beschermbord, pg_catalog AS $$
            SELECT pg_has_role(session_user, group_role(role), 'MEMBER')
        $$;
        """

    /// Per table, the columns the program updates (`UPDATE`, `ON CONFLICT DO UPDATE`) as a staff
    /// member; everything else of a record is written once. Retention's updates are the erasure
    /// function's.
    private static let staffUpdates: [(table: String, columns: [String])] = [
        ("family", ["name", "address", "wijk"]),
        ("child", ["first_name", "surname", "birth_date", "bsn"]),
        ("caregiver", ["name", "relation", "phone"]),
        ("network_member", ["name", "role", "organisation", "phone"]),
        ("case", ["stage", "stage_since", "closed_on", "medewerker", "version"]),
        ("table_record", ["meeting_date", "attendees", "advice", "outcome", "report_back_on", "goals"]),
        ("rvk_record", ["start_date", "outcome", "outcome_date"]),
        ("joint_plan", ["ended_on", "end_reason", "next_evaluation"]),
        ("plan_goal", ["status"]),
        ("plan_agreement", ["status"]),
    ]

    /// The tables every staff member inserts into; `setting` and `medewerkers` are the teamleider's.
    private static let staffInserts = [
        "family", "child", "case", "event", "caregiver", "network_member", "assessment", "risk_instrument", "note",
        "table_record", "rvk_record", "joint_plan", "plan_intensity", "plan_goal", "plan_agreement", "plan_hours",
        "plan_evaluation",
    ]

    /// The tables whose records change after they are written: an update or delete needs its event.
    private static let changeableTables = staffUpdates.map(\.table) + ["setting", "medewerkers"]

    /// The personal columns an erasure overwrites, as `PersonalData.personal` lists them (a test
    /// erases on both databases and compares), with the condition that finds a family's rows.
    static let erasedColumns: [(table: String, column: String, scope: String)] = [
        ("family", "name", "id = family_key"), ("family", "wijk", "id = family_key"), ("family", "address", "id = family_key"),
        ("child", "first_name", "family_id = family_key"), ("child", "surname", "family_id = family_key"),
        ("child", "birth_date", "family_id = family_key"), ("child", "bsn", "family_id = family_key"),
        ("caregiver", "name", "family_id = family_key"), ("caregiver", "relation", "family_id = family_key"),
        ("caregiver", "phone", "family_id = family_key"),
        ("network_member", "name", "family_id = family_key"), ("network_member", "role", "family_id = family_key"),
        ("network_member", "organisation", "family_id = family_key"), ("network_member", "phone", "family_id = family_key"),
        ("assessment", "concerns", cases), ("assessment", "strengths", cases), ("assessment", "needs", cases),
        ("risk_instrument", "note", cases), ("note", "text", cases),
        ("table_record", "attendees", cases), ("table_record", "advice", cases), ("table_record", "goals", cases),
        ("joint_plan", "consent_by", cases), ("plan_goal", "text", cases), ("plan_goal", "safety_conditions", cases),
        ("plan_agreement", "who", cases), ("plan_agreement", "what", cases), ("plan_hours", "description", cases),
        ("plan_evaluation", "went_well", cases), ("plan_evaluation", "went_badly", cases),
    ]
    private static let cases = "case_id IN (SELECT id FROM \"case\" WHERE family_id = family_key)"

    private static func quoted(_ table: String) -> String { table == "case" ? "\"case\"" : table }

    static let enforcedRoles: String = {
        let updates = staffUpdates.map { table, columns in
            "EXECUTE format('GRANT UPDATE (\(columns.joined(separator: ", "))) ON \(quoted(table)) TO %I', staff_role);"
        }.joined(separator: "\n        ")
        let changeChecks = changeableTables.map { table in
            """
            CREATE CONSTRAINT TRIGGER \(table)_change_logged AFTER UPDATE OR DELETE ON \(quoted(table))
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_has_event();
            """
        }.joined(separator: "\n")
        let erasures = erasedColumns.map { table, column, scope in
            """
                UPDATE \(quoted(table)) SET \(column) = mark
                    WHERE \(scope) AND \(column) IS NOT NULL AND \(column) <> '' AND \(column) <> mark;
            """
        }.joined(separator: "\n")
        return """
            \(groupRoleFunction)

            -- The log: an event names its writer; others' access events are the teamleider's to read.
            ALTER TABLE event ENABLE ROW LEVEL SECURITY;
            CREATE POLICY event_names_its_writer ON event FOR INSERT WITH CHECK ("user" = session_user);
            CREATE POLICY event_access_readable ON event FOR SELECT
                USING (kind NOT IN ('geopend', 'inzage_geexporteerd') OR "user" = session_user OR (SELECT session_is('teamleider')));
            -- The policy reads each event's writer: with it in the moves' covering index, the
            -- report still reads the moves from the index alone for a staff login (0.80 → 0.59 s
            -- at 100,000 families; the owner, whom the policy does not bind, 0.53 s).
            DROP INDEX event_moves_covering;
            CREATE INDEX event_moves_covering ON event(case_id, id, kind, from_stage, to_stage, day) INCLUDE ("user")
                WHERE kind IN ('verplaatst', 'gecorrigeerd');
            CREATE FUNCTION event_chain_tip() RETURNS TABLE (id bigint, hash bytea) LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = beschermbord, pg_catalog AS $$
                SELECT e.id, e.hash FROM event e ORDER BY e.id DESC LIMIT 1
            $$;

            -- No change without its event in the same transaction.
            CREATE FUNCTION change_has_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = beschermbord, pg_catalog AS $$
            BEGIN
                IF session_is('eigenaar') THEN RETURN NULL; END IF;
                IF NOT EXISTS (SELECT 1 FROM (SELECT xmin AS writer FROM event ORDER BY id DESC LIMIT 1) AS tip
                               WHERE tip.writer = pg_current_xact_id()::xid) THEN
                    RAISE EXCEPTION 'a change of % without its event in the log', TG_TABLE_NAME USING ERRCODE = '42501';
                END IF;
                RETURN NULL;
            END $$;
            \(changeChecks)

            -- The staff list decides each login's group role.
            CREATE FUNCTION staff_role_follows_list() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = beschermbord, pg_catalog AS $$
            DECLARE
                login text;
                staff_role text;
                granted boolean;
                wanted boolean;
            BEGIN
                login := CASE WHEN TG_OP = 'DELETE' THEN OLD.name ELSE NEW.name END;
                IF TG_OP = 'UPDATE' THEN
                    IF OLD.name <> login THEN
                        RAISE EXCEPTION 'a staff member''s login is not renamed' USING ERRCODE = '42501';
                    END IF;
                END IF;
                IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login)
                   AND current_setting('\(madeUpStaffSetting)', true) IS DISTINCT FROM 'aan' THEN
                    -- Roles are the whole server's: another store may make the same login meanwhile.
                    BEGIN
                        EXECUTE format('CREATE ROLE %I LOGIN', login);
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN
                        NULL;
                    END;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN RETURN NULL; END IF;
                FOREACH staff_role IN ARRAY ARRAY['medewerker', 'jeugdbeschermer', 'teamleider'] LOOP
                    granted := EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                                       WHERE r.rolname = group_role(staff_role) AND u.rolname = login);
                    wanted := CASE WHEN TG_OP = 'DELETE' THEN false ELSE NEW.role = staff_role END;
                    IF granted AND NOT wanted THEN
                        EXECUTE format('REVOKE %I FROM %I', group_role(staff_role), login);
                    ELSIF wanted AND NOT granted THEN
                        EXECUTE format('GRANT %I TO %I', group_role(staff_role), login);
                    END IF;
                END LOOP;
                RETURN NULL;
            END $$;
            CREATE TRIGGER staff_role_follows_list AFTER INSERT OR UPDATE OF name, role OR DELETE ON medewerkers
                FOR EACH ROW EXECUTE FUNCTION staff_role_follows_list();

            -- What the program deletes, and erasure: functions, each with its event in the same
            -- transaction (change_has_event).
            CREATE FUNCTION remove_family_person(person_table text, person bigint, family_key bigint) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = beschermbord, pg_catalog AS $$
            BEGIN
                IF person_table NOT IN ('child', 'caregiver', 'network_member') THEN
                    RAISE EXCEPTION 'not a person of a family: %', person_table USING ERRCODE = '42501';
                END IF;
                EXECUTE format('DELETE FROM %I WHERE id = $1 AND family_id = $2', person_table) USING person, family_key;
            END $$;
            CREATE FUNCTION remove_staff_member(member text) RETURNS void
                LANGUAGE sql SECURITY DEFINER SET search_path = beschermbord, pg_catalog AS $$
                DELETE FROM medewerkers WHERE name = member
            $$;
            CREATE FUNCTION erase_personal_data(family_key bigint, mark text, erased_day date) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = beschermbord, pg_catalog AS $$
            BEGIN
            \(erasures)
                -- The log's free text: the salted digest stays, so that the chain still verifies.
                UPDATE event SET detail = mark, salt = NULL, detail_digest = sha256(salt || convert_to(detail, 'UTF8'))
                    WHERE (case_id IN (SELECT id FROM "case" WHERE family_id = family_key) OR (case_id IS NULL AND family_id = family_key))
                      AND detail_digest IS NULL;
                UPDATE family SET erased_on = erased_day WHERE id = family_key;
                UPDATE "case" SET version = version + 1 WHERE family_id = family_key;
            END $$;
            ALTER FUNCTION family_children_after_inserts() SECURITY DEFINER SET search_path = beschermbord, pg_catalog;
            ALTER FUNCTION family_children_after_delete() SECURITY DEFINER SET search_path = beschermbord, pg_catalog;
            ALTER FUNCTION family_children_after_update() SECURITY DEFINER SET search_path = beschermbord, pg_catalog;
            ALTER FUNCTION family_children_after_family_delete() SECURITY DEFINER SET search_path = beschermbord, pg_catalog;

            DO $$
            DECLARE
                owner_role text := group_role('eigenaar');
                staff_role text;
                object record;
            BEGIN
                -- Any login may see whether the store is current; reading it takes a group role.
                REVOKE ALL ON SCHEMA beschermbord FROM PUBLIC;
                GRANT USAGE ON SCHEMA beschermbord TO PUBLIC;
                GRANT SELECT ON migraties TO PUBLIC;
                REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA beschermbord FROM PUBLIC;
                FOREACH staff_role IN ARRAY ARRAY['medewerker', 'jeugdbeschermer', 'teamleider'] LOOP
                    staff_role := group_role(staff_role);
                    EXECUTE format('GRANT %I TO %I WITH ADMIN OPTION', staff_role, owner_role);
                    -- The session's table of changed records (PUBLIC has TEMPORARY unless the
                    -- administrator took it away; only the database's owner can grant it).
                    IF has_database_privilege(current_database(), 'TEMPORARY WITH GRANT OPTION') THEN
                        EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), staff_role);
                    END IF;
                    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA beschermbord TO %I', staff_role);
                    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA beschermbord TO %I', staff_role);
                    EXECUTE format('GRANT INSERT ON \(staffInserts.map(quoted).joined(separator: ", ")) TO %I', staff_role);
                    \(updates)
                    EXECUTE format('GRANT EXECUTE ON FUNCTION group_role(text), session_is(text), event_chain_tip(), '
                                   'remove_family_person(text, bigint, bigint) TO %I', staff_role);
                END LOOP;
                staff_role := group_role('teamleider');
                EXECUTE format('GRANT INSERT, UPDATE (value) ON setting TO %I', staff_role);
                EXECUTE format('GRANT INSERT, UPDATE (display_name, role) ON medewerkers TO %I', staff_role);
                EXECUTE format('GRANT EXECUTE ON FUNCTION remove_staff_member(text), '
                               'erase_personal_data(bigint, text, date) TO %I', staff_role);

                -- A schema's owner needs CREATE on the database, which only its owner grants; a
                -- login that does not own the database keeps the schema and lets the owner role
                -- create in it.
                IF has_database_privilege(current_database(), 'CREATE WITH GRANT OPTION') THEN
                    EXECUTE format('GRANT CREATE ON DATABASE %I TO %I', current_database(), owner_role);
                END IF;
                IF has_database_privilege(owner_role, current_database(), 'CREATE') THEN
                    EXECUTE format('ALTER SCHEMA beschermbord OWNER TO %I', owner_role);
                ELSE
                    EXECUTE format('GRANT CREATE ON SCHEMA beschermbord TO %I', owner_role);
                END IF;
                FOR object IN SELECT c.relname FROM pg_class c
                              WHERE c.relnamespace = 'beschermbord'::regnamespace AND c.relkind IN ('r', 'p') LOOP
                    EXECUTE format('ALTER TABLE beschermbord.%I OWNER TO %I', object.relname, owner_role);
                END LOOP;
                FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                              WHERE p.pronamespace = 'beschermbord'::regnamespace LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', object.signature, owner_role);
                END LOOP;

                -- A store set up before this step gave each login every privilege on the tables
                -- (DELETE too, as the README then said): those go, and each login on the list
                -- holds its role's group role instead.
                FOR object IN SELECT m.name, m.role FROM medewerkers m JOIN pg_roles r ON r.rolname = m.name
                              WHERE NOT pg_has_role(m.name, owner_role, 'MEMBER') LOOP
                    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA beschermbord FROM %I', object.name);
                    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA beschermbord FROM %I', object.name);
                    EXECUTE format('GRANT %I TO %I', group_role(object.role), object.name);
                END LOOP;
            END $$;
            """
    }()
}
