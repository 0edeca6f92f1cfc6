using Poc.Cli.Cost;

namespace Poc.Cli.Tests.Cost;

public sealed class UsageSnapshotTests
{
    private const string Json = """
        {"records":[
          {"service":"states","metric":"StateTransitions","resource":"arn:aws:states:us-east-1:000000000000:stateMachine:poc-callback-workflow","amount":8},
          {"service":"states","metric":"StateTransitions","resource":"arn:aws:states:us-east-1:000000000000:stateMachine:poc-polling-baseline","amount":30},
          {"service":"dynamodb","metric":"ReadCapacityUnits","resource":"poc-task-tokens","amount":1},
          {"service":"dynamodb","metric":"ReadCapacityUnits","resource":"poc-task-tokens/index/status-index","amount":0.5},
          {"service":"dynamodb","metric":"ReadCapacityUnits","resource":"poc-task-tokens-other","amount":100},
          {"service":"lambda","metric":"GBSeconds","resource":"poc-poller","amount":0.125}
        ]}
        """;

    [Fact]
    public void Parse_UsageAnswer_SumsByStateMachineTableAndFunction()
    {
        var s = UsageSnapshot.Parse(Json);

        Assert.Equal(8, s.Transitions("poc-callback-workflow"));
        Assert.Equal(30, s.Transitions("poc-polling-baseline"));
        Assert.Equal(1.5, s.Table("poc-task-tokens").ReadRequestUnits);
        Assert.Equal(0.125, s.Function("poc-poller").LambdaGbSeconds);
        Assert.Equal(0, s.Function("poc-poller").LambdaRequests);
    }

    [Fact]
    public void Parse_NoRecords_Throws()
        => Assert.Throws<System.Text.Json.JsonException>(() => UsageSnapshot.Parse("""{"reset":true}"""));
}
