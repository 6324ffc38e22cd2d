import Testing
import ProbeCore

@Suite("Addresses and ranges")
struct AddressTests {
    @Test("private ranges of the contract", arguments: [
        ("10.0.1.23", true), ("172.16.0.1", true), ("172.31.255.255", true), ("172.32.0.1", false),
        ("192.168.1.1", true), ("100.64.0.1", true), ("100.128.0.1", false), ("127.0.0.2", true),
        ("169.254.169.253", true), ("203.0.113.10", false), ("8.8.8.8", false),
        ("fd00::1", true), ("fc00::1", true), ("::1", true), ("fe80::1", true), ("2001:db8::1", false),
    ])
    func privateRanges(text: String, isPrivate: Bool) throws {
        let address = try #require(IPAddress(text))
        #expect(address.isPrivate == isPrivate)
    }

    @Test("addresses round-trip through text and bytes", arguments: ["10.0.1.23", "0.0.0.0", "255.255.255.255", "fd00::1", "::1", "2001:db8:1:2:3:4:5:6"])
    func roundTrip(text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == text)
        #expect(IPAddress(bytes: address.bytes) == address)
    }

    @Test("invalid addresses are rejected", arguments: ["10.0.1", "256.0.0.1", "fd00:::1", "", "host", "10.0.0.1 "])
    func invalid(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("CIDR membership", arguments: [
        ("10.0.0.0/16", "10.0.255.1", true), ("10.0.0.0/16", "10.1.0.1", false),
        ("10.0.1.23", "10.0.1.23", true), ("10.0.1.23/32", "10.0.1.24", false),
        ("0.0.0.0/0", "203.0.113.1", true), ("fd00::/8", "fd12::1", true), ("fd00::/8", "fe00::1", false),
        ("10.0.0.0/8", "fd00::1", false), ("2001:db8::/127", "2001:db8::1", true), ("2001:db8::/127", "2001:db8::2", false),
    ])
    func cidr(range: String, address: String, contained: Bool) throws {
        let cidr = try #require(CIDR(range))
        #expect(cidr.contains(try #require(IPAddress(address))) == contained)
    }

    @Test("invalid CIDRs are rejected", arguments: ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "x/8", "fd00::/129", "10.0.0.0/8/8"])
    func invalidCIDR(text: String) {
        #expect(CIDR(text) == nil)
    }

    @Test("resolver addresses", arguments: [
        ("169.254.169.253", "169.254.169.253", 53), ("127.0.0.1:5353", "127.0.0.1", 5353), ("[::1]:5353", "::1", 5353), ("::1", "::1", 53),
    ])
    func resolver(text: String, address: String, port: Int) throws {
        let resolver = try ResolverAddress(parsing: text)
        #expect(resolver.address == IPAddress(address))
        #expect(resolver.port == port)
    }

    @Test("bad resolver addresses are rejected", arguments: ["127.0.0.1:0", "127.0.0.1:70000", "name:53", "[::1]x", ""])
    func badResolver(text: String) {
        #expect(throws: InputError.self) { try ResolverAddress(parsing: text) }
    }
}
