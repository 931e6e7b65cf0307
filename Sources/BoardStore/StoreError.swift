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
        }
    }
}
