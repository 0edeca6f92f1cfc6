using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Poc.Cli.Cli;

namespace Poc.Cli.Deploy;

/// <summary>Creates poc-jobs and poc-task-tokens exactly as docs/data-model.md fixes them, or adds what an older deploy left out.</summary>
internal sealed class TableDeployer(IAmazonDynamoDB dynamoDb, TimeProvider time)
{
    public async Task<(ResourceChange Change, string Detail)> DeployJobsAsync(CancellationToken ct)
        => await DeployAsync(
            new CreateTableRequest
            {
                TableName = PocResources.JobsTable,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("jobId", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("jobId", KeyType.HASH)],
            },
            ct);

    public async Task<(ResourceChange Change, string Detail)> DeployTokensAsync(CancellationToken ct)
        => await DeployAsync(
            new CreateTableRequest
            {
                TableName = PocResources.TokensTable,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition("executionArn", ScalarAttributeType.S),
                    new AttributeDefinition("status", ScalarAttributeType.S),
                    new AttributeDefinition("createdAt", ScalarAttributeType.S),
                ],
                KeySchema = [new KeySchemaElement("executionArn", KeyType.HASH)],
                GlobalSecondaryIndexes = [StatusIndex()],
            },
            ct);

    private static GlobalSecondaryIndex StatusIndex() => new()
    {
        IndexName = PocResources.StatusIndex,
        KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("createdAt", KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };

    private async Task<(ResourceChange, string)> DeployAsync(CreateTableRequest wanted, CancellationToken ct)
    {
        var existing = await DescribeAsync(wanted.TableName, ct);
        if (existing is null)
        {
            await dynamoDb.CreateTableAsync(wanted, ct);
            await WaitActiveAsync(wanted.TableName, ct);
            return (ResourceChange.Created, "PAY_PER_REQUEST" + (wanted.GlobalSecondaryIndexes?.Count > 0 ? $", GSI {PocResources.StatusIndex}" : ""));
        }

        if (!SameKeys(existing.KeySchema, wanted.KeySchema))
        {
            // A table's key cannot change in place; deleting data on the user's behalf is not deploy's call.
            throw new PocException(Messages.TableKeyMismatch(wanted.TableName));
        }

        var missing = (wanted.GlobalSecondaryIndexes ?? [])
            .Where(w => existing.GlobalSecondaryIndexes?.Any(e => e.IndexName == w.IndexName) != true)
            .ToList();
        if (missing.Count == 0)
        {
            await WaitActiveAsync(wanted.TableName, ct);
            return (ResourceChange.Unchanged, "");
        }

        foreach (var index in missing)
        {
            await dynamoDb.UpdateTableAsync(
                new UpdateTableRequest
                {
                    TableName = wanted.TableName,
                    AttributeDefinitions = wanted.AttributeDefinitions,
                    GlobalSecondaryIndexUpdates =
                    [
                        new GlobalSecondaryIndexUpdate
                        {
                            Create = new CreateGlobalSecondaryIndexAction { IndexName = index.IndexName, KeySchema = index.KeySchema, Projection = index.Projection },
                        },
                    ],
                },
                ct);
            await WaitActiveAsync(wanted.TableName, ct);
        }

        return (ResourceChange.Updated, $"added GSI {string.Join(", ", missing.Select(i => i.IndexName))}");
    }

    private async Task<TableDescription?> DescribeAsync(string name, CancellationToken ct)
    {
        try
        {
            return (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = name }, ct)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private Task WaitActiveAsync(string name, CancellationToken ct) => Waiter.UntilAsync(
        async () => await DescribeAsync(name, ct) is { } t
                    && t.TableStatus == TableStatus.ACTIVE
                    && (t.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus is null || i.IndexStatus == IndexStatus.ACTIVE),
        $"table {name} to become ACTIVE",
        time,
        ct);

    private static bool SameKeys(List<KeySchemaElement>? a, List<KeySchemaElement> b)
        => a is not null && a.Count == b.Count && a.Zip(b).All(p => p.First.AttributeName == p.Second.AttributeName && p.First.KeyType == p.Second.KeyType);
}
