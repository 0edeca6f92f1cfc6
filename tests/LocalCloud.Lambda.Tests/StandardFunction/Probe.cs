using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace StandardFunction;

public sealed record ProbeEvent(string? Action, JsonElement? Value);

/// <summary>The .NET copy of the probe in ../Functions (same actions, same answers): "StandardFunction::StandardFunction.Probe::Handle".</summary>
public sealed class Probe
{
    public async Task<object> Handle(ProbeEvent input, ILambdaContext context)
    {
        switch (input.Action)
        {
            case "echo":
                return new Dictionary<string, object?>
                {
                    ["action"] = input.Action,
                    ["value"] = input.Value,
                    ["functionName"] = context.FunctionName,
                    ["functionVersion"] = context.FunctionVersion,
                    ["memoryLimitInMB"] = context.MemoryLimitInMB.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["hasRequestId"] = !string.IsNullOrEmpty(context.AwsRequestId),
                    ["remainingPositive"] = context.RemainingTime > TimeSpan.Zero,
                    ["variable"] = Environment.GetEnvironmentVariable("PROBE_VAR"),
                };
            case "throw":
                throw new InvalidOperationException($"probe failure: {input.Value}");
            case "hang":
                await Task.Delay(Timeout.Infinite);
                return "never";
            case "exit":
                Environment.Exit(3);
                return "never";
            case "log":
                Console.WriteLine("probe-stdout");
                Console.Error.WriteLine("probe-stderr");
                return "logged";
            case "signal":
                using (var http = new HttpClient())
                using (var content = new StringContent(input.Value?.GetRawText() ?? "null", Encoding.UTF8, "application/json"))
                {
                    var response = await http.PostAsync(new Uri(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") + "/_test/signal"), content);
                    response.EnsureSuccessStatusCode();
                }
                return "signalled";
            default:
                throw new InvalidOperationException($"unknown action {input.Action}");
        }
    }
}
