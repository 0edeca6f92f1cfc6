using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CrashRecovery.Tests;

/// <summary>
/// LocalCloud running as a separate process, as a user runs it, so the test can kill it the hard way
/// (SIGKILL: no shutdown code runs, nothing is flushed) and start it again on the same port and data.
/// </summary>
public sealed class LocalCloudProcess : IAsyncDisposable
{
    private readonly Process _process;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(90) };
    private bool _disposed;
    private readonly StringBuilder _output = new();

    private LocalCloudProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>What LocalCloud printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<LocalCloudProcess> StartAsync(int port, string dataDirectory, double scheduleTimeScale, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "LocalCloud"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", dataDirectory,
            "--schedule-time-scale", scheduleTimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--log-level", "Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("LocalCloud did not start.");
        var cloud = new LocalCloudProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await cloud.WaitUntilHealthyAsync(ct);
        }
        catch
        {
            // A process that never became healthy must not outlive the test (nor keep its port).
            await cloud.DisposeAsync();
            throw;
        }
        return cloud;
    }

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(ct);
    }

    /// <summary>SIGTERM, as `kill PID` or a container runtime stops a process; returns the exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken ct)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }
        await _process.WaitForExitAsync(ct);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        // Tests dispose a killed process before restarting; a restart that then fails is disposed again by the fixture.
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>One Step Functions operation (awsJson 1.0); the test fails unless it succeeds.</summary>
    public async Task<JsonElement> StepFunctionsAsync(string operation, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)),
        };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        return await SendAsync(request, operation, ct);
    }

    /// <summary>The output of an execution once it ends (asked every 50 ms, a minute at most); the test fails unless it SUCCEEDED.</summary>
    public async Task<string?> SucceededOutputAsync(string executionArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var described = await StepFunctionsAsync("DescribeExecution", new { executionArn }, ct);
            if (described.GetProperty("status").GetString() != "RUNNING" || DateTime.UtcNow > deadline)
            {
                return described.TryGetProperty("output", out var output) ? output.GetString() : described.GetProperty("status").GetString();
            }
            await Task.Delay(50, ct);
        }
    }

    /// <summary>One restJson request (Lambda's API); the test fails unless it succeeds. An empty answer is default.</summary>
    public async Task<JsonElement> RestAsync(string method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUrl, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }
        return await SendAsync(request, $"{method} {path}", ct);
    }

    private static async Task<JsonElement> SendAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        // Long enough for GetActivityTask's 60 s long poll.
        using var response = await Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"LocalCloud exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("_localcloud/health", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // Listening but not answering within one attempt's timeout: on a loaded machine a process that has just
                // recovered a thousand executions can take longer than that for its first request; the 60 s deadline holds.
            }
            await Task.Delay(100, deadline.Token);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
