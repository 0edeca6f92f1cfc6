using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;

namespace LocalCloud.DynamoDb.Operations;

/// <summary>
/// DeleteTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html).
/// Answers DELETING as AWS does; the table is gone at once.
/// </summary>
internal sealed class DeleteTable(DynamoDbEngine engine)
{
    public Task<DeleteTableResponse> HandleAsync(DeleteTableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbEngine.RequireTableName(request.TableName);
        var store = engine.Store(context);
        var table = store.Open(request.TableName!) ?? throw DynamoDbMessages.NotFound(DynamoDbMessages.TableNotFound(request.TableName!));
        if (table.Definition.DeletionProtectionEnabled)
        {
            throw AwsServiceException.Validation($"Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        var description = TableDescriptions.From(table, "DELETING");
        store.Remove(request.TableName!);
        return Task.FromResult(new DeleteTableResponse { TableDescription = description });
    }
}
