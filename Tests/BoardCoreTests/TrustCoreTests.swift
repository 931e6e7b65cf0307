import Testing
@testable import BoardCore

@Suite("SHA-256 (swift-crypto) against the NIST vectors")
struct SHA256Tests {
    func hex(_ text: String) -> String { Hex.string(SHA256Hasher.hash(Array(text.utf8))) }

    @Test func nistVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(Hex.string(SHA256Hasher.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The padding's edge cases: the length field just fits, just does not fit, whole blocks.
    @Test func blockBoundaries() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
        ]
        for (length, digest) in expected {
            #expect(hex(String(repeating: "a", count: length)) == digest, "\(length) bytes")
        }
        #expect(hex("Zoë Özdemir") == "8d7f6836aae92812b59d24a0f49d1a89879aaed69ac8e09ad7bae61ddd58025e", "UTF-8 bytes")
    }

    @Test func piecesGiveTheSameDigestAsOneGo() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256Hasher.hash(message)
        for piece in [1, 3, 63, 64, 65, 200] {
            var hasher = SHA256Hasher()
            var index = 0
            while index < message.count {
                let end = min(message.count, index + piece)
                hasher.update(Array(message[index..<end]))
                index = end
            }
            #expect(hasher.finalize() == whole, "pieces of \(piece)")
        }
    }
}

@Suite("The event chain's canonical serialization")
struct EventChainTests {
    let salt = (0..<16).map { UInt8($0) }
    var content: EventChain.Content {
        EventChain.Content(id: 7, caseID: 3, familyID: nil, recordedAt: "2025-03-03T09:15:00.000Z", user: "anouk", kind: "verplaatst",
                           fromStage: "aangemeld", toStage: nil, day: "2025-03-05",
                           detailDigest: EventChain.detailDigest(salt: salt, detail: Array("Zoë".utf8)), records: nil)
    }

    /// The documented format, byte for byte; the hashes were computed independently (Python's hashlib).
    @Test func matchesTheDocumentedFormat() {
        let previous = SHA256Hasher.hash(Array("abc".utf8))
        let expected = """
            beschermbord-gebeurtenis-v1
            prev=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
            id=i7
            case_id=i3
            family_id=-
            recorded_at=s24:2025-03-03T09:15:00.000Z
            user=s5:anouk
            kind=s10:verplaatst
            from_stage=s9:aangemeld
            to_stage=-
            day=s10:2025-03-05
            detail=f44e7e93ce7a1c83bc6436e59e47dd578c9db00867095b3212e22db00e4be45b

            """
        #expect(String(decoding: EventChain.canonical(previous: previous, content), as: UTF8.self) == expected)
        #expect(Hex.string(EventChain.hash(previous: previous, content)) == "2f7b08ff3b42bbf94cdf1a8844b140779f5994917047623f1de5df95023c0b90")
        #expect(String(decoding: EventChain.canonical(previous: nil, content), as: UTF8.self).contains("\nprev=-\n"))
    }

    @Test func everyFieldCounts() {
        let base = EventChain.hash(previous: nil, content)
        var changes: [EventChain.Content] = []
        for change in 0..<10 {
            var other = content
            switch change {
            case 0: other.id = 8
            case 1: other.caseID = nil
            case 2: other.familyID = 3
            case 3: other.recordedAt = Array("2025-03-03T09:15:00.001Z".utf8)
            case 4: other.user = Array("anoek".utf8)
            case 5: other.kind = Array("gecorrigeerd".utf8)
            case 6: other.fromStage = nil
            case 7: other.toStage = Array("onderzoek".utf8)
            case 8: other.day = Array("2025-03-06".utf8)
            default: other.detailDigest = EventChain.detailDigest(salt: salt, detail: Array("Zoe".utf8))
            }
            changes.append(other)
        }
        for (index, other) in changes.enumerated() {
            #expect(EventChain.hash(previous: nil, other) != base, "field \(index)")
        }
        #expect(EventChain.hash(previous: SHA256Hasher.hash([1]), content) != base, "the previous hash counts")
        // Length prefixes: moving a character between neighbouring fields changes the hash.
        var shifted = content
        shifted.user = Array("anou".utf8)
        shifted.kind = Array("kverplaatst".utf8)
        #expect(EventChain.hash(previous: nil, shifted) != base)
    }

