using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.SimulatedApi;

/// <summary>A job as poc-jobs stores it.</summary>
public sealed record SimulatedJob(
    string JobId,
    string Status,
    JobScenario Scenario,
    int ChecksToComplete,
    int Checks,
    DateTimeOffset CreatedAt,
    string? ClientToken);
