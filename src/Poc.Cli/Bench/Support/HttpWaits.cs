using Amazon.DynamoDBv2.Model;
using Aws.Clients.StepFunctions;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Support;

/// <summary>
/// Waits the bench does through the endpoint's public APIs only, as any client would: items in a table, executions
/// parked on a task token, executions ended. Polling costs a little LocalCloud CPU, so the intervals are not tiny.
/// </summary>
public static class HttpWaits
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>How many items <paramref name="table"/> holds (Scan with Select COUNT, every page).</summary>
    public static async Task<int> CountItemsAsync(PocEnvironment env, string table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var total = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await env.DynamoDb.ScanAsync(new ScanRequest { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT, ExclusiveStartKey = start }, ct);
            total += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        return total;
    }

    /// <summary>Returns once <paramref name="table"/> holds at least <paramref name="expected"/> items.</summary>
    public static async Task WaitForItemsAsync(PocEnvironment env, string table, int expected, CancellationToken ct)
    {
        while (await CountItemsAsync(env, table, ct) < expected)
        {
            await Task.Delay(Interval, ct);
        }
    }

    /// <summary>
    /// Returns once each of <paramref name="expected"/> executions of <paramref name="machineArn"/> has either written its
    /// token record to <paramref name="table"/> or ended without one (a create-job that timed out on an overloaded
    /// machine fails its execution before it parks, and waiting for its record would only end at the timeout).
    /// Returns the records written.
    /// </summary>
    public static async Task<int> WaitForParkedAsync(PocEnvironment env, string table, string machineArn, int expected, TimeSpan interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        while (true)
        {
            var parked = await CountItemsAsync(env, table, ct);
            if (parked >= expected)
            {
                return parked;
            }

            var endedUnsuccessfully = 0;
            foreach (var status in new[] { "FAILED", "TIMED_OUT", "ABORTED" })
            {
                endedUnsuccessfully += (await ListAsync(env.StepFunctions, machineArn, status, ct)).Count;
            }

            if (parked + endedUnsuccessfully >= expected)
            {
                return parked;
            }

            await Task.Delay(interval, ct);
        }
    }

    /// <summary>
    /// Returns once no execution of <paramref name="machineArn"/> is RUNNING: every execution's status by ARN
    /// (ListExecutions, newest first, every page).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, string>> WaitForEndAsync(StepFunctionsClient client, string machineArn, CancellationToken ct) =>
        WaitForEndAsync(client, machineArn, Interval, ct);

    /// <inheritdoc cref="WaitForEndAsync(StepFunctionsClient, string, CancellationToken)"/>
    public static async Task<IReadOnlyDictionary<string, string>> WaitForEndAsync(StepFunctionsClient client, string machineArn, TimeSpan interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        while ((await ListAsync(client, machineArn, "RUNNING", ct)).Count > 0)
        {
            await Task.Delay(interval, ct);
        }

        return (await ListAsync(client, machineArn, null, ct)).ToDictionary(e => e.ExecutionArn, e => e.Status, StringComparer.Ordinal);
    }

    private static async Task<List<ExecutionListItem>> ListAsync(StepFunctionsClient client, string machineArn, string? status, CancellationToken ct)
    {
        var all = new List<ExecutionListItem>();
        string? next = null;
        do
        {
            var page = await client.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machineArn, StatusFilter = status, MaxResults = 1000, NextToken = next }, ct);
            all.AddRange(page.Executions);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
        return all;
    }
}
