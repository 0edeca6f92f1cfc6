using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Api;

/// <summary>
/// restJson1 sends timestamps as epoch seconds (a JSON number, fractions allowed). ISO-8601 strings are
/// accepted on input too, because hand-written requests (curl, tests) often use them.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromSeconds(reader.GetDouble());
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
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
        => writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);

    private static DateTimeOffset FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < -62135596800 || seconds > 253402300799)
        {
            throw new JsonException("The timestamp is out of range.");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }
}
