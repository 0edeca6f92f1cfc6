using Aws.Clients;

namespace JobOrchestration.Functions.Common;

internal static class ClientConfig
{
    // Region, credentials and endpoint (AWS_ENDPOINT_URL) come from the environment. One call may not eat the whole
    // 30-second function timeout, or the poller could never report its sweep.
    public static AwsClientConfig Create() => new() { Timeout = TimeSpan.FromSeconds(20) };
}
