namespace Aws.Clients.Lambda;

/// <summary>Environment variables of a function (wire shape Environment).</summary>
public sealed record FunctionEnvironment
{
    /// <summary>Variable names and values.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
