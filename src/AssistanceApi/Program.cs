using AssistanceApi.Audit;
using AssistanceApi.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddAssistanceApi();

var app = builder.Build();
try
{
    // A command may run against a production database: it never loads the demo data.
    if (Cli.IsCommand(args)) return await Cli.RunAsync(app, args);

    await app.PrepareDatabaseAsync();
    app.LogSqliteMode();
    if (await app.RefusalAsync() is { } refusal)
    {
        await Console.Error.WriteLineAsync(refusal);
        return 1;
    }
    app.UseAssistanceApi();
}
catch (ChainKeyException missing)
{
    await Console.Error.WriteLineAsync($"{missing.Message} {(Cli.IsCommand(args) ? "The command did nothing." : "The server did not start.")}");
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
