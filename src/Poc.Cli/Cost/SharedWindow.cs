using Poc.Cli.Cli;
using Poc.Cli.Deploy;

namespace Poc.Cli.Cost;

/// <summary>
/// Splits the usage of the window where the baseline ran while the poller swept with nothing pending: each resource
/// belongs to exactly one of them, so the split is by resource, not an estimate.
/// </summary>
public static class SharedWindow
{
    /// <summary>
    /// The idle sweeps' units (poc-poller, poc-task-tokens and its index, the schedule) and the baseline's (everything
    /// else: its state machine, poc-simulated-api, poc-jobs). Throws when the window holds callback work, which would
    /// make a sweep not idle and put its poc-simulated-api calls on the baseline's bill.
    /// </summary>
    public static (UsageSnapshot Idle, UsageSnapshot Baseline) Split(UsageSnapshot window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var callbackWork = window.Transitions(PocResources.CallbackStateMachine)
                           + window.Function(PocResources.CreateJobFunction).LambdaRequests
                           + window.Table(PocResources.TokensTable).WriteRequestUnits;
        if (callbackWork > 0)
        {
            // An idle sweep only queries status-index; any write to the table is a pending job being claimed or closed.
            throw new PocException(Messages.IdleNotIdle);
        }

        var idle = window.Records.Where(IsIdleResource).ToList();
        var baseline = window.Records.Where(r => !IsIdleResource(r)).ToList();
        return (new UsageSnapshot(idle), new UsageSnapshot(baseline));
    }

    private static bool IsIdleResource(UsageReading r) => r.Service switch
    {
        UsageMetrics.Lambda => r.Resource == PocResources.PollerFunction,
        UsageMetrics.DynamoDb => r.Resource == PocResources.TokensTable || r.Resource.StartsWith(PocResources.TokensTable + "/index/", StringComparison.Ordinal),
        UsageMetrics.Scheduler => true,
        _ => false,
    };
}
