using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.DynamoDb;

namespace LocalCloud.WebConsole;

/// <summary>
/// The console's DynamoDB reads, as any client makes them: awsJson requests (ListTables, DescribeTable, Scan, Query)
/// handed to the service's own dispatcher. They are real reads, so they count read capacity in the usage meter.
/// </summary>
internal sealed class DynamoDbApi(DynamoDbService dynamodb)
{
    private static readonly JsonSerializerOptions RequestJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<JsonElement> CallAsync(string operation, object request, RequestContext context, CancellationToken ct)
        => AwsJsonCall.CallAsync(dynamodb, "DynamoDB_20120810." + operation, JsonSerializer.SerializeToUtf8Bytes(request, RequestJson), context, ct);

    /// <summary>An item in DynamoDB's typed JSON as plain JSON, for reading: S → string, N → number, M → object, sets → arrays.</summary>
    public static JsonNode? Plain(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (value.EnumerateObject().FirstOrDefault() is not { Name: { } type } attribute || value.EnumerateObject().Count() != 1)
        {
            return new JsonObject(value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Plain(p.Value))));
        }
        var v = attribute.Value;
        return type switch
        {
            "S" or "B" => JsonValue.Create(v.GetString()),
            "N" => decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(v.GetString()),
            "BOOL" => JsonValue.Create(v.GetBoolean()),
            "NULL" => null,
            "M" => new JsonObject(v.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Plain(p.Value)))),
            "L" => new JsonArray([.. v.EnumerateArray().Select(Plain)]),
            "SS" or "BS" => new JsonArray([.. v.EnumerateArray().Select(e => (JsonNode?)JsonValue.Create(e.GetString()))]),
            "NS" => new JsonArray([.. v.EnumerateArray().Select(e => (JsonNode?)JsonValue.Create(e.GetString()))]),
            _ => JsonNode.Parse(value.GetRawText()),
        };
    }

    /// <summary>A LastEvaluatedKey carried in a link, and back.</summary>
    public static string EncodeKey(JsonElement key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key.GetRawText())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static JsonElement? DecodeKey(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ConsoleApiException("ValidationException", "The page's start key is not one this console wrote.");
        }
    }
}
