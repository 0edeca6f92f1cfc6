using System.Text;

namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>Buffered reads of CRLF lines and exact byte counts from a socket; EOF mid-message is a dropped connection.</summary>
internal sealed class ResponseReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return line.Count == 0 ? null : throw new DroppedConnectionException("Connection closed mid-line.");
            }
            var b = _buffer[_start++];
            if (b == '\n')
            {
                return Encoding.Latin1.GetString([.. line]).TrimEnd('\r');
            }
            line.Add(b);
        }
    }

    public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new DroppedConnectionException($"Connection closed after {filled} of {count} body bytes.");
            }
            var n = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, n);
            _start += n;
            filled += n;
        }
        return result;
    }

    public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        do
        {
            all.Write(_buffer, _start, _end - _start);
            _start = _end;
        }
        while (await FillAsync(cancellationToken));
        return all.ToArray();
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
