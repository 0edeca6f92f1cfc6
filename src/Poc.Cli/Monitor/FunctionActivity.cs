namespace Poc.Cli.Monitor;

/// <summary>One function's counters since LocalCloud started (or since its usage was reset).</summary>
/// <param name="Name">The function name.</param>
/// <param name="Invocations">Requests LocalCloud billed.</param>
/// <param name="Errors">Failed invocations, when known: LocalCloud's usage does not count them, its list of recent invocations does.</param>
/// <param name="GbSeconds">Billed GB-seconds.</param>
public sealed record FunctionActivity(string Name, long Invocations, long? Errors, double GbSeconds);
