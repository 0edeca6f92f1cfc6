using System.Text.Json.Nodes;

namespace LocalCloud.Scheduler.Tests;

public sealed class ScheduleOperationTests
{
    [Fact]
    public async Task CreateSchedule_NewName_ReturnsArnInDefaultGroup()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/poc-poller-schedule", SchedulerHarness.Body("rate(1 minute)"));

        Assert.Equal(200, reply.Status);
        Assert.Equal("arn:aws:scheduler:us-east-1:000000000000:schedule/default/poc-poller-schedule", reply.Json!["ScheduleArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateSchedule_ExistingName_ConflictException()
    {
        await using var h = new SchedulerHarness();
        await h.CreateAsync("s1", "rate(5 minutes)");

        var reply = await h.SendAsync("POST", "/schedules/s1", SchedulerHarness.Body("rate(5 minutes)"));

        Assert.Equal(409, reply.Status);
        Assert.Equal("ConflictException", reply.ErrorType);
        Assert.Equal("Schedule s1 already exists.", reply.ErrorMessage);
    }

    [Fact]
    public async Task CreateSchedule_UnknownGroup_ResourceNotFound()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("POST", "/schedules/s1", SchedulerHarness.Body("rate(5 minutes)", b => b["GroupName"] = "nope"));

        Assert.Equal(404, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
    }

    [Fact]
    public async Task GetSchedule_AfterCreate_ReturnsEveryField()
    {
        await using var h = new SchedulerHarness();
        var start = SchedulerHarness.Start.AddHours(1).ToUnixTimeSeconds();
        var end = SchedulerHarness.Start.AddDays(2).ToUnixTimeSeconds();
        await h.CreateAsync("full", "cron(0 9 ? * MON-FRI *)", b =>
        {
            b["ScheduleExpressionTimezone"] = "Europe/Paris";
            b["StartDate"] = start;
            b["EndDate"] = end;
            b["State"] = "DISABLED";
            b["Description"] = "weekday mornings";
            b["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "FLEXIBLE", ["MaximumWindowInMinutes"] = 15 };
            b["ActionAfterCompletion"] = "DELETE";
            b["KmsKeyArn"] = "arn:aws:kms:us-east-1:000000000000:key/abc-123";
            b["Target"]!["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 3, ["MaximumEventAgeInSeconds"] = 120 };
            b["Target"]!["SqsParameters"] = new JsonObject { ["MessageGroupId"] = "g1" };
        });
        h.Time.Advance(TimeSpan.FromSeconds(5));

        var reply = await h.SendAsync("GET", "/schedules/full");

        Assert.Equal(200, reply.Status);
        var s = reply.Json!;
        Assert.Equal(SchedulerHarness.Arn("full"), s["Arn"]!.GetValue<string>());
        Assert.Equal("full", s["Name"]!.GetValue<string>());
        Assert.Equal("default", s["GroupName"]!.GetValue<string>());
        Assert.Equal("cron(0 9 ? * MON-FRI *)", s["ScheduleExpression"]!.GetValue<string>());
        Assert.Equal("Europe/Paris", s["ScheduleExpressionTimezone"]!.GetValue<string>());
        Assert.Equal(start, s["StartDate"]!.GetValue<double>());
        Assert.Equal(end, s["EndDate"]!.GetValue<double>());
        Assert.Equal("DISABLED", s["State"]!.GetValue<string>());
        Assert.Equal("weekday mornings", s["Description"]!.GetValue<string>());
        Assert.Equal("FLEXIBLE", s["FlexibleTimeWindow"]!["Mode"]!.GetValue<string>());
        Assert.Equal(15, s["FlexibleTimeWindow"]!["MaximumWindowInMinutes"]!.GetValue<int>());
        Assert.Equal("DELETE", s["ActionAfterCompletion"]!.GetValue<string>());
        Assert.Equal("arn:aws:kms:us-east-1:000000000000:key/abc-123", s["KmsKeyArn"]!.GetValue<string>());
        Assert.Equal(SchedulerHarness.FunctionArn, s["Target"]!["Arn"]!.GetValue<string>());
        Assert.Equal(SchedulerHarness.RoleArn, s["Target"]!["RoleArn"]!.GetValue<string>());
        Assert.Equal("{\"source\":\"schedule\"}", s["Target"]!["Input"]!.GetValue<string>());
        Assert.Equal(3, s["Target"]!["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>());
        Assert.Equal("g1", s["Target"]!["SqsParameters"]!["MessageGroupId"]!.GetValue<string>());
        Assert.Equal(SchedulerHarness.Start.ToUnixTimeSeconds(), s["CreationDate"]!.GetValue<double>());
        Assert.Equal(SchedulerHarness.Start.ToUnixTimeSeconds(), s["LastModificationDate"]!.GetValue<double>());
    }

    [Fact]
    public async Task GetSchedule_Defaults_UtcEnabledNone()
    {
        await using var h = new SchedulerHarness();
        await h.CreateAsync("plain", "rate(5 minutes)");

        var s = (await h.SendAsync("GET", "/schedules/plain")).Json!;

        Assert.Equal("UTC", s["ScheduleExpressionTimezone"]!.GetValue<string>());
        Assert.Equal("ENABLED", s["State"]!.GetValue<string>());
        Assert.Equal("NONE", s["ActionAfterCompletion"]!.GetValue<string>());
        Assert.Null(s["StartDate"]);
        Assert.Null(s["Description"]);
    }

    [Fact]
    public async Task GetSchedule_Missing_ResourceNotFound()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("GET", "/schedules/ghost");

        Assert.Equal(404, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
        Assert.Equal("Schedule ghost does not exist.", reply.ErrorMessage);
    }

    [Fact]
    public async Task UpdateSchedule_FullReplacement_ResetsOmittedMembers()
    {
        await using var h = new SchedulerHarness();
        await h.CreateAsync("s1", "rate(5 minutes)", b => b["Description"] = "old");
        h.Time.Advance(TimeSpan.FromSeconds(30));

        var reply = await h.SendAsync("PUT", "/schedules/s1", SchedulerHarness.Body("rate(10 minutes)"));
        var s = (await h.SendAsync("GET", "/schedules/s1")).Json!;

        Assert.Equal(200, reply.Status);
        Assert.Equal(SchedulerHarness.Arn("s1"), reply.Json!["ScheduleArn"]!.GetValue<string>());
        Assert.Equal("rate(10 minutes)", s["ScheduleExpression"]!.GetValue<string>());
        Assert.Null(s["Description"]);
        Assert.Equal(SchedulerHarness.Start.ToUnixTimeSeconds(), s["CreationDate"]!.GetValue<double>());
        Assert.Equal(SchedulerHarness.Start.AddSeconds(30).ToUnixTimeSeconds(), s["LastModificationDate"]!.GetValue<double>());
    }

    [Fact]
    public async Task UpdateSchedule_Missing_ResourceNotFound()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("PUT", "/schedules/ghost", SchedulerHarness.Body("rate(5 minutes)"));

        Assert.Equal(404, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
    }

    [Fact]
    public async Task DeleteSchedule_Existing_GoneAfterwards()
    {
        await using var h = new SchedulerHarness();
        await h.CreateAsync("s1", "rate(5 minutes)");

        var deleted = await h.SendAsync("DELETE", "/schedules/s1");
        var again = await h.SendAsync("DELETE", "/schedules/s1");
        var get = await h.SendAsync("GET", "/schedules/s1");

        Assert.Equal(200, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.Equal(404, get.Status);
    }

    [Fact]
    public async Task ListSchedules_Filters_ByGroupPrefixAndState()
    {
        await using var h = new SchedulerHarness();
        await h.SendAsync("POST", "/schedule-groups/jobs");
        await h.CreateAsync("poll-a", "rate(5 minutes)");
        await h.CreateAsync("poll-b", "rate(5 minutes)", b => b["State"] = "DISABLED");
        await h.CreateAsync("other", "rate(5 minutes)");
        await h.CreateAsync("poll-c", "rate(5 minutes)", b => b["GroupName"] = "jobs");

        static List<string> Names(SchedulerHarness.Reply r) => [.. r.Json!["Schedules"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>())];

        var all = await h.SendAsync("GET", "/schedules");
        var prefixed = await h.SendAsync("GET", "/schedules", query: new() { ["NamePrefix"] = "poll" });
        var disabled = await h.SendAsync("GET", "/schedules", query: new() { ["State"] = "DISABLED" });
        var jobs = await h.SendAsync("GET", "/schedules", query: new() { ["ScheduleGroup"] = "jobs" });

        Assert.Equal(["other", "poll-a", "poll-b", "poll-c"], Names(all));
        Assert.Equal(["poll-a", "poll-b", "poll-c"], Names(prefixed));
        Assert.Equal(["poll-b"], Names(disabled));
        Assert.Equal(["poll-c"], Names(jobs));
        var summary = jobs.Json!["Schedules"]![0]!;
        Assert.Equal(SchedulerHarness.Arn("poll-c", "jobs"), summary["Arn"]!.GetValue<string>());
        Assert.Equal("jobs", summary["GroupName"]!.GetValue<string>());
        Assert.Equal("ENABLED", summary["State"]!.GetValue<string>());
        Assert.Equal(SchedulerHarness.FunctionArn, summary["Target"]!["Arn"]!.GetValue<string>());
        Assert.Null(summary["Target"]!["RoleArn"]);
        Assert.NotNull(summary["CreationDate"]);
    }

    [Fact]
    public async Task ListSchedules_MaxResults_PagesWithNextToken()
    {
        await using var h = new SchedulerHarness();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await h.CreateAsync(name, "rate(5 minutes)");
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = new Dictionary<string, string> { ["MaxResults"] = "2" };
            if (token is not null)
            {
                query["NextToken"] = token;
            }
            var page = (await h.SendAsync("GET", "/schedules", query: query)).Json!;
            seen.AddRange(page["Schedules"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>()));
            token = page["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListSchedules_MaxResultsOutOfRange_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("GET", "/schedules", query: new() { ["MaxResults"] = "0" });

        Assert.Equal(400, reply.Status);
        Assert.Equal("ValidationException", reply.ErrorType);
    }

    [Fact]
    public async Task ScheduleGroups_CreateGetListDelete_RoundTrip()
    {
        await using var h = new SchedulerHarness();

        var created = await h.SendAsync("POST", "/schedule-groups/jobs", new JsonObject { ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "k", ["Value"] = "v" }) });
        var duplicate = await h.SendAsync("POST", "/schedule-groups/jobs");
        var got = await h.SendAsync("GET", "/schedule-groups/jobs");
        await h.CreateAsync("in-jobs", "rate(1 minute)", b => b["GroupName"] = "jobs");
        var listed = await h.SendAsync("GET", "/schedule-groups");
        var deleted = await h.SendAsync("DELETE", "/schedule-groups/jobs");
        var gone = await h.SendAsync("GET", "/schedule-groups/jobs");
        var scheduleGone = await h.SendAsync("GET", "/schedules/in-jobs", query: new() { ["groupName"] = "jobs" });

        Assert.Equal("arn:aws:scheduler:us-east-1:000000000000:schedule-group/jobs", created.Json!["ScheduleGroupArn"]!.GetValue<string>());
        Assert.Equal("ConflictException", duplicate.ErrorType);
        Assert.Equal("ACTIVE", got.Json!["State"]!.GetValue<string>());
        Assert.Equal("jobs", got.Json!["Name"]!.GetValue<string>());
        Assert.Equal(["default", "jobs"], listed.Json!["ScheduleGroups"]!.AsArray().Select(g => g!["Name"]!.GetValue<string>()));
        Assert.Equal(200, deleted.Status);
        Assert.Equal(404, gone.Status);
        Assert.Equal(404, scheduleGone.Status);
        Assert.Null(h.Service.NextFiring(SchedulerHarness.Arn("in-jobs", "jobs")));
    }

    [Fact]
    public async Task DeleteScheduleGroup_Default_ValidationException()
    {
        await using var h = new SchedulerHarness();

        var reply = await h.SendAsync("DELETE", "/schedule-groups/default");
        var stillThere = await h.SendAsync("GET", "/schedule-groups/default");

        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Equal(200, stillThere.Status);
    }
}
