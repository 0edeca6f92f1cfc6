using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// The console in a real headless Chromium against a live LocalCloud: what a person sees and clicks.
public sealed class ConsoleBrowserTests
{
    private const float Wait = 15_000;

    [Fact]
    public async Task CallbackExecution_AppearsWaiting_AndAdvancesWhenSuccessIsSentFromThePage()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var machine = await host.CreateCallbackMachineAsync();

        // The overview lists the machine; a callback execution started by a client appears with its waiting token.
        await page.GotoAsync(host.ConsoleUrl);
        await page.WaitForSelectorAsync("body[data-live='open']", new() { Timeout = Wait });
        var execution = await host.StartAsync(machine, "callback-1", "poc-create-job");
        await page.WaitForSelectorAsync("table.waiting tr[data-event]", new() { Timeout = Wait });
        Assert.Contains("console-callback", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-overview.png");

        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await page.WaitForSelectorAsync("#graph g[data-state='WaitForCallback'].running", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("body[data-live='open']", new() { Timeout = Wait });

        // State details on click: the task's input is the state's input.
        await page.ClickAsync("#graph g[data-state='StartJob']");
        Assert.Contains("job-1", await page.InnerTextAsync("#state-detail"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-execution-waiting.png");
        await Browser.AssertAccessibleAsync(page, "execution page");

        // The token is nowhere on the page (table, history details, embedded data) until revealed, and then it is
        // the one the function was handed.
        var token = Assert.Single(host.Lambda.Tokens);
        var masked = await page.InnerTextAsync("table.waiting code.token");
        Assert.True(masked.Length < 20, masked);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("table.waiting button[data-reveal]");
        // Locator assertions, not WaitForFunction: a string predicate is polled through eval, which the console's CSP forbids.
        await Assertions.Expect(page.Locator("table.waiting code.token")).ToHaveTextAsync(token, new() { Timeout = Wait });

        // Send success from the page: the graph advances live, with no reload.
        var before = await page.EvaluateAsync<int>("(window.consoleLatencyMs || []).length");
        await page.FillAsync("table.waiting textarea[data-field='output']", """{"jobStatus":"COMPLETED"}""");
        await page.ClickAsync("table.waiting button[data-action='task-success']");
        await page.WaitForSelectorAsync("#graph g[data-state='JobSucceeded'].visited", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("#execution-status:text('SUCCEEDED')", new() { Timeout = Wait });
        Assert.Equal(0, await page.Locator("#graph g.running").CountAsync());
        Assert.Contains("hot", await page.GetAttributeAsync("#graph path[data-from='WaitForCallback'][data-to='JobSucceeded']", "class") ?? "", StringComparison.Ordinal);
        var latencies = await page.EvaluateAsync<double[]>($"window.consoleLatencyMs.slice({before})");
        Assert.NotEmpty(latencies);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine event to page: {latencies.Length} events, max {latencies.Max():0} ms, median {latencies.Order().ElementAt(latencies.Length / 2):0} ms"));

        // The history table is GetExecutionHistory, event for event.
        var history = await host.SfnAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 1000 });
        var expected = history.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("id").GetInt64()} {e.GetProperty("type").GetString()}").ToList();
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(expected.Count, new() { Timeout = Wait });
        var shown = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#history tbody tr')).map(r => r.cells[0].textContent + ' ' + r.cells[1].textContent)");
        Assert.Equal(expected, shown);
        Assert.Contains(expected, e => e.EndsWith(" TaskSucceeded", StringComparison.Ordinal));
        await Browser.ScreenshotAsync(page, "console-execution-succeeded.png");
    }

    [Fact]
    public async Task FailedTask_ShowsTheCaughtPath()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var machine = await host.CreateCallbackMachineAsync();
        var execution = await host.StartAsync(machine, "failing-1", "failing-create-job");
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForExecutionAsync(execution, TestContext.Current.CancellationToken);

        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await page.WaitForSelectorAsync("#graph g[data-state='WaitForCallback'].caught", new() { Timeout = Wait });
        Assert.Contains("visited", await page.GetAttributeAsync("#graph g[data-state='Recovered']", "class") ?? "", StringComparison.Ordinal);
        Assert.Contains("failed", await page.GetAttributeAsync("#graph g[data-state='JobFailed']", "class") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("visited", await page.GetAttributeAsync("#graph g[data-state='JobSucceeded']", "class") ?? "", StringComparison.Ordinal);
        Assert.Contains("hot", await page.GetAttributeAsync("#graph path[data-from='WaitForCallback'][data-to='Recovered']", "class") ?? "", StringComparison.Ordinal);
        Assert.Equal("FAILED", await page.InnerTextAsync("#execution-status"));

        await page.ClickAsync("#graph g[data-state='WaitForCallback']");
        Assert.Contains("JobApiUnavailable", await page.InnerTextAsync("#state-detail"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "console-execution-caught.png");
    }

    [Fact]
    public async Task SendFailureFromThePage_TakesTheCatchPath_Live()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var machine = await host.CreateCallbackMachineAsync();
        var execution = await host.StartAsync(machine, "failed-by-hand", "poc-create-job");

        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await page.WaitForSelectorAsync("table.waiting button[data-action='task-failure']", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("body[data-live='open']", new() { State = WaitForSelectorState.Attached, Timeout = Wait });
        await page.ClickAsync("table.waiting button[data-action='task-heartbeat']");
        await page.WaitForSelectorAsync("#status:text('Send heartbeat: done')", new() { Timeout = Wait });
        await page.FillAsync("table.waiting input[data-field='error']", "JobFailed");
        await page.FillAsync("table.waiting input[data-field='cause']", "failed by hand");
        await page.ClickAsync("table.waiting button[data-action='task-failure']");

        await page.WaitForSelectorAsync("#graph g[data-state='WaitForCallback'].caught", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("#graph g[data-state='JobFailed'].failed", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("#execution-status:text('FAILED')", new() { Timeout = Wait });
        var history = await host.SfnAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 1000 });
        var failed = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "TaskFailed");
        Assert.Equal("failed by hand", failed.GetProperty("taskFailedEventDetails").GetProperty("cause").GetString());

        // A second answer for the same task gets AWS's answer for a closed task.
        var scheduled = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "TaskScheduled").GetProperty("id").GetInt64();
        Assert.Equal(0, await page.Locator("table.waiting").CountAsync());
        var again = await page.EvaluateAsync<string>($$"""
            fetch('{{ConsoleHost.ConsolePrefix}}/api/task-success', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LocalCloud-Console': '1' },
              body: JSON.stringify({ executionArn: {{JsonSerializer.Serialize(execution)}}, eventId: {{scheduled}}, output: '{}' }) }).then(r => r.text())
            """);
        Assert.Contains("TaskTimedOut", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateMachinePage_StartsAnExecutionWithInput_AndFiltersByStatus()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var machine = await host.CreateCallbackMachineAsync();
        var failed = await host.StartAsync(machine, "failing-first", "failing-x");
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForExecutionAsync(failed, TestContext.Current.CancellationToken);

        await page.GotoAsync($"{host.ConsoleUrl}/state-machine?arn={Uri.EscapeDataString(machine)}");
        Assert.Equal(5, await page.Locator("figure svg rect.state").CountAsync());
        Assert.Contains("waitForTaskToken", await page.InnerTextAsync("pre.json"), StringComparison.Ordinal);
        await page.FillAsync("form#start input[name='name']", "from-the-page");
        await page.FillAsync("form#start textarea[name='input']", """{"function":"poc-create-job"}""");
        await page.ClickAsync("form#start button[type='submit']");
        await page.WaitForURLAsync("**/execution?arn=*from-the-page", new() { Timeout = Wait });
        await page.WaitForSelectorAsync("#graph g[data-state='WaitForCallback'].running", new() { Timeout = Wait });

        await page.GotoAsync($"{host.ConsoleUrl}/state-machine?arn={Uri.EscapeDataString(machine)}&status=FAILED");
        var names = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('table.executions tbody tr td:first-child')).map(c => c.textContent)");
        Assert.Equal(["failing-first"], names);
        await Browser.AssertAccessibleAsync(page, "state machine page");
        await Browser.ScreenshotAsync(page, "console-state-machine.png");
    }

