using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// DeleteTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html).
/// Answers DELETING as AWS does; the table is gone at once.
/// </summary>
internal sealed class DeleteTable(DynamoDbBackend engine)
{
    public Task<DeleteTableResponse> HandleAsync(DeleteTableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbBackend.RequireTableName(request.TableName);
        var store = engine.Store(context);
        var table = store.Open(request.TableName!) ?? throw DynamoDbErrors.NotFound(DynamoDbErrors.TableNotFound(request.TableName!));
        if (table.Definition.DeletionProtectionEnabled)
        {
            throw AwsServiceException.Validation($"Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        var description = TableDescriptions.From(table, "DELETING");
        store.Remove(request.TableName!);
        return Task.FromResult(new DeleteTableResponse { TableDescription = description });
    }
}
