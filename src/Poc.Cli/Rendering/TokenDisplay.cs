namespace Poc.Cli.Rendering;

/// <summary>A task token is a bearer credential for the execution: poc only ever shows its start.</summary>
public static class TokenDisplay
{
    /// <summary>Characters shown before the ellipsis.</summary>
    public const int VisibleChars = 8;

    /// <summary>The first 8 characters and "…", or "-" when there is no token.</summary>
    public static string Abbreviate(string? token)
        => string.IsNullOrEmpty(token) ? "-"
           : token.Length <= VisibleChars ? token + "…"
           : string.Concat(token.AsSpan(0, VisibleChars), "…");
}