    [Fact]
    public async Task TenThousandExecutions_ListInPages_AndThePageLoadIsMeasured()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        var machine = (await host.SfnAsync("CreateStateMachine", new
        {
            name = "many",
            definition = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""",
            roleArn = ConsoleHost.Role,
        })).GetProperty("stateMachineArn").GetString()!;
        const int Executions = 10_000;
        for (var i = 0; i < Executions; i++)
        {
            var arn = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = $"run-{i:D5}" })).GetProperty("executionArn").GetString()!;
            await states.WaitForExecutionAsync(arn, TestContext.Current.CancellationToken);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        var timings = new List<string>();
        foreach (var (what, url) in new[]
        {
            ("overview", host.ConsoleUrl),
            ("state machine", $"{host.ConsoleUrl}/state-machine?arn={Uri.EscapeDataString(machine)}"),
            ("execution", $"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":run-04321")}"),
        })
        {
            var samples = new List<double[]>();
            for (var i = 0; i < 5; i++)
            {
                await page.GotoAsync(url);
                samples.Add(await page.EvaluateAsync<double[]>("(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd - n.startTime, n.responseStart - n.requestStart]; })()"));
            }
            var load = samples.Select(s => s[0]).Order().ToList();
            var server = samples.Select(s => s[1]).Order().ToList();
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: median {load[2]:0} ms (server {server[2]:0} ms), max {load[4]:0} ms"));
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"page load (navigation start to DOMContentLoaded, 5 loads each) with {Executions:N0} executions: {string.Join("; ", timings)}");

        // Paging is ListExecutions' own: 50 newest first, then the next 50 through its nextToken.
        await page.GotoAsync($"{host.ConsoleUrl}/state-machine?arn={Uri.EscapeDataString(machine)}");
        var first = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('table.executions tbody tr td:first-child')).map(c => c.textContent)");
        Assert.Equal(50, first.Length);
        Assert.Equal("run-09999", first[0]);
        await page.ClickAsync("a[rel='next']");
        var second = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('table.executions tbody tr td:first-child')).map(c => c.textContent)");
        Assert.Equal("run-09949", second[0]);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task DynamoDbBrowser_FindsThePendingJobs_ThroughAnIndex_WithTokensMasked()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        await host.DynamoAsync("CreateTable", new
        {
            TableName = "poc-task-tokens",
            BillingMode = "PAY_PER_REQUEST",
            AttributeDefinitions = new[] { new { AttributeName = "jobId", AttributeType = "S" }, new { AttributeName = "status", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "jobId", KeyType = "HASH" } },
            GlobalSecondaryIndexes = new[]
            {
                new { IndexName = "status-index", KeySchema = new[] { new { AttributeName = "status", KeyType = "HASH" } }, Projection = new { ProjectionType = "ALL" } },
            },
        });
        var token = StepFunctions.Engine.Tokens.TaskTokenFormat.Mint();
        await host.DynamoAsync("PutItem", new { TableName = "poc-task-tokens", Item = new { jobId = new { S = "job-pending" }, status = new { S = "PENDING" }, taskToken = new { S = token }, attempts = new { N = "2" } } });
        await host.DynamoAsync("PutItem", new { TableName = "poc-task-tokens", Item = new { jobId = new { S = "job-done" }, status = new { S = "COMPLETED" }, attempts = new { N = "1" } } });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

        await page.GotoAsync(host.ConsoleUrl);
        await page.ClickAsync("ul.tables a:text('poc-task-tokens')");
        Assert.Equal(2, await page.Locator("table.items tbody tr").CountAsync());
        await page.SelectOptionAsync("form.query select[name='index']", "status-index");
        await page.FillAsync("form.query input[name='key']", "PENDING");
        await page.ClickAsync("form.query button[type='submit']");
        await page.WaitForURLAsync("**key=PENDING*", new() { Timeout = Wait });
        var keys = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('table.items tbody tr td:first-child')).map(c => c.textContent)");
        Assert.Equal(["job-pending"], keys);
        await page.ClickAsync("table.items summary");
        Assert.Contains("\"attempts\": 2", await page.InnerTextAsync("table.items pre"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains(token[^8..], await page.InnerTextAsync("table.items pre"), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "DynamoDB table page");
        await Browser.ScreenshotAsync(page, "console-dynamodb.png");
    }

    [Fact]
    public async Task DynamoDbBrowser_QueriesTheSortKey_BeyondEquality_AndPagesKeepTheCondition()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        await host.DynamoAsync("CreateTable", new
        {
            TableName = "events",
            BillingMode = "PAY_PER_REQUEST",
            AttributeDefinitions = new[] { new { AttributeName = "jobId", AttributeType = "S" }, new { AttributeName = "at", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "jobId", KeyType = "HASH" }, new { AttributeName = "at", KeyType = "RANGE" } },
        });
        string[] stamps = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-11-30"];
        foreach (var at in stamps)
        {
            await host.DynamoAsync("PutItem", new { TableName = "events", Item = new { jobId = new { S = "job-1" }, at = new { S = at } } });
        }
        await host.DynamoAsync("PutItem", new { TableName = "events", Item = new { jobId = new { S = "job-2" }, at = new { S = "2026-12-02" } } });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync($"{host.ConsoleUrl}/dynamodb/table?name=events");

        async Task<string[]> QueryAsync(string op, string value, string upper = "")
        {
            await page.FillAsync("form.query input[name='key']", "job-1");
            await page.SelectOptionAsync("form.query select[name='op']", op);
            await page.FillAsync("form.query input[name='sk']", value);
            await page.FillAsync("form.query input[name='sk2']", upper);
            await page.ClickAsync("form.query button[type='submit']");
            await page.WaitForURLAsync($"**op={Uri.EscapeDataString(op)}*", new() { Timeout = Wait });
            return await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('table.items tbody tr td:nth-child(2)')).map(c => c.textContent)");
        }

        Assert.Equal(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], await QueryAsync("begins_with", "2026-12"));
        Assert.Equal(["2026-12-02", "2026-12-03"], await QueryAsync("between", "2026-12-02", "2026-12-03"));
        Assert.Equal(["2026-11-30", "2026-12-01"], await QueryAsync("<", "2026-12-02"));
        Assert.Equal(["2026-11-30", "2026-12-01", "2026-12-02"], await QueryAsync("<=", "2026-12-02"));
        Assert.Equal(["2026-12-04"], await QueryAsync(">", "2026-12-03"));
        Assert.Equal(["2026-12-03", "2026-12-04"], await QueryAsync(">=", "2026-12-03"));
        Assert.Equal(["2026-12-02"], await QueryAsync("=", "2026-12-02"));
        Assert.Contains("sort key = 2026-12-02", await page.InnerTextAsync("main h2"), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "DynamoDB sort key query");
        await Browser.ScreenshotAsync(page, "console-dynamodb-sort-key.png");

        // A condition the API refuses is shown with its code, not a 500.
        using var bad = await host.Http.GetAsync($"{host.ConsoleUrl}/dynamodb/table?name=events&key=job-1&op=contains&sk=x", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ValidationException", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
