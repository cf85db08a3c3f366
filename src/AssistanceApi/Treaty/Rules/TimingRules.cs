using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Deadlines, urgency and emergencies must carry their reasons.</summary>
public static class TimingRules
{
    // Art. 40(25) makes the requested State take account of deadlines "for which reasons are given"; asking for the
    // reasons, for a deadline still ahead and for the reasons of urgency is this API's choice, so none is lost on it.
    public static readonly TreatyRule ReasonedDeadline = new("uncc-40-25", AllKinds, Severity.Error, BasisKind.Design, ctx =>
    {
        var r = ctx.Request;
        var breaches = new List<Breach>();
        if (r.Deadline is { } deadline && deadline <= ctx.Today)
            breaches.Add(new("deadline", $"the deadline {deadline:yyyy-MM-dd} is not in the future."));
        if (r.Deadline is not null && !Present(r.DeadlineReasons))
            breaches.Add(new("deadlineReasons", "a requested deadline needs its reasons, so the requested State can take account of it."));
        if (r.Urgent == true && !Present(r.UrgencyReasons))
            breaches.Add(new("urgencyReasons", "an urgent request needs the reasons for its urgency."));
        return breaches;
    });

    // Art. 2(o) defines an emergency; asking the requesting State to state the risk is this API's choice, because an
    // emergency shortens the acknowledgement clock.
    public static readonly TreatyRule EmergencyJustified = Require("uncc-2-o", AllKinds, BasisKind.Design, "emergencyJustification",
        ctx => ctx.Request.Emergency != true || Present(ctx.Request.EmergencyJustification),
        "an emergency must be justified: describe the significant and imminent risk to the life or safety of a natural person.");

    public static IEnumerable<TreatyRule> All => [ReasonedDeadline, EmergencyJustified];
}
