using Amazon.Runtime;
using Aws.Clients;

namespace Poc.Cli.Cli;

/// <summary>Tells the failures a user can act on (exit 1) from bugs (exit 70), and words the former.</summary>
public static class ExpectedFailure
{
    /// <summary>The message for an expected failure, or null when <paramref name="e"/> is a bug.</summary>
    public static string? Describe(Exception e) => e switch
    {
        PocException p => p.Message,
        OperationCanceledException => Messages.Interrupted,
        AwsApiException a => Messages.AwsError("the endpoint", a.ErrorCode, a.Message),
        HttpRequestException h => Messages.Unreachable(h.Message),
        AmazonServiceException a => Messages.AwsError("DynamoDB", a.ErrorCode, a.Message),
        AmazonClientException a => Messages.Unreachable(a.Message),
        TimeoutException t => t.Message,
        _ => null,
    };
}
