using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using Dapper;

namespace AssistanceApi.Features.Webhooks;

/// <summary>
/// Who may manage a subscription: the clients of the State and role that own it. A central authority's subscription
/// is its State's central authorities' to see and change (so it outlives one client's key), and no contact point's or
/// state-admin's: each role receives only the events it may see. Another State's subscription, or another role's,
/// does not exist for the caller (404).
/// </summary>
public static class WebhookRules
{
    public static readonly string[] Roles = [ClientRoles.CentralAuthority, ClientRoles.ContactPoint, ClientRoles.StateAdmin];

    public static async Task<WebhookView> VisibleAsync(DbConnection connection, DbTransaction? transaction, Caller caller, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<WebhookView>(
            $"SELECT {WebhookView.Columns} FROM webhook_subscriptions WHERE id = @id AND owner_state = @State AND owner_role = @Role",
            new { id, caller.State, caller.Role }, transaction);
        return row ?? throw Problems.NotFound($"No webhook {id}.");
    }
}
