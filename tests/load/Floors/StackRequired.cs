using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using FastEndpoints;
using FluentValidation;

// POST /stack/required/requests: /stack/requests (Stack.cs) plus, each in the cheapest way found, the work the API's
// contract and guarantees add to a create: a per-client rate limit, the body's SHA-256 for its Idempotency-Key (the body
// buffered to hash it), every field checked against a closed list or form, the audit chain's first event (the
// content's digest, the event's hash, the keyed seal), and the whole resource as the answer (serialized once, the
// content in it a second time), sent and stored with the key; through a Mediator command of its own. Still left out:
// the treaty's draft check, normalising the content, the timestamp and enum converters. Where it does more or less
// than it must: results/issue-16-stack-ceiling.md.

namespace AssistanceApi.Load.Floors.Stack;

public static class Required
{
    public const string Path = "/stack/required";

    /// <summary>The API's limiter (Http/RateLimits.cs) at its cheapest: a fixed window per client, by the caller's id.</summary>
    public static IServiceCollection AddRequiredRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetFixedWindowLimiter(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = 100_000_000, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true })));

    /// <summary>The body's SHA-256, as an Idempotency-Key needs it, read from the buffered body before the endpoint binds it.</summary>
    public static async Task Fingerprint(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Headers.ContainsKey("Idempotency-Key"))
        {
            await next(http);
            return;
        }
        http.Request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        http.Request.Body.Position = 0;
        http.Items["fingerprint"] = Convert.ToHexStringLower(hash.GetHashAndReset());
        await next(http);
    }
}

/// <summary>An audit event's link at its cheapest: the state's digest, the event's hash over its fields and the previous hash, the keyed seal.</summary>
internal static class AuditLink
{
    private static readonly byte[] SealKey = SHA256.HashData("load-benchmark-audit-chain-key-0123456789"u8);

    public static StoredWrites.Link Of(string state, string fields, string previous) => Chain(Digest(state), fields, previous);

    public static string Digest(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    public static StoredWrites.Link Chain(string digest, string fields, string previous)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{fields}|{digest}|{previous}"));
        return new(digest, Convert.ToHexStringLower(hash), Convert.ToHexStringLower(HMACSHA256.HashData(SealKey, hash)));
    }
}

public sealed class RequiredBodyValidator : Validator<Body>
{
    // Stand-ins for the contract's closed lists, shorter than some of them (a set is looked up either way); the States
    // stand in for the 193.
    private static readonly HashSet<string> Kinds = ["mutual-legal-assistance", "expedited-preservation", "emergency-disclosure"];
    private static readonly HashSet<string> Bases = ["convention", "bilateral-treaty", "reciprocity"];
    private static readonly HashSet<string> Languages = ["ar", "zh", "en", "fr", "ru", "es", "de"];
    private static readonly HashSet<string> Natures = ["investigation", "prosecution", "judicial-proceeding"];
    private static readonly HashSet<string> Measures = ["taking-evidence", "service-of-documents", "search-and-seizure", "hearing", "subscriber-data"];
    private static readonly HashSet<string> Roles = ["suspect", "witness", "victim", "expert"];
    private static readonly HashSet<string> States = ["DEU", "FRA", "KEN", "BRA", "IND", "USA", "CHN", "ZAF"];

    public RequiredBodyValidator()
    {
        RuleFor(b => b.Kind).NotEmpty().Must(Kinds.Contains!);
        RuleFor(b => b.RequestedState).NotEmpty().Must(States.Contains!);
        RuleFor(b => b.LegalBasis!).Must(Bases.Contains).When(b => b.LegalBasis is not null);
        RuleFor(b => b.Language!).Must(Languages.Contains).When(b => b.Language is not null);
        Text(RuleFor(b => b.Facts), 20_000);
        Text(RuleFor(b => b.AssistanceSought), 20_000);
        Text(RuleFor(b => b.Purpose), 20_000);
        RuleFor(b => b.RequestingAuthority!).ChildRules(a =>
        {
            Text(a.RuleFor(x => x.Name), 300);
            Text(a.RuleFor(x => x.Functions), 300);
            a.RuleFor(x => x.Email).MaximumLength(254).EmailAddress();
        }).When(b => b.RequestingAuthority is not null);
        RuleFor(b => b.Proceeding!).ChildRules(p =>
        {
            p.RuleFor(x => x.Nature!).Must(Natures.Contains).When(x => x.Nature is not null);
            Text(p.RuleFor(x => x.Subject), 300);
            Text(p.RuleFor(x => x.Reference), 300);
            p.RuleFor(x => x.ConductingAuthority!.Name).MaximumLength(300).When(x => x.ConductingAuthority is not null);
        }).When(b => b.Proceeding is not null);
        RuleFor(b => b.Offences!).Must(o => o.Count <= 50).When(b => b.Offences is not null);
        RuleForEach(b => b.Offences).NotNull().ChildRules(o =>
            o.RuleFor(x => x.Article).InclusiveBetween(ConventionOffences.FirstArticle, ConventionOffences.LastArticle));
        RuleFor(b => b.Measures!).Must(m => m.Count <= 16 && m.Distinct().Count() == m.Count && m.TrueForAll(Measures.Contains))
            .When(b => b.Measures is not null);
        RuleFor(b => b.Persons!).Must(p => p.Count <= 100).When(b => b.Persons is not null);
        RuleForEach(b => b.Persons).NotNull().ChildRules(p =>
        {
            Text(p.RuleFor(x => x.Name), 300);
            p.RuleFor(x => x.Role!).Must(Roles.Contains).When(x => x.Role is not null);
            Text(p.RuleFor(x => x.Location), 300);
            p.RuleFor(x => x.Nationality!).Must(States.Contains).When(x => x.Nationality is not null);
        });
    }

