using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aws.Clients.Serialization;

/// <summary>
/// JSON protocols send timestamps as epoch seconds with optional fraction unless the model says otherwise.
/// Source: https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html#shape-serialization (timestamp: epoch-seconds)
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDecimal() * 1000m, MidpointRounding.AwayFromZero));
        }

        // Some emulators send ISO 8601 strings; accept them rather than fail a whole response.
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException("Expected a timestamp as epoch seconds.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
