using AssistanceApi.Domain;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.States.Update;

public sealed class Endpoint(IMediator mediator) : Endpoint<UpdateStateBody, StateEntry>
{
    public override void Configure()
    {
        Put("/states/{code}");
        Roles(ClientRoles.Secretariat);
        Description(b => b.ProducesProblems(400, 401, 403, 404, 412, 415));
        Summary(s =>
        {
            s.Summary = "Update a State's directory entry (secretariat)";
            s.Description = "Convention status and dates, central authority (Art. 40(13)), 24/7 point of contact (Art. 41), " +
                            "accepted languages (Art. 40(14)) and declarations. Takes effect on the next validation; audited. " +
                            "The body may be the entry GET returned: code, name and asOf are read-only, ignored when they equal " +
                            "the stored entry's and a 400 naming the field when they differ. If-Match with the ETag GET returned " +
                            "changes the entry only if it is still that version (412 otherwise); the response carries the new ETag.";
            s.ExampleRequest = new UpdateStateBody
            {
                Convention = new ConventionStatus
                {
                    Status = ConventionStatusKind.Party, SignedOn = new DateOnly(2025, 10, 25), RatifiedOn = new DateOnly(2025, 12, 1),
                    InForceOn = new DateOnly(2026, 1, 1),
                },
                CentralAuthority = new Office { Name = "Ministry of Justice, central authority", Email = "entraide@justice.example.org", Phone = "+33 1 00 00 00 00" },
                ContactPoint = new Office { Name = "OFAC 24/7 contact point", Email = "247@interieur.example.org", Phone = "+33 1 00 00 00 01" },
                AcceptedLanguages = ["fr", "en"],
                Declarations = new Declarations { RequiresDualCriminality = false, AcceptsRealTimeTrafficCollection = true, AcceptsContentInterception = false },
                Source = "Notification to the Secretary-General of 12 January 2026",
            };
            s.Params["code"] = "The State's ISO 3166-1 alpha-3 code, upper case (FRA).";
        });
    }

    public override async Task HandleAsync(UpdateStateBody body, CancellationToken ct)
    {
        var updated = await mediator.Send(new UpdateStateCommand(Caller.Of(HttpContext), Route<string>("code")!, body, IfMatch.ExpectedTag(HttpContext)), ct);
        IfMatch.SetETag(HttpContext, StoredState.TagOf(updated.ToDocument().Write()));
        await Send.OkAsync(updated, ct);
    }
}
