/// Everything that can go wrong with a store, said in Dutch for the user.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notADatabase(path: String)
    case emptyFile(path: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    case duplicateKenmerk(String)
    case caseNotFound(String)
    case changedMeanwhile(kenmerk: String, by: String, what: String, at: String)
    case refused(String)
    case writeFailed(String)
    /// The user is not on the staff list: they can read, but not change anything.
    case notStaff(user: String)
    /// The user id has no passwd entry: nobody can say who this is, so nothing may be written.
    case unnamedUser(user: String)
    /// The user's role does not allow this; `action` completes "Alleen een teamleider mag ...".
    case notPermitted(action: String, user: String, role: String)
    /// The store was opened read-only (file or directory not writable, or asked for).
    case readOnly(path: String)
    /// SQLite's own check found damage: nothing is written to such a store.
    case damaged(path: String, reason: String)
    /// The store needs migrating to this version's schema, but it is opened read-only.
    case needsUpgrade(path: String)

    // A store on a PostgreSQL server (Server/). `server` names host and database, never the URI,
    // which may hold a password.
    case invalidServerAddress
    case serverUnreachable(server: String)
    case serverLoginRefused(server: String)
    case serverDatabaseMissing(server: String, database: String)
    case serverConnectionLost(server: String)
    /// Any other refusal by the server, with its SQLSTATE for whoever manages it.
    case serverRefused(server: String, sqlState: String, message: String)
    case foreignServerDatabase(server: String)
    case serverWithoutSchema(server: String)
    case serverNeedsUpgrade(server: String)
    case newerServerSchema(server: String)
    /// `backup` to a server fills an empty store only.
    case serverStoreNotEmpty(server: String)
    /// The server refused a row of the copy (a value its column does not take).
    case serverCopyRefused(server: String, table: String, sqlState: String)
    case serverInitNotPermitted(server: String)

    /// The server store cannot be reached at the moment (down, or the connection dropped): worth
    /// trying again, nothing is wrong with what the user did.
    public var isLostServer: Bool {
        switch self {
        case .serverConnectionLost, .serverUnreachable: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is geen Beschermbord-opslag (het is geen SQLite-bestand). Het bestand is niet gewijzigd; kies een ander pad met --store."
        case .emptyFile(let path):
            return "\(path) is een leeg bestand, geen Beschermbord-opslag. Het bestand is niet gewijzigd; verwijder het of kies een ander pad met --store."
        case .foreignDatabase(let path):
            return "\(path) is een SQLite-bestand van een ander programma. Het bestand is niet gewijzigd; kies een ander pad met --store."
        case .newerSchema(let path):
            return "\(path) is gemaakt door een nieuwere versie van Beschermbord. Werk Beschermbord bij; het bestand is niet gewijzigd."
        case .cannotOpen(let path, let reason):
            return "De opslag \(path) kan niet worden geopend: \(reason)"
        case .duplicateKenmerk(let kenmerk):
            return "Kenmerk \(kenmerk) bestaat al; kies een ander kenmerk."
        case .caseNotFound(let what):
            return "Zaak \(what) is niet gevonden; misschien is ze intussen verwijderd."
        case .changedMeanwhile(let kenmerk, let by, let what, let at):
            return "Zaak \(kenmerk) is intussen gewijzigd door \(by) (\(what), \(at)). Er is niets opgeslagen; bekijk de nieuwe stand en probeer het opnieuw."
        case .refused(let message):
            return message
        case .writeFailed(let reason):
            return "Opslaan is mislukt: \(reason). Er is niets opgeslagen."
        case .notStaff(let user):
            return "Gebruiker '\(user)' staat niet in de lijst van medewerkers en kan alleen lezen. Er is niets opgeslagen. "
                + "Vraag een teamleider om je toe te voegen: beschermbord medewerkers toevoegen \(user) --naam \"Voornaam Achternaam\" --rol medewerker"
        case .unnamedUser(let user):
            return "Dit systeem kent geen gebruikersnaam voor jouw gebruikersnummer (\(user)), dus Beschermbord kan niet vastleggen wie je bent. "
                + "Je kunt lezen, maar er is niets opgeslagen. Log in met je eigen account."
        case .notPermitted(let action, let user, let role):
            return "Alleen een teamleider mag \(action); \(user) is \(role.lowercased()). Er is niets opgeslagen."
        case .readOnly(let path):
            return "De opslag is alleen-lezen geopend (\(path)): je kunt kijken, maar er kan niets worden opgeslagen. "
                + "Controleer de schrijfrechten op het bestand en de map, of vraag je beheerder."
        case .damaged(let path, let reason):
            return "De opslag \(path) is beschadigd (\(reason)) en wordt niet geopend, zodat er niets bij kan komen. "
                + "Draai `beschermbord check --store \(path)` voor de details en zet zo nodig de laatste back-up terug."
        case .needsUpgrade(let path):
            return "De opslag \(path) moet worden bijgewerkt naar de indeling van deze versie van Beschermbord, maar is alleen-lezen. "
                + "Open hem eenmaal met schrijfrechten (of vraag je beheerder); het bestand is niet gewijzigd."
        case .invalidServerAddress:
            return "Het serveradres bij --store is geen geldige PostgreSQL-URI. Gebruik de vorm "
                + "postgresql://gebruiker@host/database of postgresql:///database?host=/var/run/postgresql."
        case .serverUnreachable(let server):
            return "De server van de opslag (\(server)) is niet bereikbaar. Controleer of PostgreSQL draait en of het adres "
                + "bij --store klopt. Er is niets gewijzigd."
        case .serverLoginRefused(let server):
            return "De server weigert je aanmelding (\(server)). Controleer je gebruikersnaam en wachtwoord (~/.pgpass of "
                + "PGPASSWORD), of vraag je beheerder om toegang. Er is niets gewijzigd."
        case .serverDatabaseMissing(let server, let database):
            return "De database \(database) bestaat niet (\(server)). Laat je beheerder haar aanmaken (createdb \(database)) "
                + "en voer dan beschermbord init uit met dezelfde --store."
        case .serverConnectionLost(let server):
            return "De verbinding met de server is verbroken (\(server)). Wat niet bevestigd was, is niet opgeslagen; probeer het opnieuw."
        case .serverRefused(let server, let sqlState, _):
            if sqlState == "42501" {
                return "De server staat dit je login niet toe (\(server)). Er is niets gewijzigd; vraag een teamleider of je beheerder."
            }
            return "De server weigerde de opdracht (\(server), foutcode \(sqlState)). Er is niets gewijzigd; "
                + "geef de foutcode door aan je beheerder als dit blijft gebeuren."
        case .foreignServerDatabase(let server):
            return "De database bevat al tabellen van een ander programma (\(server)). Beschermbord maakt zijn opslag alleen "
                + "in een lege database; er is niets gewijzigd. Kies een andere database."
        case .serverWithoutSchema(let server):
            return "Op \(server) staat nog geen Beschermbord-opslag: voer eerst beschermbord init uit met dezelfde --store."
        case .serverNeedsUpgrade(let server):
            return "De opslag op \(server) moet worden bijgewerkt naar de indeling van deze versie van Beschermbord. "
                + "Laat wie de opslag beheert beschermbord init uitvoeren met dezelfde --store; er is niets gewijzigd."
        case .newerServerSchema(let server):
            return "De opslag op \(server) is bijgewerkt door een nieuwere versie van Beschermbord. Werk Beschermbord bij; "
                + "er is niets gewijzigd."
        case .serverStoreNotEmpty(let server):
            return "De opslag op \(server) is niet leeg. Een reservekopie vult alleen een lege database of een lege opslag "
                + "en vervangt nooit wat er staat; er is niets gewijzigd. Kies een andere database."
        case .serverCopyRefused(let server, let table, let sqlState):
            return "De server (\(server)) weigerde een waarde in de tabel \(table) (foutcode \(sqlState)); er is niets op de server "
                + "geschreven. Draai beschermbord check op de opslag en geef de foutcode door aan je beheerder."
        case .serverInitNotPermitted(let server):
            return "Je login mag op \(server) geen schema of rollen maken (daarvoor zijn CREATE op de database en CREATEROLE nodig). "
                + "Er is niets gewijzigd; laat je databasebeheerder beschermbord init uitvoeren."
        }
    }
}
