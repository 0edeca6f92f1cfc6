using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// A state machine's versions and aliases on its page; activities with their waiting tasks and polling workers.
public sealed class VersionsAndActivitiesTests
{
    private const string Pass = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task StateMachinePage_ListsItsVersions_AndAliasesWithTheirRouting()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var created = await host.SfnAsync("CreateStateMachine", new { name = "versioned", definition = Pass, roleArn = ConsoleHost.Role, publish = true });
        var machine = created.GetProperty("stateMachineArn").GetString()!;
        var v1 = created.GetProperty("stateMachineVersionArn").GetString()!;
        var v2 = (await host.SfnAsync("UpdateStateMachine", new { stateMachineArn = machine, definition = Pass.Replace("Done", "Finished", StringComparison.Ordinal), publish = true }))
            .GetProperty("stateMachineVersionArn").GetString()!;
        await host.SfnAsync("CreateStateMachineAlias", new
        {
            name = "live",
            description = "canary",
            routingConfiguration = new[] { new { stateMachineVersionArn = v2, weight = 30 }, new { stateMachineVersionArn = v1, weight = 70 } },
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/state-machine?arn={Uri.EscapeDataString(machine)}");
        var versions = await page.Locator("table.versions tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["2", "1"], versions);
        var alias = await page.Locator("table.aliases tbody tr td").AllInnerTextsAsync();
        Assert.Equal("live", alias[0]);
        Assert.Equal("version 2: 30%, version 1: 70%", alias[1]);
        Assert.Equal("canary", alias[2]);
        await Browser.AssertAccessibleAsync(page, "state machine page with versions");
        await Browser.ScreenshotAsync(page, "console-versions.png");

        // A version's own page: its definition as published.
        await page.ClickAsync("table.versions a:text-is('1')");
        await Assertions.Expect(page.Locator("figure svg g[data-state], figure svg rect.state").First).ToBeVisibleAsync();
        Assert.Contains("\"Done\"", await page.InnerTextAsync("pre.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ListsActivities_WithTheirWaitingTasks_AndPollingWorkers()
    {
        await using var host = await ConsoleHost.StartAsync();
        var busy = (await host.SfnAsync("CreateActivity", new { name = "approve" })).GetProperty("activityArn").GetString()!;
        var idle = (await host.SfnAsync("CreateActivity", new { name = "review" })).GetProperty("activityArn").GetString()!;
        var machine = (await host.SfnAsync("CreateStateMachine", new
        {
            name = "needs-approval",
            definition = JsonSerializer.Serialize(new { StartAt = "Approve", States = new { Approve = new { Type = "Task", Resource = busy, End = true } } }),
            roleArn = ConsoleHost.Role,
        })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine })).GetProperty("executionArn").GetString()!;
        await host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>().WaitForIdleAsync(execution, TestContext.Current.CancellationToken);

        // A worker long-polls the idle activity (GetActivityTask waits up to 60 s): it shows as polling until it gives up.
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Server.BaseUrl) { Content = new StringContent(JsonSerializer.Serialize(new { activityArn = idle, workerName = "w1" }), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.GetActivityTask");
        var polling = host.Http.SendAsync(request, poll.Token);
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        while (states.ActivityQueue(idle)?.Pollers != 1)
        {
            // The poll is an HTTP request in flight; this waits for it to reach the service, not for time to pass.
            await Task.Yield();
            poll.Token.ThrowIfCancellationRequested();
        }

        var page = await host.Http.GetStringAsync(host.ConsoleUrl, TestContext.Current.CancellationToken);
        var table = page[page.IndexOf("<table class=\"activities\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches("<td title=\"[^\"]+:activity:approve\">approve</td><td>[^<]+</td><td class=\"num\">1</td><td class=\"num\">0</td>", table);
        Assert.Matches("<td title=\"[^\"]+:activity:review\">review</td><td>[^<]+</td><td class=\"num\">0</td><td class=\"num\">1</td>", table);
        await poll.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
    }
}
