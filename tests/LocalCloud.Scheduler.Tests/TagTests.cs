using System.Text.Json.Nodes;

namespace LocalCloud.Scheduler.Tests;

public sealed class TagTests
{
    private const string JobsArn = "arn:aws:scheduler:us-east-1:000000000000:schedule-group/jobs";

    private static string TagsPath(string arn) => "/tags/" + Uri.EscapeDataString(arn);

    private static JsonArray Tags(params (string Key, string Value)[] tags)
        => [.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })];

    internal static async Task<List<string>> ListAsync(SchedulerHarness h, string arn = JobsArn)
    {
        var reply = await h.SendAsync("GET", TagsPath(arn));
        Assert.True(reply.Status == 200, reply.ToString());
        return [.. reply.Json!["Tags"]!.AsArray().Select(t => $"{t!["Key"]!.GetValue<string>()}={t["Value"]!.GetValue<string>()}")];
    }

    [Fact]
    public async Task Tags_CreateTagUntagList_FollowEachOther()
    {
        await using var h = new SchedulerHarness();
        await h.SendAsync("POST", "/schedule-groups/jobs", new JsonObject { ["Tags"] = Tags(("team", "ops")) });

        var created = await ListAsync(h);
        var tag = await h.SendAsync("POST", TagsPath(JobsArn), new JsonObject { ["Tags"] = Tags(("env", "local"), ("team", "poc")) });
        var tagged = await ListAsync(h);
        var untag = await h.SendAsync("DELETE", TagsPath(JobsArn), query: new() { ["TagKeys"] = "team,absent" });
        var untagged = await ListAsync(h);

        Assert.Equal(["team=ops"], created);
        Assert.Equal(200, tag.Status);
        Assert.Equal(["team=poc", "env=local"], tagged);
        Assert.Equal(200, untag.Status);
        Assert.Equal(["env=local"], untagged);
        Assert.Empty(await ListAsync(h, "arn:aws:scheduler:us-east-1:000000000000:schedule-group/default"));
    }

    [Fact]
    public async Task Tags_BadRequests_AwsErrors()
    {
        await using var h = new SchedulerHarness();

        var missingGroup = await h.SendAsync("GET", TagsPath(JobsArn));
        var otherAccount = await h.SendAsync("GET", TagsPath("arn:aws:scheduler:us-east-1:111111111111:schedule-group/default"));
        var scheduleArn = await h.SendAsync("GET", TagsPath(SchedulerHarness.Arn("s")));
        var noTags = await h.SendAsync("POST", TagsPath("arn:aws:scheduler:us-east-1:000000000000:schedule-group/default"), new JsonObject());
        var emptyKey = await h.SendAsync("POST", "/schedule-groups/g", new JsonObject { ["Tags"] = Tags(("", "v")) });

        Assert.Equal((404, "ResourceNotFoundException"), (missingGroup.Status, missingGroup.ErrorType));
        Assert.Equal((404, "ResourceNotFoundException"), (otherAccount.Status, otherAccount.ErrorType));
        Assert.Equal((400, "ValidationException"), (scheduleArn.Status, scheduleArn.ErrorType));
        Assert.Contains("at 'resourceArn' failed to satisfy constraint", scheduleArn.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((400, "ValidationException"), (noTags.Status, noTags.ErrorType));
        Assert.Equal((400, "ValidationException"), (emptyKey.Status, emptyKey.ErrorType));
        Assert.Contains("tags.1.member.key", emptyKey.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(404, (await h.SendAsync("GET", "/schedule-groups/g")).Status);
    }
}
