using System.Text.Json;

namespace LocalCloud.HostileInput.Tests.Models;

/// <summary>One operation of a published AWS API model: how it is called and which errors it may return.</summary>
public sealed record ApiOperation(ApiModel Model, string Name, string Method, string RequestUri, string? InputShape, IReadOnlySet<string> Errors)
{
    public bool IsAwsJson => Model.TargetPrefix is not null;

    public string Target => $"{Model.TargetPrefix}.{Name}";

    public JsonElement? Input => InputShape is null ? null : Model.Shape(InputShape);

    public override string ToString() => $"{Model.ServiceId}.{Name}";
}
