using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.History;

namespace Poc.Cli.Cost;

/// <summary>
/// Turns measured usage into per-job, per-check, per-sweep and per-poll units. Nothing here is a constant of the
/// architecture: every coefficient is a measured total divided by the count of what caused it.
/// </summary>
public static class CoefficientDerivation
{
    /// <summary>The history event that starts every poll cycle of the baseline (its Wait state).</summary>
    public const string PollCycleStart = "WaitStateEntered";

    /// <summary>Token-record writes once per job whatever its checks: create-job's put, the poller's outcome, its close.</summary>
    private const double WritesPerJob = 3;

    /// <summary>Derives the coefficients; a measurement that saw no sweep, no job or no poll cycle is an error.</summary>
    public static CostCoefficients Derive(MeasuredUsage measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var perSweep = PerSweep(measured.Idle);
        var (callbackPerJob, callbackPerCheck) = Callback(measured.Callback, perSweep);
        var baseline = Baseline(measured.Baseline);
        return new CostCoefficients(
            callbackPerJob, callbackPerCheck, perSweep with { SchedulerInvocations = 1 },
            baseline.PerJob, baseline.PerPoll, baseline.EventsPerJob, baseline.EventsPerPoll);
    }

    /// <summary>The checks the poller made: the attempts counted on every token record.</summary>
    public static int Checks(PhaseMeasurement callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return callback.Executions.Sum(e => e.Record?.Attempts ?? 0);
    }

    /// <summary>Poll cycles of one baseline execution: how often it entered its Wait state.</summary>
    public static int Polls(IReadOnlyList<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Count(e => e.Type == PollCycleStart);
    }

    // Idle sweeps find nothing pending: the poller's own request and duration, and the empty status-index query.
    private static BillingUnits PerSweep(UsageSnapshot idle)
    {
        var sweeps = idle.Function(PocResources.PollerFunction).LambdaRequests;
        if (sweeps <= 0)
        {
            throw new PocException(Messages.NoSweepMeasured);
        }

        return idle.Function(PocResources.PollerFunction).Plus(idle.Table(PocResources.TokensTable)).Times(1 / sweeps);
    }

    private static (BillingUnits PerJob, BillingUnits PerCheck) Callback(PhaseMeasurement phase, BillingUnits perSweep)
    {
        var jobs = phase.Jobs;
        var checks = Checks(phase);
        if (jobs == 0 || checks == 0)
        {
            throw new PocException(Messages.NothingMeasured("callback"));
        }

        var usage = phase.Usage;
        var poller = usage.Function(PocResources.PollerFunction);
        var sweeps = poller.LambdaRequests;
        var api = usage.Function(PocResources.SimulatedApiFunction);
        var apiGbPerCall = api.LambdaRequests > 0 ? api.LambdaGbSeconds / api.LambdaRequests : 0;

        // create-job calls the simulated API once per invocation (CREATE_JOB); every other call is the poller's
        // CHECK_STATUS_BATCH, one per sweep for up to 100 pending jobs, so its share is spread over the checks it made.
        // Measured with a handful of jobs a batch holds few checks, so at volume this over-states the per-check cost.
        var creates = Math.Min(api.LambdaRequests, usage.Function(PocResources.CreateJobFunction).LambdaRequests);
        var apiPerJob = BillingUnits.Zero with { LambdaRequests = creates / jobs, LambdaGbSeconds = creates * apiGbPerCall / jobs };
        var apiPerCheck = BillingUnits.Zero with
        {
            LambdaRequests = (api.LambdaRequests - creates) / checks,
            LambdaGbSeconds = (api.LambdaRequests - creates) * apiGbPerCall / checks,
        };

        // Whatever the sweeps cost above idle ones is the pending jobs' share: longer poller runs, items the query returns.
        var pollerExtra = BillingUnits.Zero with { LambdaGbSeconds = Math.Max(0, poller.LambdaGbSeconds - (sweeps * perSweep.LambdaGbSeconds)) };
        var tokens = usage.Table(PocResources.TokensTable);
        var reads = Math.Max(0, tokens.ReadRequestUnits - (sweeps * perSweep.ReadRequestUnits));

        // Writes to a record: create-job's put, the poller's stored outcome (written before the callback, so a crashed
        // poller's successor sends the same one) and its close once per job, the attempt claim with its lease once per
        // check; the record keeps about the same size, so each write is taken to cost the same units.
        var writesPerWrite = Math.Max(0, tokens.WriteRequestUnits - (sweeps * perSweep.WriteRequestUnits)) / ((WritesPerJob * jobs) + checks);

        var perJob = (BillingUnits.Zero with { Transitions = usage.Transitions(PocResources.CallbackStateMachine) / jobs, WriteRequestUnits = WritesPerJob * writesPerWrite })
            .Plus(usage.Function(PocResources.CreateJobFunction).Times(1.0 / jobs))
            .Plus(apiPerJob);
        var perCheck = apiPerCheck
            .Plus(pollerExtra.Times(1.0 / checks))
            .Plus(BillingUnits.Zero with { ReadRequestUnits = reads / checks, WriteRequestUnits = writesPerWrite });
        return (perJob, perCheck);
    }

    private static (BillingUnits PerJob, BillingUnits PerPoll, double EventsPerJob, double EventsPerPoll) Baseline(PhaseMeasurement phase)
    {
        var jobs = phase.Jobs;
        var polls = phase.Executions.Sum(e => Polls(e.History));
        var cycles = phase.Executions.Select(e => Cycle(e.History)).OfType<(int States, int Events)>().ToList();
        if (jobs == 0 || polls == 0 || cycles.Count == 0)
        {
            throw new PocException(Messages.NothingMeasured("polling baseline"));
        }

        // One poll cycle as the histories show it: from one Wait entry to the next.
        var transitionsPerPoll = cycles.Average(c => c.States);
        var eventsPerPoll = cycles.Average(c => c.Events);
        var usage = phase.Usage;
        var transitions = usage.Transitions(PocResources.BaselineStateMachine);
        var events = phase.Executions.Sum(e => e.History.Count);

        var api = usage.Function(PocResources.SimulatedApiFunction);
        var gbPerCall = api.LambdaRequests > 0 ? api.LambdaGbSeconds / api.LambdaRequests : 0;
        var checkCalls = Math.Max(0, api.LambdaRequests - jobs);

        var perPoll = BillingUnits.Zero with
        {
            Transitions = transitionsPerPoll,
            LambdaRequests = checkCalls / polls,
            LambdaGbSeconds = checkCalls * gbPerCall / polls,
        };
        var perJob = BillingUnits.Zero with
        {
            Transitions = Math.Max(0, transitions - (transitionsPerPoll * polls)) / jobs,
            LambdaRequests = (api.LambdaRequests - checkCalls) / jobs,
            LambdaGbSeconds = (api.LambdaRequests - checkCalls) * gbPerCall / jobs,
        };
        return (perJob, perPoll, Math.Max(0, events - (eventsPerPoll * polls)) / jobs, eventsPerPoll);
    }

    // States entered and events recorded between the first and the second Wait entry; null with fewer than two polls.
    private static (int States, int Events)? Cycle(IReadOnlyList<HistoryEvent> history)
    {
        var starts = history.Select((e, i) => (e, i)).Where(x => x.e.Type == PollCycleStart).Select(x => x.i).Take(2).ToList();
        if (starts.Count < 2)
        {
            return null;
        }

        var window = history.Skip(starts[0]).Take(starts[1] - starts[0]).ToList();
        return (window.Count(e => e.IsStateEntered), window.Count);
    }
}
