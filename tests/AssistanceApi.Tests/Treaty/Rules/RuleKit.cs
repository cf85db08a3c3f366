using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using AssistanceApi.Treaty.Rules;

namespace AssistanceApi.Tests.Treaty.Rules;

/// <summary>
/// In-memory States, requests and catalogue for the rules: nothing from the seeds, no host, no database. Every
/// request here passes every rule of its kind; a test breaks one thing with <c>with</c>.
/// </summary>
public static class RuleKit
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>A catalogue of every provision the rules cite, numbered from its id; <paramref name="verified"/> marks the checked ones.</summary>
    public static ProvisionCatalogue Catalogue(params string[] verified)
    {
        var ids = TreatyRules.All.Select(r => r.ProvisionId)
            .Concat([Citations.OtherState, Citations.ContactPoints, OtherTreatyPrecedence.ProvisionId])
            .Distinct();
        var catalogue = new ProvisionCatalogue();
        catalogue.Load(
            ids.Select(id => Provision(id, verified.Contains(id))),
            [
                .. Enumerable.Range(7, 11).Select(a => new Offence { Id = $"uncc-{a}", Article = a, Title = $"Art. {a}", Provision = $"uncc-{a}" }),
                new Offence { Id = "serious-crime", Title = "Serious crime", Provision = "uncc-2-h", MinimumMaxPenaltyYears = 4 },
            ]);
        return catalogue;
    }

    /// <summary>"uncc-40-15-a" → UNCC Art. 40(15)(a).</summary>
    private static Provision Provision(string id, bool verified)
    {
        var parts = id.Split('-');
        return new Provision
        {
            Id = id, Instrument = "UNCC", Article = int.Parse(parts[1]), Paragraph = parts.ElementAtOrDefault(2),
            Item = parts.ElementAtOrDefault(3), Title = id, Summary = id, Verified = verified,
        };
    }

    /// <summary>A Party in force since the start of the year, with both offices, accepting English and declaring nothing.</summary>
    public static State Party(string code) => new()
    {
        Code = code, Name = $"State {code}", ConventionStatus = ConventionStatusKind.Party, InForceOn = new DateOnly(2026, 1, 1),
        HasCentralAuthority = true, HasContactPoint = true, AcceptedLanguages = ["en"], Declarations = new Declarations(),
    };

    public static State NonParty(string code) => Party(code) with { ConventionStatus = ConventionStatusKind.None, InForceOn = null };

    public static RequestDetails Mla() => new()
    {
        Kind = RequestKind.MutualLegalAssistance, RequestedState = "DEU", LegalBasis = LegalBasis.Convention,
        RequestingAuthority = new AuthorityDetails { Name = "Parquet de Paris", Functions = "Prosecutor" },
        Proceeding = new ProceedingDetails
        {
            Nature = ProceedingNature.Investigation, Subject = "Ransomware", ConductingAuthority = new AuthorityDetails { Name = "Juge", Functions = "Investigating judge" },
        },
        Offences = [new OffenceDetails { Article = 7 }],
        Facts = "Servers were encrypted.",
        Measures = [Measure.TakingEvidence],
        AssistanceSought = "Hear the administrator.",
        Persons = [new PersonDetails { Name = "J. Doe", Role = PersonRole.Witness, Location = "Berlin", Nationality = "DEU" }],
        Purpose = "Evidence for trial.",
        Language = "en",
    };

    public static RequestDetails Preservation() => new()
    {
        Kind = RequestKind.ExpeditedPreservation, RequestedState = "DEU",
        RequestingAuthority = new AuthorityDetails { Name = "Parquet de Paris" },
        Offences = [new OffenceDetails { Article = 7 }],
        Facts = "Servers were encrypted.",
        Language = "en",
        Preservation = new PreservationSought
        {
            Custodian = "Example Hosting GmbH", Data = "Mailbox", RelationshipToOffence = "Used by the attacker",
            Necessity = "Risk of deletion", FollowUpIntended = true, PeriodDays = 90,
        },
    };

    public static readonly Guid PreservationId = Guid.Parse("0195f0a4-7b1c-7c3e-9a51-3d2f1e0b8c7a");

    public static RequestDetails Disclosure() => new()
    {
        Kind = RequestKind.TrafficDataDisclosure, RequestedState = "DEU", Offences = [new OffenceDetails { Article = 7 }],
        Language = "en", RelatedRequestId = PreservationId,
    };

    /// <summary>The preservation FRA submitted to DEU, which a disclosure follows.</summary>
    public static RelatedRequest SubmittedPreservation() => new(RequestKind.ExpeditedPreservation, "FRA", "DEU", RequestStatus.Submitted);

    public static ElectronicDataSought NamedData(bool withPeriod = true) => new()
    {
        Categories = [DataCategory.Traffic], Identifiers = ["attacker@example.org"],
        From = withPeriod ? new DateOnly(2026, 7, 1) : null, To = withPeriod ? new DateOnly(2026, 7, 31) : null,
    };

    public static RuleContext Context(
        RequestDetails request, State? requested = null, State? requesting = null, RelatedRequest? related = null, ProvisionCatalogue? catalogue = null) =>
        new(request, requesting ?? Party("FRA"), requested ?? Party("DEU"), Today, catalogue ?? Catalogue(), new TreatyOptions(), related);

    /// <summary>The names of the fields the rule finds wanting; empty when it passes.</summary>
    public static IReadOnlyList<string> Breaches(this TreatyRule rule, RuleContext context) =>
        rule.Check(context).Select(b => b.Name).ToList();

    public static IReadOnlyList<string> Messages(this TreatyRule rule, RuleContext context) =>
        rule.Check(context).Select(b => b.Message).ToList();
}
