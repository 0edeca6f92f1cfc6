namespace Poc.Cli.Cost;

/// <summary>LocalCloud's usage endpoint: read the billing counters, or reset them to zero.</summary>
public sealed class UsageClient(HttpClient http, Uri endpoint)
{
    private const string Path = "_localcloud/usage";

    /// <summary>Every counter so far.</summary>
    public async Task<UsageSnapshot> SnapshotAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(Url(), ct);
        Ensure(response);
        return UsageSnapshot.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Sets every counter back to zero, so the next snapshot holds only what happens after.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        using var response = await http.DeleteAsync(Url(), ct);
        Ensure(response);
    }

    // Only LocalCloud counts billing units; anything else (LocalStack, AWS) answers this path with an error.
    private void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new Cli.PocException(Cli.Messages.UsageUnavailable(endpoint.ToString()));
        }
    }

    private Uri Url() => new(new Uri(endpoint.ToString().TrimEnd('/') + "/"), Path);
}
