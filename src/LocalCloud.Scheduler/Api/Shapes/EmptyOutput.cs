
namespace LocalCloud.Scheduler.Api.Shapes;

/// <summary>The empty structure AWS answers for deletes: a body of {}.</summary>
internal sealed record EmptyOutput;
