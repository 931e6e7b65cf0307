import BoardCore

/// Meeting mode (`--meeting`, `M` on the board): the board can be shown to a room. Every family
/// and person name becomes initials (a family's also with the kenmerk), addresses and phone
/// numbers are hidden, and known names inside free text are replaced by their initials.
///
/// Masking is done once, centrally: `AppView.render` draws a masked copy of the state, so every
/// view (board, cards, family screen, dialogs, help) draws masked data without knowing about it.
/// Nothing in the store changes, and the real state keeps the real names (filtering still works).
public enum NameMask {
    /// Shown on the title row of every screen while masking is on (readable without colour).
    public static let badge = " VERGADERMODUS: namen afgeschermd (M) "
    public static let hidden = "(afgeschermd)"

    /// `de Vries` → `d.V.` (NameInitials in BoardCore, which the minutes share).
    public static func initials(_ name: String) -> String { NameInitials.of(name) }

    /// A family as a room may see it: `d.V. · 2025-0042`.
    public static func family(_ name: String, kenmerk: String) -> String {
        let short = initials(name)
        return short.isEmpty ? kenmerk : "\(short) · \(kenmerk)"
    }

    public static func summary(_ summary: CaseSummary) -> CaseSummary {
        var masked = summary
        masked.familyName = family(summary.familyName, kenmerk: summary.kenmerk)
        return masked
    }

    /// A card as the room may see it: its first line has the kenmerk, so its name line has the
    /// initials alone.
    public static func card(_ summary: CaseSummary) -> CaseSummary {
        var masked = summary
        masked.familyName = initials(summary.familyName)
        return masked
    }

    /// What `/` found of a family, as a card may say it to the room: children by initials, no
    /// address, no BSN.
    static func search(_ found: FamilySearch) -> FamilySearch {
        FamilySearch(childFirstNames: found.childFirstNames.map(initials))
    }

    /// Replaces every known name in `text` (whole words only) by its initials.
    public static func scrub(_ text: String, names: [String]) -> String { NameInitials.scrub(text, names: names) }

    /// Every name (and every capitalised word of at least two letters in it) that a dossier knows
    /// of the family: family name, children, caregivers, network.
    public static func names(in dossier: Dossier) -> [String] {
        var full = [dossier.family.name] + dossier.cases.map(\.familyName)
        for child in dossier.children { full += [child.firstName, child.surname, "\(child.firstName) \(child.surname)"] }
        full += dossier.viewed.children.map(\.firstName)
        full += dossier.caregivers.map(\.name) + dossier.network.map(\.name)
        return NameInitials.withTheirWords(full)
    }

    public static func dossier(_ dossier: Dossier) -> Dossier {
        let names = names(in: dossier)
        var masked = dossier
        masked.family.name = family(dossier.family.name, kenmerk: dossier.viewed.summary.kenmerk)
        if !masked.family.address.isEmpty { masked.family.address = hidden }
        masked.children = dossier.children.map { child in
            var child = child
            child.firstName = initials(child.firstName)
            child.surname = child.surname == dossier.family.name ? masked.family.name : initials(child.surname)
            return child
        }
        masked.caregivers = dossier.caregivers.map { person in
            var person = person
            person.name = initials(person.name)
            if !person.phone.isEmpty { person.phone = hidden }
            return person
        }
        masked.network = dossier.network.map { person in
            var person = person
            person.name = initials(person.name)
            if !person.phone.isEmpty { person.phone = hidden }
            return person
        }
        masked.cases = dossier.cases.map(summary)
        masked.viewed.summary = summary(dossier.viewed.summary)
        masked.viewed.children = dossier.viewed.children.map { Child(firstName: initials($0.firstName), birthDate: $0.birthDate) }
        masked.viewed.events = scrubbed(dossier.viewed.events, names: names, \.detail)
        masked.notes = scrubbed(dossier.notes, names: names, \.text)
        masked.assessments = scrubbed(dossier.assessments, names: names, \.concerns, \.strengths, \.needs)
        masked.risks = scrubbed(dossier.risks, names: names, \.note)
        masked.tableRecords = scrubbed(dossier.tableRecords, names: names, \.attendees, \.advice, \.goals)
        return masked
    }

