using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;

namespace Poc.Bench.Sections;

/// <summary>
/// Requests per second served over HTTP for a mix of StartExecution, SendTaskSuccess, DescribeExecution and DynamoDB
/// PutItem, GetItem, Query and UpdateItem from several concurrent clients: LocalCloud (in this process) and moto's server
/// (a child process) in the same run, one after the other, and the ratio. The clients post pre-built awsJson bodies over
/// one HttpClient (neither server checks signatures unless asked to), so their own cost stays small next to the server's;
/// with an AWS SDK client per request the clients alone would take most of the two cores.
/// </summary>
public static class WireBench
{
    private const int Clients = 8;
    private const int SeededItems = 100;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(8);

    private static readonly string[] Mix = ["StartExecution", "SendTaskSuccess", "DescribeExecution", "PutItem", "GetItem", "Query", "UpdateItem"];

    public static async Task RunAsync(Uri? otherLocalCloud, BenchReport report, CancellationToken ct)
    {
        // A LocalCloud running elsewhere (a previous build) first, so both builds see the machine at about the same time.
        var other = otherLocalCloud is null ? null : await MeasureAsync(otherLocalCloud, ct);
        JsonObject localCloud;
        await using (var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct))
        {
            localCloud = await MeasureAsync(cloud.BaseUrl, ct);
        }

        JsonObject? moto = null;
        string? motoProblem = null;
        try
        {
            using var server = await MotoServer.StartAsync(ct);
            moto = await MeasureAsync(server.BaseUrl, ct);
        }
        catch (MotoUnavailableException e)
        {
            motoProblem = e.Message;
        }

        var lcRate = localCloud["requestsPerSecond"]!.GetValue<double>();
        var motoRate = moto?["requestsPerSecond"]!.GetValue<double>();
        var ratio = motoRate is > 0 ? Math.Round(lcRate / motoRate.Value, 1) : (double?)null;
        report.Section("wire", new JsonObject
        {
            ["method"] = FormattableString.Invariant(
                $"{Clients} concurrent clients, each cycling through {string.Join(", ", Mix)}; pre-built awsJson bodies over one HttpClient; {Warmup.TotalSeconds:0} s warm-up, then {Measured.TotalSeconds:0} s counted"),
            ["caveats"] = "SendTaskSuccess names a token no execution holds: LocalCloud looks it up and answers TaskDoesNotExist (counted as an error answer), moto's SendTaskSuccess does nothing and answers 200. moto's StartExecution records the execution without running it; LocalCloud runs the Pass machine to completion.",
            ["localCloud"] = localCloud,
            ["moto"] = moto,
            ["motoProblem"] = motoProblem,
            ["ratio"] = ratio,
            ["otherLocalCloud"] = other is null ? null : new JsonObject { ["url"] = otherLocalCloud!.ToString(), ["figures"] = other },
        });
        report.Row("wire", "mix over HTTP, LocalCloud", Describe(localCloud), "≥ 10,000 /s");
        report.Row("wire", "same mix, moto_server", moto is null ? $"not measured: {motoProblem}" : Describe(moto));
        if (other is not null)
        {
            report.Row("wire", $"same mix, LocalCloud at {otherLocalCloud}", Describe(other));
        }