    /// <summary>A text field: bounded, and without the control characters U+0000–U+0008 (a stand-in for the API's single- and multi-line rules).</summary>
    private static void Text<T>(IRuleBuilderInitial<T, string?> rule, int max) =>
        rule.MaximumLength(max).Must(text => text is null || !text.AsSpan().ContainsAnyInRange('\0', '\u0008'));
}

/// <summary>
/// The API's whole answer: the server's fields, the content (a <see cref="Body"/> or <see cref="RawJson"/>), and the
/// fields the API sends empty until the lifecycle fills them (each sent, as null or empty).
/// </summary>
public sealed record Resource(
    string Id, string? Reference, string RequestingState, string Status, int Version, string[] AllowedActions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Dictionary<string, string?> Links, object Content)
{
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? PreservedUntil { get; init; }
    public string? RequestedReference { get; init; }
    public object? Confidentiality { get; init; }
    public object[] InformationRequests { get; init; } = [];
    public object? Consultation { get; init; }
    public string[]? Conditions { get; init; }
    public object? Refusal { get; init; }
    public object? Postponement { get; init; }
    public object? Outcome { get; init; }
    public object? Withdrawal { get; init; }
    public object? Release { get; init; }

    /// <summary>The answer as the API writes a resource: the status, JSON, and the version as its ETag.</summary>
    public static async Task SendAsync(HttpContext http, int status, int version, byte[] json, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ETag = $"\"{version}\"";
        await http.Response.Body.WriteAsync(json, ct);
    }
}

/// <summary>Stored JSON written into an answer as it is stored.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Converter))]
public sealed record RawJson(string Json)
{
    public sealed class Converter : System.Text.Json.Serialization.JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}

public sealed record RequiredDraft(string Content, string Key, string Id, string Answer) : Mediator.ICommand<string>;

internal sealed class RequiredDraftHandler(StoredWrites writes) : Mediator.ICommandHandler<RequiredDraft, string>
{
    public async ValueTask<string> Handle(RequiredDraft command, CancellationToken cancellationToken) =>
        (string)(await writes.CreateAsync(command.Content, command.Key, (command.Id, command.Answer)))!;
}

public sealed class RequiredEndpoint(Mediator.IMediator mediator) : Endpoint<Body>
{
    public override void Configure()
    {
        Post(Required.Path + "/requests");
        Roles("central-authority");
        Validator<RequiredBodyValidator>();
    }

    public override async Task HandleAsync(Body body, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now).ToString("D");
        var client = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var content = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

        // The audit chain's first event, computed for its cost; the rows keep constants of the same length in its place,
        // which cost the writer what its values would.
        _ = AuditLink.Of(content, $"{id}|1|{now:O}|create|{client}|draft", new string('0', 64));

        var answer = JsonSerializer.SerializeToUtf8Bytes(new Resource(
            id, null, User.FindFirstValue(KeyAuthentication.StateClaim)!, "draft", 1, ["submit"], now, now,
            new() { ["self"] = $"/stack/requests/{id}" }, body), JsonSerializerOptions.Web);
        await mediator.Send(new RequiredDraft(content, IdempotencyKeys.Of(HttpContext.Request), id, Encoding.UTF8.GetString(answer)), ct);

        HttpContext.Response.Headers.Location = $"/stack/requests/{id}";
        await Resource.SendAsync(HttpContext, StatusCodes.Status201Created, 1, answer, ct);
    }
}
