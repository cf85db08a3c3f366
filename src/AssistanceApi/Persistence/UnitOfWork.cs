using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>
/// The connection and transaction a write handler works in. Scoped: the transaction behaviour binds it
/// before the handler runs, so handlers never open, commit or roll back anything themselves.
/// </summary>
public sealed class UnitOfWork
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public DbConnection Connection => _connection ?? throw new InvalidOperationException("No unit of work is active: mark the message IWriteCommand.");
    public DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("No unit of work is active: mark the message IWriteCommand.");

    internal void Bind(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    internal void Unbind()
    {
        _connection = null;
        _transaction = null;
    }

    private readonly List<Action> _afterCommit = [];

    /// <summary>Work that must see the change committed, such as forgetting cached keys; skipped if the unit fails.</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    internal void Committed()
    {
        foreach (var action in _afterCommit) action();
        _afterCommit.Clear();
    }

    internal void Abandoned() => _afterCommit.Clear();
}
