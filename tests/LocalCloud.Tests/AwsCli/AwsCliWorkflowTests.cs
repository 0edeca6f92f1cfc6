namespace LocalCloud.Tests.AwsCli;

/// <summary>Wider round trips with the real AWS CLI: ASL beyond the callback slice, and DynamoDB's batch and transaction shapes.</summary>
public sealed class AwsCliWorkflowTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    [Fact]
    public async Task StepFunctions_MapAndParallelWithIntrinsics_RunToAwsResult()
    {
        const string definition = """
            {
              "StartAt": "Fan",
              "States": {
                "Fan": {
                  "Type": "Parallel",
                  "Branches": [
                    {
                      "StartAt": "Square",
                      "States": {
                        "Square": {
                          "Type": "Map",
                          "ItemsPath": "$.numbers",
                          "MaxConcurrency": 2,
                          "ItemSelector": { "n.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index" },
                          "ItemProcessor": {
                            "ProcessorConfig": { "Mode": "INLINE" },
                            "StartAt": "Label",
                            "States": {
                              "Label": { "Type": "Pass", "Parameters": { "label.$": "States.Format('item {} is {}', $.index, $.n)" }, "End": true }
                            }
                          },
                          "End": true
                        }
                      }
                    },
                    {
                      "StartAt": "Count",
                      "States": {
                        "Count": { "Type": "Pass", "Parameters": { "count.$": "States.ArrayLength($.numbers)" }, "End": true }
                      }
                    }
                  ],
                  "ResultSelector": { "labels.$": "$[0][*].label", "count.$": "$[1].count" },
                  "Next": "Check"
                },
                "Check": {
                  "Type": "Choice",
                  "Choices": [ { "Variable": "$.count", "NumericEquals": 3, "Next": "Done" } ],
                  "Default": "Wrong"
                },
                "Wrong": { "Type": "Fail", "Error": "Wrong" },
                "Done": { "Type": "Succeed" }
              }
            }
            """;
        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-map-parallel",
            "--role-arn", "arn:aws:iam::000000000000:role/r", "--definition", definition);
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine.GetProperty("stateMachineArn").GetString()!,
            "--input", """{"numbers":[10,20,30]}""");
        var executionArn = started.GetProperty("executionArn").GetString()!;

        await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var history = await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn);
        var types = history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();

        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal("""{"labels":["item 0 is 10","item 1 is 20","item 2 is 30"],"count":3}""", described.GetProperty("output").GetString());
        Assert.Contains("ParallelStateStarted", types);
        Assert.Equal(3, types.Count(t => t == "MapIterationSucceeded"));
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public async Task StepFunctions_ValidateDefinition_ReturnsDiagnostics()
    {
        var result = await cli.OkAsync("stepfunctions", "validate-state-machine-definition",
            "--definition", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Missing"}}}""");

        Assert.Equal("FAIL", result.GetProperty("result").GetString());
        Assert.Contains(result.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "MISSING_TRANSITION_TARGET");
    }

    [Fact]
    public async Task DynamoDb_BatchWriteThenTransactionCancelled_ReportsReasons()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-tx",
            "--attribute-definitions", "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST");
        var batch = await cli.OkAsync("dynamodb", "batch-write-item", "--request-items",
            """{"cli-tx":[{"PutRequest":{"Item":{"id":{"S":"a"},"n":{"N":"1"}}}},{"PutRequest":{"Item":{"id":{"S":"b"},"n":{"N":"2"}}}}]}""");

        var (exit, _, error) = await cli.RunAsync("dynamodb", "transact-write-items", "--transact-items",
            """[{"Update":{"TableName":"cli-tx","Key":{"id":{"S":"a"}},"UpdateExpression":"SET n = n + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}},""" +
            """{"ConditionCheck":{"TableName":"cli-tx","Key":{"id":{"S":"b"}},"ConditionExpression":"n = :zero","ExpressionAttributeValues":{":zero":{"N":"0"}}}}]""");
        var a = await cli.OkAsync("dynamodb", "get-item", "--table-name", "cli-tx", "--key", """{"id":{"S":"a"}}""", "--consistent-read");

        Assert.Empty(batch.GetProperty("UnprocessedItems").EnumerateObject());
        Assert.NotEqual(0, exit);
        Assert.Contains("TransactionCanceledException", error, StringComparison.Ordinal);
        Assert.Contains("ConditionalCheckFailed", error, StringComparison.Ordinal);
        // All or nothing: the update in the cancelled transaction did not apply.
        Assert.Equal("1", a.GetProperty("Item").GetProperty("n").GetProperty("N").GetString());
    }

    [Fact]
    public async Task Scheduler_OneTimeAtScheduleInGroup_RoundTrips()
    {
        await cli.OkAsync("scheduler", "create-schedule-group", "--name", "cli-group");
        await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-once", "--group-name", "cli-group",
            "--schedule-expression", "at(2099-01-01T00:00:00)", "--schedule-expression-timezone", "Europe/Paris",
            "--flexible-time-window", "Mode=FLEXIBLE,MaximumWindowInMinutes=5", "--action-after-completion", "DELETE",
            "--target", "Arn=arn:aws:lambda:us-east-1:000000000000:function:nothing,RoleArn=arn:aws:iam::000000000000:role/r");
        var got = await cli.OkAsync("scheduler", "get-schedule", "--name", "cli-once", "--group-name", "cli-group");
        var (exit, _, error) = await cli.RunAsync("scheduler", "create-schedule", "--name", "cli-once", "--group-name", "cli-group",
            "--schedule-expression", "at(2099-01-01T00:00:00)", "--flexible-time-window", "Mode=OFF",
            "--target", "Arn=arn:aws:lambda:us-east-1:000000000000:function:nothing,RoleArn=arn:aws:iam::000000000000:role/r");

        Assert.Equal("Europe/Paris", got.GetProperty("ScheduleExpressionTimezone").GetString());
        Assert.Equal("DELETE", got.GetProperty("ActionAfterCompletion").GetString());
        Assert.Equal(5, got.GetProperty("FlexibleTimeWindow").GetProperty("MaximumWindowInMinutes").GetInt32());
        Assert.NotEqual(0, exit);
        Assert.Contains("ConflictException", error, StringComparison.Ordinal);
    }
}
