using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record GetAccountSettingsResponse(AccountLimit AccountLimit, AccountUsage AccountUsage);
