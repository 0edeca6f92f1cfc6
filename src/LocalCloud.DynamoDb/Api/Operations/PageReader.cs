using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Metering;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// One page of a Query or Scan, as DynamoDB reads it
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html):
/// resume after ExclusiveStartKey, read up to Limit items or 1 MB, filter after reading (Limit and
/// capacity count items read, not items returned), and hand back LastEvaluatedKey when more remain.
/// </summary>
internal sealed class PageReader(ITableStore table, IndexDefinition? index)
{
    private const int PageBytes = 1024 * 1024;

    public sealed record Page(List<Item>? Items, int Count, int ScannedCount, Item? LastEvaluatedKey, CapacityReport Capacity);

    /// <summary>The attributes that locate an item in this table or index: what LastEvaluatedKey holds.</summary>
    public IReadOnlyList<string> KeyNames
    {
        get
        {
            var names = table.Definition.Key.Names.ToList();
            if (index is not null)
            {
                names.AddRange(index.Key.Names.Where(n => !names.Contains(n)));
            }
            return names;
        }
    }

    public Page Read(
        IEnumerable<Item> ordered,
        bool forward,
        Dictionary<string, AttributeValue>? exclusiveStartKey,
        int? limit,
        Condition? filter,
        ExpressionEvaluator evaluator,
        IReadOnlyList<IReadOnlyList<PathStep>>? projection,
        bool countOnly,
        bool consistent)
    {
        if (limit is < 1)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        IEnumerable<Item> candidates = ordered;
        if (exclusiveStartKey is not null)
        {
            if (!KeyNames.All(exclusiveStartKey.ContainsKey) || exclusiveStartKey.Count != KeyNames.Count)
            {
                throw AwsServiceException.Validation(DynamoDbErrors.InvalidStartKey);
            }
            var start = Position(exclusiveStartKey);
            candidates = candidates.Where(i => Compare(Position(i), start) is var c && (forward ? c > 0 : c < 0));
        }

        var items = new List<Item>();
        var scanned = 0;
        long bytes = 0;
        Item? last = null;
        var stoppedEarly = false;
        using var cursor = candidates.GetEnumerator();
        while (cursor.MoveNext())
        {
            if ((limit is { } max && scanned >= max) || bytes >= PageBytes)
            {
                stoppedEarly = true;
                break;
            }
            var item = cursor.Current;
            scanned++;
            bytes += ItemSize.Of(item);
            last = item;
            if (filter is null || evaluator.Matches(filter, item))
            {
                items.Add(projection is null ? item : Projector.Project(item, projection));
            }
        }

        var capacity = new CapacityReport(table.Definition, isRead: true);
        var units = CapacityUnits.Read(bytes, consistent);
        if (index is null)
        {
            capacity.TableUnits = units;
        }
        else
        {
            capacity.AddIndex(index.Name, units);
        }
        return new Page(
            countOnly ? null : items,
            items.Count,
            scanned,
            stoppedEarly && last is not null ? ReadSupport.KeyOf(last, KeyNames) : null,
            capacity);
    }

    private List<AttributeValue> Position(Item item)
    {
        var t = table.Definition.Key;
        var tablePart = new List<AttributeValue> { item[t.HashName], t.RangeName is null ? AttributeValue.Null : item[t.RangeName] };
        if (index is null)
        {
            return tablePart;
        }
        return [item[index.Key.HashName], index.Key.RangeName is null ? AttributeValue.Null : item[index.Key.RangeName], .. tablePart];
    }

    private static int Compare(List<AttributeValue> a, List<AttributeValue> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            var c = KeyValueComparer.Instance.Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }
}
