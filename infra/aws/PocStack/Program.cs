using Amazon.CDK;
using Poc.Infra.Aws;

var app = new App();
// The CDK CLI sets these from the profile/credentials in use, so one synth targets the account it deploys to.
var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
var environment = account is null && region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region };

_ = new PocStack(app, "PocCallbackStack", StackSettings.FromContext(app.Node.TryGetContext, Directory.GetCurrentDirectory(), environment));
app.Synth();
