using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Usage;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Scheduler.Tests;

/// <summary>A SchedulerService on a fake clock and a fake Lambda, driven through real restJson1 requests.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:poc-poller";
    public const string RoleArn = "arn:aws:iam::000000000000:role/scheduler-role";
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="durable">The durable store to load from and write to (a restart test passes the same one twice).</param>
    /// <param name="time">A clock shared with an earlier harness, so a restart sees the time go on.</param>
    /// <param name="sdk">What state machine and universal targets call; null = only Lambda targets fire.</param>
    public SchedulerHarness(double timeScale = 1.0, IDurableStore? durable = null, FakeTimeProvider? time = null, Ports.ISdkTargetInvoker? sdk = null)
    {
        Time = time ?? new FakeTimeProvider(Start);
        Service = new SchedulerService(new SchedulerOptions { TimeScale = timeScale }, Time, Lambda, Usage, durable: durable, sdk: sdk);
    }

    public FakeTimeProvider Time { get; }

    public FakeLambdaInvoker Lambda { get; } = new();

    public UsageMeter Usage { get; } = new();

    public SchedulerService Service { get; }

    public static string Arn(string name, string group = "default") => $"arn:aws:scheduler:us-east-1:000000000000:schedule/{group}/{name}";

    public static JsonObject Body(string expression, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["ScheduleExpression"] = expression,
            ["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "OFF" },
            ["Target"] = new JsonObject { ["Arn"] = FunctionArn, ["RoleArn"] = RoleArn, ["Input"] = "{\"source\":\"schedule\"}" },
        };
        change?.Invoke(body);
        return body;
    }

    public async Task<Reply> SendAsync(string method, string path, JsonNode? body = null, Dictionary<string, string>? query = null)
    {
        var bytes = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body.ToJsonString());
        var request = new ServiceRequest(method, path, query ?? [], new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), bytes, RequestContext.Default());
        var response = await Service.HandleAsync(request, TestContext.Current.CancellationToken);
        var json = response.Body.IsEmpty ? null : JsonNode.Parse(response.Body.Span);
        response.Headers.TryGetValue("x-amzn-ErrorType", out var error);
        return new Reply(response.Status, json, error);
    }

    public async Task<string> CreateAsync(string name, string expression, Action<JsonObject>? change = null)
    {
        var reply = await SendAsync("POST", $"/schedules/{name}", Body(expression, change));
        Assert.True(reply.Status == 200, reply.ToString());
        return reply.Json!["ScheduleArn"]!.GetValue<string>();
    }

    /// <summary>Advances the fake clock one second at a time, as a real clock would pass.</summary>
    public void Advance(TimeSpan span)
    {
        for (var i = 0; i < (int)span.TotalSeconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public List<TimeSpan> FiringOffsets(string arn)
        => [.. Service.RecentFirings.Where(f => f.ScheduleArn == arn).Select(f => f.DueTime - Start)];

    public ValueTask DisposeAsync() => Service.DisposeAsync();

    internal sealed record Reply(int Status, JsonNode? Json, string? ErrorType)
    {
        public string ErrorMessage => Json?["Message"]?.GetValue<string>() ?? "";

        public override string ToString() => $"{Status} {ErrorType} {Json?.ToJsonString(new JsonSerializerOptions())}";
    }
}
