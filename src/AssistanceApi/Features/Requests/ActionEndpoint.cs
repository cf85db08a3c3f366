using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The shape every lifecycle action shares: POST /requests/{id}/{action}, If-Match honoured, the request
/// returned with its new ETag. A slice names its action, documents it and builds its command.
/// </summary>
public abstract class ActionEndpoint<TBody>(IMediator mediator) : Endpoint<TBody, RequestResource>
    where TBody : notnull
{
    protected abstract LifecycleAction Action { get; }
    protected abstract string Title { get; }
    protected abstract string Explanation { get; }

    /// <summary>The body Swagger UI offers: valid for this action on the walk-through's request (none for a bodiless action).</summary>
    protected virtual TBody? Example => default;

    protected abstract Mediator.ICommand<RequestReply> Command(ActionTarget target, TBody body);

    public override void Configure()
    {
        Post($"/requests/{{id}}/{Action.Name}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404, 409, 412, 422));
        Summary(s =>
        {
            s.Summary = Title;
            s.Description = Explanation + " Wrong side → 403; not possible in the current status → 409 listing " +
                            "allowedActions; stale If-Match → 412.";
            if (Example is not null) s.ExampleRequest = Example;
        });
    }

    public override async Task HandleAsync(TBody body, CancellationToken ct)
    {
        var target = this.Target();
        var result = await mediator.Send(Command(target, body), ct);
        await HttpContext.SendReplyAsync(result, ct);
    }
}
