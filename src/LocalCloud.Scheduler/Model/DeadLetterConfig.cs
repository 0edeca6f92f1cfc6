
namespace LocalCloud.Scheduler.Model;

internal sealed record DeadLetterConfig(string? Arn);
