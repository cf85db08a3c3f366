using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using FastEndpoints;

// POST /stack/required/requests/{id}/submit: /stack/requests/{id}/submit (Stack.cs) plus, each in the cheapest way found,
// the work the API's contract and guarantees add to a submit: the per-client rate limit, the decision taken under the
// write lock on the row and the two States' directory entries as read in the transaction (the caller's State is the
// requesting State; the content parsed; stand-ins for the treaty's rules at submit), the audit event's digest, hash and
// seal chained on the row's tip, and the whole resource with its content as the answer.
// POST /stack/required/reparsing/requests/{id}/submit parses the entries every time and serializes the content again.
// Where it does more or less than it must: results/issue-16-stack-ceiling.md.

namespace AssistanceApi.Load.Floors.Stack;

/// <summary>A State's directory entry as the rules at submit read it.</summary>
public sealed record Directory(Directory.Status? Convention, object? CentralAuthority, List<string>? AcceptedLanguages, Directory.Declared? Declarations)
{
    public sealed record Status(string? InForceOn);

    public sealed record Declared(bool? RequiresDualCriminality);
}

/// <summary>
/// Stand-ins for the treaty's rules at submit (contract section 6) on a mutual-legal-assistance request: each a look-up
/// or a comparison, errors refuse the submit. The API evaluates its catalogue's rules; these bound what any evaluation costs.
/// </summary>
internal static class SubmitRules
{
    private static readonly HashSet<string> Coercive = ["search-and-seizure", "subscriber-data"];

    public static bool Pass(Body content, Directory requesting, Directory requested, DateOnly today, out int warnings)
    {
        warnings = 0;
        var errors = 0;
        // uncc-65-1: with the Convention as basis, both States are Parties with it in force today.
        if (content.LegalBasis == "convention" && !(InForce(requesting, today) && InForce(requested, today))) errors++;
        if (requested.CentralAuthority is null) errors++; // uncc-40-13
        if (content.Language is null || requested.AcceptedLanguages?.Contains(content.Language) != true) errors++; // uncc-40-14
        // uncc-40-15: the contents of the request.
        if (string.IsNullOrWhiteSpace(content.RequestingAuthority?.Name)) errors++;
        if (string.IsNullOrWhiteSpace(content.Proceeding?.Subject) || content.Proceeding.Nature is null) errors++;
        if (string.IsNullOrWhiteSpace(content.Facts)) errors++;
        if (string.IsNullOrWhiteSpace(content.AssistanceSought)) errors++;
        if (string.IsNullOrWhiteSpace(content.Purpose)) warnings++;
        // uncc-35-1: at least one offence, each a Convention offence.
        if (content.Offences is not { Count: > 0 } offences ||
            !offences.TrueForAll(o => o.Article is >= ConventionOffences.FirstArticle and <= ConventionOffences.LastArticle)) errors++;
        // uncc-40-9: a warning when dual criminality is required and a coercive measure is sought.
        if (requested.Declarations?.RequiresDualCriminality == true && content.Measures?.Exists(Coercive.Contains) == true) warnings++;
        return errors == 0;
    }

    private static bool InForce(Directory state, DateOnly today) =>
        DateOnly.TryParse(state.Convention?.InForceOn, out var since) && since <= today;
}

public sealed record SubmittedDraft(string Reference, DateTimeOffset At, string CreatedAt, object Content);

/// <summary>A submit of the draft <paramref name="Id"/>, the cheapest way found, or (<paramref name="Reparsing"/>) parsing every directory entry and serializing the content again.</summary>
public sealed record RequiredSubmit(string Id, string State, string Client, bool Reparsing) : Mediator.ICommand<SubmittedDraft?>;

/// <summary>
/// Decided under the write lock, as the API decides: on the row and the directory entries as read in the transaction,
/// on the writer's thread, which every write waits for. (Deciding before the lock on a read, and only comparing under
/// it, cost more: results/issue-16-stack-ceiling.md.) The cheapest way keeps each directory entry as parsed, by its
/// stored text (an entry that changes is a new text, so it is parsed again), and answers with the content as stored.
/// </summary>
internal sealed class RequiredSubmitHandler(StoredWrites writes) : Mediator.ICommandHandler<RequiredSubmit, SubmittedDraft?>
{
    private static readonly ConcurrentDictionary<string, Directory> Parsed = new();

    public async ValueTask<SubmittedDraft?> Handle(RequiredSubmit command, CancellationToken cancellationToken)
    {
        SubmittedDraft? submitted = null;
        var committed = await writes.SubmitAsync(command.Id, (row, states, reference, at) =>
        {
            if (row.RequestingState != command.State) return null;
            var content = JsonSerializer.Deserialize<Body>(row.Content, JsonSerializerOptions.Web)!;
            var requesting = Entry(states[row.RequestingState], command.Reparsing);
            var requested = Entry(states[row.RequestedState], command.Reparsing);
            if (!SubmitRules.Pass(content, requesting, requested, DateOnly.FromDateTime(at.UtcDateTime), out _)) return null;
            submitted = new SubmittedDraft(reference, at, row.CreatedAt, command.Reparsing ? content : new RawJson(row.Content));
            // The state after the change is the content and its progress; the event's fields chain on the row's tip.
            return AuditLink.Of(row.Content + "{}", $"{command.Id}|2|{at:O}|submit|{command.Client}|draft|submitted|{reference}", row.ChainTip);
        });
        // A decision can pass and the submit still roll back (the row no longer at version 1): only a committed one answers.
        return committed is string ? submitted : null;
    }

    private static Directory Entry(string document, bool reparsing)
    {
        if (reparsing) return Parse(document);
        if (Parsed.Count > 1_000) Parsed.Clear();
        return Parsed.GetOrAdd(document, Parse);
    }

    private static Directory Parse(string document) => JsonSerializer.Deserialize<Directory>(document, JsonSerializerOptions.Web)!;
}

public sealed class RequiredSubmitEndpoint(Mediator.IMediator mediator) : EndpointWithoutRequest
{
    public const string ReparsingPath = Required.Path + "/reparsing";

    public override void Configure()
    {
        Post(Required.Path + "/requests/{id}/submit", ReparsingPath + "/requests/{id}/submit");
        Roles("central-authority");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<string>("id")!;
        var state = User.FindFirstValue(KeyAuthentication.StateClaim)!;
        var reparsing = HttpContext.Request.Path.StartsWithSegments(ReparsingPath);
        if (await mediator.Send(new RequiredSubmit(id, state, User.FindFirstValue(ClaimTypes.NameIdentifier)!, reparsing), ct) is not { } submitted)
        {
            await Send.ResultAsync(Results.Conflict());
            return;
        }
        var at = submitted.At;
        var answer = JsonSerializer.SerializeToUtf8Bytes(new Resource(
            id, submitted.Reference, state, "submitted", 2, ["withdraw"], DateTimeOffset.Parse(submitted.CreatedAt), at,
            new() { ["self"] = $"/stack/requests/{id}", ["history"] = $"/stack/requests/{id}/history" }, submitted.Content)
        {
            SubmittedAt = at,
            AcknowledgeBy = at.AddDays(2),
        }, JsonSerializerOptions.Web);
        await Resource.SendAsync(HttpContext, StatusCodes.Status200OK, 2, answer, ct);
    }
}
