using Aws.Clients.Scheduler;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

public sealed class ScheduleEstimateTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static GetScheduleResponse Schedule(string expression, string state = "ENABLED") => new()
    {
        Name = "poc-poller-schedule",
        ScheduleExpression = expression,
        State = state,
        CreationDate = Created,
        LastModificationDate = Created,
    };

    [Fact]
    public void Next_RateOnAws_IsTheNextWholePeriodAfterTheLastChange()
    {
        var next = ScheduleEstimate.Next(Schedule("rate(1 minute)"), Created.AddSeconds(150), EndpointKind.Aws, null);

        Assert.Equal(Created.AddMinutes(3), next.At);
        Assert.Contains("estimated", next.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_RateOnLocalCloud_ScalesThePeriod()
    {
        // × 0.05: rate(1 minute) fires every 3 s; 7 s after the change the next is at 9 s.
        var next = ScheduleEstimate.Next(Schedule("rate(1 minute)"), Created.AddSeconds(7), EndpointKind.LocalCloud, 0.05);

        Assert.Equal(Created.AddSeconds(9), next.At);
        Assert.Contains("0.05", next.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_RateWithTimeScaleOnOtherEmulator_IgnoresTheScale()
    {
        var next = ScheduleEstimate.Next(Schedule("rate(2 hours)"), Created.AddMinutes(1), EndpointKind.OtherEmulator, 0.05);

        Assert.Equal(Created.AddHours(2), next.At);
    }

    [Fact]
    public void Next_StartDateInTheFuture_IsTheStartDate()
    {
        var start = Created.AddDays(1);
        var next = ScheduleEstimate.Next(Schedule("rate(5 minutes)") with { StartDate = start }, Created.AddMinutes(1), EndpointKind.Aws, null);

        Assert.Equal(start, next.At);
    }

    [Fact]
    public void Next_PastTheEndDate_HasNoEstimate()
    {
        var next = ScheduleEstimate.Next(Schedule("rate(1 day)") with { EndDate = Created.AddHours(1) }, Created.AddMinutes(1), EndpointKind.Aws, null);

        Assert.Null(next.At);
        Assert.Equal("past its end date", next.Basis);
    }

    [Theory]
    [InlineData("cron(0 12 * * ? *)", "ENABLED", "cron: not estimated")]
    [InlineData("rate(1 minute)", "DISABLED", "disabled")]
    [InlineData("at(2024-01-01T00:00:00)", "ENABLED", "one-time, already past")]
    [InlineData("every minute", "ENABLED", "unknown expression 'every minute'")]
    public void Next_WithoutAnEstimate_SaysWhy(string expression, string state, string reason)
    {
        var next = ScheduleEstimate.Next(Schedule(expression, state), Created, EndpointKind.Aws, null);

        Assert.Null(next.At);
        Assert.Equal(reason, next.Basis);
    }

    [Fact]
    public void Next_AtInTheFuture_IsThatTime()
    {
        var next = ScheduleEstimate.Next(Schedule("at(2025-01-02T08:30:00)"), Created, EndpointKind.Aws, null);

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 8, 30, 0, TimeSpan.Zero), next.At);
    }
}
