using LocalCloud.Testing;
using System.Diagnostics;
using System.Text.Json;
using Aws.Clients.StepFunctions;

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
        await using var cloud = await LocalCloudFixture.StartAsync(cancellationToken: cancel);
        var states = new StepFunctionsClient(cloud.ClientConfig());
        using var probe = new WorkerProbe();

        // A 900 s function Timeout: the retry can only come this soon if the crash itself ended the first attempt.
        await cloud.DeployFunctionAsync("fault-killed-worker", zip, "FaultFunction::FaultFunction.Functions::ReportPidThenObey", timeoutSeconds: 900, cancellationToken: cancel);
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
        var machine = await cloud.CreateStateMachineAsync("fault-killed-worker", definition, cancellationToken: cancel);
        var started = await states.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Input = "{}" }, cancel);

        var killedPid = await probe.NextAsync("hang", TestContext.Current.CancellationToken);
        using (var worker = Process.GetProcessById(killedPid))
        {
            worker.Kill();
        }
        var retriedPid = await probe.NextAsync("return", TestContext.Current.CancellationToken);
        var described = await cloud.WaitForExecutionAsync(started.ExecutionArn, Guard, cancel);
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
}
