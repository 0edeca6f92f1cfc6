using System.Text;

namespace Aws.SigV4.Tests;

/// <summary>Vectors printed in AWS's SigV4 documentation; these run even without the shared test suite.</summary>
public sealed class SigV4DocumentationVectorTests
{
    private static readonly SigV4Credentials DocCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    // https://docs.aws.amazon.com/general/latest/gr/sigv4-create-canonical-request.html (IAM ListUsers example)
    // and https://docs.aws.amazon.com/general/latest/gr/sigv4-calculate-signature.html
    [Fact]
    public void Sign_IamListUsersExample_MatchesEveryPublishedStep()
    {
        var request = new SigV4Request(
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08",
            [new("Host", "iam.amazonaws.com"), new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            ReadOnlyMemory<byte>.Empty);

        var result = new SigV4Signer().Sign(request, DocCredentials, "us-east-1", "iam", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        Assert.Equal(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
            + "host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            result.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
            result.StringToSign);
        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", result.Signature);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            result.Authorization);
    }

    // https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html (derived signing key example)
    [Theory]
    [InlineData("20120215", "us-east-1", "iam", "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")]
    [InlineData("20150830", "us-east-1", "iam", "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")]
    public void DeriveSigningKey_DocumentedInputs_MatchesDocumentedKey(string date, string region, string service, string expectedHex)
    {
        var key = SigV4Signer.DeriveSigningKey(DocCredentials.SecretAccessKey, date, region, service);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Sign_DocExampleWithBodyAndOption_AddsContentSha256Header()
    {
        var body = Encoding.UTF8.GetBytes("Action=ListUsers&Version=2010-05-08");
        var request = new SigV4Request("POST", "/", string.Empty, [new("Host", "iam.amazonaws.com")], body);

        var result = new SigV4Signer(new SigV4Options { AddContentSha256Header = true })
            .Sign(request, DocCredentials, "us-east-1", "iam", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Content-Sha256", hash), result.HeadersToAdd);
        Assert.Equal("host;x-amz-content-sha256;x-amz-date", result.SignedHeaders);
        Assert.EndsWith("\n" + hash, result.CanonicalRequest, StringComparison.Ordinal);
    }
}
