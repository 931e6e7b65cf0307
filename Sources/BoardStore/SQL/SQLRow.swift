/// The names of a result's columns, shared by its rows.
final class SQLColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        // The first of equal names wins, as SQL's own lookup does.
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func position(of name: String) -> Int {
        guard let position = positions[name] else {
            preconditionFailure("no column \(name) in the result (columns: \(names.joined(separator: ", ")))")
        }
        return position
    }
}

/// One row of a result, read by position or by name as the type the context asks for. Reading a
/// NULL or a mismatched value as a non-optional type is a fault in the SQL, as in GRDB.
struct SQLRow: Sendable {
    let columns: SQLColumns
    let values: [SQLValue]

    var count: Int { values.count }

    func isNull(_ index: Int) -> Bool { values[index].isNull }

    subscript<Value: SQLReadable>(_ index: Int) -> Value? {
        Value(sqlValue: values[index])
    }

    subscript<Value: SQLReadable>(_ index: Int) -> Value {
        guard let value = Value(sqlValue: values[index]) else {
            preconditionFailure("column \(columns.names[index]) holds \(values[index]), not a \(Value.self)")
        }
        return value
    }

    subscript<Value: SQLReadable>(_ name: String) -> Value? {
        self[columns.position(of: name)]
    }

    subscript<Value: SQLReadable>(_ name: String) -> Value {
        self[columns.position(of: name)]
    }
}
