namespace LocalCloud.DynamoDb.Storage;

/// <summary>A global or local secondary index as created.</summary>
/// <param name="ProjectionType">ALL, KEYS_ONLY or INCLUDE.</param>
internal sealed record IndexDefinition(
    string Name,
    bool IsGlobal,
    KeyDefinition Key,
    string ProjectionType,
    IReadOnlyList<string>? NonKeyAttributes,
    long ReadCapacityUnits,
    long WriteCapacityUnits,
    string Arn)
{
    /// <summary>The attributes an index entry holds: everything for ALL, else keys plus INCLUDE's list.</summary>
    public Item Project(Item item, KeyDefinition tableKey)
    {
        if (ProjectionType == "ALL")
        {
            return item;
        }
        var keep = new HashSet<string>(tableKey.Names.Concat(Key.Names), StringComparer.Ordinal);
        if (NonKeyAttributes is not null)
        {
            keep.UnionWith(NonKeyAttributes);
        }
        return item.Where(kv => keep.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }
}
