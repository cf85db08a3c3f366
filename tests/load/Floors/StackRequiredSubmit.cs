using System.Security.Claims;
using System.Text;
using System.Text.Json;
using FastEndpoints;

// POST /stack/required/requests/{id}/submit: /stack/requests/{id}/submit (Stack.cs) plus, each in the cheapest way found,
// the work the API's contract and guarantees add to a submit: the per-client rate limit, the decision (the caller's State
// is the requesting State; the content parsed; stand-ins for the treaty's rules at submit on the two States' directory
// entries, parsed) taken before the write lock and confirmed under it on the row and the entries as read in the
// transaction, the audit event's digest, hash and seal chained on the row's tip, and the whole resource with its
// content as the answer. POST /stack/required/locked/requests/{id}/submit decides under the lock, as the API does.
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

public sealed record SubmittedDraft(string Reference, DateTimeOffset At, string CreatedAt, Body Content);

/// <summary>A submit of the draft <paramref name="Id"/>, decided before the write lock and confirmed under it, or (<paramref name="UnderLock"/>) decided under it.</summary>
public sealed record RequiredSubmit(string Id, string State, string Client, bool UnderLock) : Mediator.ICommand<SubmittedDraft?>;

/// <summary>
/// Decided under the lock, as the API decides: the content and the directory entries are parsed on the writer's
/// thread, which every write waits for. Decided before it: parsed on the request's thread from a read, and under the
/// lock only the row and the entries compared with what was read (an ordinal comparison of strings): a change in
/// between refuses the submit, so it is decided on what it commits over.
/// </summary>
internal sealed class RequiredSubmitHandler(StoredWrites writes, StoredRows rows) : Mediator.ICommandHandler<RequiredSubmit, SubmittedDraft?>
{
    public async ValueTask<SubmittedDraft?> Handle(RequiredSubmit command, CancellationToken cancellationToken)
    {
        SubmittedDraft? submitted = null;
        if (command.UnderLock)
        {
            await writes.SubmitAsync(command.Id, (row, states, reference, at) =>
            {
                if (Decide(command, row, states, at) is not { } content) return null;
                submitted = new SubmittedDraft(reference, at, row.CreatedAt, content);
                return Link(command, row, AuditLink.Digest(StateAfter(row)), reference, at);
            });
            return submitted;
        }

        if (await rows.ForSubmitAsync(command.Id) is not var (read, readStates)) return null;
        if (Decide(command, read, readStates, DateTimeOffset.UtcNow) is not { } decided) return null;
        var digest = AuditLink.Digest(StateAfter(read));
        await writes.SubmitAsync(command.Id, (row, states, reference, at) =>
        {
            if (row != read || !Same(states, readStates)) return null;
            submitted = new SubmittedDraft(reference, at, row.CreatedAt, decided);
            return Link(command, row, digest, reference, at);
        });
        return submitted;
    }

    private static Body? Decide(RequiredSubmit command, StoredWrites.Found row, IReadOnlyDictionary<string, string> states, DateTimeOffset at)
    {
        if (row.RequestingState != command.State) return null;
        var content = JsonSerializer.Deserialize<Body>(row.Content, JsonSerializerOptions.Web)!;
        var requesting = JsonSerializer.Deserialize<Directory>(states[row.RequestingState], JsonSerializerOptions.Web)!;
        var requested = JsonSerializer.Deserialize<Directory>(states[row.RequestedState], JsonSerializerOptions.Web)!;
        return SubmitRules.Pass(content, requesting, requested, DateOnly.FromDateTime(at.UtcDateTime), out _) ? content : null;
    }

    // The state after the change is the content and its progress.
    private static string StateAfter(StoredWrites.Found row) => row.Content + "{}";

    // The event's fields, chained on the row's tip.
    private static StoredWrites.Link Link(RequiredSubmit command, StoredWrites.Found row, string digest, string reference, DateTimeOffset at) =>
        AuditLink.Chain(digest, $"{command.Id}|2|{at:O}|submit|{command.Client}|draft|submitted|{reference}", row.ChainTip);

    private static bool Same(IReadOnlyDictionary<string, string> now, IReadOnlyDictionary<string, string> then) =>
        now.Count == then.Count && now.All(entry => then.TryGetValue(entry.Key, out var was) && was == entry.Value);
}

public sealed class RequiredSubmitEndpoint(Mediator.IMediator mediator) : EndpointWithoutRequest
{
    public const string LockedPath = Required.Path + "/locked";

    public override void Configure()
    {
        Post(Required.Path + "/requests/{id}/submit", LockedPath + "/requests/{id}/submit");
        Roles("central-authority");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<string>("id")!;
        var state = User.FindFirstValue(KeyAuthentication.StateClaim)!;
        var underLock = HttpContext.Request.Path.StartsWithSegments(LockedPath);
        if (await mediator.Send(new RequiredSubmit(id, state, User.FindFirstValue(ClaimTypes.NameIdentifier)!, underLock), ct) is not { } submitted)
        {
            await Send.ResultAsync(Results.Conflict());
            return;
        }
        var at = submitted.At;
        var answer = JsonSerializer.SerializeToUtf8Bytes(new Resource(
            id, submitted.Reference, state, "submitted", 2, ["withdraw"], DateTimeOffset.Parse(submitted.CreatedAt), at, at, at.AddDays(2),
            null, null, null, null, null, null, [], null, null, null, null, null, null, null,
            new() { ["self"] = $"/stack/requests/{id}", ["history"] = $"/stack/requests/{id}/history" }, submitted.Content), JsonSerializerOptions.Web);
        HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        HttpContext.Response.ContentType = "application/json; charset=utf-8";
        HttpContext.Response.Headers.ETag = "\"2\"";
        await HttpContext.Response.Body.WriteAsync(answer, ct);
    }
}
