import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

@Suite("Day: parsing, validation, arithmetic")
struct DayTests {
    @Test("dd-mm-jjjj and jjjj-mm-dd, with -, / or . and surrounding spaces",
          arguments: ["01-03-2024", "1-3-2024", "2024-03-01", "2024-3-1", "01/03/2024", "01.03.2024", "  01-03-2024\t"])
    func parsesBothOrders(text: String) {
        #expect(Day(parsing: text) == day(2024, 3, 1))
    }

    @Test func leapYears() {
        #expect(Day(parsing: "29-02-2024") == day(2024, 2, 29))
        #expect(Day(parsing: "2024-02-29") == day(2024, 2, 29))
        #expect(Day(parsing: "29-02-2000") != nil, "2000 is divisible by 400: a leap year")
        #expect(Day(parsing: "29-02-2023") == nil)
        #expect(Day(parsing: "29-02-1900") == nil, "1900 is divisible by 100 but not 400: no leap year")
        #expect(Day.isLeapYear(2024) && Day.isLeapYear(2000))
        #expect(!Day.isLeapYear(2023) && !Day.isLeapYear(1900) && !Day.isLeapYear(2100))
    }

    @Test("impossible dates are refused",
          arguments: ["31-02-2024", "30-02-2024", "31-04-2024", "00-00-0000", "00-01-2024", "01-00-2024",
                      "32-01-2024", "01-13-2024", "2024-13-01", "01-01-0000"])
    func impossibleDates(text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test("garbage is refused",
          arguments: ["", "   ", "gisteren", "1-3", "1-3-2024-5", "01-03-24", "2024-03", "01-03-２０２４", "a1-03-2024",
                      "01 03 2024", "01--03-2024", "-01-03-2024", "01-03-2024-", "12345-01-01", "1-2-3"])
    func garbage(text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func isoAndDutchForms() {
        let value = day(2024, 3, 1)
        #expect(value.iso == "2024-03-01")
        #expect(value.dutch == "01-03-2024")
        #expect(value.description == "01-03-2024")
        #expect(day(987, 1, 2).iso == "0987-01-02")
        #expect(day(987, 1, 2).dutch == "02-01-0987")
        #expect(Day(parsing: value.iso) == value && Day(parsing: value.dutch) == value)
        // Arithmetic can leave the four-digit years; such days are still written whole.
        let beyond = Day(ordinal: day(9999, 12, 31).ordinal + 1)
        #expect(beyond.iso == "10000-01-01" && beyond.dutch == "01-01-10000")
        #expect(Day(ordinal: day(1, 1, 1).ordinal - 1).iso == "0000-12-31")
    }

    @Test func validateSaysWhatIsWrong() {
        let today = day(2025, 6, 15)
        #expect(Day.validate("14-06-2025", today: today, notAfter: today) == .success(day(2025, 6, 14)))
        #expect(Day.validate("15-06-2025", today: today, notAfter: today) == .success(today), "today itself is allowed")

        #expect(Day.validate("31-02-2024", today: today) == .failure(.impossible("31-02-2024")))
        #expect(Day.validate("00-00-0000", today: today) == .failure(.impossible("00-00-0000")))
        #expect(Day.validate("29-02-2023", today: today) == .failure(.impossible("29-02-2023")))
        #expect(Day.validate(" gisteren ", today: today) == .failure(.malformed("gisteren")))
        #expect(Day.validate("", today: today) == .failure(.malformed("")))
        #expect(Day.validate("01-03-24", today: today) == .failure(.malformed("01-03-24")), "a two-digit year is a typing problem, not a non-existent day")
        #expect(Day.validate("01--03-2024", today: today) == .failure(.malformed("01--03-2024")))

        #expect(Day.validate("16-06-2025", today: today, notAfter: today) == .failure(.inFuture(day(2025, 6, 16))))
        let start = (day(2025, 6, 1), "de meldingsdatum")
        #expect(Day.validate("31-05-2025", today: today, notAfter: today, notBefore: start) == .failure(.before(day(2025, 6, 1), what: "de meldingsdatum")))
        #expect(Day.validate("01-06-2025", today: today, notAfter: today, notBefore: start) == .success(day(2025, 6, 1)))
    }

    /// A year before 1900 or after next year is a typing error, whatever else is asked of the day.
    @Test func yearsLieBetween1900AndNextYear() {
        let today = day(2025, 6, 15)
        #expect(Day.possibleYears(today: today) == 1900...2026)
        #expect(Day.validate("03-03-0025", today: today) == .failure(.outOfRange(day(25, 3, 3), years: 1900...2026)))
        #expect(Day.validate("03-03-0025", today: today, notAfter: today) == .failure(.outOfRange(day(25, 3, 3), years: 1900...2026)),
                "the year is named, not that the day lies before another")
        #expect(Day.validate("31-12-1899", today: today) == .failure(.outOfRange(day(1899, 12, 31), years: 1900...2026)))
        #expect(Day.validate("01-01-1900", today: today) == .success(day(1900, 1, 1)))
        #expect(Day.validate("31-12-2026", today: today) == .success(day(2026, 12, 31)), "an evaluation may lie in next year")
        #expect(Day.validate("9999-01-01", today: today) == .failure(.outOfRange(day(9999, 1, 1), years: 1900...2026)))
        #expect(Day.check(day(2027, 1, 1), today: today) == .failure(.outOfRange(day(2027, 1, 1), years: 1900...2026)))
    }


    @Test func problemMessagesAreDutch() {
        #expect(DateProblem.malformed("x").message == "‘x’ is geen datum; typ dd-mm-jjjj")
        #expect(DateProblem.impossible("31-02-2024").message == "‘31-02-2024’ bestaat niet als datum")
        #expect(DateProblem.inFuture(day(2030, 1, 2)).message == "02-01-2030 ligt in de toekomst")
        #expect(DateProblem.before(day(2025, 6, 1), what: "de meldingsdatum").message
                == "mag niet vóór de meldingsdatum (01-06-2025) liggen")
        #expect(DateProblem.after(day(2025, 6, 1), what: "de aanmelding").message == "mag niet na de aanmelding (01-06-2025) liggen")
        #expect(DateProblem.outOfRange(day(25, 3, 3), years: 1900...2026).message
                == "‘03-03-0025’ ligt niet tussen 1900 en 2026; controleer het jaar")
        #expect(DateProblem.malformed(String(repeating: "9", count: 100_000)).message == "‘\(String(repeating: "9", count: 39))…’ is geen datum; typ dd-mm-jjjj",
                "a message quotes at most 40 characters")
    }

    @Test func knownOrdinals() {
        #expect(day(1970, 1, 1).ordinal == 0)
        #expect(day(1969, 12, 31).ordinal == -1)
        #expect(day(2024, 1, 1).ordinal == 19723)
        #expect(day(2024, 2, 29).ordinal == 19782)
        #expect(day(2000, 3, 1).ordinal == 11017)
        #expect(day(1900, 1, 1).ordinal == -25567)
        #expect(day(1, 1, 1).ordinal == -719162)
        #expect(day(9999, 12, 31).ordinal == 2932896)
    }

    @Test func ordinalRoundTripDayByDay() {
        // Walk 1800..2200 one day at a time, checking against an independent calendar step.
        var expected = day(1800, 1, 1)
        var ordinal = expected.ordinal
        while expected.year < 2200 {
            let made = Day(ordinal: ordinal)
            #expect(made == expected)
            if made != expected { break }
            #expect(made.ordinal == ordinal)
            let (y, m, d) = (expected.year, expected.month, expected.day)
            if d < Day.daysInMonth(year: y, month: m) {
                expected = Day(year: y, month: m, day: d + 1)!
            } else if m < 12 {
                expected = Day(year: y, month: m + 1, day: 1)!
            } else {
                expected = Day(year: y + 1, month: 1, day: 1)!
            }
            ordinal += 1
        }
    }

    @Test func ordinalRoundTripWholeRange() {
        let first = day(1, 1, 1).ordinal
        let last = day(9999, 12, 31).ordinal
        for ordinal in stride(from: first, through: last, by: 97) {
            let made = Day(ordinal: ordinal)
            #expect(made.ordinal == ordinal)
            #expect(Day(year: made.year, month: made.month, day: made.day) == made)
        }
        #expect(Day(ordinal: last).iso == "9999-12-31")
    }

    @Test func arithmetic() {
        let start = day(2024, 2, 28)
        #expect(start.adding(days: 1) == day(2024, 2, 29))
        #expect(start.adding(days: 2) == day(2024, 3, 1))
        #expect(day(2023, 2, 28).adding(days: 1) == day(2023, 3, 1))
        #expect(day(2024, 12, 31).adding(days: 1) == day(2025, 1, 1))
        #expect(day(2025, 1, 1).adding(days: -1) == day(2024, 12, 31))
        #expect(start.days(until: day(2024, 3, 1)) == 2)
        #expect(day(2024, 3, 1).days(until: start) == -2)
        #expect(day(2024, 1, 1).days(until: day(2025, 1, 1)) == 366)
        #expect(day(2024, 1, 1) < day(2024, 1, 2) && day(2023, 12, 31) < day(2024, 1, 1))
    }

    @Test func aBabysAgeIsInMonths() {
        let birth = day(2026, 1, 31)
        #expect(birth.ageText(on: day(2026, 2, 27)) == "0 mnd")
        #expect(birth.ageText(on: day(2026, 3, 31)) == "2 mnd")
        #expect(birth.ageText(on: day(2026, 12, 30)) == "10 mnd")
        #expect(birth.ageText(on: day(2027, 1, 30)) == "11 mnd", "the day before the first birthday")
        #expect(birth.ageText(on: day(2027, 1, 31)) == "1 jr")
        #expect(day(2010, 6, 15).ageText(on: day(2024, 6, 15)) == "14 jr")
    }

    @Test func ageAroundBirthdays() {
        let birth = day(2010, 6, 15)
        #expect(birth.age(on: day(2024, 6, 14)) == 13, "the day before the birthday")
        #expect(birth.age(on: day(2024, 6, 15)) == 14, "on the birthday")
        #expect(birth.age(on: day(2024, 6, 16)) == 14)
        #expect(birth.age(on: day(2024, 12, 31)) == 14)
        #expect(birth.age(on: day(2025, 1, 1)) == 14)
        #expect(birth.age(on: birth) == 0, "a newborn")
        #expect(birth.age(on: day(2010, 1, 1)) == 0, "before birth is never negative")
        #expect(day(2007, 12, 31).age(on: day(2025, 12, 30)) == 17)
        #expect(day(2007, 12, 31).age(on: day(2025, 12, 31)) == 18)
        // Born on 29 February: one year older once 29 February has passed.
        let leap = day(2012, 2, 29)
        #expect(leap.age(on: day(2024, 2, 29)) == 12)
        #expect(leap.age(on: day(2023, 2, 28)) == 10)
        #expect(leap.age(on: day(2023, 3, 1)) == 11)
    }

    @Test func trimmingWhitespace() {
        #expect("  de Vries \n".trimmingWhitespace() == "de Vries")
        #expect("\u{00A0}Özdemir\t".trimmingWhitespace() == "Özdemir")
        #expect("   ".trimmingWhitespace() == "")
        // Plain ASCII ends take a shortcut; everything else goes by characters.
        #expect("de Vries".trimmingWhitespace() == "de Vries")
        #expect("".trimmingWhitespace() == "")
        #expect("Zoë\u{2003}".trimmingWhitespace() == "Zoë")
        #expect("a\r\n".trimmingWhitespace() == "a")
        #expect("\u{1B}[31mx".trimmingWhitespace() == "\u{1B}[31mx", "control characters that are not whitespace stay")
        #expect("  Joël (01-02-2021) "[...].trimmingWhitespace() == "Joël (01-02-2021)", "a substring too")
    }
}
