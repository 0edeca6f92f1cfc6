using System.Text.Json.Nodes;

namespace Infra.Aws.Tests;

// Each function's role holds exactly what its code calls (docs/data-model.md, src/JobOrchestration.Functions), on exactly
// the resources it touches: a new action or a wider resource fails here first.
public sealed class FunctionPoliciesTests(PocStackFixture stack)
{
    [Fact]
    public void SimulatedApiRole_Grants_OnlyItemAccessToJobsTableAndItsLogs()
    {
        var jobs = Arn(Table("poc-jobs"));
        AssertGrants("poc-simulated-api", new()
        {
            ["dynamodb:GetItem"] = [jobs],
            ["dynamodb:PutItem"] = [jobs],
            ["dynamodb:UpdateItem"] = [jobs],
            ["logs:CreateLogStream"] = [LogGroupArn("poc-simulated-api")],
            ["logs:PutLogEvents"] = [LogGroupArn("poc-simulated-api")],
        });
    }

    [Fact]
    public void CreateJobRole_Grants_TokenItemWritesAndInvokeOfSimulatedApiOnly()
    {
        var tokens = Arn(Table("poc-task-tokens"));
        AssertGrants("poc-create-job", new()
        {
            ["dynamodb:GetItem"] = [tokens],
            ["dynamodb:PutItem"] = [tokens],
            ["dynamodb:UpdateItem"] = [tokens],
            ["lambda:InvokeFunction"] = InvokeResources("poc-simulated-api"),
            ["logs:CreateLogStream"] = [LogGroupArn("poc-create-job")],
            ["logs:PutLogEvents"] = [LogGroupArn("poc-create-job")],
        });
    }

    [Fact]
    public void PollerRole_Grants_IndexQueryTokenUpdatesInvokeAndTaskResponsesOnCallbackWorkflow()
    {
        var tokensTable = Table("poc-task-tokens");
        var tokens = Arn(tokensTable);
        var callback = TemplateJson.Ref(stack.Json.LogicalId("AWS::StepFunctions::StateMachine", "StateMachineName", "poc-callback-workflow")).ToJsonString();
        AssertGrants("poc-poller", new()
        {
            ["dynamodb:Query"] = [TemplateJson.Join(TemplateJson.GetAtt(tokensTable), "/index/status-index").ToJsonString()],
            ["dynamodb:GetItem"] = [tokens],
            ["dynamodb:UpdateItem"] = [tokens],
            ["lambda:InvokeFunction"] = InvokeResources("poc-simulated-api"),
            ["states:SendTaskSuccess"] = [callback],
            ["states:SendTaskFailure"] = [callback],
            ["states:SendTaskHeartbeat"] = [callback],
            ["logs:CreateLogStream"] = [LogGroupArn("poc-poller")],
            ["logs:PutLogEvents"] = [LogGroupArn("poc-poller")],
        });
    }

    [Theory]
    [InlineData("poc-simulated-api")]
    [InlineData("poc-create-job")]
    [InlineData("poc-poller")]
    public void FunctionRole_Synthesised_IsAssumedByLambdaAndHasNoManagedPolicy(string name)
    {
        var role = stack.Json.Properties(RoleOf(name));
        Assert.Null(role["ManagedPolicyArns"]);
        var principal = Assert.Single(role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!["Principal"]!;
        Assert.Equal("lambda.amazonaws.com", (string?)principal["Service"]);
    }

    [Fact]
    public void AllPolicies_Synthesised_HaveNoWildcardActions()
    {
        var policies = stack.Json.Resources("AWS::IAM::Policy").ToList();
        Assert.NotEmpty(policies);
        foreach (var (_, policy) in policies)
        {
            foreach (var statement in policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            {
                var actions = statement!["Action"] is JsonArray array ? array.Select(a => (string)a!) : [(string)statement["Action"]!];
                Assert.All(actions, action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            }
        }
    }

    private void AssertGrants(string functionName, Dictionary<string, string[]> expected)
    {
        var actual = stack.Json.Grants(RoleOf(functionName));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (action, resources) in expected)
        {
            Assert.True(actual[action].SetEquals(resources), $"{functionName} {action}: {string.Join(", ", actual[action])}");
        }
    }

    private string RoleOf(string functionName) =>
        TemplateJson.RoleOf(stack.Json.Properties(stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", functionName))["Role"]!);

    private string Table(string name) => stack.Json.LogicalId("AWS::DynamoDB::Table", "TableName", name);

    private static string Arn(string logicalId) => TemplateJson.GetAtt(logicalId).ToJsonString();

    private string LogGroupArn(string functionName) =>
        Arn(stack.Json.LogicalId("AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + functionName));

    // Lambda's grantInvoke covers the function and its versions/aliases (arn and arn:*), nothing else.
    private string[] InvokeResources(string functionName)
    {
        var function = stack.Json.LogicalId("AWS::Lambda::Function", "FunctionName", functionName);
        return [Arn(function), TemplateJson.Join(TemplateJson.GetAtt(function), ":*").ToJsonString()];
    }
}
