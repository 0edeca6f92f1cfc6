using System.Globalization;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// The durable collections of Step Functions and their keys. Keys are ARNs, which start with
/// arn:aws:states:&lt;region&gt;:&lt;account&gt;:, so they are unique per account and region.
/// </summary>
public static class StatesCollections
{
    /// <summary>Key: state machine ARN. The machine as DescribeStateMachine shows it.</summary>
    public const string Machines = "states.machines";

    /// <summary>Key: state machine ARN. Its tags in the order they were added.</summary>
    public const string Tags = "states.tags";

    /// <summary>Key: "&lt;machine ARN&gt;/&lt;revisionId&gt;". Each definition and role an execution may run; kept after the machine is deleted.</summary>
    public const string Versions = "states.versions";

    /// <summary>Key: execution ARN. What DescribeExecution shows, plus the version it runs.</summary>
    public const string Executions = "states.executions";

    /// <summary>Key: "&lt;execution ARN&gt;/&lt;event id, 6 digits&gt;", so a load returns each history in order.</summary>
    public const string History = "states.history";

    /// <summary>Key: execution ARN. Where a running execution's main path stands; deleted when it ends.</summary>
    public const string Checkpoints = "states.checkpoints";

    /// <summary>Key: execution ARN. Heartbeats and callbacks acknowledged for its waiting task before the task's next event.</summary>
    public const string Callbacks = "states.callbacks";

    public static string VersionKey(string machineArn, string? revisionId) => machineArn + "/" + (revisionId ?? "initial");

    public static string HistoryKey(string executionArn, long id) => string.Create(CultureInfo.InvariantCulture, $"{executionArn}/{id:D6}");
}
