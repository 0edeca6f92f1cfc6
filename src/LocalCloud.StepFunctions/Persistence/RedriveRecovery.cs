using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>Gives the executions read back from the store their redrive counts, dates and restart states, before any runs.</summary>
internal sealed class RedriveRecovery(IDurableStore store, ExecutionRegistry executions, ILogger logger)
{
    public void Load()
    {
        foreach (var (arn, stored) in DurableReader.Read(store, RedriveDocument.Collection, DurableJson.Default.RedriveDocument, d => d.V, logger))
        {
            executions.Find(arn)?.RestoreRedrive(stored.ToRecord());
        }
    }
}
