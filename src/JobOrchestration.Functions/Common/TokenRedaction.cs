namespace JobOrchestration.Functions.Common;

/// <summary>A task token is a bearer credential for the execution: logs carry only enough of it to correlate.</summary>
public static class TokenRedaction
{
    private const int VisibleChars = 8;

    public static string Redact(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "(none)";
        }

        return token.Length <= VisibleChars ? new string('*', token.Length) : string.Concat(token.AsSpan(0, VisibleChars), "…");
    }
}
