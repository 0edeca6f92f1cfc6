using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CdkMatch = Amazon.CDK.Assertions.Match;

namespace Infra.Aws.Tests;

public sealed partial class StateMachinesTests(PocStackFixture stack)
{
    [Theory]
    [InlineData("poc-callback-workflow", "callback.asl.json")]
    [InlineData("poc-polling-baseline", "polling-baseline.asl.json")]
    public void StateMachine_Definition_IsTheSharedAslFileVerbatim(string name, string file)
    {
        stack.Template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object>
        {
            ["StateMachineName"] = name,
            ["StateMachineType"] = "STANDARD",
            ["LoggingConfiguration"] = CdkMatch.ObjectLike(new Dictionary<string, object> { ["Level"] = "ERROR" }),
        });
        Assert.Equal(File.ReadAllText(Path.Combine(stack.StateMachinesDirectory, file)), Definition(name));
    }

    [Theory]
    [InlineData("poc-callback-workflow", "CreateJobFunctionArn", "poc-create-job")]
    [InlineData("poc-polling-baseline", "SimulatedApiFunctionArn", "poc-simulated-api")]
    public void StateMachine_Substitutions_FillEveryPlaceholderWithItsFunctionArn(string name, string placeholder, string functionName)
    {
        var properties = stack.Json.Properties(StateMachine(name));
        var substitutions = properties["DefinitionSubstitutions"]!.AsObject();
        var function = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", functionName);

        var placeholders = Placeholder().Matches(Definition(name)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([placeholder], placeholders);
        Assert.Equal([placeholder], substitutions.Select(s => s.Key));
        Assert.True(JsonNode.DeepEquals(TemplateJson.GetAtt(function), substitutions[placeholder]));

        // What CloudFormation hands Step Functions: the definition with the substitutions applied.
        var substituted = Definition(name).Replace("${" + placeholder + "}", "arn:aws:lambda:us-east-1:000000000000:function:" + functionName, StringComparison.Ordinal);
        Assert.DoesNotContain("${", substituted, StringComparison.Ordinal);
        var functionNames = JsonNode.Parse(substituted)!["States"]!.AsObject()
            .Select(s => (string?)s.Value!["Parameters"]?["FunctionName"])
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(functionNames);
        Assert.All(functionNames, n => Assert.EndsWith(":function:" + functionName, n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("poc-callback-workflow", "poc-create-job")]
    [InlineData("poc-polling-baseline", "poc-simulated-api")]
    public void StateMachineRole_Grants_InvokeOfItsFunctionOnly(string name, string functionName)
    {
        var role = TemplateJson.RoleOf(stack.Json.Properties(StateMachine(name))["RoleArn"]!);
        var grants = stack.Json.Grants(role);
        var function = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", functionName);

        Assert.True(grants["lambda:InvokeFunction"].SetEquals(
        [
            TemplateJson.GetAtt(function).ToJsonString(),
            TemplateJson.Join(TemplateJson.GetAtt(function), ":*").ToJsonString(),
        ]));
        // Besides invoking, the role may only set up its log delivery, which AWS authorises on "*" alone.
        Assert.All(grants.Where(g => g.Key != "lambda:InvokeFunction"), g =>
        {
            Assert.StartsWith("logs:", g.Key, StringComparison.Ordinal);
            Assert.Equal(["\"*\""], g.Value);
        });
    }

    private string StateMachine(string name) => stack.Json.LogicalId("AWS::StepFunctions::StateMachine", "StateMachineName", name);

    private string Definition(string name) => (string)stack.Json.Properties(StateMachine(name))["DefinitionString"]!;

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
