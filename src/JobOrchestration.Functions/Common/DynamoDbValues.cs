using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace JobOrchestration.Functions.Common;

/// <summary>Typed reads and writes of DynamoDB attribute values, failing with the attribute's name when an item is malformed.</summary>
internal static class DynamoDbValues
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string ReadS(Dictionary<string, AttributeValue> item, string name) =>
        TryReadS(item, name) ?? throw new FormatException($"Item attribute '{name}' is missing or not a string.");

    public static string? TryReadS(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is not null ? value.S : null;

    public static long ReadN(Dictionary<string, AttributeValue> item, string name)
    {
        if (item.TryGetValue(name, out var value) && value.N is not null
            && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new FormatException($"Item attribute '{name}' is missing or not an integer number.");
    }
}
