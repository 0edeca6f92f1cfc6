using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Activities;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Reads the activities back (their tags come back with every other resource's, in <see cref="MachineRecovery"/>). Run
/// before executions resume: an activity task that no worker had taken is queued again by its resumed execution.
/// </summary>
internal sealed class ActivityRecovery(IDurableStore durable, ActivityRegistry activities, ILogger logger)
{
    public void Load()
    {
        foreach (var (_, a) in DurableReader.Read(durable, ActivityDocument.Collection, DurableJson.Default.ActivityDocument, d => d.V, logger))
        {
            activities.GetOrAdd(a.ToRecord());
        }
    }
}
