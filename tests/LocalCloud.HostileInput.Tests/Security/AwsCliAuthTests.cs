namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>The real AWS CLI (botocore's signer) against --require-auth: each service accepts the right key and refuses a wrong secret.</summary>
public sealed class AwsCliAuthTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    [Theory]
    [InlineData("dynamodb", "list-tables")]
    [InlineData("stepfunctions", "list-state-machines")]
    [InlineData("lambda", "list-functions")]
    [InlineData("scheduler", "list-schedules")]
    public async Task Cli_RightKeySucceeds_WrongSecretFails(string service, string operation)
    {
        var (okExit, _, okError) = await AwsCli.RunAsync(auth.Cloud.Endpoint, AuthFixture.AccessKey, AuthFixture.Secret, service, operation);
        var (badExit, _, badError) = await AwsCli.RunAsync(auth.Cloud.Endpoint, AuthFixture.AccessKey, "not-the-secret", service, operation);

        Assert.True(okExit == 0, $"aws {service} {operation} with the right key exited {okExit}: {okError}");
        Assert.NotEqual(0, badExit);
        Assert.Contains("InvalidSignatureException", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_LambdaPathWithArnAndQuery_SignatureMatches()
    {
        // Colons in the path label and a query string: botocore double-encodes the path and sorts the query.
        var (exit, _, error) = await AwsCli.RunAsync(auth.Cloud.Endpoint, AuthFixture.AccessKey, AuthFixture.Secret,
            "lambda", "get-function", "--function-name", "arn:aws:lambda:us-east-1:000000000000:function:absent", "--qualifier", "$LATEST");

        Assert.NotEqual(0, exit);
        Assert.Contains("ResourceNotFoundException", error, StringComparison.Ordinal);
    }
}
