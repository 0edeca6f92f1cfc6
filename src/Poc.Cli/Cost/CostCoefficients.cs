namespace Poc.Cli.Cost;

/// <summary>
/// Billing units per unit of work, derived from measured runs; the cost model multiplies them by a monthly volume.
/// </summary>
/// <param name="CallbackPerJob">Callback: once per job (transitions, create-job, the CREATE_JOB call, writing and closing the token record).</param>
/// <param name="CallbackPerCheck">Callback: each pending job in each sweep (the CHECK_STATUS call, the attempt claim, the query's share).</param>
/// <param name="CallbackPerSweep">Callback: each sweep whatever is pending (one schedule invocation, one poller request, the empty query).</param>
/// <param name="BaselinePerJob">Baseline: once per job (defaults, CreateJob, the end states).</param>
/// <param name="BaselinePerPoll">Baseline: each poll cycle (Wait + CheckStatus + Choice, and the check's Lambda request).</param>
/// <param name="BaselineEventsPerJob">Baseline: history events outside the loop.</param>
/// <param name="BaselineEventsPerPoll">Baseline: history events per poll cycle.</param>
public sealed record CostCoefficients(
    BillingUnits CallbackPerJob,
    BillingUnits CallbackPerCheck,
    BillingUnits CallbackPerSweep,
    BillingUnits BaselinePerJob,
    BillingUnits BaselinePerPoll,
    double BaselineEventsPerJob,
    double BaselineEventsPerPoll);
