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

    [Fact]
    public void BacktrackingWordPicture_GivesUpInsteadOfHanging()
    {
        var input = string.Concat(Enumerable.Repeat("one ", 40)) + "!";
        var started = TimeProvider.System.GetTimestamp();
        Assert.Null(DateTimePicture.Parse(input, "[Dw][Mw][Yw]", 0));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }
}
