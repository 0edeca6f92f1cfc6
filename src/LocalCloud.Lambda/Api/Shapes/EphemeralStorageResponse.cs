
namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>/tmp size; AWS reports the default 512 MB for every function that does not set it.</summary>
internal sealed record EphemeralStorageResponse(int Size);
