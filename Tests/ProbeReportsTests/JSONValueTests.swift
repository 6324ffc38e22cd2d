import Foundation
import Testing
@testable import ProbeReports

@Suite struct JSONValueTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{00}\u{01}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("日本語 é 🚀 </script>", #""日本語 é 🚀 </script>""#),
    ])
    func stringsAreEscapedPerRFC8259(text: String, expected: String) {
        #expect(JSONValue.quoted(text) == expected)
    }

    @Test func everyScalarSurvivesARoundTripThroughAnIndependentParser() throws {
        let scalars = (0..<0x300).compactMap(Unicode.Scalar.init) + ["\u{2028}", "\u{2029}", "\u{FFFD}", "\u{FFFF}", "\u{1F680}"]
        let text = String(String.UnicodeScalarView(scalars))
        let document = JSONValue.array([.string(text)]).serialized
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String])
        #expect(parsed == [text])
    }

    @Test func objectsKeepTheirKeyOrderAndNestCorrectly() throws {
        let value = JSONValue.object([
            ("zeta", .int(1)), ("alpha", .null), ("mid", .array([.bool(true), .number("0.5"), .object([])])), ("empty", .array([])),
        ])
        let text = value.serialized
        #expect(text == """
            {
              "zeta": 1,
              "alpha": null,
              "mid": [
                true,
                0.5,
                {}
              ],
              "empty": []
            }
            """)
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["zeta"] as? Int == 1)
        #expect(parsed["alpha"] is NSNull)
    }
}
