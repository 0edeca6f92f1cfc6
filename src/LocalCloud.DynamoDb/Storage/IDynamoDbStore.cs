namespace LocalCloud.DynamoDb.Storage;

/// <summary>The tables of one account in one region.</summary>
internal interface IDynamoDbStore
{
    /// <summary>Creates the table unless one of that name exists; false then.</summary>
    bool TryCreate(TableDefinition definition);

    /// <summary>Adds a table read back from the durable store at startup, without writing it again.</summary>
    void Restore(TableDefinition definition);

    ITableStore? Open(string tableName);

    /// <summary>Removes the table and its items; writes that still hold the table afterwards change nothing durable.</summary>
    ITableStore? Remove(string tableName);

    IReadOnlyList<string> TableNames();
}
