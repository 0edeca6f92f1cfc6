namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>Which fields each state type accepts (ASL spec, JSONPath mode); anything else AWS refuses.</summary>
public static class StateFieldRules
{
    private static readonly string[] Common = ["Type", "Comment"];
    private static readonly string[] Flow = ["Next", "End", "InputPath", "OutputPath"];

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Pass"] = Set(Flow, "Parameters", "Result", "ResultPath"),
        ["Task"] = Set(Flow, "Parameters", "ResultSelector", "ResultPath", "Resource", "Retry", "Catch",
            "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
        ["Choice"] = Set(["InputPath", "OutputPath"], "Choices", "Default"),
        ["Wait"] = Set(Flow, "Seconds", "Timestamp", "SecondsPath", "TimestampPath"),
        ["Succeed"] = Set(["InputPath", "OutputPath"]),
        ["Fail"] = Set([], "Error", "Cause", "ErrorPath", "CausePath"),
        ["Parallel"] = Set(Flow, "Parameters", "ResultSelector", "ResultPath", "Branches", "Retry", "Catch"),
        ["Map"] = Set(Flow, "ItemsPath", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath",
            "ResultSelector", "ResultPath", "Retry", "Catch", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
    };

    public static IReadOnlySet<string> Terminal { get; } = new HashSet<string>(StringComparer.Ordinal) { "Choice", "Succeed", "Fail" };

    private static HashSet<string> Set(string[] group, params string[] extra)
        => new([.. Common, .. group, .. extra], StringComparer.Ordinal);
}
