using Aws.Clients;
using Aws.Clients.Lambda;
using Poc.Cli.Cli;

namespace Poc.Cli.Deploy;

/// <summary>Creates a function, or brings its code and configuration up to date, touching only what differs.</summary>
internal sealed class FunctionDeployer(LambdaClient lambda, string roleArn, TimeProvider time, Func<string, IReadOnlyDictionary<string, string>> variablesOf)
{
    public async Task<(ResourceChange Change, string Arn, string Detail)> DeployAsync(
        string name, string handler, FunctionPackage package, byte[] zip, CancellationToken ct)
    {
        var variables = variablesOf(name);
        var existing = await GetAsync(name, ct);
        if (existing is null)
        {
            var created = await lambda.CreateFunctionAsync(
                new CreateFunctionRequest
                {
                    FunctionName = name,
                    Role = roleArn,
                    Code = new FunctionCode { ZipFile = zip },
                    Runtime = PocResources.Runtime,
                    Handler = handler,
                    Timeout = PocResources.TimeoutSeconds,
                    MemorySize = PocResources.MemoryMb,
                    Environment = new FunctionEnvironment { Variables = variables },
                },
                ct);
            await WaitReadyAsync(name, ct);
            return (ResourceChange.Created, created.FunctionArn ?? "", "");
        }

        await WaitReadyAsync(name, ct);
        var changes = new List<string>();
        if (existing.CodeSha256 != package.CodeSha256)
        {
            await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, ZipFile = zip }, ct);
            await WaitReadyAsync(name, ct);
            changes.Add("code");
        }

        if (ConfigurationDiffers(existing, handler, variables))
        {
            await lambda.UpdateFunctionConfigurationAsync(
                new UpdateFunctionConfigurationRequest
                {
                    FunctionName = name,
                    Role = roleArn,
                    Runtime = PocResources.Runtime,
                    Handler = handler,
                    Timeout = PocResources.TimeoutSeconds,
                    MemorySize = PocResources.MemoryMb,
                    Environment = new FunctionEnvironment { Variables = variables },
                },
                ct);
            await WaitReadyAsync(name, ct);
            changes.Add("configuration");
        }

        return (changes.Count == 0 ? ResourceChange.Unchanged : ResourceChange.Updated, existing.FunctionArn ?? "", string.Join(" + ", changes));
    }

    private bool ConfigurationDiffers(FunctionConfiguration c, string handler, IReadOnlyDictionary<string, string> variables)
    {
        var deployed = c.Environment?.Variables ?? new Dictionary<string, string>();
        return c.Handler != handler
               || c.Runtime != PocResources.Runtime
               || c.Timeout != PocResources.TimeoutSeconds
               || c.MemorySize != PocResources.MemoryMb
               || c.Role != roleArn
               || deployed.Count != variables.Count
               || variables.Any(kv => !deployed.TryGetValue(kv.Key, out var v) || v != kv.Value);
    }

    private async Task<FunctionConfiguration?> GetAsync(string name, CancellationToken ct)
    {
        try
        {
            return (await lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name }, ct)).Configuration;
        }
        catch (AwsApiException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return null;
        }
    }

    // Lambda rejects an update while the previous one is in progress (ResourceConflictException):
    // https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
    private Task WaitReadyAsync(string name, CancellationToken ct) => Waiter.UntilAsync(
        async () =>
        {
            var c = await GetAsync(name, ct);
            if (c?.State == "Failed" || c?.LastUpdateStatus == "Failed")
            {
                throw new PocException(Messages.FunctionFailed(name, c.StateReason ?? c.LastUpdateStatusReason ?? "no reason given"));
            }

            return c is not null && c.State is null or "Active" && c.LastUpdateStatus is null or "Successful";
        },
        $"function {name} to become Active",
        time,
        ct);
}
