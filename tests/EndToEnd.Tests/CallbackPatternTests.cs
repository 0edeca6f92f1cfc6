using Aws.Clients;
using Aws.Clients.StepFunctions;
using Poc.Cli.Checks;
using Poc.Cli.Deploy;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace EndToEnd.Tests;

/// <summary>
/// Every scenario through the real package in real Lambda worker processes, the real schedule firing
/// the real poller, and Step Functions resuming on the callback — checked as `poc test` checks it.
/// </summary>
public sealed class CallbackPatternTests(DeployedLocalCloud local)
{
    [Fact]
    public void Deploy_FreshLocalCloud_CreatesEveryResource()
    {
        string[] expected =
        [
            PocResources.TokensTable, PocResources.JobsTable, PocResources.SimulatedApiFunction, PocResources.CreateJobFunction,
            PocResources.PollerFunction, PocResources.CallbackStateMachine, PocResources.BaselineStateMachine, PocResources.PollerSchedule,
        ];
        foreach (var name in expected)
        {
            Assert.Equal(ResourceChange.Created, local.Deployed[name].Change);
        }
    }

    [Fact]
    public async Task PatternTest_EveryScenario_PassesEveryCheck()
    {
        var result = await PatternTest.RunAsync(local.Env, new PatternTestOptions(Runs: 1, JobsPerScenario: 1, local.Poller) { Deploy = false }, null, null, TestContext.Current.CancellationToken);

        var failures = result.Verdicts.SelectMany(v => v.Checks.Where(c => !c.Passed).Select(c => $"{v.Execution.ExecutionName}: {c.Check} — {c.Detail}"));
        Assert.True(result.Passed, string.Join(Environment.NewLine, failures));
        Assert.Equal(ScenarioCatalog.All.Count, result.Verdicts.Count);
        var callbacks = result.Runs.Single().Executions;
        Assert.Equal(callbacks.Count, callbacks.Select(e => e.TaskToken).Distinct().Count());
        Assert.All(callbacks.Where(e => e.Scenario != ScenarioCatalog.StateTimeout), e => Assert.NotNull(e.Reconnection));
    }

    [Fact]
    public async Task Callback_DuplicateAndLateSuccess_AnsweredTaskTimedOutNeverASecondAdvance()
    {
        var run = await ScenarioRunner.RunAsync(local.Env, new RunPlan([new RunItem(ScenarioCatalog.Success, 1)], WorkflowKind.Callback, local.Poller), null, TestContext.Current.CancellationToken);
        var execution = Assert.Single(run.Executions);
        Assert.True(execution.EndedAsExpected, $"{execution.Status} {execution.Error} {execution.Cause} record {execution.Record?.Status}");
        var historyBefore = await local.Env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = execution.ExecutionArn }, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => local.Env.StepFunctions.SendTaskSuccessAsync(
            new SendTaskSuccessRequest { TaskToken = execution.TaskToken!, Output = """{"again":true}""" }, TestContext.Current.CancellationToken));
        var historyAfter = await local.Env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = execution.ExecutionArn }, TestContext.Current.CancellationToken);

        Assert.Equal("TaskTimedOut", error.ErrorCode);
        Assert.Equal(historyBefore.Count, historyAfter.Count);
    }

    [Fact]
    public async Task Baseline_SameJobs_EndTheSameWayAndSpendMoreTransitions()
    {
        local.Cloud.Server.Usage.Reset();
        Scenario[] scenarios = [ScenarioCatalog.Success, ScenarioCatalog.JobFailed, ScenarioCatalog.MaxAttempts, ScenarioCatalog.PollingTimeout];
        var baseline = await ScenarioRunner.RunAsync(local.Env, new RunPlan([.. scenarios.Select(s => new RunItem(s, 1))], WorkflowKind.Baseline, local.Poller), null, TestContext.Current.CancellationToken);
        var callback = await ScenarioRunner.RunAsync(local.Env, new RunPlan([.. scenarios.Select(s => new RunItem(s, 1))], WorkflowKind.Callback, local.Poller), null, TestContext.Current.CancellationToken);

        Assert.True(baseline.AllAsExpected, string.Join("; ", baseline.Executions.Select(e => $"{e.ExecutionName} {e.Status} {e.Error}")));
        Assert.True(callback.AllAsExpected, string.Join("; ", callback.Executions.Select(e => $"{e.ExecutionName} {e.Status} {e.Error} {e.Record?.Status}")));
        var arn = (string name) => $"arn:aws:states:us-east-1:000000000000:stateMachine:{name}";
        var baselineTransitions = local.Cloud.Server.Usage.Get("states", "StateTransitions", arn(PocResources.BaselineStateMachine));
        var callbackTransitions = local.Cloud.Server.Usage.Get("states", "StateTransitions", arn(PocResources.CallbackStateMachine));
        Assert.True(callbackTransitions > 0 && baselineTransitions > callbackTransitions,
            $"callback {callbackTransitions} vs baseline {baselineTransitions} state transitions for the same four jobs");
    }
}
