using System.Diagnostics;
using System.Text.Json;
using LocalCloud.Testing;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// A Step Functions Local mock configuration through the real AWS CLI, as AWS's guide runs it
/// (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html, step 3), against a LocalCloud
/// started with --mock-config; and a bad file refused when LocalCloud starts.
/// </summary>
public sealed class AwsCliMockConfigTests : IAsyncLifetime
{
    private const string MockConfig = """
        {
          "StateMachines": {
            "LambdaSQSIntegration": {
              "TestCases": {
                "HappyPath": { "LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess" },
                "RetryPath": { "LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess" }
              }
            }
          },
          "MockedResponses": {
            "MockedLambdaSuccess": { "0": { "Return": { "StatusCode": 200, "Payload": { "StatusCode": 200, "body": "Hello from Lambda!" } } } },
            "MockedSQSSuccess": { "0": { "Return": { "MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51", "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51" } } },
            "MockedLambdaRetry": {
              "0": { "Throw": { "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready." } },
              "1": { "Return": { "StatusCode": 200, "Payload": { "body": "second try" } } }
            }
          }
        }
        """;

    private const string Definition = """
        {"StartAt":"LambdaState","States":{
          "LambdaState":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$","FunctionName":"HelloWorldFunction"},
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":3,"BackoffRate":1}],"Next":"SQSState"},
          "SQSState":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/myQueue","MessageBody.$":"$"},"End":true}}}
        """;

    private readonly string _mockFile = Path.Combine(Path.GetTempPath(), $"localcloud-mocks-{Guid.NewGuid():N}.json");
    private AwsCliFixture _aws = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_mockFile, MockConfig, TestContext.Current.CancellationToken);
        _aws = await AwsCliFixture.StartAsync(LocalCloudFixture.DefaultOptions with { MockConfigPath = _mockFile });
    }

    public async ValueTask DisposeAsync()
    {
        await _aws.DisposeAsync();
        File.Delete(_mockFile);
    }

    [Fact]
    public async Task StartExecution_OnArnHashTestCase_RunsTheMockedResponses()
    {
        var machine = (await _aws.OkAsync("stepfunctions", "create-state-machine", "--name", "LambdaSQSIntegration", "--definition", Definition,
            "--role-arn", LocalCloudFixture.RoleArn)).GetProperty("stateMachineArn").GetString()!;

        var started = await _aws.OkAsync("stepfunctions", "start-execution", "--name", "executionWithHappyPathMockedServices",
            "--state-machine-arn", machine + "#HappyPath");
        var execution = started.GetProperty("executionArn").GetString()!;
        Assert.Equal(machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":executionWithHappyPathMockedServices", execution);
        var done = await _aws.Cloud.WaitForExecutionAsync(execution, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("SUCCEEDED", done.Status);
        var history = (await _aws.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", execution)).GetProperty("events").EnumerateArray().ToList();
        var succeeded = history.Where(e => e.GetProperty("type").GetString() == "TaskSucceeded").Select(e => e.GetProperty("taskSucceededEventDetails")).ToList();
        Assert.Equal(2, succeeded.Count);
        Assert.Equal("Hello from Lambda!", JsonDocument.Parse(succeeded[0].GetProperty("output").GetString()!).RootElement.GetProperty("Payload").GetProperty("body").GetString());
        Assert.Equal(("sqs", "sendMessage"), (succeeded[1].GetProperty("resourceType").GetString(), succeeded[1].GetProperty("resource").GetString()));
        Assert.Equal("3bcb6e8e-8b51-4375-b0bc-1a59812c6e51", JsonDocument.Parse(succeeded[1].GetProperty("output").GetString()!).RootElement.GetProperty("MessageId").GetString());
    }

    [Fact]
    public async Task StartExecution_TestCaseOfAnotherMachineName_IsInvalidArn()
    {
        var machine = (await _aws.OkAsync("stepfunctions", "create-state-machine", "--name", "LambdaSQSIntegration-retry", "--definition", Definition,
            "--role-arn", LocalCloudFixture.RoleArn)).GetProperty("stateMachineArn").GetString()!;
        // Test cases belong to the machine the file names (LambdaSQSIntegration), not to this one.
        var (exit, _, error) = await _aws.RunAsync("stepfunctions", "start-execution", "--state-machine-arn", machine + "#RetryPath");
        Assert.NotEqual(0, exit);
        Assert.Contains("InvalidArn", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartExecution_UnknownTestCase_IsInvalidArn()
    {
        var machine = (await _aws.OkAsync("stepfunctions", "create-state-machine", "--name", "LambdaSQSIntegration", "--definition", Definition,
            "--role-arn", LocalCloudFixture.RoleArn)).GetProperty("stateMachineArn").GetString()!;

        var (exit, _, error) = await _aws.RunAsync("stepfunctions", "start-execution", "--state-machine-arn", machine + "#SadPath");

        Assert.NotEqual(0, exit);
        Assert.Contains("InvalidArn", error, StringComparison.Ordinal);
        Assert.Contains("no test case 'SadPath'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadMockFile_LocalCloudRefusesToStart_WithLineAndReason()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"localcloud-bad-mocks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, "{\n  \"StateMachines\": {},\n  \"MockedResponses\": {\n    \"R\": { \"0\": { \"Retrun\": 1 } }\n  }\n}", TestContext.Current.CancellationToken);
        try
        {
            var (exit, error) = await RunLocalCloudAsync("--port", "0", "--mock-config", bad);

            Assert.Equal(2, exit);
            Assert.Contains($"{bad}, line 4: invocation '0' of mocked response 'R' must hold exactly one field, Return or Throw", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task BadMockFile_FromTheEnvironmentVariable_IsRefusedToo()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"localcloud-bad-mocks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, "{\"StateMachines\": {\"M\": {\"TestCases\": {\"T\": {\"S\": \"Missing\"}}}},\n \"MockedResponses\": {}}", TestContext.Current.CancellationToken);
        try
        {
            var (exit, error) = await RunLocalCloudAsync(new Dictionary<string, string> { ["LOCALCLOUD_MOCK_CONFIG"] = bad }, "--port", "0");

            Assert.Equal(2, exit);
            Assert.Contains($"{bad}, line 1: state 'S' of test case 'T' uses the mocked response 'Missing', which MockedResponses does not define", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static Task<(int Exit, string Error)> RunLocalCloudAsync(params string[] args) => RunLocalCloudAsync(new Dictionary<string, string>(), args);

    // The host as users start it, so the exit code and the message are the real ones.
    private static async Task<(int Exit, string Error)> RunLocalCloudAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LocalCloud.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A LocalCloud that accepted the file would keep listening: stop it and let the assertions say so.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
