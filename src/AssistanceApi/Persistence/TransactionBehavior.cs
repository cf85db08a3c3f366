using System.Data.Common;
using Mediator;

namespace AssistanceApi.Persistence;

/// <summary>
/// Runs each write command, and what it recorded for the end of its unit (the audit events), in one transaction; what the command asked to do
/// once committed runs after the commit, and not at all if it failed.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(Writer writer, UnitOfWork unit, IPendingWrites pending)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IWriteCommand, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        TResponse committed;
        try
        {
            committed = await writer.RunAsync(Work, ct);
        }
        catch
        {
            unit.Abandoned();
            throw;
        }
        unit.Committed();
        return committed;

        async Task<TResponse> Work(DbConnection connection, DbTransaction transaction)
        {
            unit.Bind(connection, transaction);
            try
            {
                var response = await next(message, ct);
                await pending.FlushAsync(connection, transaction);
                return response;
            }
            finally
            {
                unit.Unbind();
                pending.Clear();
            }
        }
    }
}
