using LocalCloud.Lambda.DotnetRuntime;

return await RuntimeHost.RunAsync().ConfigureAwait(false);
