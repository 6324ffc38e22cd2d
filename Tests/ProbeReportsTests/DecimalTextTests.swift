import Testing
@testable import ProbeReports

@Suite struct DecimalTextTests {
    @Test(arguments: [
        (Duration.microseconds(312), "0.312"),
        (.nanoseconds(1_500), "0.002"),
        (.nanoseconds(1_499), "0.001"),
        (.nanoseconds(2_100_000), "2.1"),
        (.milliseconds(41), "41"),
        (.nanoseconds(999_999_999), "1000"),
        (.seconds(12_345), "12345000"),
        (.zero, "0"),
        (.milliseconds(-3), "-3"),
    ])
    func millisecondsHaveAtMostThreeDecimals(duration: Duration, expected: String) {
        #expect(DecimalText.milliseconds(duration) == expected)
    }

    @Test(arguments: [
        (Duration.microseconds(3_402), "0.003402"),
        (.milliseconds(6_312), "6.312"),
        (.seconds(90), "90"),
        (.nanoseconds(400), "0"),
        (.nanoseconds(500), "0.000001"),
    ])
    func secondsHaveAtMostSixDecimals(duration: Duration, expected: String) {
        #expect(DecimalText.seconds(duration) == expected)
    }

    @Test(arguments: [
        (Duration.microseconds(312), "0.3 ms"),
        (.microseconds(9_960), "10 ms"),
        (.milliseconds(41), "41 ms"),
        (.milliseconds(6_250), "6.3 s"),
        (.seconds(125), "2m 5s"),
    ])
    func textDurationsAreHumanScaled(duration: Duration, expected: String) {
        #expect(TextFormatting.duration(duration) == expected)
    }
}
