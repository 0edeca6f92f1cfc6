using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// Map iterations and Parallel branches browsable on the execution page, rebuilt from the history's previousEventId chains.
public sealed partial class IterationTests
{
    private const float Wait = 15_000;

    private static readonly string[] Functions = ["ok-0", "failing-1", "ok-2"];

    /// <summary>
    /// Three iterations at once, each waiting a second so their events interleave; the one whose function fails is
    /// tolerated. Then two Parallel branches of different shapes.
    /// </summary>
    private const string Definition = """
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "ItemsPath": "$.items",
              "ToleratedFailureCount": 1,
              "ItemProcessor": {
                "ProcessorConfig": { "Mode": "INLINE" },
                "StartAt": "Prepare",
                "States": {
                  "Prepare": { "Type": "Pass", "Next": "Pause" },
                  "Pause": { "Type": "Wait", "Seconds": 1, "Next": "Call" },
                  "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName.$": "$.f", "Payload.$": "$" }, "End": true }
                }
              },
              "ResultPath": "$.results",
              "Next": "Both"
            },
            "Both": {
              "Type": "Parallel",
              "Branches": [
                { "StartAt": "Left", "States": { "Left": { "Type": "Pass", "Result": "L", "End": true } } },
                { "StartAt": "RightA", "States": { "RightA": { "Type": "Pass", "Next": "RightB" }, "RightB": { "Type": "Pass", "Result": "R", "End": true } } }
              ],
              "End": true
            }
          }
        }
        """;

