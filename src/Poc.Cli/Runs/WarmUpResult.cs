namespace Poc.Cli.Runs;

/// <summary>What <see cref="FunctionWarmUp"/> did.</summary>
/// <param name="Workers">Invocations made, one per worker wanted.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Problems">Runtime failures ("function: errorType"), distinct; empty when every worker answered.</param>
public sealed record WarmUpResult(int Workers, TimeSpan Elapsed, IReadOnlyList<string> Problems);
