using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// The REST routes (Lambda, Scheduler) take a POST whose body a browser may send cross-origin without a preflight, so a
// page on another site could act on the user's loopback LocalCloud. CrossSiteGuard refuses what the browser marks as
// cross-site; clients that are not browsers (AWS CLI, boto3, SDKs) send no Origin and no Sec-Fetch-Site.
public sealed class CrossSiteTests
{
    private const string ScheduleBody = """
        {"ScheduleExpression":"rate(1 hour)","FlexibleTimeWindow":{"Mode":"OFF"},
         "Target":{"Arn":"arn:aws:lambda:us-east-1:000000000000:function:poc-poller","RoleArn":"arn:aws:iam::000000000000:role/scheduler"}}
        """;

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:3000")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task CrossSitePost_IsRefused_AndChangesNothing(string header, string value)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var response = await PostScheduleAsync(host, "evil", (header, value));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDeniedException", string.Join(",", response.Headers.GetValues("x-amzn-ErrorType")));
        Assert.Contains("own origin", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var get = await host.Http.GetAsync(new Uri(host.Server.BaseUrl, "/schedules/evil"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task ClientsWithoutOrigin_SameOriginPages_AndSignedRequests_GoThrough()
    {
        await using var host = await ConsoleHost.StartAsync();
        var own = host.Server.BaseUrl.GetLeftPart(UriPartial.Authority);
        // As the AWS CLI and the SDKs send it: no Origin, no Fetch Metadata.
        using (var cli = await PostScheduleAsync(host, "from-cli"))
        {
            Assert.Equal(HttpStatusCode.OK, cli.StatusCode);
        }
        using (var same = await PostScheduleAsync(host, "from-console", ("Origin", own), ("Sec-Fetch-Site", "same-origin")))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }
        // A browser cannot attach Authorization to another origin without a preflight LocalCloud never grants.
        using (var signed = await PostScheduleAsync(host, "signed", ("Origin", "http://localhost:3000"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/us-east-1/scheduler/aws4_request, SignedHeaders=host, Signature=00")))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }
        // Reading is not acting: GET stays open to any page, as before.
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Server.BaseUrl, "/schedules/from-cli"));
        get.Headers.Add("Origin", "http://evil.example");
        using var read = await host.Http.SendAsync(get, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task AnotherSitesPage_InARealBrowser_CannotCreateASchedule()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        // Chromium 156 asks the user before a page may reach a loopback address (Local Network Access); other browsers
        // (and a user who once clicked Allow) do not, so the check is turned off to stand in for them.
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Browser.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights"],
        });
        var page = await browser.NewPageAsync();
        // The attacker's page is served by Playwright on another loopback origin (a dev server on localhost, or any
        // page Chromium's local-network rules let through); the browser then sends what it sends for any other site:
        // a no-cors POST with a text/plain body, which needs no preflight.
        await page.RouteAsync("http://localhost:9/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<!doctype html><title>attacker</title>" }));
        page.Console += (_, m) => TestContext.Current.TestOutputHelper?.WriteLine("console: " + m.Text);
        await page.GotoAsync("http://localhost:9/");
        var status = page.WaitForResponseAsync(r => r.Url.Contains("/schedules/evil", StringComparison.Ordinal));
        await page.EvaluateAsync("([url, body]) => fetch(url, { method: 'POST', mode: 'no-cors', body })",
            new object[] { new Uri(host.Server.BaseUrl, "/schedules/evil").ToString(), ScheduleBody });
        // The request reached LocalCloud (so the browser itself did not block it) and was refused there.
        Assert.Equal(403, (await status).Status);
        using var get = await host.Http.GetAsync(new Uri(host.Server.BaseUrl, "/schedules/evil"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostScheduleAsync(ConsoleHost host, string name, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Server.BaseUrl, "/schedules/" + name))
        {
            Content = new StringContent(ScheduleBody, Encoding.UTF8, "text/plain"),
        };
        foreach (var (header, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
