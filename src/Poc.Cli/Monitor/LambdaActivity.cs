using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>
/// What the endpoint can tell about recent Lambda invocations. AWS exposes them only through CloudWatch
/// (metrics Invocations/Errors, or the functions' log groups), which poc does not read; LocalCloud counts
/// requests per function in GET /_localcloud/usage and lists the recent invocations in GET /_localcloud/lambda/invocations.
/// </summary>
/// <param name="Functions">Per-function counters; empty when the endpoint offers none.</param>
/// <param name="Recent">The newest invocations, newest first; only from LocalCloud.</param>
/// <param name="Note">A one-line explanation shown instead of (or under) the panel; null when there is nothing to say.</param>
public sealed record LambdaActivity(IReadOnlyList<FunctionActivity> Functions, IReadOnlyList<LambdaInvocation> Recent, string? Note)
{
    /// <summary>No data, only a note (AWS, LocalStack).</summary>
    public static LambdaActivity Unavailable(string note) => new([], [], note);

    /// <summary>True when there is a panel to draw rather than just the note.</summary>
    public bool HasData => Functions.Count > 0 || Recent.Count > 0;
}
