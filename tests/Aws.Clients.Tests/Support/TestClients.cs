using Aws.SigV4;
using Microsoft.Extensions.Time.Testing;

namespace Aws.Clients.Tests.Support;

/// <summary>Client settings for tests: fixed clock and credentials, fake transport, recorded (not waited) backoff.</summary>
internal sealed class TestClients
{
    public static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    public RecordingHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public List<TimeSpan> Delays { get; } = [];

    public AwsClientConfig Config(int maxRetries = 3) => new()
    {
        Region = "us-east-1",
        Credentials = Credentials,
        ServiceUrl = "http://localhost:4566",
        HttpMessageHandler = Handler,
        TimeProvider = Time,
        MaxRetries = maxRetries,
        EnvironmentVariables = _ => null,
        RetryDelay = (delay, _) =>
        {
            Delays.Add(delay);
            // Moving the clock on shows that every attempt is signed with its own X-Amz-Date.
            Time.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        },
    };

    /// <summary>Re-signs what was sent and checks the Authorization header matches, i.e. the signature covers the wire request.</summary>
    public static void AssertValidSignature(CapturedRequest request, string service)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.Matches(
            $"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{{8}}/us-east-1/{service}/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{{64}}$",
            authorization);

        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        Assert.Contains("host", signedHeaders);
        Assert.Contains("x-amz-date", signedHeaders);
        var headers = request.Headers.Where(h => signedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) && !h.Key.Equals("x-amz-date", StringComparison.OrdinalIgnoreCase)).ToList();
        headers.Add(new("host", request.Uri.Authority));
        var timestamp = DateTimeOffset.ParseExact(request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var expected = new SigV4Signer().Sign(
            new SigV4Request(request.Method.Method, request.Uri.AbsolutePath, request.Uri.Query.TrimStart('?'), headers, request.Body),
            Credentials.ToSigV4(), "us-east-1", service, timestamp);
        Assert.Equal(expected.Authorization, authorization);
    }
}
