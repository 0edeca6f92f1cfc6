using LocalCloud.Core.Ports;

namespace LocalCloud.Scheduler.Tests;

public sealed class FiringTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RateOneMinute_NoStartDate_FiresAtCreationThenEveryMinute()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("poc-poller-schedule", "rate(1 minute)");

        h.Advance(TimeSpan.FromSeconds(179));
        Assert.Equal([TimeSpan.Zero, Minute, 2 * Minute], h.FiringOffsets(arn));
        h.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([TimeSpan.Zero, Minute, 2 * Minute, 3 * Minute], h.FiringOffsets(arn));
        Assert.Equal(4, h.Lambda.Calls.Count);
        Assert.All(h.Lambda.Calls, c =>
        {
            Assert.Equal(SchedulerHarness.FunctionArn, c.FunctionName);
            Assert.Equal(LambdaInvocationType.Event, c.InvocationType);
        });
        Assert.Equal("{\"source\":\"schedule\"}", h.Lambda.PayloadOf(0));
        Assert.Equal("000000000000", h.Lambda.LastContext.AccountId);
        Assert.Equal(4, h.Usage.Get("scheduler", "Invocations", arn));
        Assert.Equal(SchedulerHarness.Start + 4 * Minute, h.Service.NextFiring(arn));
        Assert.All(h.Service.RecentFirings, f => Assert.Equal(FiringOutcome.Delivered, f.Outcome));
    }

    [Fact]
    public async Task RateOneMinute_TimeScale005_FiresEveryThreeSeconds()
    {
        await using var h = new SchedulerHarness(timeScale: 0.05);
        var arn = await h.CreateAsync("fast", "rate(1 minute)");

        h.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9)], h.FiringOffsets(arn));
        Assert.Equal("rate(1 minute)", (await h.SendAsync("GET", "/schedules/fast")).Json!["ScheduleExpression"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisabledSchedule_NeverFires_UntilEnabled()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("off", "rate(1 minute)", b => b["State"] = "DISABLED");

        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.FiringOffsets(arn));
        Assert.Null(h.Service.NextFiring(arn));
        Assert.Empty(h.Lambda.Calls);

        await h.SendAsync("PUT", "/schedules/off", SchedulerHarness.Body("rate(1 minute)"));
        h.Advance(Minute);

        Assert.Equal([TimeSpan.FromMinutes(6)], h.FiringOffsets(arn));
    }

    [Fact]
    public async Task UpdateSchedule_NewRate_ReschedulesFromUpdate()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(1 minute)");
        h.Advance(Minute);

        await h.SendAsync("PUT", "/schedules/s", SchedulerHarness.Body("rate(5 minutes)"));
        h.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal([TimeSpan.Zero, Minute, TimeSpan.FromMinutes(6)], h.FiringOffsets(arn));
        Assert.Equal(SchedulerHarness.Start + TimeSpan.FromMinutes(11), h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task DeleteSchedule_StopsFiring()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(1 minute)");
        h.Advance(Minute);

        await h.SendAsync("DELETE", "/schedules/s");
        h.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([TimeSpan.Zero, Minute], h.FiringOffsets(arn));
        Assert.Null(h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task AtExpression_ActionAfterCompletionDelete_FiresOnceThenDeletesItself()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("once", "at(2025-01-01T00:02:00)", b => b["ActionAfterCompletion"] = "DELETE");

        h.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(h.FiringOffsets(arn));
        Assert.Equal(SchedulerHarness.Start + 2 * Minute, h.Service.NextFiring(arn));
        h.Advance(TimeSpan.FromSeconds(1));
        h.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([2 * Minute], h.FiringOffsets(arn));
        Assert.Equal(404, (await h.SendAsync("GET", "/schedules/once")).Status);
    }

    [Fact]
    public async Task AtExpression_ActionNone_FiresOnceAndStays()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("once", "at(2025-01-01T00:01:00)");

        h.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([Minute], h.FiringOffsets(arn));
        Assert.Equal(200, (await h.SendAsync("GET", "/schedules/once")).Status);
        Assert.Null(h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task AtExpression_InTimezone_FiresAtThatWallClock()
    {
        await using var h = new SchedulerHarness();
        // 2025-01-01T00:30 in Asia/Kolkata (UTC+5:30) is 2024-12-31T19:00Z: already past, so it never fires;
        // 06:00 Kolkata is 00:30Z.
        var past = await h.CreateAsync("past", "at(2025-01-01T00:30:00)", b => b["ScheduleExpressionTimezone"] = "Asia/Kolkata");
        var soon = await h.CreateAsync("soon", "at(2025-01-01T06:00:00)", b => b["ScheduleExpressionTimezone"] = "Asia/Kolkata");

        Assert.Null(h.Service.NextFiring(past));
        Assert.Equal(SchedulerHarness.Start + TimeSpan.FromMinutes(30), h.Service.NextFiring(soon));
    }

    [Fact]
    public async Task EndDate_StopsFiring()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(1 minute)", b => b["EndDate"] = SchedulerHarness.Start.AddSeconds(150).ToUnixTimeSeconds());

        h.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([TimeSpan.Zero, Minute, 2 * Minute], h.FiringOffsets(arn));
        Assert.Null(h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task StartDate_FirstFiringAtStartDate()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(1 minute)", b => b["StartDate"] = SchedulerHarness.Start.AddMinutes(10).ToUnixTimeSeconds());

        h.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11)], h.FiringOffsets(arn));
    }

    [Fact]
    public async Task FailingInvoke_RetriesWithBackoff_UntilDelivered()
    {
        await using var h = new SchedulerHarness();
        h.Lambda.FailuresBeforeSuccess = 2;
        var arn = await h.CreateAsync("s", "rate(5 minutes)", b => b["Target"]!["RetryPolicy"] = new System.Text.Json.Nodes.JsonObject { ["MaximumRetryAttempts"] = 3 });

        await h.Lambda.WaitForCallsAsync(1);
        h.Advance(TimeSpan.FromSeconds(1));
        await h.Lambda.WaitForCallsAsync(2);
        h.Advance(TimeSpan.FromSeconds(2));
        await h.Lambda.WaitForCallsAsync(3);

        var firing = Assert.Single(h.Service.RecentFirings);
        Assert.Equal(FiringOutcome.Delivered, firing.Outcome);
        Assert.Equal(3, firing.Attempts);
        Assert.Equal(2, h.Usage.Get("scheduler", "TargetErrorCount", arn));
        Assert.Equal(1, h.Usage.Get("scheduler", "Invocations", arn));
    }

    [Fact]
    public async Task FailingInvoke_RetriesExhausted_Dropped()
    {
        await using var h = new SchedulerHarness();
        h.Lambda.FailuresBeforeSuccess = int.MaxValue;
        var arn = await h.CreateAsync("s", "rate(5 minutes)", b => b["Target"]!["RetryPolicy"] = new System.Text.Json.Nodes.JsonObject { ["MaximumRetryAttempts"] = 2 });

        h.Advance(TimeSpan.FromSeconds(60));
        await h.Lambda.WaitForCallsAsync(3);

        var firing = Assert.Single(h.Service.RecentFirings);
        Assert.Equal(FiringOutcome.Dropped, firing.Outcome);
        Assert.Equal(3, firing.Attempts);
        Assert.Contains("TooManyRequestsException", firing.Error, StringComparison.Ordinal);
        Assert.Equal(3, h.Lambda.Calls.Count);
        Assert.Equal(1, h.Usage.Get("scheduler", "InvocationDroppedCount", arn));
    }

    [Fact]
    public async Task FailingInvoke_MaximumEventAge_StopsRetrying()
    {
        await using var h = new SchedulerHarness();
        h.Lambda.FailuresBeforeSuccess = int.MaxValue;
        await h.CreateAsync("s", "rate(5 minutes)", b => b["Target"]!["RetryPolicy"] = new System.Text.Json.Nodes.JsonObject { ["MaximumEventAgeInSeconds"] = 60 });

        h.Advance(TimeSpan.FromSeconds(120));

        // Attempts at 0, 1, 3, 7, 15 and 31 s; the next (after 32 s more) would pass the 60 s age limit.
        var firing = Assert.Single(h.Service.RecentFirings);
        Assert.Equal(FiringOutcome.Dropped, firing.Outcome);
        Assert.Equal(6, firing.Attempts);
    }

    [Fact]
    public async Task NonLambdaTarget_CountedAsFailure_NoInvoke()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("sqs", "rate(5 minutes)", b => b["Target"]!["Arn"] = "arn:aws:sqs:us-east-1:000000000000:queue");

        var firing = Assert.Single(h.Service.RecentFirings);

        Assert.Equal(FiringOutcome.Dropped, firing.Outcome);
        Assert.Empty(h.Lambda.Calls);
        Assert.Equal(1, h.Usage.Get("scheduler", "TargetErrorCount", arn));
    }

    [Fact]
    public async Task Input_ContextAttributes_Substituted()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("ctx", "rate(5 minutes)", b => b["Target"]!["Input"] = "{\"arn\":\"<aws.scheduler.schedule-arn>\",\"at\":\"<aws.scheduler.scheduled-time>\",\"n\":<aws.scheduler.attempt-number>}");

        Assert.Equal($"{{\"arn\":\"{arn}\",\"at\":\"2025-01-01T00:00:00Z\",\"n\":1}}", h.Lambda.PayloadOf(0));
    }

    [Fact]
    public async Task NoInput_PayloadIsEmptyObject()
    {
        await using var h = new SchedulerHarness();
        await h.CreateAsync("s", "rate(5 minutes)", b => b["Target"]!.AsObject().Remove("Input"));

        Assert.Equal("{}", h.Lambda.PayloadOf(0));
    }

    [Fact]
    public async Task CronWithTimezone_FiresAtLocalWallClock()
    {
        await using var h = new SchedulerHarness();
        // 09:00 in New York is 14:00Z in winter (EST, UTC-5).
        var arn = await h.CreateAsync("ny", "cron(0 9 * * ? *)", b => b["ScheduleExpressionTimezone"] = "America/New_York");
        var first = SchedulerHarness.Start + TimeSpan.FromHours(14);

        Assert.Equal(first, h.Service.NextFiring(arn));
        h.Time.Advance(TimeSpan.FromHours(14));

        Assert.Equal([TimeSpan.FromHours(14)], h.FiringOffsets(arn));
        Assert.Equal(first.AddDays(1), h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task ClockJump_CatchUpIsBounded()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(1 minute)");

        h.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1 + 100, h.FiringOffsets(arn).Count);
        Assert.Equal(SchedulerHarness.Start + TimeSpan.FromDays(1) + Minute, h.Service.NextFiring(arn));
    }

    [Fact]
    public async Task Schedules_MonitorView_ShowsNextFiring()
    {
        await using var h = new SchedulerHarness();
        var arn = await h.CreateAsync("s", "rate(2 minutes)");
        await h.CreateAsync("off", "rate(2 minutes)", b => b["State"] = "DISABLED");

        var view = h.Service.Schedules();

        Assert.Equal(2, view.Count);
        var on = Assert.Single(view, v => v.Arn == arn);
        Assert.Equal(SchedulerHarness.Start + 2 * Minute, on.NextFiring);
        Assert.Null(Assert.Single(view, v => v.Name == "off").NextFiring);
    }
}
