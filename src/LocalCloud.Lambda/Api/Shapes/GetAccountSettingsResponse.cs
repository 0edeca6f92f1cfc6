namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record GetAccountSettingsResponse(AccountLimit AccountLimit, AccountUsage AccountUsage);
