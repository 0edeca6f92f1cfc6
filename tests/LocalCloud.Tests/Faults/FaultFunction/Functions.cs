using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FaultFunction;

/// <summary>Handlers for the fault tests: "FaultFunction::FaultFunction.Functions::{Method}".</summary>
public static class Functions
{
    /// <summary>
    /// Connects to the test's listener on the payload's "port", sends this process's id, then obeys the one-line answer:
    /// "hang" never returns (only killing the worker ends the invocation); anything else is returned with the pid.
    /// The test so knows, without polling, that a worker is mid-invocation and which process to kill.
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
}
