namespace Poc.Cli.Cost;

/// <summary>The service and metric names LocalCloud's usage meter counts under.</summary>
public static class UsageMetrics
{
    public const string States = "states";
    public const string StateTransitions = "StateTransitions";
    public const string Lambda = "lambda";
    public const string Requests = "Requests";
    public const string GbSeconds = "GBSeconds";
    public const string DynamoDb = "dynamodb";
    public const string ReadUnits = "ReadCapacityUnits";
    public const string WriteUnits = "WriteCapacityUnits";
    public const string Scheduler = "scheduler";
    public const string Invocations = "Invocations";
}
