using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Infra.Aws.Tests;

public sealed class FunctionsTests(PocStackFixture stack)
{
    [Theory]
    [InlineData("poc-simulated-api", "SimulatedApiFunction")]
    [InlineData("poc-create-job", "CreateJobFunction")]
    [InlineData("poc-poller", "PollerFunction")]
    public void Function_Synthesised_RunsContractHandlerOnDotnet8(string name, string handlerClass)
    {
        stack.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "dotnet8",
            ["Handler"] = $"JobOrchestration.Functions::JobOrchestration.Functions.{handlerClass}::HandleAsync",
            ["Timeout"] = 30,
            ["MemorySize"] = 256,
        });
    }

    [Fact]
    public void Functions_Synthesised_ShareOneCodeAsset()
    {
        stack.Template.ResourceCountIs("AWS::Lambda::Function", 3);
        var keys = stack.Json.Resources("AWS::Lambda::Function").Select(f => f.Value["Properties"]!["Code"]!.ToJsonString()).Distinct();
        Assert.Single(keys);
    }

    [Fact]
    public void SimulatedApi_Environment_NamesJobsTableAndTurnsTieredPgoOff()
    {
        var tables = Tables();
        Assert.Equal(
            new JsonObject { ["JOBS_TABLE"] = TemplateJson.Ref(tables.Jobs), ["DOTNET_TieredPGO"] = "0" }.ToJsonString(),
            Variables("poc-simulated-api").ToJsonString());
    }

    [Fact]
    public void CreateJob_Environment_NamesTokensTableSimulatedApiDefaultsAndTurnsTieredPgoOff()
    {
        var simulatedApi = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", "poc-simulated-api");
        var expected = new JsonObject
        {
            ["TOKENS_TABLE"] = TemplateJson.Ref(Tables().Tokens),
            ["SIMULATED_API_FUNCTION"] = TemplateJson.Ref(simulatedApi),
            ["DEFAULT_MAX_ATTEMPTS"] = "10",
            ["DEFAULT_POLLING_TIMEOUT_SECONDS"] = "3600",
            ["DOTNET_TieredPGO"] = "0",
        };
        Assert.True(JsonNode.DeepEquals(expected, Variables("poc-create-job")), Variables("poc-create-job").ToJsonString());
    }

    [Fact]
    public void Poller_Environment_NamesTokensTableIndexAndSimulatedApi()
    {
        var simulatedApi = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", "poc-simulated-api");
        var expected = new JsonObject
        {
            ["TOKENS_TABLE"] = TemplateJson.Ref(Tables().Tokens),
            ["TOKENS_STATUS_INDEX"] = "status-index",
            ["SIMULATED_API_FUNCTION"] = TemplateJson.Ref(simulatedApi),
        };
        Assert.True(JsonNode.DeepEquals(expected, Variables("poc-poller")), Variables("poc-poller").ToJsonString());
    }

    [Theory]
    [InlineData("poc-simulated-api")]
    [InlineData("poc-create-job")]
    [InlineData("poc-poller")]
    public void Function_LogGroup_IsItsOwnWithRetention(string name)
    {
        var function = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", name);
        var logGroup = stack.Json.LogicalId("AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + name);
        Assert.True(JsonNode.DeepEquals(TemplateJson.Ref(logGroup), stack.Json.Properties(function)["LoggingConfig"]!["LogGroup"]));
        Assert.Equal(14, (double)stack.Json.Properties(logGroup)["RetentionInDays"]!);
    }

    private JsonNode Variables(string functionName) =>
        stack.Json.Properties(stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", functionName))["Environment"]!["Variables"]!;

    private (string Jobs, string Tokens) Tables() =>
        (stack.Json.LogicalId("AWS::DynamoDB::Table", "TableName", "poc-jobs"),
         stack.Json.LogicalId("AWS::DynamoDB::Table", "TableName", "poc-task-tokens"));
}
