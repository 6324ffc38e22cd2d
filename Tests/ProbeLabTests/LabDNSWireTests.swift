import ProbeLab
import Testing

/// Queries no well-behaved client sends, written byte by byte.
@Suite("Lab resolver, malformed and unusual queries")
struct LabDNSWireTests {
    /// A query for privatelink.test.cloud5.jp A with ID 0x1234, RD set.
    static func query(questionCount: UInt8 = 1, opcode: UInt8 = 0, additional: [UInt8] = []) -> [UInt8] {
        let name: [UInt8] = [11] + Array("privatelink".utf8) + [4] + Array("test".utf8) + [6] + Array("cloud5".utf8) + [2] + Array("jp".utf8) + [0]
        let additionalCount: UInt8 = additional.isEmpty ? 0 : 1
        return [0x12, 0x34, opcode << 3 | 0x01, 0x00, 0, questionCount, 0, 0, 0, 0, 0, additionalCount] + name + [0, 1, 0, 1] + additional
    }

    static func rcode(_ reply: [UInt8]) -> UInt8 { reply[3] & 0x0F }

    @Test("a well-formed query built by hand gets both addresses")
    func wellFormed() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let reply = try #require(LoopbackSocket.exchange(Self.query(), port: lab.resolver.port))
        #expect(Array(reply[0..<2]) == [0x12, 0x34])
        #expect(Self.rcode(reply) == 0)
        #expect(Array(reply[4..<12]) == [0, 1, 0, 2, 0, 0, 0, 0])
        #expect(Array(reply.suffix(4)) == [127, 0, 0, 3])
    }

    @Test("two questions get FORMERR with the query's ID")
    func twoQuestions() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let reply = try #require(LoopbackSocket.exchange(Self.query(questionCount: 2), port: lab.resolver.port))
        #expect(Array(reply[0..<2]) == [0x12, 0x34])
        #expect(Self.rcode(reply) == 1)
    }

    @Test("a truncated question gets FORMERR")
    func truncatedQuestion() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let reply = try #require(LoopbackSocket.exchange(Array(Self.query().dropLast(3)), port: lab.resolver.port))
        #expect(Self.rcode(reply) == 1)
    }

    @Test("an opcode other than QUERY gets NOTIMP")
    func otherOpcode() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let reply = try #require(LoopbackSocket.exchange(Self.query(opcode: 2), port: lab.resolver.port))
        #expect(Self.rcode(reply) == 4)
    }

    @Test("an EDNS version the lab does not know gets BADVERS in the OPT record")
    func unknownEDNSVersion() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let opt: [UInt8] = [0, 0, 41, 0x04, 0xD0, 0, 1, 0, 0, 0, 0]
        let reply = try #require(LoopbackSocket.exchange(Self.query(additional: opt), port: lab.resolver.port))
        #expect(Self.rcode(reply) == 0)
        #expect(Array(reply[6..<12]) == [0, 0, 0, 0, 0, 1])
        #expect(Array(reply.suffix(11)) == [0, 0, 41, 0x04, 0xD0, 1, 0, 0, 0, 0, 0])
    }

    @Test("runts and responses get no answer, and the resolver keeps serving")
    func survivesGarbage() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        var response = Self.query()
        response[2] |= 0x80
        for datagram in [[0x01, 0x02, 0x03], response, [UInt8](repeating: 0xFF, count: 600)] {
            #expect(LoopbackSocket.exchange(datagram, port: lab.resolver.port, waitSeconds: 1) == nil)
        }
        let reply = try #require(LoopbackSocket.exchange(Self.query(), port: lab.resolver.port))
        #expect(Self.rcode(reply) == 0)
    }
}
