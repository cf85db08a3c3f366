using System.Text.RegularExpressions;
using AssistanceApi.Client;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.ClientTests.Clients;

namespace AssistanceApi.Tests.ClientTests;

/// <summary>
/// The README's first walk-through, through nothing but the client generated from the committed document: France
/// drafts, validates, completes the draft with a merge patch under If-Match and submits; Germany acknowledges,
/// executes and completes. A 422's findings and a 409's allowedActions are read from the typed problem.
/// </summary>
public sealed partial class WalkThroughTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Draft_validate_patch_submit_acknowledge_start_and_complete()
    {
        var france = For(api, DemoKeys.Fra);
        var germany = For(api, DemoKeys.Deu);

        // 1. Draft: only kind and requestedState.
        var created = await france.RequestsCreateAsync(null, new RequestContent { Kind = RequestKind.MutualLegalAssistance, RequestedState = "DEU", Language = "en" });
        Assert.Equal(201, created.StatusCode);
        var id = created.Result.Id!.Value.ToString();
        Assert.Equal(RequestStatus.Draft, created.Result.Status);
        Assert.Equal("\"1\"", created.ETag());

        // 2. Validate: what submission would say, each finding citing its provision.
        var report = (await france.RequestsValidateDraftAsync(id)).Result;
        Assert.False(report.Compliant);
        Assert.Contains(report.Findings!, f => f.Code == "uncc-40-15-c");

        // Submitting now is a 422 whose errors are those findings.
        var unmet = await ProblemAsync(422, () => france.RequestsSubmitAsync(id, null, null));
        Assert.Contains(unmet.Errors!, e => e.Code == "uncc-40-15-c" && e.Reason!.StartsWith("UNCC Art. 40(15)(c)", StringComparison.Ordinal));

        // 3. Complete the draft with a merge patch, under the ETag read.
        var patched = await france.RequestsUpdateAsync(id, created.ETag(), Completion());
        Assert.Equal("\"2\"", patched.ETag());
        await ProblemAsync(412, () => france.RequestsUpdateAsync(id, created.ETag(), Completion()));

        // 4. Submit: the reference.
        var submitted = (await france.RequestsSubmitAsync(id, patched.ETag(), null)).Result;
        Assert.Equal(RequestStatus.Submitted, submitted.Status);
        Assert.Matches(Reference(), submitted.Reference!);

        // 5. Germany sees it among its incoming requests; Brazil gets 404.
        var incoming = (await germany.RequestsListAsync("incoming", null, null, null, null, null, 200, null)).Result;
        Assert.Contains(incoming.Items, r => r.Id.ToString() == id);
        var hidden = await ProblemAsync(404, () => For(api, DemoKeys.Bra).RequestsGetAsync(id, null));
        Assert.Equal("/problems/not-found", hidden.Type);

        // Germany cannot start before acknowledging: a 409 naming what it may do.
        var early = await ProblemAsync(409, () => germany.RequestsStartExecutionAsync(id, null, null));
        Assert.Contains("acknowledge", early.AllowedActions!);

        // Then Germany answers.
        var acknowledged = await germany.RequestsAcknowledgeAsync(id, null, null, new AcknowledgeBody { RequestedReference = "BfJ-2026-17" });
        Assert.Equal("BfJ-2026-17", acknowledged.Result.RequestedReference);
        var started = await germany.RequestsStartExecutionAsync(id, acknowledged.ETag(), null);
        Assert.Equal(RequestStatus.InExecution, started.Result.Status);
        var completed = (await germany.RequestsCompleteAsync(id, started.ETag(), null, new CompleteBody
        {
            Outcome = ExecutionOutcome.Executed, Summary = "The witness was heard on 3 December; the record follows by courier.",
        })).Result;
        Assert.Equal(RequestStatus.Executed, completed.Status);
        Assert.Empty(completed.AllowedActions!);

        var history = (await france.RequestsHistoryAsync(id, null, null)).Result;
        Assert.Equal(6, history.Events!.Count);
        Assert.True(history.ChainValid);
    }

    /// <summary>Step 3 of the README: what makes the draft submittable.</summary>
    private static RequestContent Completion() => new()
    {
        Kind = RequestKind.MutualLegalAssistance,
        RequestedState = "DEU",
        RequestingAuthority = new RequestingAuthority2 { Name = "Parquet national cyber", Functions = "Public prosecutor" },
        Proceeding = new Proceeding3
        {
            Nature = "investigation", Subject = "Ransomware attack on a hospital",
            ConductingAuthority = new ConductingAuthority { Name = "Investigating judge, Paris", Functions = "Investigating judge" },
        },
        Offences = [new OffenceClaim { Article = 7 }],
        Facts = "The hospital systems were encrypted on 2 March 2026.",
        Measures = [Measure.TakingEvidence],
        AssistanceSought = "Hear the hospital system administrator as a witness.",
        Purpose = "To establish how access was gained.",
        Persons = [new PersonConcerned { Name = "A. Witness", Role = "witness", Location = "Berlin", Nationality = "DEU" }],
    };

    [GeneratedRegex(@"^FRA-DEU-2026-\d{6}$")]
    private static partial Regex Reference();
}
