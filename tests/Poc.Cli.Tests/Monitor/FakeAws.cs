using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Aws.Clients;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

/// <summary>
/// One fake endpoint behind the real clients: answers by operation (X-Amz-Target's last part, or "GetSchedule") with canned
/// JSON, and counts the calls. A responder gets the request body, so one operation can answer per parameter.
/// </summary>
internal sealed class FakeAws : HttpMessageHandler
{
    private readonly Dictionary<string, Func<string, (HttpStatusCode Status, string Json)>> responders = new(StringComparer.Ordinal);

    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public FakeAws On(string operation, string json) => On(operation, _ => (HttpStatusCode.OK, json));

    public FakeAws On(string operation, Func<string, (HttpStatusCode Status, string Json)> responder)
    {
        responders[operation] = responder;
        return this;
    }

    public FakeAws Error(string operation, HttpStatusCode status, string code)
        => On(operation, _ => (status, $$"""{"__type":"{{code}}","message":"{{code}} from the fake"}"""));

    public MonitorSources Sources(EndpointKind kind = EndpointKind.LocalCloud)
    {
        var config = new AwsClientConfig
        {
            Region = "us-east-1",
            Credentials = new AwsCredentials("test", "test"),
            ServiceUrl = "http://fake.local",
            HttpMessageHandler = this,
            MaxRetries = 0,
            EnvironmentVariables = _ => null,
        };
        var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = "http://fake.local", AuthenticationRegion = "us-east-1", HttpClientFactory = new Factory(this), MaxErrorRetry = 0 });
        return new MonitorSources(new StepFunctionsClient(config), new SchedulerClient(config), dynamo, kind) { Where = "fake" };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.Single().Split('.')[^1]
            : request.RequestUri!.AbsolutePath.StartsWith("/schedules/", StringComparison.Ordinal) ? "GetSchedule"
            : request.RequestUri.AbsolutePath;
        Calls[operation] = Calls.GetValueOrDefault(operation) + 1;
        var (status, json) = responders.TryGetValue(operation, out var responder)
            ? responder(body)
            : throw new InvalidOperationException($"FakeAws has no answer for {operation}.");
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.0"), RequestMessage = request };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "fake-request");
        return response;
    }

    private sealed class Factory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