    /// The state as the room may see it: what `AppView.render` draws in meeting mode.
    public static func state(_ state: AppState) -> AppState {
        var masked = state
        masked.cases = state.cases.map(summary)
        masked.mapCards(card)
        masked.familySearch = state.familySearch?.mapValues(search)
        // The names of every family in view; pages come bottom first, so a form on top of a
        // family screen is scrubbed with that family's names.
        var overlayNames: [String] = []
        masked.pages = state.pages.map { $0.masked(names: &overlayNames) }
        masked.dialog = state.dialog?.masked(names: &overlayNames)
        if let selected = state.selectedCase { overlayNames.append(selected.familyName) }
        if var message = state.message {
            // A message may name any family on the board ("Aanmelding … (Jansen) opgeslagen").
            overlayNames += state.cases.lazy.map(\.familyName).filter { !$0.isEmpty && message.text.contains($0) }
            message.text = scrub(message.text, names: overlayNames)
            masked.message = message
        }
        masked.familyMatches = state.familyMatches.map { match in
            var match = match
            match.name = initials(match.name)
            return match
        }
        return masked
    }

    /// A log line as a room may see it: the family as initials and kenmerk; the detail of a
    /// family's entry (names of children, caregivers, conclusions) hidden, except which screen
    /// was opened. Staff and settings entries name no family and stay.
    public static func auditLine(_ line: AuditLine) -> AuditLine {
        var masked = line
        guard let name = line.entry.familyName else { return masked }
        masked.entry.familyName = family(name, kenmerk: line.entry.kenmerk ?? "")
        if line.entry.kind != .geopend && !line.entry.detail.isEmpty { masked.entry.detail = hidden }
        return masked
    }

    /// What a form shows: labels (a child's name labels their outcome), typed and prefilled text
    /// with the family's names as initials.
    static func scrub(_ form: Form, names: [String]) -> Form {
        var form = form
        for index in form.fields.indices {
            form.fields[index].label = scrub(form.fields[index].label, names: names)
            form.fields[index].typed = form.fields[index].typed.map { scrub($0, names: names) }
            let masked = scrub(form.fields[index].value, names: names)
            guard masked != form.fields[index].value else { continue }
            form.fields[index].value = masked
            form.fields[index].cursor = min(form.fields[index].cursor, masked.count)
        }
        return form
    }

    /// A joint plan's free text (goals, agreements, hours, evaluations, consent) with names scrubbed.
    static func plan(_ plan: JointPlan, names: [String]) -> JointPlan {
        var plan = plan
        plan.consentBy = scrub(plan.consentBy, names: names)
        plan.goals = scrubbed(plan.goals, names: names, \.text, \.safetyConditions)
        plan.agreements = scrubbed(plan.agreements, names: names, \.who, \.what, \.check).map { agreement in
            var agreement = agreement
            if let by = agreement.consent?.by { agreement.consent?.by = scrub(by, names: names) }
            return agreement
        }
        plan.conditions = scrubbed(plan.conditions, names: names, \.text)
        plan.hours = scrubbed(plan.hours, names: names, \.description)
        plan.evaluations = scrubbed(plan.evaluations, names: names, \.wentWell, \.wentBadly)
        return plan
    }

    /// `items` with the text at each of `fields` scrubbed of `names`.
    static func scrubbed<Item>(_ items: [Item], names: [String], _ fields: WritableKeyPath<Item, String>...) -> [Item] {
        items.map { item in
            var item = item
            for field in fields { item[keyPath: field] = scrub(item[keyPath: field], names: names) }
            return item
        }
    }
}
