using Jsonata.Formatting;

namespace Jsonata.Tests.Formatting;

/// <summary>
/// What the suite does not cover, each expected value printed by jsonata-js 2.2.2 itself (node, December 2026) for the
/// same expression — including its quirks (",5,", "-0", parseInt's sign handling of -0130, V8's Date.parse limits).
/// NaN is what the reference returns where its JSON output shows null.
/// </summary>
public sealed class OracleTests
{
    [Theory]
    [InlineData("$fromMillis(1521801216617, \"[Y0001]-[M01]-[D01] [H01]:[m01] [Z]\", \"-0500\")", "string 2018-03-23 05:33 -05:00")]
    [InlineData("$fromMillis(1521801216617, \"[H01]:[m01] [Z0001] [z]\", \"+0130\")", "string 12:03 +0130 GMT+01:30")]
    [InlineData("$fromMillis(1521801216617, \"[H01]:[m01] [Z]\", \"-0130\")", "string 08:03 -02:30")]
    [InlineData("$fromMillis(1521801216617, \"[FNn,*-3] [D1o] [MNn,3-3] [Y,2] [h].[m01][P] [C] [E]\")", "string Fri 23rd Mar 18 10.33am ISO ISO")]
    [InlineData("$fromMillis(1521801216617, \"[FN] [Dwo] [MN] [YI] [W] [w] [X] [x] [d]\")", "string FRIDAY twenty-third MARCH MMXVIII 12 4 2018 3 82")]
    [InlineData("$fromMillis(1104537600000, \"[X0001]-W[W01]-[F1] [xNn] w[w]\")", "string 2004-W53-6 December w5")]
    [InlineData("$fromMillis(0, \"[q1]\")", "string undefined")]
    [InlineData("$fromMillis(0, \"[Y\")", "error D3135")]
    [InlineData("$fromMillis(0, \"[Z0]\", \"+1000\")", "string +10")]
    [InlineData("$fromMillis(0, \"[Z00001]\")", "error D3134")]
    [InlineData("$fromMillis(0, \"[[Y]]]] [Y]\")", "string [Y]] 1970")]
    [InlineData("$fromMillis(1e20)", "string 0NaN-NaN-NaNTNaN:NaN:NaN.NaNZ")]
    [InlineData("$fromMillis(-62198755200000)", "string -0001-01-01T00:00:00.000Z")]
    [InlineData("$fromMillis(-1e14)", "string -1199-02-15T14:13:20.000Z")]
    [InlineData("$formatInteger(1234567, \"#,##0\")", "string 1,234,567")]
    [InlineData("$formatInteger(1234567891234, \"w\")", "string one trillion, two hundred and thirty-four billion, five hundred and sixty-seven million, eight hundred and ninety-one thousand, two hundred and thirty-four")]
    [InlineData("$formatInteger(2021, \"Ww;o\")", "string Two Thousand and Twenty-First")]
    [InlineData("$formatInteger(1999, \"I\")", "string MCMXCIX")]
    [InlineData("$formatInteger(703, \"A\")", "string AAA")]
    [InlineData("$formatInteger(-42, \"٠٠٠\")", "string -٠٤٢")]
    [InlineData("$formatInteger(1234567, \"0 00,000\")", "string 12 34,567")]
    [InlineData("$formatInteger(3, \"0;o\")", "string 3rd")]
    [InlineData("$formatInteger(12, \"0;o\")", "string 12th")]
    [InlineData("$formatInteger(5, \"one\")", "error D3130")]
    [InlineData("$parseInteger(\"twelve thousand and six\", \"w\")", "number 12006")]
    [InlineData("$parseInteger(\"one foo\", \"w\")", "number NaN")]
    [InlineData("$parseInteger(\"MMXXI\", \"I\")", "number 2021")]
    [InlineData("$parseInteger(\"zz\", \"a\")", "number 702")]
    [InlineData("$parseInteger(\"1,234,567\", \"#,##0\")", "number 1234567")]
    [InlineData("$parseInteger(\"12th\", \"0;o\")", "number 12")]
    [InlineData("$formatNumber(5, \"#,##,##0\")", "string ,5,")]
    [InlineData("$formatNumber(-0.5, \"0\")", "string -0")]
    [InlineData("$formatNumber(0.5, \"0\")", "string 0")]
    [InlineData("$formatNumber(1.5, \"0\")", "string 2")]
    [InlineData("$formatNumber(2.5, \"0\")", "string 2")]
    [InlineData("$formatNumber(1.005, \"0.00\")", "string 1.00")]
    [InlineData("$formatNumber(1e-7, \"0.000000000\")", "string 0.000000100")]
    [InlineData("$formatNumber(123456789012345680000, \"#,##0\")", "string 123,456,789,012,345,683,968")]
    [InlineData("$formatNumber(1e21, \"#\")", "string 1e+21")]
    [InlineData("$formatNumber(1234.5, \"#.##0,00\", {\"decimal-separator\": \",\", \"grouping-separator\": \".\"})", "string 1.234,50")]
    [InlineData("$formatNumber(-1234.5, \"#,##0.00;(#,##0.00)\")", "string (1,234.50)")]
    [InlineData("$formatNumber(0.25, \"#%\")", "string 25%")]
    [InlineData("$formatNumber(-3, \"0\", {\"minus-sign\": \"~\"})", "string ~3")]
    [InlineData("$toMillis(\"2018-02-30\")", "number 1519948800000")]
    [InlineData("$toMillis(\"2018-13-01\")", "number NaN")]
    [InlineData("$toMillis(\"2018-02-01T29:42:13Z\")", "number NaN")]
    [InlineData("$toMillis(\"2018-02-01T24:00:00Z\")", "number 1517529600000")]
    [InlineData("$toMillis(\"2018-02-01T24:00:00.001Z\")", "number NaN")]
    [InlineData("$toMillis(\"2018-02-01T10:00:00-0530\")", "number 1517499000000")]
    [InlineData("$toMillis(\"2018-02-01T10:00:00.5\")", "number 1517479200500")]
    [InlineData("$toMillis(\"2018-02-01T09:42:13.123456+01:00\")", "number 1517474533123")]
    [InlineData("$toMillis(\"2018-02-01+01:00\")", "number NaN")]
    [InlineData("$toMillis(\"2018-02-01Z\")", "number 1517443200000")]
    [InlineData("$toMillis(\"2018T10:00:00\")", "number 1514800800000")]
    [InlineData("$toMillis(\"0000-01-01\")", "number -62167219200000")]
    [InlineData("$toMillis(\"2018-02-01T10:00:00+0060\")", "error D3110")]
    [InlineData("$toMillis(\"1 JANUARY 2018\", \"[D] [MNn] [Y]\")", "error D3136")]
    [InlineData("$toMillis(\"12/25/99\", \"[M]/[D]/[Y01]\")", "number 946080000000")]
    [InlineData("$toMillis(\"2018-02-01 +01:30\", \"[Y]-[M]-[D] [Z01:01]\")", "number 1517437800000")]
    [InlineData("$toMillis(\"2018-02-01 +01:30\", \"[Y]-[M]-[D] [Z]\")", "number 1517437800000")]
    [InlineData("$toMillis(\"2018-02-01 -0130\", \"[Y]-[M]-[D] [Z0001]\")", "number 1517445000000")]
    public void Expression_GivesWhatTheReferenceGives(string expression, string expected)
    {
        var calls = LiteralCall.TryParsePipeline(expression);
        Assert.NotNull(calls);
        Assert.Equal(expected, SuiteTests.Describe(SuiteRunner.Run(calls)));
    }

    [Fact]
    public void Errors_CarryTheReferenceMessageWithTheValueQuoted()
    {
        var error = Assert.Throws<JsonataException>(() => DateTimePicture.Parse("foo \"bar\"", null));
        Assert.Equal(("D3110", "The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"foo \\\"bar\\\"\""),
            (error.Code, error.Message));
    }

    [Fact]
    public void Parse_DefaultsTheDateAboveTheGivenTimeToTheEvaluationClock()
    {
        var now = 1529064000000; // 2018-06-15T12:00:00Z
        Assert.Equal(1529070300000, DateTimePicture.Parse("13:45", "[H]:[m]", now)); // 2018-06-15T13:45:00Z
        Assert.Equal(1514764800000, DateTimePicture.Parse("2018", "[Y]", now)); // below the year: 1 January, midnight
    }

    [Fact]
    public void FromOptions_OverridesNamedPropertiesAndIgnoresOthers()
    {
        var format = DecimalFormat.FromOptions(new Dictionary<string, string> { ["per-mille"] = "pm", ["zero-digit"] = "A", ["unknown"] = "x" });
        Assert.Equal(DecimalFormat.Default with { PerMille = "pm", ZeroDigit = "A" }, format);
    }
}
