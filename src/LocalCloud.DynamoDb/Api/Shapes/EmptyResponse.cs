using LocalCloud.DynamoDb.Api.Operations;
namespace LocalCloud.DynamoDb.Api.Shapes;

/// <summary>The empty JSON object AWS answers for operations without an output shape (TagResource, UntagResource).</summary>
internal sealed class EmptyResponse
{
}
