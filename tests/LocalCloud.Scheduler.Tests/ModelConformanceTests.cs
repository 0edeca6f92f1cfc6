using System.Text.Json;
using LocalCloud.Scheduler.Api.Operations;

namespace LocalCloud.Scheduler.Tests;

/// <summary>The routes served are the model's operations (method and URI), read from ../shared/data.</summary>
public sealed class ModelConformanceTests
{
    [Theory]
    [InlineData("CreateSchedule", "POST", "/schedules/{Name}")]
    [InlineData("GetSchedule", "GET", "/schedules/{Name}")]
    [InlineData("UpdateSchedule", "PUT", "/schedules/{Name}")]
    [InlineData("DeleteSchedule", "DELETE", "/schedules/{Name}")]
    [InlineData("ListSchedules", "GET", "/schedules")]
    [InlineData("CreateScheduleGroup", "POST", "/schedule-groups/{Name}")]
    [InlineData("GetScheduleGroup", "GET", "/schedule-groups/{Name}")]
    [InlineData("DeleteScheduleGroup", "DELETE", "/schedule-groups/{Name}")]
    [InlineData("ListScheduleGroups", "GET", "/schedule-groups")]
    public async Task Operation_MatchesModelHttpTrait_AndIsRouted(string operation, string method, string uri)
    {
        var model = FindModel();
        if (model is null)
        {
            Assert.Skip("../shared/data/aws-api-models/scheduler.json not found beside the repository.");
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(model));
        var http = doc.RootElement.GetProperty("operations").GetProperty(operation).GetProperty("http");

        Assert.Equal(method, http.GetProperty("method").GetString());
        Assert.Equal(uri, http.GetProperty("requestUri").GetString());
        await using var h = new SchedulerHarness();
        var reply = await h.SendAsync(method, uri.Replace("{Name}", "probe", StringComparison.Ordinal));
        Assert.NotEqual("UnknownOperationException", reply.ErrorType);
    }

    private static string? FindModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "aws-api-models", "scheduler.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
