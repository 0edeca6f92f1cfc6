using System.Threading.Channels;
using LocalCloud.Lambda.Execution;

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>The steps of a service's Event invocations, in order, so a test awaits each one instead of sleeping.</summary>
internal sealed class EventNotices
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly Channel<EventNotice> _notices = Channel.CreateUnbounded<EventNotice>();

    public EventNotices(LambdaService service) => service.Events.Observer = n => _notices.Writer.TryWrite(n);

    public async Task<EventNotice> NextAsync()
        => await _notices.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Guard, TestContext.Current.CancellationToken);
}
