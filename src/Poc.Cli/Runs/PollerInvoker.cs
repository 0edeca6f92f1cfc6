using System.Text;
using Aws.Clients.Lambda;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;

namespace Poc.Cli.Runs;

/// <summary>Invokes poc-poller once, synchronously, the way the schedule would.</summary>
public static class PollerInvoker
{
    /// <summary>Runs one sweep and returns its summary; a function error becomes a clear <see cref="PocException"/>.</summary>
    public static async Task<PollerSummary> InvokeAsync(LambdaClient lambda, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        var response = await lambda.InvokeAsync(
            new InvokeRequest { FunctionName = PocResources.PollerFunction, InvocationType = "RequestResponse", Payload = "{}"u8.ToArray() }, ct);
        var payload = Encoding.UTF8.GetString(response.Payload);
        if (response.FunctionError is not null)
        {
            throw new PocException(Messages.PollerFailed(response.FunctionError, payload));
        }

        try
        {
            return PollerSummary.Parse(payload);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PocException(Messages.PollerFailed("unreadable result", payload), e);
        }
    }
}
