
namespace LocalCloud.Lambda.Api.Shapes;

/// <param name="Location">On AWS a presigned S3 URL; here a URL LocalCloud serves the stored zip from.</param>
internal sealed record FunctionCodeLocation(string RepositoryType, string Location);
