namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>Wire shape BillingModeSummary of DynamoDB 2012-08-10 (names exactly as the API model).</summary>
internal sealed class BillingModeSummary
{
    public string? BillingMode { get; init; }

    public double? LastUpdateToPayPerRequestDateTime { get; init; }
}
