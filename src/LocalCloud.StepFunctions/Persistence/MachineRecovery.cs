using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Machines;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// Reads state machines, their tags and the versions executions ran back from the durable store. Each
/// definition is parsed once; one that no longer parses (a stricter LocalCloud) is kept as text with an
/// empty graph, so its machine and finished executions still describe, and is logged.
/// </summary>
internal sealed class MachineRecovery(IDurableStore durable, IStateMachineStore machines, TagStore tags, ILogger logger)
{
    private static readonly StateMachineDefinition Unparsable = new(string.Empty, new Dictionary<string, State>(), null, null);

    /// <summary>Every stored version by key ("&lt;machine ARN&gt;/&lt;revisionId&gt;"), for the executions to find theirs.</summary>
    public Dictionary<string, StateMachineVersion> Load()
    {
        var versions = new Dictionary<string, StateMachineVersion>(StringComparer.Ordinal);
        foreach (var (key, v) in DurableReader.Read(durable, StatesCollections.Versions, DurableJson.Default.VersionDocument, d => d.V, logger))
        {
            versions[key] = new StateMachineVersion(v.Arn, v.Name, v.RoleArn, Parse(v.Definition, key), v.Definition, v.UpdateDate, v.RevisionId);
        }
        foreach (var (_, m) in DurableReader.Read(durable, StatesCollections.Machines, DurableJson.Default.MachineDocument, d => d.V, logger))
        {
            var parsed = versions.TryGetValue(StatesCollections.VersionKey(m.Arn, m.RevisionId), out var version) && version.DefinitionText == m.Definition
                ? version.Definition
                : Parse(m.Definition, m.Arn);
            machines.Put(new StateMachineRecord(m.Arn, m.Name, m.Definition, parsed, m.RoleArn, m.Type, m.CreationDate, m.RevisionId, m.UpdateDate));
        }
        foreach (var (_, t) in DurableReader.Read(durable, StatesCollections.Tags, DurableJson.Default.TagsDocument, d => d.V, logger))
        {
            tags.TrySet(t.Arn, t.Tags.Select(tag => new KeyValuePair<string, string>(tag.Key ?? string.Empty, tag.Value ?? string.Empty)), int.MaxValue);
        }
        return versions;
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
            return Unparsable;
        }
    }
}
