namespace LocalCloud.DynamoDb.Api;

/// <summary>The empty JSON object AWS answers for operations without an output shape (TagResource, UntagResource).</summary>
internal sealed class EmptyResponse
{
}
