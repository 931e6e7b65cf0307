// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Beschermbord",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "beschermbord", targets: ["beschermbord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // ncursesw, seen through a small shim header (see Sources/CNcurses/shim.h).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // SQLite's preupdate hook, which GRDB's SQLite module leaves out (see its shim.h).
        .systemLibrary(name: "CSQLitePreupdate", path: "Sources/CSQLitePreupdate"),
        // libpq, PostgreSQL's own C client (Debian: libpq-dev), seen through Sources/CLibpq/shim.h.
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // A small synchronous PostgreSQL client over libpq, with no knowledge of Beschermbord.
        .target(name: "PostgresClient", dependencies: ["CLibpq"]),
        // The domain in plain value types: no I/O. Crypto is pure computation (SHA-256 for the
        // event chain and the record digests).
        .target(name: "BoardCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // SQLite through GRDB: migrations, records, queries, the event log, the demo store.
        .target(name: "BoardStore", dependencies: [
            "BoardCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The SQLite C API, for binding the hottest writes directly (DirectBinding.swift).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            "CSQLitePreupdate",
            .product(name: "CSV", package: "CSV.swift"),
            // The server store's connection, schema and faults (Server/).
            "PostgresClient",
        ]),
        // Pure UI: screen grid, themes, views, app state and update.
        .target(name: "BoardUI", dependencies: [
            "BoardCore",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The only code that talks to ncurses.
        .target(name: "Terminal", dependencies: ["BoardUI", "CNcurses"]),
        // The running board: effects performed against the store, the clock, and the key loop over a terminal protocol.
        .target(name: "BoardSession", dependencies: ["BoardCore", "BoardStore", "BoardUI", "Terminal", "ReportPage"]),
        // `beschermbord bench`: demo stores at scale, measured in child processes that drive the session.
        .target(name: "BoardBench", dependencies: [
            "BoardCore", "BoardStore", "BoardUI", "BoardSession", "PostgresClient",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `report --format html`: the year's figures as one self-contained page with SVG charts.
        .target(name: "ReportPage", dependencies: ["BoardCore"]),
        .executableTarget(name: "beschermbord", dependencies: [
            "BoardCore", "BoardStore", "BoardUI", "Terminal", "BoardSession", "BoardBench", "ReportPage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The throwaway PostgreSQL cluster that server tests share (initdb and pg_ctl in a temp dir).
        .target(name: "PostgresTestSupport", dependencies: ["PostgresClient"], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "PostgresTestSupport"]),
        .testTarget(name: "BoardCoreTests", dependencies: ["BoardCore"]),
        .testTarget(name: "BoardStoreTests", dependencies: ["BoardStore", "PostgresClient", "PostgresTestSupport"]),
        .testTarget(name: "BoardUITests", dependencies: ["BoardUI"]),
        // The report page: its HTML and SVG, and the page opened in headless Chromium.
        .testTarget(name: "ReportPageTests", dependencies: ["ReportPage", "BoardCore"]),
        // The session in process: key scripts on an in-memory terminal against a real store in a temporary file.
        .testTarget(name: "BoardSessionTests", dependencies: ["BoardSession", "BoardStore", "PostgresClient", "PostgresTestSupport"]),
        // GRDB: to compare a store's content before and after a command.
        .testTarget(name: "EndToEndTests", dependencies: ["beschermbord", "PostgresClient", "PostgresTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
