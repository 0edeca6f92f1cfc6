namespace LocalCloud.Lambda.Functions;

/// <summary>The default per-Region account quotas (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
internal static class AccountLimits
{
    public const int ConcurrentExecutions = 1000;

    /// <summary>Reservations may not leave the account's unreserved pool below this.</summary>
    public const int MinimumUnreservedConcurrency = 100;

    public const long TotalCodeSize = 80_530_636_800;
    public const long CodeSizeZipped = 52_428_800;

    public static int Reserved(IEnumerable<FunctionRecord> functions) => functions.Sum(f => f.ReservedConcurrentExecutions ?? 0);
}
