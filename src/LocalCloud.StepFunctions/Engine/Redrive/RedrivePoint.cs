namespace LocalCloud.StepFunctions.Engine.Redrive;

/// <summary>
/// The state the main path was in when the execution ended unsuccessfully, with the input it entered with and the
/// workflow variables then (JSON object text, null when none): a redrive enters that state again with them.
/// </summary>
/// <see cref="Children"/>: when that state is a Map or Parallel, the output (JSON text) of each iteration or branch that
/// succeeded, by index: a redrive runs only the others.
public sealed record RedrivePoint(string State, string Input, string? Variables, IReadOnlyDictionary<int, string>? Children = null);

/// <summary>How often and when an execution was redriven, and where the next redrive would start.</summary>
public sealed record RedriveRecord(int Count, DateTimeOffset? Date, RedrivePoint? Point);
