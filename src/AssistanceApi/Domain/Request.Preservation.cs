using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>Expedited preservation (Art. 42): the period, its extension, its release and its end.</summary>
public sealed partial record Request
{
    /// <summary>The requested State confirms the data is preserved until the end of <paramref name="until"/>.</summary>
    public Decision Preserve(ActionContext context, DateOnly until) => PreserveUntil(Lifecycle.Preserve, context, until);

    /// <summary>The requesting State asks for the data to stay preserved until a later day.</summary>
    public Decision Extend(ActionContext context, DateOnly until) => PreserveUntil(Lifecycle.Extend, context, until);

    /// <summary>Preservation lasts at least the minimum period from submission, and an extension ends later than the current end (Art. 42(7)).</summary>
    private Decision PreserveUntil(LifecycleAction action, ActionContext context, DateOnly day)
    {
        if (Check(action, context) is { } denied) return denied;
        var until = EndOf(day);
        var minimum = SubmittedAt!.Value.AddDays(context.Options.PreservationMinimumDays);
        if (until < minimum)
            return PeriodRejected($"preservation lasts at least {context.Options.PreservationMinimumDays} days from submission: until {minimum:yyyy-MM-dd} or later.");
        if (action == Lifecycle.Extend && PreservedUntil is { } current && until <= current)
            return PeriodRejected($"an extension ends after the current end of preservation, {current:yyyy-MM-dd}.");

        return Become(action, context, Progress, new { preservedUntil = day }, body: preserved => preserved with { PreservedUntil = until });
    }

    private static Rejected PeriodRejected(string message) => Rejected.One(Citations.PreservationPeriod, "preservedUntil", message,
        "The period of preservation does not meet the Convention; nothing was changed.");

    /// <summary>Either State ends the preservation before it expires, with a reason.</summary>
    public Decision Release(ActionContext context, string reason)
    {
        if (Check(Lifecycle.Release, context) is { } denied) return denied;
        var release = new ReleaseNote { Reason = reason, ByState = StateOf(context.By), ReleasedAt = context.Now };
        return Become(Lifecycle.Release, context, Progress.With(p => p.Release = release), new { reason });
    }

    /// <summary>
    /// The period passed: the preservation is expired, closed when the period ended. A follow-up request pending keeps the
    /// data preserved (Art. 42(7)); the caller takes candidates where none is (<c>PreservationClock.Lapsed</c>).
    /// </summary>
    public Decision Expire(ActionContext context) =>
        Check(Lifecycle.Expire, context)
        ?? (Decision)Become(Lifecycle.Expire, context, Progress, null, body: expired => expired with { ClosedAt = PreservedUntil });
}
