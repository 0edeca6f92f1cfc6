using System.Text.Json;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Wire shape UpdateTableRequest of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class UpdateTableRequest
{
    public List<AttributeDefinition>? AttributeDefinitions { get; init; }

    public string? TableName { get; init; }

    public string? BillingMode { get; init; }

    public ProvisionedThroughput? ProvisionedThroughput { get; init; }

    public List<GlobalSecondaryIndexUpdate>? GlobalSecondaryIndexUpdates { get; init; }

    public bool? DeletionProtectionEnabled { get; init; }

    public JsonElement? StreamSpecification { get; init; }

    public JsonElement? SSESpecification { get; init; }

    public JsonElement? ReplicaUpdates { get; init; }

    public string? TableClass { get; init; }
}
