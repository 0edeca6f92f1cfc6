using System.Text.Json;

namespace Aws.Clients.Lambda;

/// <summary>Environment variables as returned, with any error applying them.</summary>
public sealed record FunctionEnvironmentResponse
{
    /// <summary>Variable names and values.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>ErrorCode and Message, when the variables could not be applied.</summary>
    public JsonElement? Error { get; init; }
}
