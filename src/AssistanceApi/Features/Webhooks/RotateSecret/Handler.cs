using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Webhooks;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.RotateSecret;

public sealed record RotateWebhookSecretCommand(Caller Caller, Guid Id) : ICommand<IssuedSecret>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, WebhookSecrets secrets, WebhookOptions options, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, IssuedSecret>
{
    public async ValueTask<IssuedSecret> Handle(RotateWebhookSecretCommand command, CancellationToken ct)
    {
        var row = await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, command.Caller, command.Id);
        var secret = WebhookSecrets.Generate();
        // The secret replaced keeps signing beside the new one for the overlap, so the receiver can switch without refusing.
        // Whether there is one goes as its own flag: PostgreSQL cannot type a null @until in "@until IS NULL" (a 500 there).
        DateTimeOffset? until = options.RotationOverlap > TimeSpan.Zero ? clock.Now() + options.RotationOverlap : null;
        await unit.Connection.ExecuteAsync(
            """
            UPDATE webhook_subscriptions SET previous_secret_sealed = CASE WHEN @overlaps THEN secret_sealed END, previous_secret_until = @until,
                   secret_sealed = @sealedSecret, version = version + 1
            WHERE id = @id
            """,
            new { id = row.Id, sealedSecret = secrets.Seal(row.Id, secret), overlaps = until is not null, until }, unit.Transaction);
        return new IssuedSecret { Webhook = row, Secret = secret, PreviousSecretSignsUntil = until };
    }
}
