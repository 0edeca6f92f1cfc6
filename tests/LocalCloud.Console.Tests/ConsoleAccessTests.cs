using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LocalCloud.WebConsole;
using Microsoft.AspNetCore.Http;

namespace LocalCloud.Console.Tests;

// Safe by default: who may look, who may act, and that another site's page cannot act through a user's browser.
public sealed class ConsoleAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("localhost", false, true)]
    [InlineData("0.0.0.0", false, false)]
    [InlineData("192.0.2.10", false, false)]
    [InlineData("192.0.2.10", true, true)]
    public void Actions_OnlyOnLoopback_OrWhenOptedIn(string host, bool optIn, bool canAct)
        => Assert.Equal(canAct, new ConsoleAccess(new LocalCloudOptions { Host = host, ConsoleActions = optIn }).CanAct);

    [Fact]
    public async Task ReadOnlyConsole_RefusesActions_AndShowsNoButtons()
    {
        // Bound to loopback (a test cannot bind elsewhere safely), with the access decision of a non-loopback host.
        await using var host = await ConsoleHost.StartAsync(new LocalCloudOptions { Host = "127.0.0.1" });
        var machine = await host.CreateCallbackMachineAsync();
        var readOnly = new ConsoleAccess(new LocalCloudOptions { Host = "192.0.2.10" });
        Assert.False(readOnly.CanAct);

        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Headers[ConsoleAccess.ActionHeader] = "1";
        Assert.Contains("read-only", readOnly.RefuseAction(request), StringComparison.Ordinal);
        Assert.Contains("actions enabled", await host.Http.GetStringAsync(host.ConsoleUrl, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(machine.Split(':')[^1], await host.Http.GetStringAsync(host.ConsoleUrl, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("data-action", Render(readOnly: true), StringComparison.Ordinal);
        Assert.Contains("data-action", Render(readOnly: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_NeedTheConsoleHeader_AndTheConsoleOrigin()
    {
        await using var host = await ConsoleHost.StartAsync();
        var machine = await host.CreateCallbackMachineAsync();
        var body = $$"""{"stateMachineArn":"{{machine}}","name":"x","input":"{\"function\":\"poc-create-job\"}"}""";

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(host, body, header: false, origin: null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(host, body, header: true, origin: "http://evil.example"));
        Assert.Empty(host.Lambda.Tokens);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, body, header: true, origin: host.Server.BaseUrl.GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public async Task BadInput_GetsTheApiErrorCode_NotA500()
    {
        await using var host = await ConsoleHost.StartAsync();
        var machine = await host.CreateCallbackMachineAsync();
        using var response = await SendAsync(host, "/api/start", $$"""{"stateMachineArn":"{{machine}}","input":"not json"}""", header: true, origin: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidExecutionInput", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var page = await host.Http.GetAsync($"{host.ConsoleUrl}/execution?arn=arn:aws:states:us-east-1:000000000000:execution:nope:nope", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("ExecutionDoesNotExist", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireAuth_AsksForCredentials_AndChecksThem()
    {
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal) { ["AKIDCONSOLE"] = "console-secret" };
        await using var host = await ConsoleHost.StartAsync(new LocalCloudOptions { RequireAuth = true, Credentials = credentials });

        using var anonymous = await host.Http.GetAsync(host.ConsoleUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsAsync(host, "AKIDCONSOLE:wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsAsync(host, "SOMEONE:console-secret"));
        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(host, "AKIDCONSOLE:console-secret"));
        // The script and stylesheet hold nothing secret and load before the browser has asked for credentials.
        using var script = await host.Http.GetAsync($"{host.ConsoleUrl}/assets/console.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Overview_ListsSchedules_WithTheirNextFiring()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var create = new StringContent("""
            {"ScheduleExpression":"rate(1 hour)","FlexibleTimeWindow":{"Mode":"OFF"},
             "Target":{"Arn":"arn:aws:lambda:us-east-1:000000000000:function:poc-poller","RoleArn":"arn:aws:iam::000000000000:role/scheduler"}}
            """, Encoding.UTF8, "application/json");
        using var created = await host.Http.PostAsync(new Uri(host.Server.BaseUrl, "/schedules/poc-poller-schedule"), create, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var page = await host.Http.GetStringAsync(host.ConsoleUrl, TestContext.Current.CancellationToken);
        var row = page[page.IndexOf("<table class=\"schedules\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("default/poc-poller-schedule", row, StringComparison.Ordinal);
        Assert.Contains("rate(1 hour)", row, StringComparison.Ordinal);
        Assert.Contains("ENABLED", row, StringComparison.Ordinal);
        // Next firing is a time; a rate schedule also fires once at creation, which the last column shows when it has run.
        const string Time = @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z";
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(row, $"<td>{Time}</td><td>(—|{Time}: (Pending|Delivered))</td>"), row);
    }

    [Fact]
    public async Task Stop_GoesThroughStopExecution_AndASecondStopGetsTheApiAnswer()
    {
        await using var host = await ConsoleHost.StartAsync();
        var machine = await host.CreateCallbackMachineAsync();
        var execution = await host.StartAsync(machine, "to-stop", "poc-create-job");
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForIdleAsync(execution, TestContext.Current.CancellationToken);
        var history = await host.SfnAsync("GetExecutionHistory", new { executionArn = execution });
        var scheduled = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "TaskScheduled").GetProperty("id").GetInt64();
        var body = $$"""{"executionArn":"{{execution}}","error":"ByHand","cause":"stopped from the console"}""";

        using (var stopped = await SendAsync(host, "/api/stop", body, header: true, origin: null))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
            Assert.Contains("stopDate", await stopped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        var described = await host.SfnAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal("ABORTED", described.GetProperty("status").GetString());
        Assert.Equal("ByHand", described.GetProperty("error").GetString());
        using var again = await SendAsync(host, "/api/task-success", $$"""{"executionArn":"{{execution}}","eventId":{{scheduled}},"output":"{}"}""", header: true, origin: null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("TaskTimedOut", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Render(bool readOnly)
    {
        var task = new WaitingTask("arn:aws:states:us-east-1:000000000000:execution:m:e", "e", "arn:aws:states:us-east-1:000000000000:stateMachine:m", 5, "Wait",
            "invoke.waitForTaskToken", DateTimeOffset.UnixEpoch, 60, null, new string('A', 684));
        return ConsolePages.WaitingTable([task], DateTimeOffset.UnixEpoch.AddSeconds(3), canAct: !readOnly, showExecution: true);
    }

    private static async Task<HttpStatusCode> GetAsAsync(ConsoleHost host, string pair)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.ConsoleUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> PostAsync(ConsoleHost host, string body, bool header, string? origin)
    {
        using var response = await SendAsync(host, "/api/start", body, header, origin);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(ConsoleHost host, string path, string body, bool header, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.ConsoleUrl + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header)
        {
            request.Headers.Add(ConsoleAccess.ActionHeader, "1");
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
