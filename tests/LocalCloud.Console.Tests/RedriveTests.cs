using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// Redrive from the execution page: RedriveExecution through the service's own dispatcher, the graph live again.
public sealed class RedriveTests
{
    private const float Wait = 15_000;

    /// <summary>The callback task without a Catch: a failure sent to it fails the execution, which can then be redriven.</summary>
    private const string Uncaught = """
        {
          "StartAt": "WaitForCallback",
          "States": {
            "WaitForCallback": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "poc-create-job", "Payload": { "taskToken.$": "$$.Task.Token" } },
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    [Fact]
    public async Task FailedExecution_RedrivenFromThePage_WaitsAgain_AndSucceeds()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "redrivable", definition = Uncaught, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "fails-once", input = "{}" })).GetProperty("executionArn").GetString()!;
        await states.WaitForIdleAsync(execution, TestContext.Current.CancellationToken);
        await host.SfnAsync("SendTaskFailure", new { taskToken = host.Lambda.Tokens[0], error = "JobFailed", cause = "first attempt" });
        await states.WaitForExecutionAsync(execution, TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("FAILED", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#graph g[data-state='WaitForCallback']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfailed\b"), new() { Timeout = Wait });
        // An ended execution's page holds no stream; Redrive takes it up again, from the last event the page has.
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "ended", new() { Timeout = Wait });

        await page.ClickAsync("button[data-action='redrive']");

        // The engine appends ExecutionRedriven and enters the task again: the page follows live, no reload.
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("RUNNING", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#graph g[data-state='WaitForCallback']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\brunning\b"), new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#history tbody tr td:nth-child(2)", new() { HasTextString = "ExecutionRedriven" })).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("table.waiting button[data-action='task-success']")).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("button[data-action='redrive']")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "console-execution-redriven.png");
        var described = await host.SfnAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal("RUNNING", described.GetProperty("status").GetString());
        Assert.Equal(1, described.GetProperty("redriveCount").GetInt32());

        await page.ClickAsync("table.waiting button[data-action='task-success']");
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#graph g[data-state='Done']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvisited\b"), new() { Timeout = Wait });
        Assert.Equal(0, await page.Locator("#graph g.failed").CountAsync());
        Assert.Contains("Redriven 1 time", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "redriven execution page");

        // A succeeded execution is not redrivable: no button, and the action itself gets AWS's answer.
        Assert.Equal(0, await page.Locator("button[data-action='redrive']").CountAsync());
        var again = await page.EvaluateAsync<string>($$"""
            fetch('{{ConsoleHost.ConsolePrefix}}/api/redrive', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LocalCloud-Console': '1' },
              body: JSON.stringify({ executionArn: {{JsonSerializer.Serialize(execution)}} }) }).then(r => r.text())
            """);
        Assert.Contains("ExecutionNotRedrivable", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyConsole_ShowsNoRedriveButton_AndRefusesTheAction()
    {
        // Read-only is what a non-loopback bind without --console-actions gets; the test binds loopback and asks for
        // the read-only decision through the same options a remote bind would give.
        await using var host = await ConsoleHost.StartAsync(new LocalCloudOptions { Host = "127.0.0.1" });
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "redrivable", definition = Uncaught, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "stopped", input = "{}" })).GetProperty("executionArn").GetString()!;
        // Stopped while its task waits: an execution stopped before it entered a state would have nothing to redrive.
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForIdleAsync(execution, TestContext.Current.CancellationToken);
        await host.SfnAsync("StopExecution", new { executionArn = execution });

        var page = await host.Http.GetStringAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}", TestContext.Current.CancellationToken);
        Assert.Contains("data-action=\"redrive\"", page, StringComparison.Ordinal);
        var described = await host.SfnAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal("REDRIVABLE", described.GetProperty("redriveStatus").GetString());
        var readOnly = new WebConsole.ConsoleAccess(new LocalCloudOptions { Host = "192.0.2.10" });
        Assert.False(readOnly.CanAct);
        var rendered = WebConsole.ConsolePages.Execution(described, Uncaught, [], [], DateTimeOffset.UnixEpoch, readOnly.CanAct);
        Assert.Contains("Status <span class=\"badge aborted\"", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action", rendered, StringComparison.Ordinal);
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Method = "POST";
        request.Headers[WebConsole.ConsoleAccess.ActionHeader] = "1";
        Assert.Contains("read-only", readOnly.RefuseAction(request), StringComparison.Ordinal);

        // When DescribeExecution says NOT_REDRIVABLE, the page gives its reason instead of a button, even where it may act.
        using var expired = JsonDocument.Parse("""
            {"executionArn":"arn:aws:states:us-east-1:000000000000:execution:m:old","stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m",
             "name":"old","status":"FAILED","redriveStatus":"NOT_REDRIVABLE","redriveStatusReason":"Execution redrivable period exceeded"}
            """);
        var notRedrivable = WebConsole.ConsolePages.Execution(expired.RootElement, Uncaught, [], [], DateTimeOffset.UnixEpoch, canAct: true);
        Assert.Contains("Not redrivable: Execution redrivable period exceeded", notRedrivable, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"redrive\"", notRedrivable, StringComparison.Ordinal);

        // Without the console's header (what another site's page would send) the action is refused before it runs.
        using var body = new StringContent(JsonSerializer.Serialize(new { executionArn = execution }));
        using var refused = await host.Http.PostAsync($"{host.ConsoleUrl}/api/redrive", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("ABORTED", (await host.SfnAsync("DescribeExecution", new { executionArn = execution })).GetProperty("status").GetString());
    }
}
