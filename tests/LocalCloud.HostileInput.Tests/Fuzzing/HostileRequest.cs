namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>
/// One request exactly as it goes on the wire: the raw request target (no client-side normalisation of ../
/// or %00), headers and body bytes. <see cref="Chunked"/> sends the body with Transfer-Encoding: chunked.
/// </summary>
public sealed record HostileRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string Description)
{
    public bool Chunked { get; init; }

    /// <summary>Not valid HTTP/1.1 (e.g. raw non-ASCII in the request line): Kestrel may refuse it itself with an empty 400.</summary>
    public bool MalformedHttp { get; init; }

    public override string ToString() => $"{Method} {(Target.Length > 160 ? Target[..160] + "…" : Target)} [{(Description.Length > 160 ? Description[..160] + "…" : Description)}] ({Body.Length} bytes)";
}