    [Fact]
    public async Task MapIterations_AndParallelBranches_CanBePicked_AndShowTheirOwnStates()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "iterations", definition = Definition, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        const string Input = """{"items":[{"f":"ok-0"},{"f":"failing-1"},{"f":"ok-2"}]}""";
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "three-items", input = Input })).GetProperty("executionArn").GetString()!;
        var done = await states.WaitForExecutionAsync(execution, TestContext.Current.CancellationToken);
        Assert.True(done.Status == "SUCCEEDED", $"{done.Status}: {done.Error} {done.Cause}");
        // The iterations did run at once: every one entered Pause before any left it, so id order alone cannot tell them apart.
        var types = done.History.Select(e => e.Type).ToList();
        Assert.True(types.LastIndexOf("WaitStateEntered") < types.IndexOf("WaitStateExited"), string.Join(", ", types));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await Assertions.Expect(page.Locator("#graph g[data-state='Both']")).ToHaveClassAsync(Visited(), new() { Timeout = Wait });

        var map = page.Locator("section.lanes[data-lanes='Each']");
        var picker = map.Locator("select[data-lane-picker]");
        await Assertions.Expect(picker.Locator("option")).ToHaveTextAsync(["Each #0 (succeeded)", "Each #1 (failed)", "Each #2 (succeeded)"], new() { Timeout = Wait });
        await Assertions.Expect(map.Locator("[data-lane-summary]")).ToHaveTextAsync("3 iterations: 2 succeeded, 1 failed");

        // Each iteration's states carry that iteration's item, though the three ran interleaved.
        foreach (var (index, function) in new[] { (0, "ok-0"), (1, "failing-1"), (2, "ok-2") })
        {
            await picker.SelectOptionAsync(new SelectOptionValue { Label = $"Each #{index} ({(index == 1 ? "failed" : "succeeded")})" });
            await map.Locator("g[data-state='Prepare']").ClickAsync();
            await Assertions.Expect(map.Locator(".lane-detail")).ToContainTextAsync($"Each #{index}");
            await Assertions.Expect(map.Locator(".lane-detail pre").First).ToContainTextAsync(function);
            foreach (var other in Functions.Where(f => f != function))
            {
                await Assertions.Expect(map.Locator(".lane-detail")).Not.ToContainTextAsync(other);
            }
            await Assertions.Expect(map.Locator("g[data-state='Call']")).ToHaveClassAsync(index == 1 ? new Regex(@"\bfailed\b") : Visited());
            await Assertions.Expect(map.Locator("path[data-from='Pause'][data-to='Call']")).ToHaveClassAsync(new Regex(@"\bhot\b"));
        }
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Each #1 (failed)" });
        await map.Locator("g[data-state='Call']").ClickAsync();
        await Assertions.Expect(map.Locator(".lane-detail")).ToContainTextAsync("JobApiUnavailable");
        await Browser.ScreenshotAsync(page, "console-map-iterations.png");

        // Parallel: picking the second branch shows its graph only, with its path.
        var parallel = page.Locator("section.lanes[data-lanes='Both']");
        await Assertions.Expect(parallel.Locator("select[data-lane-picker] option")).ToHaveTextAsync(["Both branch 1 (succeeded)", "Both branch 2 (succeeded)"]);
        await parallel.Locator("select[data-lane-picker]").SelectOptionAsync(new SelectOptionValue { Label = "Both branch 2 (succeeded)" });
        await Assertions.Expect(parallel.Locator("[data-lane-graph='0']")).ToBeHiddenAsync();
        await Assertions.Expect(parallel.Locator("[data-lane-graph='1'] g[data-state='RightB']")).ToHaveClassAsync(Visited());
        await Assertions.Expect(parallel.Locator("[data-lane-graph='1'] path[data-from='RightA'][data-to='RightB']")).ToHaveClassAsync(new Regex(@"\bhot\b"));
        await parallel.Locator("[data-lane-graph='1'] g[data-state='RightB']").ClickAsync();
        await Assertions.Expect(parallel.Locator("[data-lane-graph='1'] .lane-detail")).ToContainTextAsync("\"R\"");
        // The main graph is the execution's own path: the iterations' states are not mixed into it.
        Assert.Equal(0, await page.Locator("#graph g[data-state='Prepare']").CountAsync());
        // The history table names each event's iteration or branch.
        await Assertions.Expect(page.Locator("#history tbody tr td:nth-child(3)", new() { HasTextString = "Each #1 › Call" }).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, "execution page with iterations");
        await Browser.ScreenshotAsync(page, "console-parallel-branches.png");
    }

    [Fact]
    public async Task MapIterations_WaitingForCallbacks_FollowTheirOwnAnswers_Live()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        const string Waiting = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemProcessor":{"StartAt":"Wait","States":{"Wait":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"poc-create-job","Payload":{"item.$":"$","taskToken.$":"$$.Task.Token"}},
              "End":true}}},"End":true}}}
            """;
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "waiting-map", definition = Waiting, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "two-waiting", input = "[\"a\",\"b\"]" })).GetProperty("executionArn").GetString()!;
        await states.WaitForIdleAsync(execution, TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "open", new() { Timeout = Wait });
        var options = page.Locator("section.lanes[data-lanes='Each'] select[data-lane-picker] option");
        await Assertions.Expect(options).ToHaveTextAsync(["Each #0 (running)", "Each #1 (running)"], new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("table.waiting tbody tr")).ToHaveCountAsync(2, new() { Timeout = Wait });

        // One callback sent from the page, the other by a client: each iteration follows its own answer, with no reload.
        await page.Locator("table.waiting button[data-action='task-success']").First.ClickAsync();
        await Assertions.Expect(page.Locator("table.waiting tbody tr")).ToHaveCountAsync(1, new() { Timeout = Wait });
        var answered = await options.AllInnerTextsAsync();
        Assert.Single(answered, o => o.EndsWith("(succeeded)", StringComparison.Ordinal));
        Assert.Single(answered, o => o.EndsWith("(running)", StringComparison.Ordinal));
        var history = await host.SfnAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 1000 });
        Assert.Equal(1, history.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "TaskSucceeded"));
        foreach (var token in host.Lambda.Tokens)
        {
            // The one answered from the page is closed: AWS answers TaskTimedOut for it, which is ignored here.
            using var message = new HttpRequestMessage(HttpMethod.Post, host.Server.BaseUrl) { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { taskToken = token, output = "{}" })) };
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
            message.Headers.Add("X-Amz-Target", "AWSStepFunctions.SendTaskSuccess");
            using var _ = await host.Http.SendAsync(message, TestContext.Current.CancellationToken);
        }
        await Assertions.Expect(options).ToHaveTextAsync(["Each #0 (succeeded)", "Each #1 (succeeded)"], new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = Wait });
        Assert.Equal(0, await page.Locator("section.lanes g.running").CountAsync());
    }

    [Fact]
    public async Task DistributedMap_ListsItsChildExecutions_WithLinks()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        const string Distributed = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "distributed", definition = Distributed, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "fan-out", input = "[1,2]" })).GetProperty("executionArn").GetString()!;
        await states.WaitForExecutionAsync(execution, TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        var children = page.Locator("section.lanes[data-lanes='Fan'] table.map-run tbody tr");
        await Assertions.Expect(children).ToHaveCountAsync(2, new() { Timeout = Wait });
        var child = await children.First.Locator("a").GetAttributeAsync("href");
        await children.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(child!, StringComparison.Ordinal), new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#graph g[data-state='P']")).ToHaveClassAsync(Visited(), new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("SUCCEEDED");
    }

    [GeneratedRegex(@"\bvisited\b")]
    private static partial Regex Visited();
}
