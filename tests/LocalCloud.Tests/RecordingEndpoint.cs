using System.Text;
using LocalCloud.Core;

namespace LocalCloud.Tests;

/// <summary>A service that records what reached it and answers with a fixed body, or throws what it is told to.</summary>
internal sealed class RecordingEndpoint(string name, string[] targets, string[] paths) : IServiceEndpoint
{
    public string Name => name;
    public IReadOnlyList<string> TargetPrefixes => targets;
    public IReadOnlyList<string> PathPrefixes => paths;
    public List<ServiceRequest> Requests { get; } = [];
    public Exception? Throw { get; set; }

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (Throw is not null)
        {
            throw Throw;
        }
        return Task.FromResult(ServiceResponse.Json(200, Encoding.UTF8.GetBytes($"{{\"service\":\"{name}\"}}")));
    }
}
