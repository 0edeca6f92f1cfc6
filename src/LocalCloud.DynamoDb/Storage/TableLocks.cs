namespace LocalCloud.DynamoDb.Storage;

/// <summary>
/// Holds several tables' locks at once, taken in one global order (table ARN, then table id) so two
/// transactions over the same tables can never wait on each other in a cycle.
/// </summary>
internal sealed class TableLocks : IDisposable
{
    private readonly List<IDisposable> _held = [];

    private TableLocks()
    {
    }

    public static TableLocks Acquire(IEnumerable<ITableStore> tables)
    {
        var locks = new TableLocks();
        try
        {
            foreach (var table in tables.Distinct().OrderBy(t => t.Definition.Arn, StringComparer.Ordinal).ThenBy(t => t.Definition.TableId, StringComparer.Ordinal))
            {
                locks._held.Add(table.Exclusive());
            }
            return locks;
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        for (var i = _held.Count - 1; i >= 0; i--)
        {
            _held[i].Dispose();
        }
        _held.Clear();
    }
}
