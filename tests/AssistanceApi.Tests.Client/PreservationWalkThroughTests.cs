using AssistanceApi.Client;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.ClientTests.Clients;

namespace AssistanceApi.Tests.ClientTests;

/// <summary>
/// The README's second walk-through through the generated client only: France's 24/7 point of contact asks Germany's
/// to preserve server logs (Art. 42), Germany preserves them, and France finds the preservation among those expiring.
/// </summary>
public sealed class PreservationWalkThroughTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_preservation_is_submitted_acknowledged_preserved_and_listed_as_expiring()
    {
        var france = For(api, DemoKeys.Fra247);
        var germany = For(api, DemoKeys.Deu247);

        var created = await france.RequestsCreateAsync(null, new RequestContent
        {
            Kind = RequestKind.ExpeditedPreservation, RequestedState = "DEU", Language = "en",
            RequestingAuthority = new RequestingAuthority2 { Name = "OFAC cybercrime unit", Functions = "Police" },
            Offences = [new OffenceClaim { Article = 7 }],
            Facts = "An intrusion into a hospital network from a server in Frankfurt.",
            Preservation = new Preservation2
            {
                Custodian = "Example Hosting GmbH", Data = "Connection logs of 203.0.113.7, 1-3 March 2026",
                RelationshipToOffence = "The intrusion came from this server.", Necessity = "Logs are kept 14 days.",
                FollowUpIntended = true, PeriodDays = 90,
            },
        });
        var id = created.Result.Id!.Value.ToString();

        var submitted = (await france.RequestsSubmitAsync(id, created.ETag(), null)).Result;
        Assert.Equal(RequestStatus.Submitted, submitted.Status);
        Assert.Equal(TimeSpan.FromHours(24), submitted.AcknowledgeBy - submitted.SubmittedAt);

        // Preserving before acknowledging is not possible yet: the 409 says what is.
        var early = await ProblemAsync(409, () => germany.RequestsPreserveAsync(id, null, null, new PreservationPeriodBody { PreservedUntil = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Contains("acknowledge", early.AllowedActions!);

        var acknowledged = await germany.RequestsAcknowledgeAsync(id, null, null, new AcknowledgeBody());
        // Under the 60 days of Art. 42(7) after submission: a 422 citing the provision.
        var tooShort = await ProblemAsync(422, () => germany.RequestsPreserveAsync(id, acknowledged.ETag(), null,
            new PreservationPeriodBody { PreservedUntil = new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero) }));
        Assert.NotEmpty(tooShort.Errors!);

        var preserved = (await germany.RequestsPreserveAsync(id, acknowledged.ETag(), null,
            new PreservationPeriodBody { PreservedUntil = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero) })).Result;
        Assert.Equal(RequestStatus.Preserved, preserved.Status);
        Assert.Equal(new DateTime(2027, 3, 1), preserved.PreservedUntil!.Value.UtcDateTime.Date);

        var expiring = (await france.RequestsListAsync(null, null, null, null, null, 120, 200, null)).Result;
        Assert.Contains(expiring.Items, r => r.Id.ToString() == id);
    }
}
