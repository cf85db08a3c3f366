using AssistanceApi.Features.Clients.Create;
using AssistanceApi.Treaty;

namespace AssistanceApi.Host;

/// <summary>
/// Commands run instead of the server. The bootstrap: a production database starts with no clients, so
/// the operator creates the first secretariat client here and the key is printed once.
///   dotnet run --project src/AssistanceApi -- clients create --role secretariat --name "UNODC secretariat"
///   dotnet run --project src/AssistanceApi -- clients create --role central-authority --state FRA --name "..."
/// </summary>
public static class Cli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["clients", "create", .. var options])
        {
            await Console.Error.WriteLineAsync("usage: clients create --role <central-authority|contact-point|secretariat> [--state <ISO alpha-3>] --name <name>");
            return 2;
        }

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

    private static string? Option(string[] options, string name)
    {
        var i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }
}
