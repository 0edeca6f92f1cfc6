using LocalCloud.Core;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Key and item checks DynamoDB applies before any read or write, with its messages.</summary>
internal static class ItemValidator
{
    /// <summary>A Key parameter: exactly the key attributes, of the declared types, no empty strings.</summary>
    public static Item Key(Dictionary<string, AttributeValue>? key, TableDefinition table, string member = "key")
    {
        if (key is null)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
        var schema = table.Key;
        if (key.Count != schema.Names.Count() || !schema.Names.All(n => key.TryGetValue(n, out var v) && v.Type == TypeOf(table, n)))
        {
            throw AwsServiceException.Validation(DynamoDbErrors.KeyMismatch);
        }
        foreach (var name in schema.Names)
        {
            if (key[name] is { Type: AttributeType.S, S.Length: 0 } or { Type: AttributeType.B, B.Length: 0 })
            {
                throw AwsServiceException.Validation(DynamoDbErrors.EmptyKeyString(name));
            }
        }
        return key;
    }

    /// <summary>A whole item about to be stored: key present and typed, index keys typed, size within 400 KB.</summary>
    public static void Item(Item? item, TableDefinition table, string tooLarge = DynamoDbErrors.ItemTooLarge)
    {
        if (item is null)
        {
            throw AwsServiceException.Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        }
        foreach (var name in table.Key.Names)
        {
            if (!item.TryGetValue(name, out var value))
            {
                throw AwsServiceException.Validation(DynamoDbErrors.MissingKey(name));
            }
            var expected = TypeOf(table, name);
            if (value.Type != expected)
            {
                throw AwsServiceException.Validation(DynamoDbErrors.KeyTypeMismatch(name, expected, value.Type));
            }
            if (value is { Type: AttributeType.S, S.Length: 0 } or { Type: AttributeType.B, B.Length: 0 })
            {
                throw AwsServiceException.Validation(DynamoDbErrors.EmptyKeyString(name));
            }
        }
        foreach (var index in table.Indexes)
        {
            foreach (var name in index.Key.Names)
            {
                if (!item.TryGetValue(name, out var value))
                {
                    continue;
                }
                var expected = TypeOf(table, name);
                if (value.Type != expected)
                {
                    throw AwsServiceException.Validation(DynamoDbErrors.IndexKeyTypeMismatch(index.Name, name, expected, value.Type));
                }
                if (value is { Type: AttributeType.S, S.Length: 0 } or { Type: AttributeType.B, B.Length: 0 })
                {
                    throw AwsServiceException.Validation(DynamoDbErrors.EmptyIndexKeyString(index.Name, name));
                }
            }
        }
        if (ItemSize.Of(item) > ItemSize.MaxItemBytes)
        {
            throw AwsServiceException.Validation(tooLarge);
        }
    }

    private static AttributeType TypeOf(TableDefinition table, string name) => table.AttributeDefinitions.First(d => d.Key == name).Value;
}
