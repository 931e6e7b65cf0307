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
        }
    }
}
