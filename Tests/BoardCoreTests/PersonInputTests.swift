import BoardCore
import Testing

/// A person's name looks like a name and a phone number like a phone number (issue 18, point 7):
/// `1-2-2030` is no first name, `abc` no phone number.
@Suite struct PersonInputTests {
    @Test func namesAreLettersWithSpacesHyphensApostrophesAndDots() {
        for name in ["Zoë", "Ilayda", "Samira El Amrani", "Jan-Willem", "D'Angelo", "Dr. Bakker", "李娜", "Şahin", "Noë"] {
            #expect(InputText.problem(in: name, kind: .personName) == nil, "\(name)")
        }
        for name in ["1-2-2030", "Zoë2", "---", "Sem!", "@anouk"] {
            #expect(InputText.problem(in: name, kind: .personName) == .notAName, "\(name)")
        }
        #expect(InputText.problem(in: "1-2-2030", kind: .personName)?.sentence
                == "Is geen naam: een naam bestaat uit letters, met hoogstens spaties en - ' . ertussen")
    }

    @Test func phoneNumbersAreFiveToFifteenDigits() {
        for phone in ["06-12345678", "075-1234567", "+31 6 1234 5678", "(020) 555 12 34", "14 075", "0031/75.1234567"] {
            #expect(InputText.problem(in: phone, kind: .phone) == nil, "\(phone)")
        }
        for phone in ["abc", "06-1", "06-12345678 (mobiel)", "1234567890123456"] {
            #expect(InputText.problem(in: phone, kind: .phone) == .notAPhoneNumber, "\(phone)")
        }
    }
}
