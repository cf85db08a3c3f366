using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

// POST /stack/requests and POST /stack/requests/{id}/submit: a create's and a submit's rows raw (StoredWrites), reached
// through a minimal endpoint on the libraries the project chose: an API key checked by an authentication handler (a
// hash and a dictionary), a FastEndpoints endpoint for one role, a Mediator command and its handler, and the answer as
// FastEndpoints serializes it; for create also the body bound with System.Text.Json and a FluentValidation validator.
// Each piece does less than the API's: no rate limit, treaty, domain, audit digest or seal, idempotency fingerprint,
// enum or timestamp converter; fourteen checks on eleven fields where the API checks every field; no pipeline
// behaviour; a create's answer without the fields a draft has empty, a submit's without the request's content. What
// these reach bounds what the API can reach with these rows on these libraries (results/issue-16-stack-ceiling.md).

namespace AssistanceApi.Load.Floors.Stack;

/// <summary>
/// The create body's fields that tests/load/bodies/create.json fills, as strings. A shape of its own: the floors app does
/// not reference the API (whose endpoints and Mediator handlers it would then pick up too).
/// </summary>
public sealed class Body
{
    public string? Kind { get; set; }
    public string? RequestedState { get; set; }
    public string? LegalBasis { get; set; }
    public string? Language { get; set; }
    public Authority? RequestingAuthority { get; set; }
    public Proceeding? Proceeding { get; set; }
    public List<Offence>? Offences { get; set; }
    public string? Facts { get; set; }
    public List<string>? Measures { get; set; }
    public string? AssistanceSought { get; set; }
    public string? Purpose { get; set; }
    public List<Person>? Persons { get; set; }
}

public sealed class Authority
{
    public string? Name { get; set; }
    public string? Functions { get; set; }
    public string? Email { get; set; }
}

public sealed class Proceeding
{
    public string? Nature { get; set; }
    public string? Subject { get; set; }
    public string? Reference { get; set; }
    public Authority? ConductingAuthority { get; set; }
}

public sealed class Offence
{
    public int? Article { get; set; }
}

public sealed class Person
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Location { get; set; }
    public string? Nationality { get; set; }
}

/// <summary>The Convention's offences, Arts. 7–17: the API takes them from its catalogue (src/AssistanceApi/Treaty).</summary>
public static class ConventionOffences
{
    public const int FirstArticle = 7;
    public const int LastArticle = 17;
}

public sealed record Created(string Id, string RequestingState, string Status, int Version, string[] AllowedActions, DateTimeOffset CreatedAt, Body Content);

public sealed class BodyValidator : Validator<Body>
{
    public BodyValidator()
    {
        RuleFor(b => b.Kind).NotEmpty().MaximumLength(40);
        RuleFor(b => b.RequestedState).NotEmpty().Length(3);
        RuleFor(b => b.Language).MaximumLength(8);
        RuleFor(b => b.Facts).MaximumLength(20_000);
        RuleFor(b => b.AssistanceSought).MaximumLength(20_000);
        RuleFor(b => b.Purpose).MaximumLength(20_000);
        RuleFor(b => b.RequestingAuthority!.Name).MaximumLength(300).When(b => b.RequestingAuthority is not null);
        RuleFor(b => b.Proceeding!.Subject).MaximumLength(1_000).When(b => b.Proceeding is not null);
        RuleForEach(b => b.Offences).ChildRules(o =>
            o.RuleFor(x => x.Article).InclusiveBetween(ConventionOffences.FirstArticle, ConventionOffences.LastArticle));
        RuleForEach(b => b.Persons).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            p.RuleFor(x => x.Nationality).Length(3);
        });
    }
}

public sealed record CreateDraft(string State, string Key, Body Content) : Mediator.ICommand<Created>;

internal sealed class CreateDraftHandler(StoredWrites writes) : Mediator.ICommandHandler<CreateDraft, Created>
{
    public async ValueTask<Created> Handle(CreateDraft command, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.Serialize(command.Content, JsonSerializerOptions.Web);
        var id = (string)(await writes.CreateAsync(content, command.Key))!;
        return new Created(id, command.State, "draft", 1, ["submit"], DateTimeOffset.UtcNow, command.Content);
    }
}

public sealed class Endpoint(IMediator mediator) : Endpoint<Body, Created>
{
    public override void Configure()
    {
        Post("/stack/requests");
        Roles("central-authority");
        Validator<BodyValidator>();
    }

    public override async Task HandleAsync(Body body, CancellationToken ct)
    {
        var created = await mediator.Send(
            new CreateDraft(User.FindFirstValue(KeyAuthentication.StateClaim)!, IdempotencyKeys.Of(HttpContext.Request), body), ct);
        HttpContext.Response.Headers.Location = $"/stack/requests/{created.Id}";
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}

public sealed record Submitted(string Id, string Reference, string Status);

public sealed record SubmitDraft(string Id) : Mediator.ICommand<Submitted?>;

internal sealed class SubmitDraftHandler(StoredWrites writes) : Mediator.ICommandHandler<SubmitDraft, Submitted?>
{
    public async ValueTask<Submitted?> Handle(SubmitDraft command, CancellationToken cancellationToken) =>
        await writes.SubmitAsync(command.Id) is string reference ? new Submitted(command.Id, reference, "submitted") : null;
}

public sealed class SubmitEndpoint(IMediator mediator) : EndpointWithoutRequest<Submitted>
{
    public override void Configure()
    {
        Post("/stack/requests/{id}/submit");
        Roles("central-authority");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await mediator.Send(new SubmitDraft(Route<string>("id")!), ct) is { } submitted) await Send.OkAsync(submitted, ct);
        else await Send.ResultAsync(Results.Conflict());
    }
}

/// <summary>The API's key check at its cheapest: the key's SHA-256 found in a dictionary of one key, three claims.</summary>
public sealed class KeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "ApiKey";
    public const string StateClaim = "state";
    private static readonly Dictionary<string, (string Client, string State, string Role)> Known = new()
    {
        [Hash("demo-fra-ca")] = ("floor-client-fra", "FRA", "central-authority"),
    };

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Api-Key", out var key) || !Known.TryGetValue(Hash(key.ToString()), out var client))
            return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, client.Client), new Claim(ClaimTypes.Role, client.Role), new Claim(StateClaim, client.State)], Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
