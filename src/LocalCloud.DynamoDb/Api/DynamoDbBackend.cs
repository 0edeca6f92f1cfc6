using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api;

/// <summary>What every operation handler shares: the per-account/region stores, the clock and the usage meter.</summary>
internal sealed class DynamoDbBackend(DynamoDbStores stores, TimeProvider time, UsageMeter usage)
{
    public DynamoDbStores Stores { get; } = stores;

    public TimeProvider Time { get; } = time;

    public UsageMeter Usage { get; } = usage;

    public TransactionTokens Tokens { get; } = new(time);

    public IDynamoDbStore Store(RequestContext context) => Stores.For(context.AccountId, context.Region);

    public ITableStore Table(RequestContext context, string? tableName)
    {
        RequireTableName(tableName);
        return Store(context).Open(TableNameOf(tableName!)) ?? throw DynamoDbErrors.NotFound();
    }

    /// <summary>
    /// Every TableName parameter also takes the table's ARN
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-TableName).
    /// </summary>
    public static string TableNameOf(string nameOrArn)
    {
        var marker = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.IndexOf(":table/", StringComparison.Ordinal) : -1;
        return marker < 0 ? nameOrArn : nameOrArn[(marker + ":table/".Length)..];
    }

    public static void RequireTableName(string? tableName)
    {
        if (tableName is null)
        {
            throw AwsServiceException.Validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        }
    }
}
