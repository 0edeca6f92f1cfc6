namespace LocalCloud;

/// <summary>Parses "ACCESS_KEY:SECRET" pairs from the command line or LOCALCLOUD_CREDENTIALS.</summary>
internal sealed record CredentialList(IReadOnlyDictionary<string, string> Credentials, string? Error)
{
    public static CredentialList Parse(IEnumerable<string> pairs)
    {
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
            {
                // Never echo the value: it may be a real secret with a typo.
                return new CredentialList(credentials, "Credentials must be ACCESS_KEY:SECRET (one of the given pairs is not).");
            }
            credentials[pair[..colon]] = pair[(colon + 1)..];
        }
        return new CredentialList(credentials, null);
    }
}
