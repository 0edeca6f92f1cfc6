using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Scheduler.Tests;

/// <summary>
/// --data: a service over a durable store is stopped (the crash: its timers and deliveries die with it, nothing
/// more is written) and a new one built over the same store and clock (the restart). Schedules must come back
/// through the wire operations, and fire on the restarted service at the right time.
/// </summary>
public sealed class PersistenceTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly InMemoryDurableStore _store = new();
    private readonly FakeTimeProvider _time = new(SchedulerHarness.Start);

    private SchedulerHarness Boot(double timeScale = 1.0) => new(timeScale, _store, _time);

    /// <summary>Moves the clock while LocalCloud is down: no service is listening to it.</summary>
    private void Down(TimeSpan span) => _time.Advance(span);

    [Fact]
    public async Task Restart_RateSchedule_FiresAtItsNextDueTimeOnTheSameCadence()
    {
        string arn;
        await using (var h = Boot())
        {
            arn = await h.CreateAsync("poller", "rate(5 minutes)");
            h.Advance(TimeSpan.FromMinutes(7));
            Assert.Equal([TimeSpan.Zero, 5 * Minute], h.FiringOffsets(arn));
        }
        Down(Minute);

        await using var restarted = Boot();
        Assert.Equal(SchedulerHarness.Start + 10 * Minute, restarted.Service.NextFiring(arn));
        restarted.Advance(Minute);
        Assert.Empty(restarted.Lambda.Calls);
        restarted.Advance(Minute);

        Assert.Equal([10 * Minute], restarted.FiringOffsets(arn));
        Assert.Equal(SchedulerHarness.FunctionArn, Assert.Single(restarted.Lambda.Calls).FunctionName);
        Assert.Equal("{\"source\":\"schedule\"}", restarted.Lambda.PayloadOf(0));
        Assert.Equal(SchedulerHarness.Start + 15 * Minute, restarted.Service.NextFiring(arn));
    }

    [Fact]
    public async Task Restart_TimeScale_KeepsTheScaledCadence()
    {
        string arn;
        await using (var h = Boot(timeScale: 0.05))
        {
            arn = await h.CreateAsync("fast", "rate(1 minute)");
            h.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3)], h.FiringOffsets(arn));
        }
        Down(TimeSpan.FromSeconds(1));

        await using var restarted = Boot(timeScale: 0.05);
        restarted.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal([TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9)], restarted.FiringOffsets(arn));
        Assert.Equal(2, restarted.Lambda.Calls.Count);
    }

    [Fact]
    public async Task Restart_EveryFieldAndGroupWithTags_ReturnedAsBefore()
    {
        JsonNode before;
        JsonNode groupBefore;
        await using (var h = Boot())
        {
            var tags = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "ops" });
            Assert.Equal(200, (await h.SendAsync("POST", "/schedule-groups/jobs", new JsonObject { ["Tags"] = tags })).Status);
            var more = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "local" });
            Assert.Equal(200, (await h.SendAsync("POST", "/tags/" + Uri.EscapeDataString("arn:aws:scheduler:us-east-1:000000000000:schedule-group/jobs"), new JsonObject { ["Tags"] = more })).Status);
            await h.CreateAsync("full", "cron(0 9 ? * MON-FRI *)", b =>
            {
                b["GroupName"] = "jobs";
                b["ScheduleExpressionTimezone"] = "Europe/Paris";
                b["StartDate"] = SchedulerHarness.Start.AddHours(1).ToUnixTimeSeconds();
                b["EndDate"] = SchedulerHarness.Start.AddDays(20).ToUnixTimeSeconds();
                b["Description"] = "weekday mornings";
                b["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "FLEXIBLE", ["MaximumWindowInMinutes"] = 15 };
                b["ActionAfterCompletion"] = "DELETE";
                b["KmsKeyArn"] = "arn:aws:kms:us-east-1:000000000000:key/abc-123";
                b["Target"]!["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 3, ["MaximumEventAgeInSeconds"] = 120 };
                b["Target"]!["DeadLetterConfig"] = new JsonObject { ["Arn"] = "arn:aws:sqs:us-east-1:000000000000:dlq" };
                b["Target"]!["SqsParameters"] = new JsonObject { ["MessageGroupId"] = "g1" };
            });
            h.Advance(TimeSpan.FromSeconds(30));
            await h.CreateAsync("off", "rate(1 minute)", b => b["State"] = "DISABLED");
            before = (await h.SendAsync("GET", "/schedules/full", query: new() { ["groupName"] = "jobs" })).Json!;
            groupBefore = (await h.SendAsync("GET", "/schedule-groups/jobs")).Json!;
        }
        Down(TimeSpan.FromHours(1));

        await using var restarted = Boot();
        var after = (await restarted.SendAsync("GET", "/schedules/full", query: new() { ["groupName"] = "jobs" })).Json!;
        var groupAfter = (await restarted.SendAsync("GET", "/schedule-groups/jobs")).Json!;
        var off = (await restarted.SendAsync("GET", "/schedules/off")).Json!;
        var list = (await restarted.SendAsync("GET", "/schedules")).Json!["Schedules"]!.AsArray();
        var groupTags = await TagTests.ListAsync(restarted);
        restarted.Advance(TimeSpan.FromMinutes(3));

        Assert.True(JsonNode.DeepEquals(before, after), $"{before.ToJsonString()} != {after.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(groupBefore, groupAfter), $"{groupBefore.ToJsonString()} != {groupAfter.ToJsonString()}");
        Assert.Equal(["team=ops", "env=local"], groupTags);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:dlq", after["Target"]!["DeadLetterConfig"]!["Arn"]!.GetValue<string>());
        Assert.Equal("DISABLED", off["State"]!.GetValue<string>());
        Assert.Equal(["full", "off"], list.Select(s => s!["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(restarted.Lambda.Calls);
        Assert.Null(restarted.Service.NextFiring(SchedulerHarness.Arn("off")));
    }

    [Fact]
    public async Task Restart_CronInTimeZone_FiresAtTheLocalWallClock()
    {
        string arn;
        await using (var h = Boot())
        {
            arn = await h.CreateAsync("morning", "cron(0 9 * * ? *)", b => b["ScheduleExpressionTimezone"] = "Europe/Paris");
        }
        Down(TimeSpan.FromHours(2));

        await using var restarted = Boot();
        restarted.Time.Advance(TimeSpan.FromHours(6)); // 08:00 UTC is 09:00 in Paris in winter

        Assert.Equal([TimeSpan.FromHours(8)], restarted.FiringOffsets(arn));
        Assert.Single(restarted.Lambda.Calls);
    }

    [Fact]
    public async Task Restart_AtExpressionMissedWhileDown_FiresOnceAtRestartThenDeletes()
    {
        string arn;
        await using (var h = Boot())
        {
            arn = await h.CreateAsync("once", "at(2025-01-01T00:02:00)", b => b["ActionAfterCompletion"] = "DELETE");
            h.Advance(Minute);
        }
        Down(TimeSpan.FromMinutes(3));

        await using (var restarted = Boot())
        {
            Assert.Equal([2 * Minute], restarted.FiringOffsets(arn));
            Assert.Single(restarted.Lambda.Calls);
            Assert.Equal(404, (await restarted.SendAsync("GET", "/schedules/once")).Status);
        }

        await using var again = Boot();
        again.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(again.Lambda.Calls);
        Assert.Equal(404, (await again.SendAsync("GET", "/schedules/once")).Status);
    }

    [Fact]
    public async Task Restart_AtExpressionMissedLongerThanMaximumEventAge_DroppedWithoutInvoking()
    {
        string arn;
        await using (var h = Boot())
        {
            arn = await h.CreateAsync("once", "at(2025-01-01T00:02:00)", b => b["Target"]!["RetryPolicy"] = new JsonObject { ["MaximumEventAgeInSeconds"] = 60 });
        }
        Down(TimeSpan.FromMinutes(10));

        await using var restarted = Boot();

        var firing = Assert.Single(restarted.Service.RecentFirings);
        Assert.Equal(FiringOutcome.Dropped, firing.Outcome);
        Assert.Equal(SchedulerHarness.Start + 2 * Minute, firing.DueTime);
        Assert.Empty(restarted.Lambda.Calls);
        Assert.Equal(1, restarted.Usage.Get("scheduler", "InvocationDroppedCount", arn));
    }

    [Fact]
    public async Task Restart_AtExpressionCompletedWithActionNone_StaysAndDoesNotFireAgain()
    {
        await using (var h = Boot())
        {
            await h.CreateAsync("once", "at(2025-01-01T00:01:00)");
            h.Advance(TimeSpan.FromMinutes(2));
            Assert.Single(h.Lambda.Calls);
        }

        await using var restarted = Boot();
        restarted.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(restarted.Lambda.Calls);
        Assert.Equal(200, (await restarted.SendAsync("GET", "/schedules/once")).Status);
    }

    [Fact]
    public async Task Restart_AtExpressionCompletedWithActionDelete_StaysDeleted()
    {
        await using (var h = Boot())
        {
            await h.CreateAsync("once", "at(2025-01-01T00:01:00)", b => b["ActionAfterCompletion"] = "DELETE");
            h.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(404, (await h.SendAsync("GET", "/schedules/once")).Status);
        }

        await using var restarted = Boot();
        restarted.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(restarted.Lambda.Calls);
        Assert.Equal(404, (await restarted.SendAsync("GET", "/schedules/once")).Status);
    }

    [Fact]
    public async Task Restart_CrashDuringDelivery_OneTimeScheduleFiresAgain()
    {
        await using (var h = Boot())
        {
            h.Lambda.FailuresBeforeSuccess = int.MaxValue;
            await h.CreateAsync("once", "at(2025-01-01T00:01:00)", b => b["ActionAfterCompletion"] = "DELETE");
            h.Advance(Minute);
            await h.Lambda.WaitForCallsAsync(1);
            Assert.Equal(FiringOutcome.Pending, Assert.Single(h.Service.RecentFirings).Outcome);
        }

        await using var restarted = Boot();

        Assert.Single(restarted.Lambda.Calls);
        Assert.Equal(FiringOutcome.Delivered, Assert.Single(restarted.Service.RecentFirings).Outcome);
        Assert.Equal(404, (await restarted.SendAsync("GET", "/schedules/once")).Status);
    }

    [Fact]
    public async Task Restart_RecurringEndedWhileDownWithActionDelete_Deleted()
    {
        await using (var h = Boot())
        {
            await h.CreateAsync("ending", "rate(1 minute)", b =>
            {
                b["EndDate"] = SchedulerHarness.Start.AddSeconds(150).ToUnixTimeSeconds();
                b["ActionAfterCompletion"] = "DELETE";
            });
            h.Advance(Minute);
        }
        Down(TimeSpan.FromMinutes(5));

        await using var restarted = Boot();
        restarted.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(restarted.Lambda.Calls);
        Assert.Equal(404, (await restarted.SendAsync("GET", "/schedules/ending")).Status);
    }

    [Fact]
    public async Task Restart_UpdatedSchedule_FiresOnTheUpdatedCadence()
    {
        string arn;
        await using (var h = Boot())
        {
            arn = await h.CreateAsync("s", "rate(1 minute)");
            h.Advance(Minute);
            await h.SendAsync("PUT", "/schedules/s", SchedulerHarness.Body("rate(5 minutes)"));
        }
        Down(TimeSpan.FromMinutes(2));

        await using var restarted = Boot();
        restarted.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal([TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(11)], restarted.FiringOffsets(arn));
        Assert.Equal("rate(5 minutes)", (await restarted.SendAsync("GET", "/schedules/s")).Json!["ScheduleExpression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_DeletedScheduleAndGroup_StayDeleted()
    {
        await using (var h = Boot())
        {
            await h.SendAsync("POST", "/schedule-groups/jobs", new JsonObject());
            await h.CreateAsync("in-group", "rate(1 minute)", b => b["GroupName"] = "jobs");
            await h.CreateAsync("solo", "rate(1 minute)");
            await h.CreateAsync("kept", "rate(1 minute)", b => b["State"] = "DISABLED");
            Assert.Equal(200, (await h.SendAsync("DELETE", "/schedules/solo")).Status);
            Assert.Equal(200, (await h.SendAsync("DELETE", "/schedule-groups/jobs")).Status);
        }

        await using var restarted = Boot();
        restarted.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(404, (await restarted.SendAsync("GET", "/schedule-groups/jobs")).Status);
        Assert.Equal(404, (await restarted.SendAsync("GET", "/schedules/solo")).Status);
        var names = (await restarted.SendAsync("GET", "/schedules")).Json!["Schedules"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>());
        Assert.Equal(["kept"], names);
        Assert.Empty(restarted.Lambda.Calls);
    }
}
