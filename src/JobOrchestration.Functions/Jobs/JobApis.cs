using Aws.Clients.Lambda;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

/// <summary>Which job API the functions talk to: a REST API when JOB_API_URL is set, else the simulated API Lambda.</summary>
public static class JobApis
{
    public static IJobApi FromEnvironment(FunctionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return HttpJobApiOptions.FromVariables(Environment.GetEnvironmentVariable) is { } http
            ? new HttpJobApi(http)
            : new LambdaJobApi(new LambdaFunctionInvoker(new LambdaClient(ClientConfig.Create())), settings.SimulatedApiFunction);
    }
}
