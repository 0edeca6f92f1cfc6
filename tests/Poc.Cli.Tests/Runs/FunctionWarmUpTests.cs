using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Aws.Clients;
using Aws.Clients.Lambda;
using Poc.Cli.Deploy;
using Poc.Cli.Runs;

namespace Poc.Cli.Tests.Runs;

public sealed class FunctionWarmUpTests
{
    [Fact]
    public async Task RunAsync_EveryFunctionAnswers_OneInvocationPerWorkerAndNoProblem()
    {
        using var lambda = new FakeLambda(_ => (null, "{}"));

        var result = await FunctionWarmUp.RunAsync(lambda.Client, TestContext.Current.CancellationToken);

        Assert.Equal((2 * FunctionWarmUp.WorkersPerFunction) + 1, result.Workers);
        Assert.Empty(result.Problems);
        Assert.Equal(FunctionWarmUp.WorkersPerFunction, lambda.Calls[PocResources.CreateJobFunction]);
        Assert.Equal(FunctionWarmUp.WorkersPerFunction, lambda.Calls[PocResources.SimulatedApiFunction]);
        Assert.Equal(1, lambda.Calls[PocResources.PollerFunction]);
    }

    [Fact]
    public async Task RunAsync_HandlerRejectsThePayload_StillWarm()
    {
        // create-job's validation error is the expected answer to the warm-up payload: the worker started and stays.
        using var lambda = new FakeLambda(_ => ("Unhandled", """{"errorType":"InvalidPayload","errorMessage":"taskToken is required"}"""));

        var result = await FunctionWarmUp.RunAsync(lambda.Client, TestContext.Current.CancellationToken);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task RunAsync_RuntimeFailures_ReportedOncePerFunctionAndError()
    {
        using var lambda = new FakeLambda(function => function == PocResources.SimulatedApiFunction
            ? ("Unhandled", """{"errorType":"Runtime.ExitError","errorMessage":"Runtime exited with error: exit status 1"}""")
            : function == PocResources.PollerFunction ? ("Unhandled", """{"errorType":"Sandbox.Timedout"}""") : (null, "{}"));

        var result = await FunctionWarmUp.RunAsync(lambda.Client, TestContext.Current.CancellationToken);

        Assert.Equal(["poc-poller: Sandbox.Timedout", "poc-simulated-api: Runtime.ExitError"], result.Problems.Order(StringComparer.Ordinal));
    }

    // Answers Lambda's Invoke (POST /2015-03-31/functions/{name}/invocations) per function, counting calls.
    private sealed class FakeLambda : HttpMessageHandler
    {
        private readonly Func<string, (string? FunctionError, string Payload)> answer;

        public FakeLambda(Func<string, (string? FunctionError, string Payload)> answer)
        {
            this.answer = answer;
            Client = new LambdaClient(new AwsClientConfig
            {
                Region = "us-east-1",
                Credentials = new AwsCredentials("test", "test"),
                ServiceUrl = "http://fake.local",
                HttpMessageHandler = this,
                MaxRetries = 0,
                EnvironmentVariables = _ => null,
            });
        }

        public LambdaClient Client { get; }

        public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var function = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath.Split('/')[3]);
            Calls.AddOrUpdate(function, 1, (_, n) => n + 1);
            var (error, payload) = answer(function);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(payload, Encoding.UTF8, "application/json"), RequestMessage = request };
            if (error is not null)
            {
                response.Headers.TryAddWithoutValidation("X-Amz-Function-Error", error);
            }

            return Task.FromResult(response);
        }
    }
}
