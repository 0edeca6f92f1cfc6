// An item is a read-only map: stored items are shared with readers and never mutated in place.
global using Item = System.Collections.Generic.IReadOnlyDictionary<string, LocalCloud.DynamoDb.Model.AttributeValue>;
