using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;

namespace Poc.Bench.Sections;

/// <summary>
/// Schedule → workflow start latency (#14's target: a schedule's StartExecution target starts the workflow within 50 ms of
/// its due time). One-time schedules <c>at(…)</c> with a state machine as their templated target are created on a live
/// LocalCloud, a few due in each second; the figure is from each one's due time (the whole second it names, UTC) to its
/// execution's <c>startDate</c> (DescribeExecution, millisecond precision, the same clock). Raw HTTP, as any client.
/// </summary>
public static class ScheduleStartBench
{
    private const int Schedules = 60;
    private const int PerSecond = 3;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Task<JsonElement> StatesAsync(string operation, object body) => StatesCalls.CallAsync(http, cloud.BaseUrl, operation, body, ct);

        var machine = (await StatesAsync("CreateStateMachine", new
        {
            name = "bench-schedule-start",
            roleArn = "arn:aws:iam::000000000000:role/bench",
            definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""",
        })).GetProperty("stateMachineArn").GetString()!;

        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero) + Lead + TimeSpan.FromSeconds(1);
        var last = first;
        for (var i = 0; i < Schedules; i++)
        {
            var due = first + TimeSpan.FromSeconds(i / PerSecond);
            last = due;
            var at = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                ScheduleExpression = $"at({at})",
                FlexibleTimeWindow = new { Mode = "OFF" },
                Target = new { Arn = machine, RoleArn = "arn:aws:iam::000000000000:role/bench", Input = JsonSerializer.Serialize(new { due = due.ToUnixTimeMilliseconds() }) },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cloud.BaseUrl, $"/schedules/bench-start-{i}")) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"CreateSchedule: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        if (DateTimeOffset.UtcNow >= first)
        {
            throw new InvalidOperationException("Creating the schedules took longer than their lead time; the first ones would never fire.");
        }

        // Every execution has started once the last due time is well past; wait for all of them to be listed.
        await Task.Delay(last - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), ct);
        var arns = new List<string>();
        for (var attempt = 0; attempt < 100 && arns.Count < Schedules; attempt++)
        {
            arns = [.. (await StatesAsync("ListExecutions", new { stateMachineArn = machine, maxResults = 1000 })).GetProperty("executions").EnumerateArray()
                .Select(e => e.GetProperty("executionArn").GetString()!)];
            if (arns.Count < Schedules)
            {
                await Task.Delay(100, ct);
            }
        }

        var lateness = new List<double>();
        foreach (var arn in arns)
        {
            var described = await StatesAsync("DescribeExecution", new { executionArn = arn });
            var due = JsonDocument.Parse(described.GetProperty("input").GetString()!).RootElement.GetProperty("due").GetInt64();
            var started = (long)Math.Round(described.GetProperty("startDate").GetDouble() * 1000);
            lateness.Add(started - due);
        }

        var stats = LatencyStats.From(lateness);
        report.Section("scheduleStart", new JsonObject
        {
            ["method"] = string.Create(CultureInfo.InvariantCulture,
                $"{Schedules} one-time at() schedules, {PerSecond} due in each second, a one-Pass state machine as the templated StartExecution target; due time (UTC second) → DescribeExecution startDate (ms precision)"),
            ["schedules"] = Schedules,
            ["executionsStarted"] = arns.Count,
            ["dueToStartDate"] = stats.ToJson(),
            ["targetMs"] = 50,
            ["targetMet"] = arns.Count == Schedules && stats.P99 < 50,
        });
        report.Row("schedule-start", string.Create(CultureInfo.InvariantCulture, $"due time → execution startDate ({arns.Count}/{Schedules} started)"), stats.ToString(), "< 50 ms");
    }
}
