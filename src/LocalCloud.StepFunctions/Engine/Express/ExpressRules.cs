using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Engine.Express;

/// <summary>
/// Where Express workflows differ from Standard ones: the five-minute limit, the integration patterns they may not
/// use, their ARNs and what they are billed for
/// (https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html).
/// </summary>
public static class ExpressRules
{
    public const string Standard = "STANDARD";
    public const string Express = "EXPRESS";

    /// <summary>An Express execution runs at most five minutes, whatever the definition's TimeoutSeconds.</summary>
    public const long MaxDurationSeconds = 300;

    /// <summary>AWS bills Express duration rounded up to the next 100 ms.</summary>
    public const long BillingIncrementMilliseconds = 100;

    /// <summary>
    /// AWS bills memory in 64 MB steps from what the execution's definition and data take; LocalCloud reports the first
    /// step, the figure AWS shows for small workflows (LocalStack's recorded AWS responses show 64).
    /// </summary>
    public const long BilledMemoryUsedInMB = 64;

    /// <summary>
    /// The definition's deadline in seconds for an execution of <paramref name="type"/>: an Express one is capped at
    /// five minutes, a Standard one has only what the definition says.
    /// </summary>
    public static long? TimeoutSeconds(string type, StateMachineDefinition definition)
        => type == Express ? Math.Min(definition.TimeoutSeconds ?? MaxDurationSeconds, MaxDurationSeconds) : definition.TimeoutSeconds;

    /// <summary>
    /// arn:aws:states:{region}:{account}:express:{machine}:{name}:{id}: an Express execution's name need not be unique,
    /// so AWS adds an id (the form LocalStack's recorded AWS responses show).
    /// </summary>
    public static string ExecutionArn(string stateMachineArn, string name)
    {
        var parts = stateMachineArn.Split(':');
        return $"arn:aws:states:{parts[3]}:{parts[4]}:express:{parts[6]}:{name}:{Guid.NewGuid()}";
    }

    /// <summary>Billed duration of an Express execution, rounded up to the next 100 ms.</summary>
    public static long BilledMilliseconds(DateTimeOffset start, DateTimeOffset stop)
    {
        var elapsed = (long)Math.Ceiling(Math.Max(0, (stop - start).TotalMilliseconds));
        var steps = Math.Max(1, (elapsed + BillingIncrementMilliseconds - 1) / BillingIncrementMilliseconds);
        return steps * BillingIncrementMilliseconds;
    }

    /// <summary>
    /// What AWS refuses when an EXPRESS machine is created or updated: callback (.waitForTaskToken) and job (.sync) tasks
    /// and activities, as SCHEMA_VALIDATION_FAILED diagnostics with their locations.
    /// </summary>
    public static IReadOnlyList<string> Violations(StateMachineDefinition definition)
    {
        var found = new List<string>();
        Walk(definition, string.Empty, found);
        return found;
    }

    private static void Walk(StateMachineDefinition graph, string at, List<string> found)
    {
        foreach (var (name, state) in graph.States)
        {
            var where = $"{at}/States/{name}";
            switch (state)
            {
                case TaskState task:
                    if (Unsupported(task.Resource) is { } what)
                    {
                        found.Add($"SCHEMA_VALIDATION_FAILED: Express state machine does not support {what} at {where}/Resource");
                    }
                    break;
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Count; i++)
                    {
                        Walk(parallel.Branches[i], $"{where}/Branches[{i}]", found);
                    }
                    break;
                case MapState map:
                    if (map.Settings.Distributed?.ExecutionType == Standard)
                    {
                        // An Express parent can start only Express child workflows (AWS's docs on Distributed Map; exact message uncertain).
                        found.Add($"SCHEMA_VALIDATION_FAILED: Express state machine does not support Distributed Map with STANDARD child workflows at {where}/ItemProcessor/ProcessorConfig/ExecutionType");
                    }
                    Walk(map.Settings.Processor, $"{where}/ItemProcessor", found);
                    break;
            }
        }
    }

    private static string? Unsupported(string resource)
    {
        if (resource.StartsWith("arn:aws:states:", StringComparison.Ordinal) && resource.Contains(":activity:", StringComparison.Ordinal))
        {
            return "Activity ARN";
        }
        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            return "'.waitForTaskToken' service integration";
        }
        return resource.EndsWith(".sync", StringComparison.Ordinal) || resource.EndsWith(".sync:2", StringComparison.Ordinal)
            ? "'.sync' service integration"
            : null;
    }
}
