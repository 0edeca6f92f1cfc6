namespace LocalCloud.Hosting;

/// <summary>
/// "AWS4-HMAC-SHA256 Credential=KEY/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex",
/// split into its parts; <see cref="Problem"/> says, in AWS's words, what is missing.
/// </summary>
internal sealed record AuthorizationHeader(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature, string? Problem)
{
    private static readonly string[] RequiredParameters = ["Credential", "Signature", "SignedHeaders"];

    public static AuthorizationHeader Parse(string value)
    {
        if (!value.StartsWith(Aws.SigV4.SigV4Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            var algorithm = value.Split(' ', 2)[0];
            return Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'.");
        }
        var parts = value[(Aws.SigV4.SigV4Signer.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var missing = RequiredParameters.Where(k => !parts.ContainsKey(k) || parts[k].Length == 0).ToList();
        if (missing.Count > 0)
        {
            return Incomplete(string.Join(' ', missing.Select(k => $"Authorization header requires '{k}' parameter.")));
        }
        if (parts["Credential"].Split('/') is not [{ Length: > 0 } key, { Length: 8 } date, { Length: > 0 } region, { Length: > 0 } service, "aws4_request"])
        {
            return Incomplete($"Credential should be scoped to a valid region, service and date: '{parts["Credential"]}'.");
        }
        return new AuthorizationHeader(key, date, region, service, parts["SignedHeaders"].Split(';'), parts["Signature"], null);
    }

    private static AuthorizationHeader Incomplete(string problem) => new(string.Empty, string.Empty, string.Empty, string.Empty, [], string.Empty, problem);
}
