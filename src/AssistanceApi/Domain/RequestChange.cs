namespace AssistanceApi.Domain;

/// <summary>
/// What an action changes: the request as it was and as it becomes (status, version, progress and the columns the
/// action stamps), at the unit's one time, with the details its audit event records.
/// </summary>
public sealed record RequestChange(LifecycleAction Action, Request Before, Request After, DateTimeOffset At, object? AuditDetails) : Decision
{
    public bool ProgressChanged => !ReferenceEquals(Before.Progress, After.Progress);

    public bool DetailsChanged => !ReferenceEquals(Before.Details, After.Details);
}
