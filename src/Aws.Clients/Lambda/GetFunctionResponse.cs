using System.Text.Json;

namespace Aws.Clients.Lambda;

/// <summary>Output of GetFunction.</summary>
public sealed record GetFunctionResponse
{
    /// <summary>The configuration.</summary>
    public FunctionConfiguration? Configuration { get; init; }

    /// <summary>Where the code is.</summary>
    public FunctionCodeLocation? Code { get; init; }

    /// <summary>Tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>ReservedConcurrentExecutions, when set.</summary>
    public JsonElement? Concurrency { get; init; }
}
