using Amazon.Runtime;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>Routes AWSSDK.DynamoDBv2's HTTP through a test handler.</summary>
internal sealed class ScriptedHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
