using LocalCloud.Scheduler.Expressions;

namespace LocalCloud.Scheduler.Tests;

public sealed class ScheduleExpressionTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset? Next(string expression, string after, TimeZoneInfo zone)
    {
        var parsed = ScheduleExpressionParser.TryParse(expression);
        Assert.NotNull(parsed);
        var from = DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        return parsed.Next(from, inclusive: false, from, zone);
    }

    [Theory]
    [InlineData("cron(0 9 * * ? *)", "2025-07-01T00:00:00Z", "2025-07-01T13:00:00Z")] // EDT, UTC-4
    [InlineData("cron(0 9 * * ? *)", "2025-01-01T00:00:00Z", "2025-01-01T14:00:00Z")] // EST, UTC-5
    [InlineData("cron(30 2 * * ? *)", "2025-03-09T00:00:00Z", "2025-03-09T07:00:00Z")] // 02:30 skipped by DST: runs at 03:00 EDT
    public void Cron_NewYork_FollowsDaylightSaving(string expression, string after, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Next(expression, after, NewYork));

    [Theory]
    [InlineData("cron(0 10 ? * 2#1 *)", "2025-01-01T00:00:00Z", "2025-01-06T10:00:00Z")] // first Monday (AWS 2 = MON)
    [InlineData("cron(0 10 ? * 1 *)", "2025-01-01T00:00:00Z", "2025-01-05T10:00:00Z")] // AWS 1 = Sunday
    [InlineData("cron(0 10 ? * 6L *)", "2025-01-01T00:00:00Z", "2025-01-31T10:00:00Z")] // last Friday
    [InlineData("cron(0 12 L * ? *)", "2025-02-01T00:00:00Z", "2025-02-28T12:00:00Z")] // last day of month
    [InlineData("cron(0 12 1W * ? *)", "2025-03-01T00:00:00Z", "2025-03-03T12:00:00Z")] // weekday nearest the 1st (a Saturday)
    [InlineData("cron(0 0 1 1 ? 2027)", "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z")] // year field
    [InlineData("cron(0/15 * * * ? *)", "2025-01-01T00:07:00Z", "2025-01-01T00:15:00Z")]
    [InlineData("cron(0 8 ? * MON-FRI *)", "2025-01-04T00:00:00Z", "2025-01-06T08:00:00Z")] // Saturday -> Monday
    public void Cron_AwsDialect_NextOccurrence(string expression, string after, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Next(expression, after, Utc));

    [Fact]
    public void Cron_YearRangeOver_NoMoreOccurrences()
        => Assert.Null(Next("cron(0 0 1 1 ? 2024)", "2025-01-01T00:00:00Z", Utc));

    [Theory]
    [InlineData("rate(1 minute)", 60)]
    [InlineData("rate(5 minutes)", 300)]
    [InlineData("rate(1 hour)", 3600)]
    [InlineData("rate(2 days)", 172800)]
    public void Rate_Interval(string expression, int seconds)
    {
        var rate = Assert.IsType<RateExpression>(ScheduleExpressionParser.TryParse(expression));

        Assert.Equal(TimeSpan.FromSeconds(seconds), rate.Interval);
    }

    [Fact]
    public void Rate_Next_CountsIntervalsFromAnchor()
    {
        var rate = new RateExpression(TimeSpan.FromMinutes(5));
        var anchor = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(anchor, rate.Next(anchor, inclusive: true, anchor, Utc));
        Assert.Equal(anchor.AddMinutes(5), rate.Next(anchor, inclusive: false, anchor, Utc));
        Assert.Equal(anchor.AddMinutes(10), rate.Next(anchor.AddMinutes(7), inclusive: false, anchor, Utc));
    }
}
