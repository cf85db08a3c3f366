using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>Consultation before refusal or postponement (Art. 40(27)), the refusal and the postponement themselves.</summary>
public sealed partial record Request
{
    /// <summary>The requested State proposes conditions under which it could assist, and says what it intends otherwise.</summary>
    public Decision Consult(ActionContext context, ConsultationIntent intent, IReadOnlyList<string> proposedConditions, string? reasons)
    {
        if (Check(Lifecycle.Consult, context) is { } denied) return denied;
        var consultation = new Consultation { Intent = intent, ProposedConditions = [.. proposedConditions], Reasons = reasons, OpenedAt = context.Now };
        return Become(Lifecycle.Consult, context, Progress.With(p => p.Consultation = consultation), new { intent, proposedConditions, reasons });
    }

    /// <summary>The proposed conditions bind the request and its execution resumes.</summary>
    public Decision AcceptConditions(ActionContext context, string? comment)
    {
        if (Check(Lifecycle.AcceptConditions, context) is { } denied) return denied;
        var answered = Answered(ConsultationAnswer.Accepted, comment, context.Now);
        return Become(Lifecycle.AcceptConditions, context, Progress.With(p =>
        {
            p.Consultation = answered;
            p.Conditions = answered.ProposedConditions;
        }), new { answer = ConsultationAnswer.Accepted, comment });
    }

    /// <summary>The requesting State does not accept the conditions; the consultation stays open for refusal or postponement.</summary>
    public Decision DeclineConditions(ActionContext context, string? comment)
    {
        if (Check(Lifecycle.DeclineConditions, context) is { } denied) return denied;
        var answered = Answered(ConsultationAnswer.Declined, comment, context.Now);
        return Become(Lifecycle.DeclineConditions, context, Progress.With(p => p.Consultation = answered), new { answer = ConsultationAnswer.Declined, comment });
    }

    private Consultation Answered(ConsultationAnswer answer, string? comment, DateTimeOffset now)
    {
        var open = Progress.Consultation!;
        return new Consultation
        {
            Intent = open.Intent, ProposedConditions = open.ProposedConditions, Reasons = open.Reasons, OpenedAt = open.OpenedAt,
            Answer = answer, Comment = comment, AnsweredAt = now,
        };
    }

    /// <summary>
    /// Refuses on grounds of the closed list (Arts. 40(9), 40(21), 40(22)), never on the grounds the Convention rules
    /// out (Arts. 40(8), 40(23)), and with reasons (Art. 40(24)). Every breach is listed, not only the first.
    /// </summary>
    public Decision Refuse(ActionContext context, IReadOnlyList<string> grounds, string? reasons)
    {
        if (Check(Lifecycle.Refuse, context) is { } denied) return denied;
        var breaches = GroundBreaches(grounds).ToList();
        if (string.IsNullOrWhiteSpace(reasons))
            breaches.Add(new ProvisionBreach(RefusalGrounds.ReasonsProvision, "reasons", "reasons shall be given for any refusal."));
        if (breaches.Count > 0) return new Rejected("The refusal does not meet the Convention; nothing was changed.", breaches);

        var refusal = new Refusal
        {
            Grounds = grounds.Select(g => new RefusalGround { Ground = g, Provision = RefusalGrounds.Allowed[g] }).ToList(),
            Reasons = reasons!,
            RefusedAt = context.Now,
        };
        return Become(Lifecycle.Refuse, context, Progress.With(p => p.Refusal = refusal), new { grounds, reasons });
    }

    private static IEnumerable<ProvisionBreach> GroundBreaches(IReadOnlyList<string> grounds)
    {
        if (grounds.Count == 0)
            yield return new ProvisionBreach(RefusalGrounds.ClosedListProvision, "grounds", "name at least one ground for refusal.");
        for (var i = 0; i < grounds.Count; i++)
        {
            if (RefusalGrounds.Forbidden.TryGetValue(grounds[i], out var provision))
                yield return new ProvisionBreach(provision, $"grounds[{i}]", $"{grounds[i]} is not a ground on which assistance may be refused.");
            else if (!RefusalGrounds.Allowed.ContainsKey(grounds[i]))
                yield return new ProvisionBreach(RefusalGrounds.ClosedListProvision, $"grounds[{i}]",
                    $"'{grounds[i]}' is not one of the grounds for refusal: {string.Join(", ", RefusalGrounds.Allowed.Keys)}.");
        }
    }

    /// <summary>Execution would interfere with an ongoing proceeding (Art. 40(26)): which one, and until a day still to come.</summary>
    public Decision Postpone(ActionContext context, string? reasons, DateOnly? until)
    {
        if (Check(Lifecycle.Postpone, context) is { } denied) return denied;
        var breaches = new List<ProvisionBreach>();
        if (string.IsNullOrWhiteSpace(reasons))
            breaches.Add(new ProvisionBreach(Citations.Postponement, "reasons", "give the proceeding with which execution would interfere."));
        if (until is { } day && day <= DateOnly.FromDateTime(context.Now.UtcDateTime))
            breaches.Add(new ProvisionBreach(Citations.Postponement, "until", "a postponement lasts until a date in the future."));
        if (breaches.Count > 0) return new Rejected("The postponement does not meet the Convention; nothing was changed.", breaches);

        var postponement = new Postponement { Reasons = reasons!, Until = until, PostponedAt = context.Now };
        return Become(Lifecycle.Postpone, context, Progress.With(p => p.Postponement = postponement), new { reasons, until });
    }

    /// <summary>Ends the postponement (Art. 40(26)); execution continues.</summary>
    public Decision Resume(ActionContext context) =>
        Check(Lifecycle.Resume, context) ?? (Decision)Become(Lifecycle.Resume, context, Progress, null);
}
