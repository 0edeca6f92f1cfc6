namespace LocalCloud.DynamoDb.Expressions;

/// <summary>A SET, REMOVE, ADD or DELETE section with its actions.</summary>
internal sealed record UpdateClause(string Keyword, IReadOnlyList<UpdateAction> Actions);
