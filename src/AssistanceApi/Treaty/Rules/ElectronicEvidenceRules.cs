using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Measures on electronic data name the data (Arts. 44–46); real-time measures need the requested State's consent to them.</summary>
public static class ElectronicEvidenceRules
{
    // Art. 44 lists no contents of its own; naming the categories and identifiers is this API's choice, so the
    // requested State knows which data to search for.
    public static readonly TreatyRule StoredDataNamed = new("uncc-44-1", MutualLegalAssistance, Severity.Error, BasisKind.Design, ctx =>
        ctx.Measures.Contains(Measure.StoredDataAccess) ? DataNamed(ctx, needsPeriod: false) : []);

    public static readonly TreatyRule RealTimeTraffic = new("uncc-45-1", MutualLegalAssistance, Severity.Error, BasisKind.Treaty, ctx =>
        ctx.Measures.Contains(Measure.RealTimeTrafficCollection)
            ? [.. DataNamed(ctx, needsPeriod: true), .. Accepted(ctx, ctx.RequestedState.Declarations.AcceptsRealTimeTrafficCollection, "real-time collection of traffic data")]
            : []);

    public static readonly TreatyRule ContentInterception = new("uncc-46-1", MutualLegalAssistance, Severity.Error, BasisKind.Treaty, ctx =>
        ctx.Measures.Contains(Measure.ContentInterception)
            ? [.. DataNamed(ctx, needsPeriod: true), .. Accepted(ctx, ctx.RequestedState.Declarations.AcceptsContentInterception, "interception of content data")]
            : []);

    // A declared "no" stops the request; a State that has declared nothing is only warned about (below).
    private static IEnumerable<Breach> Accepted(RuleContext ctx, bool? accepts, string measure) =>
        accepts == false ? [new Breach("measures", $"{ctx.RequestedState.Code} does not accept requests for {measure}.")] : [];

    private static IEnumerable<Breach> DataNamed(RuleContext ctx, bool needsPeriod)
    {
        var data = ctx.Request.ElectronicData;
        if (data?.Categories is not { Count: > 0 }) yield return new Breach("electronicData.categories", "name the categories of data: subscriber, traffic or content.");
        if (data?.Identifiers is not { Count: > 0 }) yield return new Breach("electronicData.identifiers", "name the accounts, numbers or addresses whose data is sought.");
        if (needsPeriod && !(data is { From: not null, To: not null } || data?.DurationDays is not null))
            yield return new Breach("electronicData", "give the period of collection: from and to, or durationDays.");
    }

    public static readonly TreatyRule UndeclaredRealTimeTraffic = Undeclared("uncc-45-1", Measure.RealTimeTrafficCollection,
        d => d.AcceptsRealTimeTrafficCollection, "real-time collection of traffic data");

    public static readonly TreatyRule UndeclaredInterception = Undeclared("uncc-46-1", Measure.ContentInterception,
        d => d.AcceptsContentInterception, "interception of content data");

    // Warning about a State that has declared nothing is this API's choice: the treaty leaves the measure to the
    // requested State's law, and an undeclared State may still accept.
    private static TreatyRule Undeclared(string provisionId, Measure measure, Func<Declarations, bool?> accepts, string what) =>
        new(provisionId, MutualLegalAssistance, Severity.Warning, BasisKind.Design, ctx =>
            ctx.Measures.Contains(measure) && accepts(ctx.RequestedState.Declarations) is null
                ? [new Breach("measures", $"{ctx.RequestedState.Code} has not declared whether it accepts requests for {what}.")]
                : []);

    public static IEnumerable<TreatyRule> All => [StoredDataNamed, RealTimeTraffic, ContentInterception, UndeclaredRealTimeTraffic, UndeclaredInterception];
}
