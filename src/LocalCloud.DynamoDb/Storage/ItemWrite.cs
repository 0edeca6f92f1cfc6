namespace LocalCloud.DynamoDb.Storage;

/// <summary>What one atomic write did: the item before and after (null = absent), and index entries touched.</summary>
/// <param name="IndexWrites">Per index: how many entries were written or removed (0–2), and the larger entry size.</param>
internal sealed record ItemWrite(Item? Old, Item? New, IReadOnlyDictionary<string, (int Writes, int Bytes)> IndexWrites);
