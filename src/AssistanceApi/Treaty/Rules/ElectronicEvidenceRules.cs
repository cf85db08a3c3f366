using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Measures on electronic data name the data (Arts. 44–46); real-time measures need the requested State's consent to them.</summary>
public static class ElectronicEvidenceRules
{
    public static readonly TreatyRule StoredDataNamed = new("uncc-44-1", MutualLegalAssistance, Severity.Error, ctx =>
        ctx.Measures.Contains(Measure.StoredDataAccess) ? DataNamed(ctx, needsPeriod: false) : []);

    public static readonly TreatyRule RealTimeTraffic = new("uncc-45-1", MutualLegalAssistance, Severity.Error, ctx =>
        ctx.Measures.Contains(Measure.RealTimeTrafficCollection)
            ? [.. DataNamed(ctx, needsPeriod: true), .. Accepted(ctx, ctx.RequestedState.Declarations.AcceptsRealTimeTrafficCollection, "real-time collection of traffic data")]
            : []);

    public static readonly TreatyRule ContentInterception = new("uncc-46-1", MutualLegalAssistance, Severity.Error, ctx =>
        ctx.Measures.Contains(Measure.ContentInterception)
            ? [.. DataNamed(ctx, needsPeriod: true), .. Accepted(ctx, ctx.RequestedState.Declarations.AcceptsContentInterception, "interception of content data"), .. GraveEnough(ctx)]
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

    private static IEnumerable<Breach> GraveEnough(RuleContext ctx)
    {
        var threshold = ctx.Catalogue.SeriousCrimeThresholdYears;
        var grave = ctx.Offences.Any(o =>
            (o.Article is { } a && ctx.Catalogue.IsConventionOffence(a)) || (o.Article is null && o.MaxPenaltyYears >= threshold));
        return grave ? [] : [new Breach("offences", $"interception of content data only for a Convention offence or a serious crime (at least {threshold} years).")];
    }

    public static readonly TreatyRule UndeclaredRealTimeTraffic = Undeclared("uncc-45-1", Measure.RealTimeTrafficCollection,
        d => d.AcceptsRealTimeTrafficCollection, "real-time collection of traffic data");

    public static readonly TreatyRule UndeclaredInterception = Undeclared("uncc-46-1", Measure.ContentInterception,
        d => d.AcceptsContentInterception, "interception of content data");

    private static TreatyRule Undeclared(string provisionId, Measure measure, Func<Declarations, bool?> accepts, string what) =>
        new(provisionId, MutualLegalAssistance, Severity.Warning, ctx =>
            ctx.Measures.Contains(measure) && accepts(ctx.RequestedState.Declarations) is null
                ? [new Breach("measures", $"{ctx.RequestedState.Code} has not declared whether it accepts requests for {what}.")]
                : []);

    public static IEnumerable<TreatyRule> All => [StoredDataNamed, RealTimeTraffic, ContentInterception, UndeclaredRealTimeTraffic, UndeclaredInterception];
}
