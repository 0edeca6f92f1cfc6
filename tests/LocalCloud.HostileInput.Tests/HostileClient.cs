using System.Globalization;
using System.Net.Sockets;
using System.Text;
using LocalCloud.HostileInput.Tests.Fuzzing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// A deliberately raw HTTP/1.1 client: one TCP connection per request, bytes written exactly as given, so
/// paths, encodings and bodies reach the server unnormalised. A connection closed before a full response
/// is a <see cref="DroppedConnectionException"/>; no answer within the timeout is a <see cref="TimeoutException"/>.
/// </summary>
public sealed class HostileClient(Uri baseUrl)
{
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(15);

    public Uri BaseUrl { get; } = baseUrl;

    public int Sent { get; private set; }

    /// <summary>
    /// Sends the request; with <paramref name="stopAfterBodyBytes"/>, sends only that much of the body (chunked: no
    /// final chunk) and then waits for an answer, which proves the server refused without waiting for the rest.
    /// </summary>
    public async Task<HostileResponse> SendAsync(HostileRequest request, CancellationToken cancellationToken, int? stopAfterBodyBytes = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Sent++;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(BaseUrl.Host, BaseUrl.Port, timeout.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Head(request), timeout.Token);
            try
            {
                await WriteBodyAsync(stream, request, stopAfterBodyBytes ?? request.Body.Length, stopAfterBodyBytes is null, timeout.Token);
            }
            catch (IOException) when (stopAfterBodyBytes is not null)
            {
                // The server answered and closed while we were still pushing the oversized body: read its answer.
            }
            return await ReadResponseAsync(stream, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No response within {RequestTimeout.TotalSeconds} s to {request}");
        }
        catch (IOException e)
        {
            throw new DroppedConnectionException($"Connection dropped on {request}: {e.Message}", e);
        }
    }

    private byte[] Head(HostileRequest request)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(BaseUrl.Authority).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append(request.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {request.Body.Length}\r\n");
        head.Append("Connection: close\r\n\r\n");
        // Latin1 keeps any char < 256 as one byte, so a target can carry raw invalid UTF-8 on purpose.
        return Encoding.Latin1.GetBytes(head.ToString());
    }

    private static async Task WriteBodyAsync(NetworkStream stream, HostileRequest request, int bytes, bool complete, CancellationToken cancellationToken)
    {
        if (!request.Chunked)
        {
            await stream.WriteAsync(request.Body.AsMemory(0, bytes), cancellationToken);
            return;
        }
        const int chunk = 16 * 1024;
        for (var offset = 0; offset < bytes; offset += chunk)
        {
            var length = Math.Min(chunk, bytes - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await stream.WriteAsync(request.Body.AsMemory(offset, length), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }
        if (complete)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
        }
    }

    private static async Task<HostileResponse> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reader = new ResponseReader(stream);
        var statusLine = await reader.ReadLineAsync(cancellationToken) ?? throw new DroppedConnectionException("Connection closed before a status line.");
        var parts = statusLine.Split(' ', 3);
        var status = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var size = int.Parse((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    break;
                }
                buffer.Write(await reader.ReadExactlyAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }
            body = buffer.ToArray();
        }
        else
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        return new HostileResponse(status, headers, body);
    }
}
