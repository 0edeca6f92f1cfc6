// One synthesis (a Node.js process behind jsii, tens of seconds) serves every test in the assembly.
[assembly: AssemblyFixture(typeof(Infra.Aws.Tests.PocStackFixture))]

// Every assertion crosses into the one jsii Node.js process; keep those calls from interleaving.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
