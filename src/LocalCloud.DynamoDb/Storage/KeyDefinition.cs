using System.Text.Json.Serialization;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>A key schema: partition (HASH) attribute and optional sort (RANGE) attribute, with their types.</summary>
internal sealed record KeyDefinition(string HashName, AttributeType HashType, string? RangeName, AttributeType? RangeType)
{
    [JsonIgnore]
    public IEnumerable<string> Names => RangeName is null ? [HashName] : [HashName, RangeName];

    public bool Contains(string name) => name == HashName || name == RangeName;

    /// <summary>The key attributes of an item, or null when the item lacks one (then it is not in an index).</summary>
    public Dictionary<string, AttributeValue>? Extract(Item item)
    {
        if (!item.TryGetValue(HashName, out var h))
        {
            return null;
        }
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [HashName] = h };
        if (RangeName is not null)
        {
            if (!item.TryGetValue(RangeName, out var r))
            {
                return null;
            }
            key[RangeName] = r;
        }
        return key;
    }
}
