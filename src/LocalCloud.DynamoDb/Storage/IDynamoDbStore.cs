namespace LocalCloud.DynamoDb.Storage;

/// <summary>The tables of one account in one region.</summary>
internal interface IDynamoDbStore
{
    /// <summary>Creates the table unless one of that name exists; false then.</summary>
    bool TryCreate(TableDefinition definition);

    ITableStore? Open(string tableName);

    ITableStore? Remove(string tableName);

    IReadOnlyList<string> TableNames();
}
