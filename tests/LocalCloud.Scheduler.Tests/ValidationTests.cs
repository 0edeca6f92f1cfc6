using System.Text.Json.Nodes;

namespace LocalCloud.Scheduler.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("rate(30 seconds)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("rate(1 minutes)")]
    [InlineData("rate(5 minute)")]
    [InlineData("rate(-1 minutes)")]
    [InlineData("rate(minutes)")]
    [InlineData("cron(0 9 * * *)")]
    [InlineData("cron(0 9 * * MON *)")]
    [InlineData("cron(0 9 ? * ? *)")]
    [InlineData("cron(61 9 ? * MON *)")]
    [InlineData("cron(0 9 ? * 8 *)")]
    [InlineData("cron(0 9 ? * 0 *)")]
    [InlineData("cron(0 9 ? * MON 1969)")]
    [InlineData("at(2025-13-01T00:00:00)")]
    [InlineData("at(2025-01-01 00:00:00)")]
    [InlineData("every 5 minutes")]
    public async Task CreateSchedule_InvalidExpression_ValidationException(string expression)
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/bad", SchedulerHarness.Body(expression));

        Assert.Equal(400, reply.Status);
        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Equal($"Invalid Schedule Expression {expression}.", reply.ErrorMessage);
        Assert.Equal(404, (await h.SendAsync("GET", "/schedules/bad")).Status);
    }

    [Theory]
    [InlineData("rate(1 minute)")]
    [InlineData("rate(2 hours)")]
    [InlineData("rate(1 day)")]
    [InlineData("cron(0/15 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 12 L * ? 2025-2030)")]
    [InlineData("cron(0 12 15W * ? *)")]
    [InlineData("cron(0 10 ? * 6#3 *)")]
    [InlineData("cron(0 10 ? * 6L *)")]
    [InlineData("at(2030-06-01T10:00:00)")]
    public async Task CreateSchedule_ValidExpression_Accepted(string expression)
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/ok", SchedulerHarness.Body(expression));

        Assert.True(reply.Status == 200, reply.ToString());
    }

    [Fact]
    public async Task CreateSchedule_MissingFlexibleTimeWindow_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b.Remove("FlexibleTimeWindow")));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Equal("1 validation error detected: Value null at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("Arn", "target.arn")]
    [InlineData("RoleArn", "target.roleArn")]
    public async Task CreateSchedule_MissingTargetMember_ValidationException(string member, string path)
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b["Target"]!.AsObject().Remove(member)));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains($"Value null at '{path}'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchedule_MissingTarget_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b.Remove("Target")));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains("Value null at 'target'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("slash%2Fname")]
    [InlineData("x2345678901234567890123456789012345678901234567890123456789012345")]
    public async Task CreateSchedule_BadName_ValidationException(string name)
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", $"/schedules/{name}", SchedulerHarness.Body("rate(1 minute)"));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains("at 'name' failed to satisfy constraint", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchedule_BadRoleArn_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b["Target"]!["RoleArn"] = "not-a-role"));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains("at 'target.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchedule_FlexibleWithoutWindow_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "FLEXIBLE" }));

        Assert.Equal("ValidationException", reply.ErrorType);
    }

    [Theory]
    [InlineData("State", "PAUSED")]
    [InlineData("ActionAfterCompletion", "ARCHIVE")]
    [InlineData("ScheduleExpressionTimezone", "Mars/Olympus_Mons")]
    public async Task CreateSchedule_BadEnumOrZone_ValidationException(string member, string value)
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b[member] = value));

        Assert.Equal("ValidationException", reply.ErrorType);
    }

    [Fact]
    public async Task CreateSchedule_RetryAttemptsOutOfRange_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b => b["Target"]!["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 186 }));

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains("between 0 and 185", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchedule_EndBeforeStart_ValidationException()
    {
        await using var h = new SchedulerHarness();
        var start = SchedulerHarness.Start.AddDays(2).ToUnixTimeSeconds();

        var reply = await h.SendAsync("POST", "/schedules/s", SchedulerHarness.Body("rate(1 minute)", b =>
        {
            b["StartDate"] = start;
            b["EndDate"] = start - 60;
        }));

        Assert.Equal("ValidationException", reply.ErrorType);
    }

    [Fact]
    public async Task CreateSchedule_BodyNotJson_ValidationException()
    {
        await using var h = new SchedulerHarness();
        var request = new LocalCloud.Core.ServiceRequest("POST", "/schedules/s", new Dictionary<string, string>(), new Dictionary<string, string>(),
            "{not json"u8.ToArray(), LocalCloud.Core.RequestContext.Default());

        var response = await h.Service.HandleAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationException", response.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task UnknownRoute_UnknownOperationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("PATCH", "/schedules/s");

        Assert.Equal("UnknownOperationException", reply.ErrorType);
    }
}
