using System.Net;
using Aws.Clients.Scheduler;
using Aws.Clients.Tests.Support;

namespace Aws.Clients.Tests.Scheduler;

public sealed class SchedulerClientTests
{
    private readonly TestClients clients = new();

    private SchedulerClient Client() => new(clients.Config());

    private static CreateScheduleRequest NewSchedule() => new()
    {
        Name = "nightly job",
        GroupName = "jobs",
        ScheduleExpression = "cron(0 2 * * ? *)",
        ScheduleExpressionTimezone = "Europe/Berlin",
        FlexibleTimeWindow = new FlexibleTimeWindow { Mode = "FLEXIBLE", MaximumWindowInMinutes = 15 },
        Target = new Target
        {
            Arn = "arn:aws:lambda:us-east-1:000000000000:function:worker",
            RoleArn = "arn:aws:iam::000000000000:role/scheduler",
            Input = """{"job":"nightly"}""",
            RetryPolicy = new RetryPolicy { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 3600 },
        },
        StartDate = DateTimeOffset.FromUnixTimeSeconds(1704164645),
        ActionAfterCompletion = "NONE",
    };

    [Fact]
    public async Task CreateScheduleAsync_Request_PostsToLabelPathWithEpochDatesAndClientToken()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"ScheduleArn":"arn:aws:scheduler:us-east-1:000000000000:schedule/jobs/nightly job"}""");

        var response = await Client().CreateScheduleAsync(NewSchedule(), TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/schedules/nightly%20job", sent.Uri.AbsolutePath);
        var body = sent.Json();
        Assert.False(body.TryGetProperty("Name", out _));
        Assert.Equal("jobs", body.GetProperty("GroupName").GetString());
        Assert.Equal(1704164645, body.GetProperty("StartDate").GetInt64());
        Assert.False(body.TryGetProperty("EndDate", out _));
        Assert.Equal(15, body.GetProperty("FlexibleTimeWindow").GetProperty("MaximumWindowInMinutes").GetInt32());
        Assert.Equal(2, body.GetProperty("Target").GetProperty("RetryPolicy").GetProperty("MaximumRetryAttempts").GetInt32());
        Assert.True(Guid.TryParse(body.GetProperty("ClientToken").GetString(), out _));
        TestClients.AssertValidSignature(sent, "scheduler");
        Assert.EndsWith("schedule/jobs/nightly job", response.ScheduleArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateScheduleAsync_RetriedAfterThrottle_ReusesTheSameClientToken()
    {
        clients.Handler
            .Respond(HttpStatusCode.BadRequest, """{"Message":"slow down"}""", ("x-amzn-ErrorType", "ThrottlingException"))
            .Respond(HttpStatusCode.OK, """{"ScheduleArn":"a"}""");

        await Client().CreateScheduleAsync(NewSchedule() with { ClientToken = null }, TestContext.Current.CancellationToken);

        var tokens = clients.Handler.Requests.Select(r => r.Json().GetProperty("ClientToken").GetString()).ToList();
        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task GetScheduleAsync_Response_ParsesTargetAndEpochDates()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """
            {"Name":"n","GroupName":"jobs","State":"ENABLED","ScheduleExpression":"rate(5 minutes)","CreationDate":1704164645.25,
             "FlexibleTimeWindow":{"Mode":"OFF"},"Target":{"Arn":"t","RoleArn":"r","Input":"{}","RetryPolicy":{"MaximumRetryAttempts":185}}}
            """);

        var response = await Client().GetScheduleAsync(new GetScheduleRequest { Name = "n", GroupName = "jobs" }, TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/schedules/n", sent.Uri.AbsolutePath);
        Assert.Equal("?groupName=jobs", sent.Uri.Query);
        Assert.Empty(sent.Body);
        Assert.Equal("OFF", response.FlexibleTimeWindow!.Mode);
        Assert.Equal(185, response.Target!.RetryPolicy!.MaximumRetryAttempts);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645250), response.CreationDate);
        Assert.Null(response.EndDate);
        TestClients.AssertValidSignature(sent, "scheduler");
    }

    [Fact]
    public async Task UpdateScheduleAsync_Request_PutsWholeSchedule()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"ScheduleArn":"a"}""");
        var create = NewSchedule();

        await Client().UpdateScheduleAsync(
            new UpdateScheduleRequest { Name = "n", ScheduleExpression = "at(2024-01-02T03:04:05)", FlexibleTimeWindow = create.FlexibleTimeWindow, Target = create.Target, State = "DISABLED" },
            TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("/schedules/n", sent.Uri.AbsolutePath);
        Assert.Equal("DISABLED", sent.Json().GetProperty("State").GetString());
        Assert.Equal("at(2024-01-02T03:04:05)", sent.Json().GetProperty("ScheduleExpression").GetString());
    }

    [Fact]
    public async Task DeleteScheduleAsync_Request_SendsGroupAndClientTokenInQuery()
    {
        clients.Handler.Respond(HttpStatusCode.OK, "{}");

        await Client().DeleteScheduleAsync(new DeleteScheduleRequest { Name = "n", GroupName = "jobs", ClientToken = "tok" }, TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("?clientToken=tok&groupName=jobs", sent.Uri.Query);
        TestClients.AssertValidSignature(sent, "scheduler");
    }

    [Fact]
    public async Task ListSchedulesAsync_Filters_UseModelQueryNames()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"Schedules":[{"Name":"n","State":"ENABLED","Target":{"Arn":"t"},"CreationDate":1}],"NextToken":"nt"}""");

        var response = await Client().ListSchedulesAsync(
            new ListSchedulesRequest { GroupName = "jobs", NamePrefix = "night", State = "ENABLED", MaxResults = 5, NextToken = "p" },
            TestContext.Current.CancellationToken);

        Assert.Equal("?MaxResults=5&NamePrefix=night&NextToken=p&ScheduleGroup=jobs&State=ENABLED", clients.Handler.Single().Uri.Query);
        Assert.Equal("/schedules", clients.Handler.Single().Uri.AbsolutePath);
        Assert.Equal("t", Assert.Single(response.Schedules).Target!.Arn);
        Assert.Equal("nt", response.NextToken);
    }

    [Fact]
    public async Task GetScheduleAsync_Conflict_MapsHeaderCodeAndBodyMessage()
    {
        clients.Handler.Respond(HttpStatusCode.NotFound, """{"Message":"Schedule n does not exist."}""", ("x-amzn-ErrorType", "ResourceNotFoundException"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Client().GetScheduleAsync(new GetScheduleRequest { Name = "n" }, TestContext.Current.CancellationToken));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("Schedule n does not exist.", error.Message);
        Assert.Single(clients.Handler.Requests);
    }
}
