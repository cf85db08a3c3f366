using AssistanceApi.Features.Clients;
using AssistanceApi.Features.Clients.Create;
using AssistanceApi.Features.Clients.List;
using AssistanceApi.Features.Clients.Revoke;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Host;

/// <summary>
/// Commands run instead of the server, by the operator, on the server's database. They migrate and load the
/// reference seeds but never the demo data. A production database starts with no clients, so the operator creates
/// the first secretariat client here (the key is printed once); a leaked key is revoked here without the API.
/// Changes are logged in the admin log with no actor (actor null: the operator at the server).
///   dotnet run --no-launch-profile --project src/AssistanceApi -- clients create --role secretariat --name "UNODC secretariat"
///   ... -- clients list
///   ... -- clients revoke 0193a000-0000-7000-8000-000000000010
/// </summary>
public static class Cli
{
    private const string Usage = """
        usage: clients create --role <central-authority|contact-point|state-admin|secretariat> [--state <ISO alpha-3>] --name <name>
               clients list
               clients revoke <client id>
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.PrepareDatabaseAsync(withDemo: false);
        switch (args)
        {
            case ["clients", "create", .. var options]:
                return await CreateAsync(app, options);
            case ["clients", "list"]:
                return await ListAsync(app);
            case ["clients", "revoke", var id] when Guid.TryParse(id, out var clientId):
                return await RevokeAsync(app, clientId);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAsync(WebApplication app, string[] options)
    {
        var body = new CreateClientBody { Role = Option(options, "--role"), State = Option(options, "--state"), Name = Option(options, "--name") };
        var validation = new CreateClientValidator(app.Services.GetRequiredService<KnownStates>()).Validate(body);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors) await Console.Error.WriteLineAsync($"{ValidationProblems.JsonPath(error.PropertyName)}: {error.ErrorMessage}");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateClientCommand(null, body));
        Console.WriteLine($"client {issued.Client.Id} ({issued.Client.Role}{(issued.Client.State is null ? "" : ", " + issued.Client.State)})");
        Console.WriteLine($"key: {issued.Key}");
        Console.WriteLine("The key is shown this once; only its hash is stored.");
        return 0;
    }

    /// <summary>Every client: id, State, role, name, active or revoked. Never a key or a hash.</summary>
    private static async Task<int> ListAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Console.WriteLine("id\tstate\trole\tname\tstatus");
        string? after = null;
        do
        {
            var page = await mediator.Send(new ListClientsQuery(null, 200, after));
            foreach (var c in page.Items) Console.WriteLine($"{c.Id}\t{c.State ?? "-"}\t{c.Role}\t{c.Name}\t{(c.RevokedAt is null ? "active" : "revoked")}");
            after = page.Items.Count > 0 && page.NextCursor is not null ? page.Items[^1].Id.ToString("D") : null;
        } while (after is not null);
        return 0;
    }

    private static async Task<int> RevokeAsync(WebApplication app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeClientCommand(null, id));
        }
        catch (ApiProblemException e)
        {
            await Console.Error.WriteLineAsync(e.Problem.Detail);
            return 1;
        }
        Console.WriteLine($"client {id} revoked: a running server refuses its key from its next lookup: at once on PostgreSQL, within Auth__KeyCacheSeconds (5 s) on SQLite.");
        return 0;
    }

    private static string? Option(string[] options, string name)
    {
        var i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }
}
