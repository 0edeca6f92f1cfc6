using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Console.Tests;

// The waiting table shows when a task fails for want of a heartbeat; SendTaskHeartbeat leaves no history event, so the
// deadline comes from the open task and must move when a heartbeat arrives.
public sealed class HeartbeatDeadlineTests
{
    [Fact]
    public async Task WaitingTask_ShowsItsHeartbeatDeadline_AndAHeartbeatMovesIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero));
        await using var host = await ConsoleHost.StartAsync(new LocalCloudOptions { Time = time });
        var machine = await host.CreateCallbackMachineAsync();
        var execution = await host.StartAsync(machine, "heartbeat", "poc-create-job");
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForIdleAsync(execution, TestContext.Current.CancellationToken);

        // HeartbeatSeconds is 600 in the callback definition.
        Assert.Contains("every 600 s; due at <time datetime=\"2026-12-05T01:10:00.0000000Z\">2026-12-05 01:10:00.000Z</time> (in 10 min 0 s)", await WaitingCellAsync(host, execution), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(90));
        await host.SfnAsync("SendTaskHeartbeat", new { taskToken = Assert.Single(host.Lambda.Tokens) });
        Assert.Contains("due at <time datetime=\"2026-12-05T01:11:30.0000000Z\">2026-12-05 01:11:30.000Z</time> (in 10 min 0 s)", await WaitingCellAsync(host, execution), StringComparison.Ordinal);
    }

    private static async Task<string> WaitingCellAsync(ConsoleHost host, string execution)
    {
        var page = await host.Http.GetStringAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}", TestContext.Current.CancellationToken);
        var start = page.IndexOf("<td class=\"heartbeat\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no heartbeat cell on the page");
        return page[start..page.IndexOf("</td>", start, StringComparison.Ordinal)];
    }
}
