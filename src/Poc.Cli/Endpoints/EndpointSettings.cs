namespace Poc.Cli.Endpoints;

/// <summary>What the user asked for on the command line (or the defaults), before the endpoint is probed.</summary>
/// <param name="Endpoint">A URL, or <c>aws</c> for the public AWS endpoints of the region.</param>
/// <param name="Region">The AWS region.</param>
/// <param name="RoleArn">The role Lambda, Step Functions and Scheduler assume (only AWS checks it).</param>
/// <param name="Flavour">The query language of the workflows poc deploys (--query-language).</param>
public sealed record EndpointSettings(string Endpoint, string Region, string RoleArn, Deploy.WorkflowFlavour Flavour = Deploy.WorkflowFlavour.JsonPath)
{
    /// <summary>The endpoint used when neither --endpoint nor AWS_ENDPOINT_URL says otherwise.</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:4566";

    /// <summary>The --endpoint value that means the public AWS endpoints.</summary>
    public const string AwsKeyword = "aws";

    /// <summary>The default role; LocalCloud and LocalStack accept any well-formed ARN.</summary>
    public const string DefaultRoleArn = "arn:aws:iam::000000000000:role/poc-role";

    /// <summary>The default region.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>Defaults from the environment the way the AWS CLI reads them.</summary>
    public static EndpointSettings FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return new EndpointSettings(
            NonEmpty(env("AWS_ENDPOINT_URL")) ?? DefaultEndpoint,
            NonEmpty(env("AWS_REGION")) ?? NonEmpty(env("AWS_DEFAULT_REGION")) ?? DefaultRegion,
            DefaultRoleArn);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
