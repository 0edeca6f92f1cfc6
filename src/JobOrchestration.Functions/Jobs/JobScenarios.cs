using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

internal static class JobScenarios
{
    public static JobScenario Parse(string value, string field = "scenario") => value switch
    {
        "complete" => JobScenario.Complete,
        "fail" => JobScenario.Fail,
        "never" => JobScenario.Never,
        _ => throw new InvalidPayload($"'{field}' must be one of complete, fail, never; got '{value}'."),
    };

    public static string ToWire(JobScenario scenario) => scenario switch
    {
        JobScenario.Complete => "complete",
        JobScenario.Fail => "fail",
        JobScenario.Never => "never",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
    };
}
