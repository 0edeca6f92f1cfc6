namespace JobOrchestration.Functions.Poller;

public enum PollActionKind
{
    KeepPolling,
    SendSuccess,
    SendFailure,
}
