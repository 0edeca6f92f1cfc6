namespace JobOrchestration.Functions.Jobs;

/// <summary>How a simulated job ends: complete after N checks, fail after N checks, or never finish.</summary>
public enum JobScenario
{
    Complete,
    Fail,
    Never,
}
