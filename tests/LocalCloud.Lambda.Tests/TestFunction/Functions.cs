using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace TestFunction;

/// <summary>Handlers for the Lambda service's tests: "TestFunction::TestFunction.Functions::{Method}".</summary>
public sealed class Functions
{
    private static int s_invocations;
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    public static Stream Echo(Stream input)
    {
        var copy = new MemoryStream();
        input.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    public static string Throw(string input) => throw new InvalidOperationException("boom: " + input);

    /// <summary>Ignores cancellation on purpose: only the service's timeout can end it.</summary>
    public static async Task<string> Hang(string input)
    {
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        return input;
    }

    public static async Task<string> WaitForDeadline(string input, CancellationToken deadline)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, deadline).ConfigureAwait(false);
            return "\"not cancelled\"";
        }
        catch (OperationCanceledException)
        {
            return "\"cancelled before the deadline\"";
        }
    }

    public static string Exit(string input)
    {
        Environment.Exit(3);
        return input;
    }

    public static string PrintLogs(string input)
    {
        Console.WriteLine("log-line-from-stdout");
        Console.Error.WriteLine("log-line-from-stderr");
        return "\"printed\"";
    }

    public static string Env(string input)
    {
        var variables = Environment.GetEnvironmentVariables();
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in variables)
        {
            map[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }
        map["CWD"] = Environment.CurrentDirectory;
        return JsonSerializer.Serialize(map);
    }

    /// <summary>Which process and handler instance served the call: a warm worker answers the same twice.</summary>
    public string WhoAmI(string input)
    {
        var count = Interlocked.Increment(ref s_invocations);
        return JsonSerializer.Serialize(new { pid = Environment.ProcessId, instance = _instanceId, count });
    }

    /// <summary>Tells the test it is running, then never returns: only stopping the worker ends it.</summary>
    public static async Task<string> SignalThenHang(string input)
    {
        await Signal(input).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        return input;
    }

    /// <summary>Tells the test it ran (once per attempt), then fails: drives the Event retry tests.</summary>
    public static async Task<string> SignalThenThrow(string input)
    {
        await Signal(input).ConfigureAwait(false);
        throw new InvalidOperationException("failed after signalling");
    }

    /// <summary>
    /// Connects to the test's listener on the payload's "port", sends this process's id, then obeys the one-line answer:
    /// "hang" never returns (only killing the worker ends the invocation); anything else is returned with the pid.
    /// Lets a test kill a worker while it is certainly mid-invocation, without polling.
    /// </summary>
    public static async Task<string> ReportPidThenObey(string input)
    {
        using var document = JsonDocument.Parse(input);
        var port = document.RootElement.GetProperty("port").GetInt32();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        await writer.WriteLineAsync(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var order = await reader.ReadLineAsync().ConfigureAwait(false);
        if (order == "hang")
        {
            await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        }
        return JsonSerializer.Serialize(new { pid = Environment.ProcessId, order });
    }

    /// <summary>Posts the payload to the test host through AWS_ENDPOINT_URL, so a test can await an Event invocation's effect.</summary>
    public static async Task<string> Signal(string input)
    {
        using var http = new HttpClient();
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        using var content = new StringContent(input, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(endpoint + "/_test/signal"), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return "\"signalled\"";
    }
}
