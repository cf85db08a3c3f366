using AssistanceApi.Audit;
using Mediator;

namespace AssistanceApi.Persistence;

/// <summary>Runs each write command, and the audit events it recorded, in one transaction.</summary>
public sealed class TransactionBehavior<TMessage, TResponse>(Writer writer, UnitOfWork unit, AuditTrail audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IWriteCommand, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        return await writer.RunAsync(async (connection, transaction) =>
        {
            unit.Bind(connection, transaction);
            try
            {
                var response = await next(message, ct);
                await audit.FlushAsync(connection, transaction);
                return response;
            }
            finally
            {
                unit.Unbind();
                audit.Clear();
            }
        }, ct);
    }
}
