using LocalCloud.Testing;
using System.Diagnostics;
using System.Text.Json;
using Aws.Clients;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;
using LocalCloud.StepFunctions;

namespace LocalCloud.Tests.Faults;

/// <summary>
/// Fault: the worker process under a Lambda task is killed. Lambda answers the invocation at once with
/// Runtime.ExitError (200, X-Amz-Function-Error: Unhandled); Step Functions' lambda:invoke reports the payload's
/// errorType as the error name, so a Retry on "Runtime.ExitError" runs the task again on a new worker.
/// </summary>
public sealed class LambdaWorkerKilledTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Execution_WorkerKilledOnFirstAttempt_RetriesOnRuntimeExitErrorAndSucceeds()
    {
        var cancel = TestContext.Current.CancellationToken;
        var zip = await FunctionPackage.GetAsync(typeof(LambdaWorkerKilledTests).Assembly, "FaultFunctionProject");
        await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }, cancel);
        var config = new AwsClientConfig
        {
            ServiceUrl = cloud.BaseUrl.ToString(),
            Region = "us-east-1",
            Credentials = new AwsCredentials("test", "test"),
            EnvironmentVariables = _ => null,
        };
        var lambda = new LambdaClient(config);
        var states = new StepFunctionsClient(config);
        using var probe = new WorkerProbe();

        // A 900 s function Timeout: the retry can only come this soon if the crash itself ended the first attempt.
        await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "fault-killed-worker",
            Role = "arn:aws:iam::000000000000:role/lambda-role",
            Runtime = "dotnet8",
            Handler = "FaultFunction::FaultFunction.Functions::ReportPidThenObey",
            Timeout = 900,
            Code = new Aws.Clients.Lambda.FunctionCode { ZipFile = zip },
        }, cancel);
        await WaitUntilActiveAsync(lambda, "fault-killed-worker");
        var definition = $$"""
            {
              "StartAt": "Work",
              "States": {
                "Work": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": { "FunctionName": "fault-killed-worker", "Payload": {{probe.Payload}} },
                  "Retry": [ { "ErrorEquals": [ "Runtime.ExitError" ], "IntervalSeconds": 1, "MaxAttempts": 1 } ],
                  "OutputPath": "$.Payload",
                  "End": true
                }
              }
            }
            """;
        var machine = await states.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "fault-killed-worker", Definition = definition, RoleArn = "arn:aws:iam::000000000000:role/states-role" }, cancel);
        var started = await states.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine.StateMachineArn, Input = "{}" }, cancel);

        var killedPid = await probe.NextAsync("hang", TestContext.Current.CancellationToken);
        using (var worker = Process.GetProcessById(killedPid))
        {
            worker.Kill();
        }
        var retriedPid = await probe.NextAsync("return", TestContext.Current.CancellationToken);
        await cloud.ServiceSet.Get<StepFunctionsService>().WaitForExecutionAsync(started.ExecutionArn, cancel).WaitAsync(Guard, cancel);
        var described = await states.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn }, cancel);
        var history = await states.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn }, cancel);

        Assert.Equal("SUCCEEDED", described.Status);
        var output = JsonDocument.Parse(described.Output!).RootElement;
        Assert.Equal(("return", retriedPid), (output.GetProperty("order").GetString(), output.GetProperty("pid").GetInt32()));
        Assert.NotEqual(killedPid, retriedPid);
        // The failed attempt, then the retry that succeeded.
        Assert.Equal(
            ["TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded"],
            history.Select(e => e.Type).Where(t => t.StartsWith("Task", StringComparison.Ordinal) && !t.StartsWith("TaskState", StringComparison.Ordinal)));
        var failure = history.Single(e => e.Type == "TaskFailed").TaskFailedEventDetails!.Value;
        Assert.Equal("Runtime.ExitError", failure.GetProperty("error").GetString());
        var cause = JsonDocument.Parse(failure.GetProperty("cause").GetString()!).RootElement;
        Assert.Equal("Runtime.ExitError", cause.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed$", cause.GetProperty("errorMessage").GetString());
        Assert.Equal("ExecutionSucceeded", history[^1].Type);
    }

    /// <summary>As `aws lambda wait function-active-v2` does: poll GetFunction until the function leaves Pending.</summary>
    private static async Task WaitUntilActiveAsync(LambdaClient lambda, string name)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        guard.CancelAfter(Guard);
        while (true)
        {
            var function = await lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name }, guard.Token);
            if (function.Configuration?.State != "Pending")
            {
                Assert.Equal("Active", function.Configuration?.State);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), guard.Token);
        }
    }
}
