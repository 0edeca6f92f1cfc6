using System.Text.Json;
using LocalCloud.Core.Json;

namespace LocalCloud.Core.Tests.Json;

public sealed class EpochSecondsConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new EpochSecondsConverter() } };

    [Theory]
    [InlineData("1764115200", "2025-11-26T00:00:00.000+00:00")]
    [InlineData("1764115200.123", "2025-11-26T00:00:00.123+00:00")]
    [InlineData("\"1764115200.5\"", "2025-11-26T00:00:00.500+00:00")]
    [InlineData("\"2025-11-26T00:00:00Z\"", "2025-11-26T00:00:00.000+00:00")]
    public void Read_EpochSecondsOrIso_GivesTheInstant(string json, string expected)
        => Assert.Equal(expected, JsonSerializer.Deserialize<DateTimeOffset>(json, Options).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e20")]
    [InlineData("253402300800")]
    [InlineData("\"9e99\"")]
    [InlineData("\"soon\"")]
    [InlineData("true")]
    public void Read_OutOfRangeOrNotATimestamp_IsAJsonException(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

    [Fact]
    public void Write_MillisecondsAsTheFraction()
        => Assert.Equal("1764115200.123", JsonSerializer.Serialize(DateTimeOffset.FromUnixTimeMilliseconds(1_764_115_200_123), Options));
}
