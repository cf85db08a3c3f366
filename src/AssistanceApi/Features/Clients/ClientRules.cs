using AssistanceApi.Auth;
using AssistanceApi.Features.Clients.Create;
using AssistanceApi.Http;

namespace AssistanceApi.Features.Clients;

/// <summary>
/// Who may do what with clients (separation of duties): a State's state-admin manages that State's clients and no
/// other; the secretariat, which is not a State, may only create a State's first state-admin and revoke any client
/// in an emergency. A caller of null is the operator at the server (the CLI), who may do anything. To a state-admin
/// another State's client does not exist (404).
/// </summary>
public static class ClientRules
{
    public static void MayCreate(Caller? caller, CreateClientBody body)
    {
        if (caller is null) return;
        if (body.Role == ClientRoles.Secretariat)
            throw Problems.Forbidden("secretariat-clients-by-cli-only", "role",
                "Secretariat clients are created only by the operator at the server (clients create --role secretariat), never through the API.");
        if (caller.Role == ClientRoles.Secretariat && body.Role != ClientRoles.StateAdmin)
            throw Problems.Forbidden("secretariat-is-not-a-state", "role",
                "The secretariat is not a State and issues no State's keys: it may only create a State's first state-admin, who then issues the State's other keys.");
        if (caller.Role == ClientRoles.StateAdmin && body.State != caller.State)
            throw Problems.Forbidden("other-state", "state", $"A state-admin issues keys only for its own State ({caller.State}).");
    }

    /// <summary>The secretariat's one creation: a State's first state-admin, while the State has no active one.</summary>
    public static void MayCreateFirstStateAdmin(Caller? caller, string state, bool stateHasActiveAdmin)
    {
        if (caller?.Role == ClientRoles.Secretariat && stateHasActiveAdmin)
            throw Problems.Forbidden("state-admin-exists", "state",
                $"{state} already has an active state-admin: only it issues {state}'s keys. The secretariat may revoke it in an emergency, then create a new first state-admin.");
    }

    /// <summary>The client as the caller may know it: null (404) when it is another State's, for a state-admin.</summary>
    public static ClientView? Visible(Caller? caller, ClientView? client) =>
        client is not null && (caller?.Role != ClientRoles.StateAdmin || client.State == caller.State) ? client : null;

    public static void MayRotate(Caller caller)
    {
        if (caller.Role == ClientRoles.Secretariat)
            throw Problems.Forbidden("secretariat-may-only-revoke", "id",
                "The secretariat may only revoke a client (in an emergency); the State's state-admin issues its new keys.");
    }

    public static void MayRevoke(Caller? caller, ClientView client, int activeSecretariatClients)
    {
        if (caller?.Role != ClientRoles.Secretariat) return;
        if (client.Id == caller.ClientId)
            throw Problems.Conflict("own-client", "The secretariat cannot revoke the client it is calling with: another secretariat client, or the operator at the server (clients revoke), may.", []);
        if (client.Role == ClientRoles.Secretariat && client.RevokedAt is null && activeSecretariatClients <= 1)
            throw Problems.Conflict("last-secretariat", "This is the last active secretariat client: revoking it would leave the directory without a keeper.", []);
    }
}
