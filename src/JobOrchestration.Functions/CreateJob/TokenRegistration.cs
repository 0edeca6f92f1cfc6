namespace JobOrchestration.Functions.CreateJob;

/// <summary>What storing the task token did.</summary>
public enum TokenRegistration
{
    /// <summary>First invocation for the execution: the record was created.</summary>
    Created,

    /// <summary>The Task state was retried and minted a new token: the PENDING record now carries it.</summary>
    TokenReplaced,

    /// <summary>The same invocation was delivered again: the record already carries this token.</summary>
    Unchanged,
}
