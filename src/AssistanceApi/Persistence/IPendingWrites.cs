using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>
/// What a write command recorded for the end of its unit of work (the audit events), written inside the same
/// transaction just before it commits. Persistence owns the contract, so the transaction behaviour needs nothing
/// from the part that records.
/// </summary>
public interface IPendingWrites
{
    Task FlushAsync(DbConnection connection, DbTransaction transaction);

    /// <summary>Forgets what was recorded: the unit failed, or the next one starts afresh.</summary>
    void Clear();
}
