import Testing
import ProbeCore

@Suite("Comparing DNS answers with the endpoint")
struct AddressCheckTests {
    private func addresses(_ texts: [String]) -> [IPAddress] { texts.compactMap(IPAddress.init) }

    @Test("exact set passes and every answer is probed")
    func exactSet() {
        let check = AddressCheck(answers: addresses(["10.0.2.45", "10.0.1.23"]), expectations: Expectations(addresses: addresses(["10.0.1.23", "10.0.2.45"])), name: "n")
        #expect(check.failures.isEmpty)
        #expect(check.probeable == addresses(["10.0.1.23", "10.0.2.45"]))
    }

    @Test("missing and extra addresses are listed; extras are not probed")
    func mismatch() throws {
        let check = AddressCheck(answers: addresses(["10.0.1.23", "10.0.9.9"]), expectations: Expectations(addresses: addresses(["10.0.1.23", "10.0.2.45"])), name: "n")
        let failure = try #require(check.failures.first)
        #expect(failure.code == .dnsUnexpectedAddresses)
        #expect(failure.message.contains("missing 10.0.2.45"))
        #expect(failure.message.contains("extra 10.0.9.9"))
        #expect(check.probeable == addresses(["10.0.1.23"]))
    }

    @Test("answers outside the expected ranges fail")
    func cidrs() throws {
        let check = AddressCheck(answers: addresses(["10.0.1.23", "10.1.0.1"]), expectations: Expectations(cidrs: [try #require(CIDR("10.0.0.0/16"))]), name: "n")
        #expect(check.failures.map(\.code) == [.dnsUnexpectedAddresses])
        #expect(check.probeable == addresses(["10.0.1.23"]))
    }

    @Test("public answers fail and are never probed, unless allowed")
    func publicAnswers() {
        let answers = addresses(["203.0.113.10", "10.0.1.23"])
        let strict = AddressCheck(answers: answers, expectations: Expectations(), name: "n")
        #expect(strict.failures.map(\.code) == [.dnsPublicAddress])
        #expect(strict.probeable == addresses(["10.0.1.23"]))
        let allowed = AddressCheck(answers: answers, expectations: Expectations(allowPublic: true), name: "n")
        #expect(allowed.failures.isEmpty)
        #expect(allowed.probeable.count == 2)
    }
}

@Suite("Retry pauses")
struct RetryScheduleTests {
    @Test("pauses grow, stay within the jitter band and are capped at 30 s")
    func growth() {
        var schedule = RetrySchedule(initial: .seconds(2))
        var base = Duration.seconds(2)
        for step in 0..<10 {
            let unit = Double(step % 3) / 3
            let pause = schedule.nextPause(unit: unit)
            #expect(pause >= base / 2 && pause <= base)
            base = min(base * 2, .seconds(30))
        }
        #expect(schedule.nextPause(unit: 0.999) <= .seconds(30))
    }
}

@Suite("Failure codes")
struct FailureCodeTests {
    @Test("every code has a phase and a specific hint", arguments: FailureCode.all)
    func hints(code: FailureCode) {
        #expect(code.rawValue.hasPrefix(code.phase.rawValue + "."))
        #expect(code.hint != FailureCode(rawValue: "x.unknown").hint)
    }

    @Test("the contract has 21 codes, all distinct")
    func distinct() {
        #expect(Set(FailureCode.all).count == 21)
    }
}
