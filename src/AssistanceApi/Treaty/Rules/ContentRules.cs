using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>What a request for mutual legal assistance must contain (Art. 40(15)).</summary>
public static class ContentRules
{
    public static readonly TreatyRule RequestingAuthority = Require("uncc-40-15-a", MutualLegalAssistance, BasisKind.Treaty, "requestingAuthority.name",
        ctx => Present(ctx.Request.RequestingAuthority?.Name),
        "the request must identify the authority making it.");

    public static readonly TreatyRule Proceeding = new("uncc-40-15-b", MutualLegalAssistance, Severity.Error, BasisKind.Treaty, ctx =>
    {
        var p = ctx.Request.Proceeding;
        var missing = new List<Breach>();
        if (p?.Nature is null) missing.Add(new("proceeding.nature", "state the nature of the proceeding: investigation, prosecution or judicial proceeding."));
        if (!Present(p?.Subject)) missing.Add(new("proceeding.subject", "state the subject matter of the investigation, prosecution or judicial proceeding."));
        if (!Present(p?.ConductingAuthority?.Name)) missing.Add(new("proceeding.conductingAuthority.name", "name the authority conducting the proceeding."));
        if (!Present(p?.ConductingAuthority?.Functions)) missing.Add(new("proceeding.conductingAuthority.functions", "state the functions of the authority conducting the proceeding."));
        return missing;
    });

    // Service of judicial documents needs no summary of facts: 40(15)(c) says "except".
    public static readonly TreatyRule Facts = Require("uncc-40-15-c", MutualLegalAssistance, BasisKind.Treaty, "facts",
        ctx => Present(ctx.Request.Facts) || (ctx.Measures.Count > 0 && ctx.Measures.All(m => m == Measure.ServiceOfDocuments)),
        "the request must summarise the relevant facts (not needed when every measure is service-of-documents).");

    public static readonly TreatyRule AssistanceSought = new("uncc-40-15-d", MutualLegalAssistance, Severity.Error, BasisKind.Treaty, ctx =>
    {
        var missing = new List<Breach>();
        if (ctx.Measures.Count == 0) missing.Add(new("measures", "name at least one measure of assistance sought."));
        if (!Present(ctx.Request.AssistanceSought)) missing.Add(new("assistanceSought", "describe the assistance sought."));
        return missing;
    });

    // "Where possible": a request may go without the persons' details, but the requested State is warned.
    public static readonly TreatyRule PersonsConcerned = new("uncc-40-15-e", MutualLegalAssistance, Severity.Warning, BasisKind.Treaty, ctx =>
    {
        var persons = ctx.Request.Persons ?? [];
        if (persons.Count == 0)
            return [new Breach("persons", "where possible, give the identity, location and nationality of any person concerned.")];
        return persons
            .Select((person, i) => (person, i))
            .Where(x => !Present(x.person.Name) || !Present(x.person.Location) || !Present(x.person.Nationality))
            .Select(x => new Breach($"persons[{x.i}]", "where possible, give this person's name, location and nationality."));
    });

    public static readonly TreatyRule Purpose = Require("uncc-40-15-f", MutualLegalAssistance, BasisKind.Treaty, "purpose",
        ctx => Present(ctx.Request.Purpose),
        "state the purpose for which the evidence, information or action is sought.");

    public static IEnumerable<TreatyRule> All => [RequestingAuthority, Proceeding, Facts, AssistanceSought, PersonsConcerned, Purpose];
}