    /// Version 2 names the records the change wrote; the hashes were computed independently (Python's hashlib).
    @Test func version2CoversTheRecordsField() {
        let previous = SHA256Hasher.hash(Array("abc".utf8))
        var builder = RecordDigest.Builder()
        builder.start(table: "note")
        builder.integer(RecordDigest.label("id"), 12)
        builder.integer(RecordDigest.label("case_id"), 3)
        Array("2025-03-03T09:15:00.000Z".utf8).withUnsafeBytes { builder.text(RecordDigest.label("recorded_at"), $0) }
        Array("anouk".utf8).withUnsafeBytes { builder.text(RecordDigest.label("author"), $0) }
        Array("Huisbezoek: Zoë".utf8).withUnsafeBytes { builder.text(RecordDigest.label("text"), $0) }
        builder.null(RecordDigest.label("refers_to"))
        #expect(String(decoding: builder.canonical, as: UTF8.self) == """
            beschermbord-gegeven-v1
            table=s4:note
            id=i12
            case_id=i3
            recorded_at=s24:2025-03-03T09:15:00.000Z
            author=s5:anouk
            text=s16:Huisbezoek: Zoë
            refers_to=-

            """)
        #expect(Hex.string(RecordDigest.bytes(builder.digest())) == "ef8cf060a54ed318c178c9ba04f6ededd41c083fc60724d9e1d69fa5e754b0e4")

        let entries = [RecordDigest.Entry(key: .init(table: "note", rowid: 12), digest: builder.digest()),
                       RecordDigest.Entry(key: .init(table: "medewerkers", rowid: 3), digest: nil)]
        let field = RecordDigest.encode(entries)
        #expect(Array(field.prefix(11)) == Array("s4:notei12=".utf8) && Array(field.suffix(20)) == Array("\ns11:medewerkersi3-\n".utf8))
        #expect(RecordDigest.decode(field) == entries)
        #expect(RecordDigest.decode(Array(field.dropLast())) == nil, "a field cut short is no field")
        #expect(RecordDigest.decode([]) == [])

        var version2 = content
        version2.records = field
        let canonical = String(decoding: EventChain.canonical(previous: previous, version2), as: UTF8.self)
        #expect(canonical.hasPrefix("beschermbord-gebeurtenis-v2\n"))
        #expect(canonical.hasSuffix("\nrecords=5ed00fc6db718b927526538c1912c04294345c091b8ada4bf76066d0d4e55278\n"))
        #expect(Hex.string(EventChain.hash(previous: previous, version2)) == "83b657e2b5bc3e7fb17693d7acc36d2c78035eda8a83b303375ca785e42a3cb0")
        version2.records = []
        #expect(Hex.string(EventChain.hash(previous: previous, version2)) == "5a31c96f850b33b12ddc573e4ccc0815a622a2b0ee59b2721a2f835893546f6e",
                "an event that wrote no record: records=-")
        #expect(EventChain.hash(previous: previous, version2) != EventChain.hash(previous: previous, content), "v1 and v2 differ")
    }

    @Test func chainHeadIsReadAsWrittenDown() {
        let hash = "9f3a1b2c4d5e6f7081920a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f"
        #expect(ChainHead.parse("12345:\(hash)") == .success(ChainHead(id: 12345, hash: hash)))
        #expect(ChainHead.parse("12345 · 9F3A1B2C4D5E6F70") == .success(ChainHead(id: 12345, hash: "9f3a1b2c4d5e6f70")), "as the agenda shows it")
        #expect(ChainHead.parse("12345:9f3a") == .failure(.tooShort(4)))
        #expect(ChainHead.parse("kop:9f3a1b2c4d5e6f70") == .failure(.form("kop:9f3a1b2c4d5e6f70")))
        #expect(ChainHead.parse("12345:9f3a1b2c4d5e6fzz") == .failure(.form("12345:9f3a1b2c4d5e6fzz")))
        let head = ChainHead(id: 12345, hash: hash)
        #expect(head.short == "12345 · 9f3a1b2c4d5e6f70")
        #expect(ChainHead(id: 12345, hash: "9f3a1b2c4d5e6f70").matches(storedHash: hash))
        #expect(!ChainHead(id: 12345, hash: "9f3a1b2c4d5e6f71").matches(storedHash: hash))
    }

    @Test func accessKindsAreReading() {
        #expect(EventKind.geopend.isAccess && EventKind.inzageGeexporteerd.isAccess)
        #expect(!EventKind.verplaatst.isAccess && !EventKind.aangemeld.isAccess && !EventKind.gegevensVerwijderd.isAccess)
        #expect(!EventKind.medewerkerGewijzigd.isAccess && !EventKind.notitie.isAccess)
    }
}

@Suite("Roles and retention arithmetic")
struct StaffRoleTests {
    @Test func onlyTeamleidersManage() {
        for permission in Permission.allCases {
            #expect(StaffRole.teamleider.permits(permission))
            #expect(StaffRole.medewerker.permits(permission) == (permission == .changeCases))
            #expect(StaffRole.jeugdbeschermer.permits(permission) == (permission == .changeCases))
        }
    }

    @Test func parsesRoleNames() {
        #expect(StaffRole(name: " Teamleider ") == .teamleider)
        #expect(StaffRole(name: "jeugdbeschermer") == .jeugdbeschermer)
        #expect(StaffRole(name: "baas") == nil)
    }

    @Test func userNames() {
        #expect(StaffMember.problem(withUserName: "anouk") == nil)
        #expect(StaffMember.problem(withUserName: "a.de-wit_2") == nil)
        #expect(StaffMember.problem(withUserName: "") != nil)
        #expect(StaffMember.problem(withUserName: "anouk de wit") != nil)
        #expect(StaffMember.problem(withUserName: "anouk\u{1B}[31m") != nil)
        #expect(StaffMember.problem(withUserName: String(repeating: "a", count: 65)) != nil)
    }

    @Test func retentionCutoff() {
        #expect(Retention.cutoff(today: Day(year: 2026, month: 3, day: 16)!, years: 20) == Day(year: 2006, month: 3, day: 16))
        #expect(Retention.cutoff(today: Day(year: 2024, month: 2, day: 29)!, years: 1) == Day(year: 2023, month: 2, day: 28),
                "a leap day becomes the last day of February")
        #expect(Retention.defaultYears == 20)
    }
}
