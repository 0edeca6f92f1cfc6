using Amazon.CDK.Assertions;

namespace Infra.Aws.Tests;

public sealed class TablesTests(PocStackFixture stack)
{
    [Fact]
    public void TaskTokensTable_Synthesised_HasExecutionArnKeyStatusIndexAndPointInTimeRecovery()
    {
        stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = "poc-task-tokens",
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["KeySchema"] = new object[] { Key("executionArn", "HASH") },
            ["AttributeDefinitions"] = Match.ArrayWith(new object[] { Attribute("executionArn"), Attribute("status"), Attribute("createdAt") }),
            ["GlobalSecondaryIndexes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["IndexName"] = "status-index",
                    ["KeySchema"] = new object[] { Key("status", "HASH"), Key("createdAt", "RANGE") },
                    ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "ALL" },
                },
            },
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
        });
    }

    [Fact]
    public void JobsTable_Synthesised_HasJobIdKeyOnDemand()
    {
        stack.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = "poc-jobs",
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["KeySchema"] = new object[] { Key("jobId", "HASH") },
            ["AttributeDefinitions"] = new object[] { Attribute("jobId") },
        });
    }

    [Fact]
    public void Tables_DefaultRemovalPolicy_AreDeletedWithTheStack()
    {
        stack.Template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        foreach (var (_, table) in stack.Json.Resources("AWS::DynamoDB::Table"))
        {
            Assert.Equal("Delete", (string?)table["DeletionPolicy"]);
        }
    }

    private static Dictionary<string, object> Key(string name, string type) =>
        new() { ["AttributeName"] = name, ["KeyType"] = type };

    private static Dictionary<string, object> Attribute(string name) =>
        new() { ["AttributeName"] = name, ["AttributeType"] = "S" };
}
