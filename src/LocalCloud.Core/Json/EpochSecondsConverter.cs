using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalCloud.Core.Json;

/// <summary>
/// The one timestamp converter of every service: AWS's JSON protocols (awsJson 1.0 and restJson1) send timestamps as
/// epoch seconds, a JSON number whose fraction carries the milliseconds
/// (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html, "timestampFormat"). A numeric string or an ISO-8601
/// string is read too, since hand-written requests (curl, tests) use them. Anything else, or a time outside what
/// <see cref="DateTimeOffset"/> holds, is a <see cref="JsonException"/>, which the protocol dispatchers answer as a
/// 400 SerializationException instead of letting an overflow become a 500.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const decimal MinSeconds = -62_135_596_800m; // 0001-01-01T00:00:00Z
    private const decimal MaxSeconds = 253_402_300_799m; // 9999-12-31T23:59:59Z

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDecimal(out var seconds) ? FromSeconds(seconds) : throw OutOfRange();
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? "";
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed.ToUniversalTime();
            }
        }
        throw new JsonException("A timestamp must be epoch seconds or an ISO-8601 date.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
    }

    private static DateTimeOffset FromSeconds(decimal seconds)
        => seconds is < MinSeconds or > MaxSeconds ? throw OutOfRange() : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m));

    private static JsonException OutOfRange() => new("The timestamp is out of range.");
}
