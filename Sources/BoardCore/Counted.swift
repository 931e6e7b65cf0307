/// `1 zaak`, `3 zaken`: a number with the noun in the singular only when it is one.
public enum Counted {
    public static func text(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}
