using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LocalCloud.Testing;

/// <summary>
/// The test's end of a test function's ReportPidThenObey (LocalCloud.Lambda.Tests' TestFunction, LocalCloud.Tests' FaultFunction): each invocation connects, says which process it runs in and
/// waits for an order. So a test knows a worker is mid-invocation, and which pid to kill, the moment it happens.
/// </summary>
public sealed class WorkerProbe : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public WorkerProbe() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The invocation payload that makes the function call this probe.</summary>
    public string Payload => $$"""{"port":{{Port.ToString(CultureInfo.InvariantCulture)}}}""";

    /// <summary>Waits for the next invocation to report in, gives it <paramref name="order"/> ("hang" or anything to return) and answers its pid.</summary>
    public async Task<int> NextAsync(string order, CancellationToken cancel)
    {
        using var client = await _listener.AcceptTcpClientAsync(cancel).AsTask().WaitAsync(Guard, cancel);
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var pid = int.Parse(await reader.ReadLineAsync(cancel).AsTask().WaitAsync(Guard, cancel) ?? "-1", CultureInfo.InvariantCulture);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(order + "\n"), cancel);
        return pid;
    }

    public void Dispose() => _listener.Dispose();
}
