using System.Text.Json.Nodes;

namespace Infra.Aws.Tests;

public sealed class PollerScheduleTests(PocStackFixture stack)
{
    [Fact]
    public void Schedule_Synthesised_RunsPollerEveryMinuteWithoutFlexibleWindow()
    {
        var (_, schedule) = Assert.Single(stack.Json.Resources("AWS::Scheduler::Schedule"));
        var properties = schedule["Properties"]!;
        var poller = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", "poc-poller");

        Assert.Equal("poc-poller-schedule", (string?)properties["Name"]);
        Assert.Equal("default", (string?)properties["GroupName"]);
        Assert.Equal("rate(1 minute)", (string?)properties["ScheduleExpression"]);
        Assert.Equal("OFF", (string?)properties["FlexibleTimeWindow"]!["Mode"]);
        Assert.Equal("ENABLED", (string?)properties["State"]);
        Assert.True(JsonNode.DeepEquals(TemplateJson.GetAtt(poller), properties["Target"]!["Arn"]));
    }

    [Fact]
    public void ScheduleRole_Synthesised_IsAssumedBySchedulerOfThisAccountAndInvokesPollerOnly()
    {
        var (_, schedule) = Assert.Single(stack.Json.Resources("AWS::Scheduler::Schedule"));
        var role = TemplateJson.RoleOf(schedule["Properties"]!["Target"]!["RoleArn"]!);
        var poller = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", "poc-poller");

        var trust = Assert.Single(stack.Json.Properties(role)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("scheduler.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["Ref"] = "AWS::AccountId" },
            trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]));

        var grants = stack.Json.Grants(role);
        Assert.Equal(["lambda:InvokeFunction"], grants.Keys);
        Assert.True(grants["lambda:InvokeFunction"].SetEquals(
        [
            TemplateJson.GetAtt(poller).ToJsonString(),
            TemplateJson.Join(TemplateJson.GetAtt(poller), ":*").ToJsonString(),
        ]));
    }
}
