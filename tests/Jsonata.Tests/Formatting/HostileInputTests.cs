using Jsonata.Formatting;

namespace Jsonata.Tests.Formatting;

/// <summary>
/// Pictures come from user expressions. Where the reference would recurse or allocate without bound (and die with a
/// RangeError or hang), the port answers with a JSONata error or no match, never a crash or a hang.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public void HugeRomanNumeral_IsOutOfRange()
    {
        Assert.Equal("D1001", Assert.Throws<JsonataException>(() => IntegerPicture.Format(1e300, "I")).Code);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("I")]
    [InlineData("w")]
    public void InfiniteValue_IsOutOfRangeNotALoop(string picture)
    {
        Assert.Equal("D1001", Assert.Throws<JsonataException>(() => IntegerPicture.Format(double.PositiveInfinity, picture)).Code);
    }

    // JSON has neither, but bindings can pass them: jsonata-js 2.2.2 printed these for $x bound to NaN or Infinity.
    [Fact]
    public void NonFiniteNumbers_FormatAsTheReferenceDoes()
    {
        Assert.Equal("Infinity", IntegerPicture.Format(double.PositiveInfinity, "0"));
        Assert.Equal("-NaN", NumberPicture.Format(double.NaN, "0"));
        Assert.Equal("NaN.00", NumberPicture.Format(double.PositiveInfinity, "#,##0.00"));
        Assert.Equal("0NaN-NaN-NaNTNaN:NaN:NaN.NaNZ", DateTimePicture.Format(double.PositiveInfinity, null, null));
    }

    [Fact]
    public void BillionDigitWidth_IsOutOfRange()
    {
        Assert.Equal("D1001", Assert.Throws<JsonataException>(() => DateTimePicture.Format(0, "[Y,1000000000]", null)).Code);
    }

    [Fact]
    public void RegexMetacharacterAsZoneSeparator_MatchesItself()
    {
        Assert.Equal(1517437800000, DateTimePicture.Parse("2018-02-01 +01(30", "[Y]-[M]-[D] [Z01(01]", 0)); // as +01:30 with [Z01:01]
    }

    // Each of these made jsonata-js 2.2.2 throw a JavaScript error without a JSONata code (a TypeError, or
    // "Invalid code point") in a fuzz run against it; here each is a JSONata error or a value.
    [Theory]
    [InlineData("$fromMillis(1063497352600, \"[P0001].[WI]-[xa]:[xw] [fn]\")", "error D3133")]
    [InlineData("$fromMillis(116426277160, \"[fN][Z,2], [F01]\")", "error D3133")]
    [InlineData("$parseInteger(\"-٤٩٠\", \"٠\")", "number NaN")]
    [InlineData("$parseInteger(\"-٢ ٦ ٨ ٨ ١\", \" ٠\")", "number NaN")]
    [InlineData("$parseInteger(\"١:٦:٧:٨:١\", \":٠\")", "number 1")]
    public void WhereTheReferenceThrowsUncoded_TheApiGivesAnErrorOrAValue(string expression, string expected)
    {
        Assert.Equal(expected, SuiteTests.Describe(SuiteRunner.Run(LiteralCall.TryParsePipeline(expression)!)));
    }

    [Fact]
    public void BacktrackingWordPicture_GivesUpInsteadOfHanging()
    {
        var input = string.Concat(Enumerable.Repeat("one ", 40)) + "!";
        var started = TimeProvider.System.GetTimestamp();
        Assert.Null(DateTimePicture.Parse(input, "[Dw][Mw][Yw]", 0));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }
}
