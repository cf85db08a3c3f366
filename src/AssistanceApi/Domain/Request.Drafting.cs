using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>A draft: changed, discarded or submitted by the requesting State.</summary>
public sealed partial record Request
{
    /// <summary>
    /// Sends the draft to the requested State (Art. 40(14)) if the treaty rules found no error. It gets its
    /// reference, FRA-DEU-2026-000042: numbered per pair of States and year, so a reference never repeats and tells the
    /// requested State nothing of the requesting State's requests to others.
    /// </summary>
    public Decision Submit(ActionContext context, IReadOnlyList<Finding> findings, long referenceNumber)
    {
        if (Check(Lifecycle.Submit, context) is { } denied) return denied;
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0) return new NotCompliant(errors);

        var reference = $"{RequestingState}-{RequestedState}-{context.Now.Year}-{referenceNumber:D6}";
        var warnings = findings.Where(f => f.Severity == Severity.Warning).Select(f => f.Code).ToList();
        return Become(Lifecycle.Submit, context, Progress, new { reference, warnings }, body: submitted => submitted with
        {
            Reference = reference,
            DueAt = Details.Deadline is { } day ? EndOf(day) : null,
            AcknowledgeBy = context.Now + AcknowledgeWithin(context.Options),
        });
    }

    /// <summary>Emergencies and the expedited channels are acknowledged within hours, not days.</summary>
    private TimeSpan AcknowledgeWithin(TreatyOptions options) =>
        Details.Emergency == true || Kind != RequestKind.MutualLegalAssistance ? options.ExpeditedAcknowledgeWithin : options.AcknowledgeWithin;

    /// <summary>Replaces the draft's content; <paramref name="fields"/> names what the change touched, for the audit trail.</summary>
    public Decision Update(ActionContext context, RequestDetails details, IReadOnlyList<string> fields)
    {
        if (Check(Lifecycle.Update, context) is { } denied) return denied;
        if (details.RequestedState == RequestingState) return OwnStateRequested;

        return Become(Lifecycle.Update, context, Progress, new { fields }, body: updated => updated with
        {
            Details = details, Kind = details.Kind ?? Kind, RequestedState = details.RequestedState ?? RequestedState,
        });
    }

    /// <summary>Assistance is asked of another State (Art. 40(1)); a request to oneself is no request.</summary>
    private static Rejected OwnStateRequested => Rejected.One(Citations.OtherState, DraftRules.OwnStateField, DraftRules.OwnStateMessage);

    /// <summary>Discards the draft: kept with its history, visible to nobody.</summary>
    public Decision Discard(ActionContext context) =>
        Check(Lifecycle.Discard, context) ?? (Decision)Become(Lifecycle.Discard, context, Progress, null);
}
