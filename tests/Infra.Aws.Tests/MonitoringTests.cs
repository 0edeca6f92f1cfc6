using System.Text.Json.Nodes;

namespace Infra.Aws.Tests;

public sealed class MonitoringTests(PocStackFixture stack)
{
    [Theory]
    [InlineData("poc-callback-workflow-executions-failed", "poc-callback-workflow", "ExecutionsFailed")]
    [InlineData("poc-callback-workflow-executions-timed-out", "poc-callback-workflow", "ExecutionsTimedOut")]
    [InlineData("poc-polling-baseline-executions-failed", "poc-polling-baseline", "ExecutionsFailed")]
    [InlineData("poc-polling-baseline-executions-timed-out", "poc-polling-baseline", "ExecutionsTimedOut")]
    public void ExecutionAlarm_Synthesised_FiresOnAnyExecutionOfItsStateMachine(string alarmName, string stateMachineName, string metric)
    {
        var alarm = Alarm(alarmName);
        var stateMachine = stack.Json.LogicalId("AWS::StepFunctions::StateMachine", "StateMachineName", stateMachineName);

        Assert.Equal("AWS/States", (string?)alarm["Namespace"]);
        Assert.Equal(metric, (string?)alarm["MetricName"]);
        Assert.Equal("Sum", (string?)alarm["Statistic"]);
        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
        var dimension = Assert.Single(alarm["Dimensions"]!.AsArray())!;
        Assert.Equal("StateMachineArn", (string?)dimension["Name"]);
        Assert.True(JsonNode.DeepEquals(TemplateJson.Ref(stateMachine), dimension["Value"]));
    }

    [Fact]
    public void PollerErrorsAlarm_Synthesised_WatchesPollerLambdaErrors()
    {
        var alarm = Alarm("poc-poller-errors");
        var poller = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", "poc-poller");

        Assert.Equal("AWS/Lambda", (string?)alarm["Namespace"]);
        Assert.Equal("Errors", (string?)alarm["MetricName"]);
        var dimension = Assert.Single(alarm["Dimensions"]!.AsArray())!;
        Assert.Equal("FunctionName", (string?)dimension["Name"]);
        Assert.True(JsonNode.DeepEquals(TemplateJson.Ref(poller), dimension["Value"]));
    }

    [Fact]
    public void OldestPendingJobAlarm_Synthesised_WatchesCustomMetricAndToleratesItsAbsence()
    {
        var alarm = Alarm("poc-oldest-pending-job-age");

        Assert.Equal("PocCallback", (string?)alarm["Namespace"]);
        Assert.Equal("OldestPendingJobAgeSeconds", (string?)alarm["MetricName"]);
        Assert.Equal("Maximum", (string?)alarm["Statistic"]);
        Assert.Equal(3900, (double)alarm["Threshold"]!);
        Assert.Equal("notBreaching", (string?)alarm["TreatMissingData"]);
    }

    [Fact]
    public void Dashboard_Synthesised_ShowsEveryAlarm()
    {
        var (_, dashboard) = Assert.Single(stack.Json.Resources("AWS::CloudWatch::Dashboard"));
        Assert.Equal("poc-callback", (string?)dashboard["Properties"]!["DashboardName"]);
        // The body is a Fn::Join of text and alarm ARNs; every alarm must appear in it.
        var body = dashboard["Properties"]!["DashboardBody"]!.ToJsonString();
        foreach (var (id, _) in stack.Json.Resources("AWS::CloudWatch::Alarm"))
        {
            Assert.Contains($"\"{id}\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Outputs_Synthesised_NameStateMachinesAndTables()
    {
        var outputs = stack.Json.Root["Outputs"]!.AsObject();
        Assert.True(JsonNode.DeepEquals(
            TemplateJson.Ref(stack.Json.LogicalId("AWS::StepFunctions::StateMachine", "StateMachineName", "poc-callback-workflow")),
            outputs["CallbackStateMachineArn"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(
            TemplateJson.Ref(stack.Json.LogicalId("AWS::StepFunctions::StateMachine", "StateMachineName", "poc-polling-baseline")),
            outputs["PollingBaselineStateMachineArn"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(
            TemplateJson.Ref(stack.Json.LogicalId("AWS::DynamoDB::Table", "TableName", "poc-task-tokens")),
            outputs["TaskTokensTableName"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(
            TemplateJson.Ref(stack.Json.LogicalId("AWS::DynamoDB::Table", "TableName", "poc-jobs")),
            outputs["JobsTableName"]!["Value"]));
    }

    private JsonObject Alarm(string name) =>
        stack.Json.Properties(stack.Json.LogicalId("AWS::CloudWatch::Alarm", "AlarmName", name));
}
