using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.Lambda.Execution;
using LocalCloud.Lambda.Persistence;
using LocalCloud.Lambda.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// --data: a service over a durable store, "crashed" (the store copied as it stood), and a new service over the copy
/// and the same data directory — everything acknowledged before the crash is back and running.
/// </summary>
public sealed class PersistenceTests(LambdaFixture fixture) : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly string _data = TestHost.NewDataDirectory();

    [Fact]
    public async Task Restart_FunctionWithTagsConcurrencyAndSettings_ComesBackActiveAndInvocable()
    {
        var store = new InMemoryDurableStore();
        InMemoryDurableStore crashed;
        JsonElement before;
        string arn;
        await using (var first = await TestHost.StartAsync(durable: store, dataDirectory: _data))
        {
            var api = new LambdaApi(first.Service);
            arn = (await api.CreateFunctionAsync("kept", "Env", fixture.Zip, timeout: 30, variables: new() { ["GREETING"] = "hello" })).GetProperty("FunctionArn").GetString()!;
            await api.CreateFunctionAsync("dropped", "Echo", fixture.Zip);
            await api.SendAsync("POST", $"/2017-03-31/tags/{Uri.EscapeDataString(arn)}", new { Tags = new Dictionary<string, string> { ["team"] = "jobs" } });
            await api.SendAsync("PUT", "/2017-10-31/functions/kept/concurrency", new { ReservedConcurrentExecutions = 7 });
            await api.SendAsync("PUT", "/2019-09-25/functions/kept/event-invoke-config", new { MaximumRetryAttempts = 1, MaximumEventAgeInSeconds = 600 });
            await api.SendAsync("PUT", "/2015-03-31/functions/kept/configuration", new { Description = "survives", MemorySize = 256 });
            await api.SettledAsync("kept");
            await api.SendAsync("DELETE", "/2015-03-31/functions/dropped");
            before = LambdaApi.Json(await api.SendAsync("GET", "/2015-03-31/functions/kept"));
            crashed = Crash.Now(store);
        }

        await using var second = await TestHost.StartAsync(durable: crashed, dataDirectory: _data);
        var again = new LambdaApi(second.Service);
        var after = LambdaApi.Json(await again.SendAsync("GET", "/2015-03-31/functions/kept"));
        var settings = LambdaApi.Json(await again.SendAsync("GET", "/2019-09-25/functions/kept/event-invoke-config"));
        var listed = LambdaApi.Json(await again.SendAsync("GET", "/2015-03-31/functions")).GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()).ToList();
        var invoked = await again.InvokeAsync("kept", "{}");

        Assert.Equal(before.GetProperty("Configuration").GetRawText(), after.GetProperty("Configuration").GetRawText());
        Assert.Equal("Active", after.GetProperty("Configuration").GetProperty("State").GetString());
        Assert.Equal("jobs", after.GetProperty("Tags").GetProperty("team").GetString());
        Assert.Equal(7, after.GetProperty("Concurrency").GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal((1, 600), (settings.GetProperty("MaximumRetryAttempts").GetInt32(), settings.GetProperty("MaximumEventAgeInSeconds").GetInt32()));
        Assert.Equal(["kept"], listed);
        Assert.Equal(200, invoked.Status);
        Assert.False(invoked.Headers.ContainsKey("X-Amz-Function-Error"), invoked.BodyText);
        var env = LambdaApi.Json(invoked);
        Assert.Equal(("hello", "256"), (env.GetProperty("GREETING").GetString(), env.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString()));
    }

    [Fact]
    public async Task Restart_FunctionStillPending_FinishesCreatingAndRuns()
    {
        var store = new InMemoryDurableStore();
        InMemoryDurableStore crashed;
        await using (var first = await TestHost.StartAsync(durable: store, dataDirectory: _data))
        {
            var api = new LambdaApi(first.Service);
            // The background unpacking does not run before the crash: CreateFunction answered Pending, and that is all.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            first.Service.Lifecycle.Gate = () => gate.Task;
            var created = await api.CreateAsync(new { FunctionName = "unborn", Runtime = "dotnet8", Role = LambdaApi.Role, Handler = LambdaApi.Handler("Echo"), Code = new { ZipFile = fixture.Zip } });
            Assert.Equal("Pending", LambdaApi.Json(created).GetProperty("State").GetString());
            crashed = Crash.Now(store);
            // Only so the old service can stop: its late activation lands in the old store, not in the crash copy.
            gate.SetResult();
        }

        await using var second = await TestHost.StartAsync(durable: crashed, dataDirectory: _data);
        var again = new LambdaApi(second.Service);
        await again.SettledAsync("unborn");
        var configuration = await again.ConfigurationAsync("unborn");
        var invoked = await again.InvokeAsync("unborn", """{"after":"restart"}""");

        Assert.Equal(("Active", "Successful"), (configuration.GetProperty("State").GetString(), configuration.GetProperty("LastUpdateStatus").GetString()));
        Assert.Equal("""{"after":"restart"}""", invoked.BodyText);
    }

    [Fact]
    public async Task Restart_AcceptedEventStillQueued_RunsOnceAfterTheRestart()
    {
        var store = new InMemoryDurableStore();
        InMemoryDurableStore crashed;
        var key = "\"" + Guid.NewGuid().ToString("N") + "\"";
        EventNotice throttled;
        await using (var first = await TestHost.StartAsync(durable: store, dataDirectory: _data))
        {
            var notices = new EventNotices(first.Service);
            var api = new LambdaApi(first.Service);
            await api.CreateFunctionAsync("queued", "Signal", fixture.Zip);
            await api.SendAsync("PUT", "/2017-10-31/functions/queued/concurrency", new { ReservedConcurrentExecutions = 0 });
            var accepted = await api.InvokeAsync("queued", key, invocationType: "Event");
            Assert.Equal(202, accepted.Status);
            crashed = Crash.Now(store);
            throttled = await notices.NextAsync();
            Assert.Equal(0, first.SignalCount(key));
        }

        await using var second = await TestHost.StartAsync(durable: crashed, dataDirectory: _data);
        var again = new LambdaApi(second.Service);
        var notices2 = new EventNotices(second.Service);
        var signalled = second.SignalAsync(key);
        await again.SendAsync("DELETE", "/2017-10-31/functions/queued/concurrency");
        await signalled.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var done = await NextStepAsync(notices2, EventStep.Succeeded);

        Assert.Equal(EventStep.Throttled, throttled.Step);
        Assert.Equal(throttled.RequestId, done.RequestId);
        Assert.Equal(1, second.SignalCount(key));
        Assert.Empty(crashed.Load(EventJournal.Collection));
    }

    [Fact]
    public async Task Restart_EventBetweenRetries_KeepsItsAttemptCountAndRetryTime()
    {
        var store = new InMemoryDurableStore();
        InMemoryDurableStore crashed;
        var key = "\"" + Guid.NewGuid().ToString("N") + "\"";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var accepted = time.GetUtcNow();
        EventNotice firstFailure;
        await using (var first = await TestHost.StartAsync(time, durable: store, dataDirectory: _data))
        {
            var notices = new EventNotices(first.Service);
            var api = new LambdaApi(first.Service);
            await api.CreateFunctionAsync("flaky", "SignalThenThrow", fixture.Zip);
            await api.SendAsync("PUT", "/2019-09-25/functions/flaky/event-invoke-config", new { MaximumRetryAttempts = 1 });
            await api.InvokeAsync("flaky", key, invocationType: "Event");
            firstFailure = await notices.NextAsync();
            crashed = Crash.Now(store);
        }

        // The restarted LocalCloud's clock goes on from the crash; the retry is due a minute after the first attempt.
        var later = new FakeTimeProvider(time.GetUtcNow());
        await using var second = await TestHost.StartAsync(later, durable: crashed, dataDirectory: _data);
        var notices2 = new EventNotices(second.Service);
        later.Advance(TimeSpan.FromSeconds(59));
        later.Advance(TimeSpan.FromSeconds(1));
        var last = await NextStepAsync(notices2, EventStep.RetriesExhausted);

        Assert.Equal((EventStep.RetryScheduled, 1), (firstFailure.Step, firstFailure.FailedAttempts));
        // Two failed attempts in all: one before the crash, one after — the count survived, and the event was not retried twice.
        Assert.Equal((firstFailure.RequestId, 2), (last.RequestId, last.FailedAttempts));
        Assert.Equal(1, second.SignalCount(key));
        // The retry ran exactly when it was due (the fake clock moves only when told), not at once on restart.
        var retry = Assert.Single(second.Service.RecentInvocations(), r => r.FunctionName == "flaky");
        Assert.Equal(accepted + TimeSpan.FromMinutes(1), retry.Start);
        Assert.Empty(crashed.Load(EventJournal.Collection));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static async Task<EventNotice> NextStepAsync(EventNotices notices, EventStep step)
    {
        // A restored event may report that it waits (throttled) before it runs; only the step asked for matters here.
        while (true)
        {
            var notice = await notices.NextAsync();
            if (notice.Step == step)
            {
                return notice;
            }
        }
    }
}