        report.Row("wire", "LocalCloud ÷ moto", ratio is null ? "n/a" : FormattableString.Invariant($"{ratio:0.0}×"), "≥ 20×");
    }

    private static string Describe(JsonObject figures) => FormattableString.Invariant(
        $"{figures["requestsPerSecond"]} req/s (p50 {figures["latency"]!["p50Ms"]} ms, p99 {figures["latency"]!["p99Ms"]} ms; {figures["errorAnswers"]} error answers; load {figures["loadAverageAfter"]})");

    private static async Task<JsonObject> MeasureAsync(Uri baseUrl, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };
        var target = await SetUpAsync(http, ct);

        // Execution names unique to this measurement: a server measured twice would refuse a name it already ran.
        var runId = Guid.NewGuid().ToString("N")[..8];
        await RunClientsAsync(http, target, "warm-" + runId, Warmup, ct);
        var loadBefore = BenchReport.LoadAverage();
        var results = await RunClientsAsync(http, target, "run-" + runId, Measured, ct);
        var total = results.Sum(r => r.Latencies.Count);
        var ok = new JsonObject();
        var errors = new JsonObject();
        for (var op = 0; op < Mix.Length; op++)
        {
            ok[Mix[op]] = results.Sum(r => r.Ok[op]);
            errors[Mix[op]] = results.Sum(r => r.Errors[op]);
        }

        var seconds = results.Max(r => r.Seconds);
        return new JsonObject
        {
            ["requests"] = total,
            ["seconds"] = Math.Round(seconds, 2),
            ["requestsPerSecond"] = Math.Round(total / seconds),
            ["errorAnswers"] = results.Sum(r => r.Errors.Sum()),
            ["ok"] = ok,
            ["errors"] = errors,
            ["latency"] = LatencyStats.From([.. results.SelectMany(r => r.Latencies)]).ToJson(),
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = BenchReport.LoadAverage(),
        };
    }

    private sealed record Target(string StateMachineArn, string ExecutionArn);

    private sealed record ClientResult(int[] Ok, int[] Errors, List<double> Latencies, double Seconds);

    private static async Task<Target> SetUpAsync(HttpClient http, CancellationToken ct)
    {
        var definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"done":true},"End":true}}}""";
        var machine = await CallAsync(http, "states", "AWSStepFunctions.CreateStateMachine", new JsonObject
        {
            ["name"] = "wire-bench",
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::123456789012:role/wire-bench",
        }.ToJsonString(), ct);
        var machineArn = machine["stateMachineArn"]!.GetValue<string>();
        var execution = await CallAsync(http, "states", "AWSStepFunctions.StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["input"] = "{}" }.ToJsonString(), ct);
        await CallAsync(http, "dynamodb", "DynamoDB_20120810.CreateTable", """
            {"TableName":"wire-bench","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
            """, ct);
        for (var i = 0; i < SeededItems; i++)
        {
            await CallAsync(http, "dynamodb", "DynamoDB_20120810.PutItem", Put(i % 10, "seed-" + Num(i)), ct);
        }

        return new Target(machineArn, execution["executionArn"]!.GetValue<string>());
    }

    private static string Put(int partition, string sortKey) =>
        "{\"TableName\":\"wire-bench\",\"Item\":{\"pk\":{\"S\":\"p" + Num(partition) + "\"},\"sk\":{\"S\":\"" + sortKey
        + "\"},\"status\":{\"S\":\"PENDING\"},\"attempts\":{\"N\":\"0\"},\"payload\":{\"S\":\"a small payload of about sixty bytes, as a job record has\"}}}";

    // The key of a seeded item in the same partition as n: seed-j with j % 10 == n % 10.
    private static string SeedKey(int n) =>
        "{\"pk\":{\"S\":\"p" + Num(n % 10) + "\"},\"sk\":{\"S\":\"seed-" + Num((n % SeededItems / 10 * 10) + (n % 10)) + "\"}}";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Each client describes the execution it started last: a fixed one would be evicted once 10,000 newer executions
    // have ended (ExecutionRetention), and the not-found answers that followed were cheaper than a real Describe.
    private static string ExecutionArn(Target target, string name) =>
        target.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    private static (string Service, string Target, string Body) Request(int op, int n, Target target, string phase, string lastStarted) => Mix[op] switch
    {
        "StartExecution" => ("states", "AWSStepFunctions.StartExecution",
            "{\"stateMachineArn\":\"" + target.StateMachineArn + "\",\"name\":\"" + phase + "-" + Num(n) + "\",\"input\":\"{\\\"n\\\":" + Num(n) + "}\"}"),
        "SendTaskSuccess" => ("states", "AWSStepFunctions.SendTaskSuccess", """{"taskToken":"AAAAKgAAAAIAAAAAAAAAAQ-wire-bench-token-that-no-task-holds","output":"{}"}"""),
        "DescribeExecution" => ("states", "AWSStepFunctions.DescribeExecution", "{\"executionArn\":\"" + lastStarted + "\"}"),
        "PutItem" => ("dynamodb", "DynamoDB_20120810.PutItem", Put(n % 10, "item-" + Num(n))),
        "GetItem" => ("dynamodb", "DynamoDB_20120810.GetItem", "{\"TableName\":\"wire-bench\",\"Key\":" + SeedKey(n) + "}"),
        "Query" => ("dynamodb", "DynamoDB_20120810.Query",
            "{\"TableName\":\"wire-bench\",\"KeyConditionExpression\":\"pk = :p AND begins_with(sk, :s)\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p"
            + Num(n % 10) + "\"},\":s\":{\"S\":\"seed-\"}},\"Limit\":10}"),
        _ => ("dynamodb", "DynamoDB_20120810.UpdateItem",
            "{\"TableName\":\"wire-bench\",\"Key\":" + SeedKey(n)
            + ",\"UpdateExpression\":\"SET attempts = attempts + :one\",\"ConditionExpression\":\"#s = :pending\",\"ExpressionAttributeNames\":{\"#s\":\"status\"},\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":pending\":{\"S\":\"PENDING\"}}}"),
    };

    private static async Task<ClientResult[]> RunClientsAsync(HttpClient http, Target target, string phase, TimeSpan duration, CancellationToken ct)
    {
        return await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var ok = new int[Mix.Length];
            var errors = new int[Mix.Length];
            var latencies = new List<double>();
            var lastStarted = target.ExecutionArn;
            var watch = Stopwatch.StartNew();
            for (var n = client; watch.Elapsed < duration; n += Clients)
            {
                var op = n % Mix.Length;
                var (service, amzTarget, body) = Request(op, n, target, phase, lastStarted);
                var started = Stopwatch.GetTimestamp();
                using var response = await SendAsync(http, service, amzTarget, body, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    if (Mix[op] == "StartExecution")
                    {
                        lastStarted = ExecutionArn(target, phase + "-" + Num(n));
                    }

                    ok[op]++;
                }
                else
                {
                    errors[op]++;
                }
            }

            return new ClientResult(ok, errors, latencies, watch.Elapsed.TotalSeconds);
        }, ct)));
    }

    private static async Task<JsonNode> CallAsync(HttpClient http, string service, string amzTarget, string body, CancellationToken ct)
    {
        using var response = await SendAsync(http, service, amzTarget, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text) ?? new JsonObject()
            : throw new InvalidOperationException($"{amzTarget} answered {(int)response.StatusCode}: {text}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string service, string amzTarget, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", amzTarget);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261205T000000Z");
        // Unchecked by both servers by default; moto routes on the credential scope's service name.
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20261205/us-east-1/{service}/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature={new string('0', 64)}");
        return await http.SendAsync(request, ct);
    }

    /// <summary>moto's server on a free loopback port, as a child process ended (with its children) on dispose.</summary>
    private sealed class MotoServer : IDisposable
    {
        private readonly Process _process;

        private MotoServer(Process process, Uri baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static async Task<MotoServer> StartAsync(CancellationToken ct)
        {
            var port = FreePort();
            var arguments = new[] { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) };
            Process? process = null;
            foreach (var (file, prefix) in new[] { ("moto_server", Array.Empty<string>()), ("python3", new[] { "-m", "moto.server" }) })
            {
                var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in prefix.Concat(arguments))
                {
                    start.ArgumentList.Add(argument);
                }

                try
                {
                    process = Process.Start(start);
                    break;
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // Not on PATH: try the next way to start it.
                }
            }

            if (process is null)
            {
                throw new MotoUnavailableException("neither moto_server nor python3 -m moto.server could be started");
            }

            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
            using var probe = new HttpClient();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    server.Dispose();
                    throw new MotoUnavailableException($"moto's server exited with code {process.ExitCode} on start");
                }

                try
                {
                    using var response = await probe.GetAsync(new Uri(server.BaseUrl, "/moto-api/"), ct);
                    return server;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, ct);
                }
            }

            server.Dispose();
            throw new MotoUnavailableException("moto's server did not answer within 60 s");
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    private sealed class MotoUnavailableException(string message) : Exception(message);
}
