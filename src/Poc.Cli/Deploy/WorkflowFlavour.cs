using Poc.Cli.Scenarios;

namespace Poc.Cli.Deploy;

/// <summary>
/// Which query language the two workflows are written in: the JSONPath definitions, or the same workflows in
/// JSONata with variables (infra/statemachines/*.jsonata.asl.json). Both behave identically; the report names the one
/// that ran.
/// </summary>
public enum WorkflowFlavour
{
    JsonPath,
    Jsonata,
}

public static class WorkflowFlavours
{
    /// <summary>The names --query-language accepts, as AWS spells them in QueryLanguage.</summary>
    public static IReadOnlyList<string> Names { get; } = ["JSONPath", "JSONata"];

    public static string Name(this WorkflowFlavour flavour) => flavour == WorkflowFlavour.Jsonata ? "JSONata" : "JSONPath";

    public static WorkflowFlavour Parse(string name)
        => string.Equals(name, "JSONata", StringComparison.OrdinalIgnoreCase) ? WorkflowFlavour.Jsonata : WorkflowFlavour.JsonPath;

    /// <summary>The file under infra/statemachines that defines <paramref name="workflow"/> in this flavour.</summary>
    public static string DefinitionFile(this WorkflowFlavour flavour, WorkflowKind workflow)
        => (workflow, flavour) switch
        {
            (WorkflowKind.Callback, WorkflowFlavour.Jsonata) => "callback.jsonata.asl.json",
            (WorkflowKind.Callback, _) => "callback.asl.json",
            (_, WorkflowFlavour.Jsonata) => "polling-baseline.jsonata.asl.json",
            _ => "polling-baseline.asl.json",
        };
}
