using System.Text.Json.Nodes;

namespace LocalCloud.HostileInput.Tests.Models;

/// <summary>A plausible request for an operation, split the way the wire carries it (body, URI labels, query, headers).</summary>
public sealed record RequestSkeleton(
    JsonObject Body,
    Dictionary<string, string> Labels,
    Dictionary<string, string> Query,
    Dictionary<string, string> Headers);
