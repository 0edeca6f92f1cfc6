using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Hosting;

namespace LocalCloud.Tests;

public partial class CallerIdentityTests
{
    // The expression CallerIdentity used before it read the header by hand: the reading must agree with it.
    [GeneratedRegex(@"Credential=(?<key>[^/,\s]+)/\d{8}/(?<region>[^/,\s]+)/(?<service>[^/,\s]+)/aws4_request", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=123456789012/20261205/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20261205/us-east-1/states/aws4_request,SignedHeaders=host,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/2026120/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/202612055/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/2026120x/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/\u0663\u0660\u0662\u0666\u0661\u0662\u0660\u0665/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=/20261205/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=a b/20261205/us-east-1/states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=k/20261205//states/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 Credential=k/20261205/r/s/aws4_requesx")]
    [InlineData("AWS4-HMAC-SHA256 Credential=k/20261205/r/s/aws4_request_and_more")]
    [InlineData("AWS4-HMAC-SHA256 Credential=k/20261205/r/s/t/aws4_request")]
    [InlineData("Credential=bad, Credential=k2/20261205/r2/s2/aws4_request")]
    [InlineData("xCredential=k/20261205/r\u00a0x/s/aws4_request Credential=k3/20261205/r3/s3/aws4_request")]
    [InlineData("credential=k/20261205/r/s/aws4_request")]
    [InlineData("Credential=k/20261205/r/s/")]
    [InlineData("Credential=")]
    [InlineData("")]
    public void From_ReadsTheCredentialScopeAsTheRegularExpressionDid(string authorization)
    {
        var match = Credential().Match(authorization);
        var expected = match.Success
            ? (Regex.IsMatch(match.Groups["key"].Value, @"^\d{12}$") ? match.Groups["key"].Value : RequestContext.DefaultAccountId, match.Groups["region"].Value, (string?)match.Groups["service"].Value)
            : (RequestContext.DefaultAccountId, RequestContext.DefaultRegion, null);

        Assert.Equal(expected, CallerIdentity.From(authorization, null));
    }
}
