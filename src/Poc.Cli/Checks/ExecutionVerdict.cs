using Poc.Cli.Runs;

namespace Poc.Cli.Checks;

/// <summary>Every check on one execution of one run.</summary>
public sealed record ExecutionVerdict(int Run, ExecutionObservation Execution, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
