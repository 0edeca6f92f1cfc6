using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// Position of an entry inside an index partition: the index sort key first, then the table key so
/// several items with the same index key (allowed in a GSI) each keep their own entry.
/// </summary>
internal sealed record IndexSortKey(AttributeValue Range, AttributeValue TableHash, AttributeValue TableRange) : IComparable<IndexSortKey>
{
    public int CompareTo(IndexSortKey? other)
    {
        if (other is null)
        {
            return 1;
        }
        var c = KeyValueComparer.Instance.Compare(Range, other.Range);
        if (c == 0)
        {
            c = KeyValueComparer.Instance.Compare(TableHash, other.TableHash);
        }
        return c != 0 ? c : KeyValueComparer.Instance.Compare(TableRange, other.TableRange);
    }
}
