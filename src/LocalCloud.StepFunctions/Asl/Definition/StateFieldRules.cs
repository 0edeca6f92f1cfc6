namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>
/// Which fields each state type accepts (ASL spec), and which of them belong to one query language only
/// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html); anything else AWS refuses.
/// </summary>
public static class StateFieldRules
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Flow = ["Next", "End", "InputPath", "OutputPath", "Output"];

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Pass"] = Set(Flow, "Parameters", "Result", "ResultPath", "Assign"),
        ["Task"] = Set(Flow, "Parameters", "ResultSelector", "ResultPath", "Resource", "Retry", "Catch", "Arguments", "Assign",
            "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
        ["Choice"] = Set(["InputPath", "OutputPath", "Output"], "Choices", "Default", "Assign"),
        ["Wait"] = Set(Flow, "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"),
        ["Succeed"] = Set(["InputPath", "OutputPath", "Output"]),
        ["Fail"] = Set([], "Error", "Cause", "ErrorPath", "CausePath"),
        ["Parallel"] = Set(Flow, "Parameters", "ResultSelector", "ResultPath", "Branches", "Retry", "Catch", "Arguments", "Assign"),
        ["Map"] = Set(Flow, "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath",
            "ResultSelector", "ResultPath", "Retry", "Catch", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Assign", "ItemBatcher", "Label", "ItemReader", "ResultWriter"),
    };

    /// <summary>Fields of JSONPath states only, in any state type (and in Catch: ResultPath).</summary>
    public static IReadOnlySet<string> JsonPathOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Result", "ItemsPath", "Iterator",
        "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "TimeoutSecondsPath",
        "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
    };

    /// <summary>Fields of JSONata states only (and in a Catch or Choice rule: Output; in a Choice rule: Condition).</summary>
    public static IReadOnlySet<string> JsonataOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "Arguments", "Output", "Items", "Condition" };

    public static IReadOnlySet<string> Terminal { get; } = new HashSet<string>(StringComparer.Ordinal) { "Choice", "Succeed", "Fail" };

    private static HashSet<string> Set(string[] group, params string[] extra)
        => new([.. Common, .. group, .. extra], StringComparer.Ordinal);
}
