using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Machines.Versions;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Reads published versions, aliases, version counters and execution qualifiers back. A version whose definition no
/// longer parses (a stricter LocalCloud) keeps its text with an empty graph, so it still describes, and is logged.
/// </summary>
internal sealed class VersionRecovery(IDurableStore durable, VersionCatalog catalog, ILogger logger)
{
    public void Load()
    {
        foreach (var (_, c) in DurableReader.Read(durable, VersionCollections.Counters, DurableJson.Default.VersionCounterDocument, d => d.V, logger))
        {
            catalog.RestoreLastNumber(c.MachineArn, c.LastNumber);
        }
        foreach (var (key, v) in DurableReader.Read(durable, VersionCollections.Published, DurableJson.Default.PublishedVersionDocument, d => d.V, logger))
        {
            catalog.AddVersion(new PublishedVersion(v.MachineArn, v.Number, v.Definition, Parse(v.Definition, key), v.RoleArn, v.Type, v.RevisionId,
                v.Description, v.CreationDate, v.RevisionDate));
        }
        foreach (var (_, a) in DurableReader.Read(durable, VersionCollections.Aliases, DurableJson.Default.MachineAliasDocument, d => d.V, logger))
        {
            catalog.PutAlias(a.ToAlias());
        }
        foreach (var (_, e) in DurableReader.Read(durable, VersionCollections.Executions, DurableJson.Default.ExecutionQualifierDocument, d => d.V, logger))
        {
            catalog.RecordExecution(e.ExecutionArn, new ExecutionQualifier(e.VersionArn, e.AliasArn));
        }
    }

    private StateMachineDefinition Parse(string definition, string source)
    {
        try
        {
            return AslParser.Parse(definition);
        }
        catch (AslDefinitionException e)
        {
            logger.LogWarning("The stored definition of {Source} no longer parses: {Message}", source, e.Message);
            return new StateMachineDefinition(string.Empty, new Dictionary<string, State>(), null, null);
        }
    }
}
