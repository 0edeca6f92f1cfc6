using Aws.Clients.Configuration;

namespace Aws.Clients.Tests.Configuration;

public sealed class AwsCredentialsResolverTests
{
    [Fact]
    public async Task Resolve_Explicit_ReturnsThemUnchanged()
    {
        var explicitCredentials = new AwsCredentials("AKID", "secret", "token");

        var resolved = await AwsCredentialsResolver.Resolve(explicitCredentials, _ => "ignored")(TestContext.Current.CancellationToken);

        Assert.Same(explicitCredentials, resolved);
    }

    [Fact]
    public async Task Resolve_EnvironmentKeys_IncludesSessionToken()
    {
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_SESSION_TOKEN"] = "token" };

        var resolved = await AwsCredentialsResolver.Resolve(null, env.GetValueOrDefault)(TestContext.Current.CancellationToken);

        Assert.Equal(new AwsCredentials("AKID", "secret", "token"), resolved);
    }

    [Fact]
    public void ToString_Credentials_NeverShowsSecret()
    {
        var text = new AwsCredentials("AKID", "very-secret", "tok").ToString();

        Assert.Contains("AKID", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok", text.Replace("AwsCredentials", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
