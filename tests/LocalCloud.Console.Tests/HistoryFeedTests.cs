using System.Collections.Concurrent;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions;
using LocalCloud.WebConsole;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Console.Tests;

// The one engine seam the console needs: every appended history event, in order, terminal event included.
public sealed class HistoryFeedTests
{
    [Fact]
    public async Task HistoryAppended_ReportsEveryEvent_InTheOrderGetExecutionHistoryLists()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var states = new StepFunctionsService(time, new StandInLambda(), new UsageMeter());
        var seen = new ConcurrentQueue<(string Execution, long Id, string Type)>();
        states.Executions.HistoryAppended += (execution, e) => seen.Enqueue((execution.Arn, e.Id, e.Type));
        var api = new StatesApi(states);
        var context = RequestContext.Default();
        var ct = TestContext.Current.CancellationToken;
        var machine = (await api.CallAsync("CreateStateMachine", new { name = "feed", definition = ConsoleHost.CallbackDefinition, roleArn = ConsoleHost.Role }, context, ct))
            .GetProperty("stateMachineArn").GetString()!;

        var waiting = (await api.CallAsync("StartExecution", new { stateMachineArn = machine, name = "waits", input = """{"function":"poc-create-job"}""" }, context, ct))
            .GetProperty("executionArn").GetString()!;
        var failing = (await api.CallAsync("StartExecution", new { stateMachineArn = machine, name = "fails", input = """{"function":"failing-job"}""" }, context, ct))
            .GetProperty("executionArn").GetString()!;
        await states.WaitForIdleAsync(waiting, ct);
        var snapshot = states.Executions.Find(waiting)!.Snapshot();
        var token = Assert.Single(WaitingTasks.Of(states, snapshot)).Token;
        await api.CallAsync("SendTaskSuccess", new { taskToken = token, output = "{}" }, context, ct);
        await states.WaitForExecutionAsync(waiting, ct);
        await states.WaitForExecutionAsync(failing, ct);

        foreach (var arn in new[] { waiting, failing })
        {
            var history = await api.HistoryAsync(arn, context, ct);
            var expected = history.Select(e => (e.GetProperty("id").GetInt64(), e.GetProperty("type").GetString()!)).ToList();
            Assert.Equal(expected, seen.Where(s => s.Execution == arn).Select(s => (s.Id, s.Type)).ToList());
            Assert.StartsWith("Execution", expected[^1].Item2, StringComparison.Ordinal);
        }
        Assert.False(states.IsTokenOpen(token));
    }
}
