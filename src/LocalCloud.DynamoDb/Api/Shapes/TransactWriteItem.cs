namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape TransactWriteItem of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class TransactWriteItem
{
    public ConditionCheck? ConditionCheck { get; init; }

    public Put? Put { get; init; }

    public Delete? Delete { get; init; }

    public Update? Update { get; init; }
}
