namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>A response read off the socket; headers keyed case-insensitively.</summary>
public sealed record HostileResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
