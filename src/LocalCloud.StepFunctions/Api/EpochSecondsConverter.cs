using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalCloud.StepFunctions.Api;

/// <summary>awsJson timestamps: epoch seconds as a number, with milliseconds as the fraction.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDecimal() * 1000m));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
