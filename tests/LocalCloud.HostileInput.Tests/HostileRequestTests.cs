using System.Diagnostics;
using System.Text.Json;
using LocalCloud.HostileInput.Tests.Fuzzing;
using LocalCloud.HostileInput.Tests.Models;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// Every operation of every served API model, fed mutated requests over a real socket. Each answer must be
/// below 500, arrive in time on an intact connection, and carry a modelled or protocol error code; the host
/// must still report healthy after each operation's batch.
/// </summary>
public sealed class HostileRequestTests(HostileCloud cloud) : IClassFixture<HostileCloud>
{
    [Theory]
    [InlineData("stepfunctions")]
    [InlineData("dynamodb")]
    [InlineData("lambda")]
    [InlineData("scheduler")]
    public async Task EveryOperation_HostileBodies_AnswersWithModelledErrorAndStaysHealthy(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        var model = ApiModel.Load(service);
        var seed = FuzzSettings.Seed + service.Length;
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var failures = new List<string>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var operation in model.Operations)
        {
            for (var round = 0; round < FuzzSettings.Iterations; round++)
            {
                foreach (var request in mutator.Mutate(operation, SampleBuilder.Build(operation, random)))
                {
                    sent++;
                    var failure = await TryAsync(operation, request, outcomes, ct);
                    if (failure is not null)
                    {
                        failures.Add($"{operation} {request}: {failure}");
                    }
                }
            }
            await AssertHealthyAsync(operation.ToString(), ct);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{service}: {sent} hostile requests over {model.Operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}, {FuzzSettings.Iterations} round(s)); {failures.Count} failures");
        TestContext.Current.TestOutputHelper?.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key}×{o.Value}")));
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} of {sent} requests failed:\n" + string.Join('\n', failures.Take(40)));
    }

    private async Task<string?> TryAsync(ApiOperation? operation, HostileRequest request, SortedDictionary<string, int> outcomes, CancellationToken ct)
    {
        try
        {
            var response = await cloud.Client.SendAsync(request, ct);
            var outcome = $"{response.Status} {Verdict.ErrorCode(response)}";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            return Verdict.Judge(operation, request, response);
        }
        catch (TimeoutException e)
        {
            return "hang: " + e.Message;
        }
        catch (DroppedConnectionException e)
        {
            return "dropped: " + e.Message;
        }
    }

    private async Task AssertHealthyAsync(string after, CancellationToken ct)
    {
        var response = await cloud.Client.SendAsync(new HostileRequest("GET", "/_localcloud/health", [], [], "health"), ct);
        Assert.True(response.Status == 200, $"health after {after}: {response.Status} {response.Text}");
        using var health = JsonDocument.Parse(response.Body);
        Assert.Equal("running", health.RootElement.GetProperty("status").GetString());
    }
}
