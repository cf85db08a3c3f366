using AssistanceApi.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddAssistanceApi();

var app = builder.Build();
// A command may run against a production database: it never loads the demo data.
if (Cli.IsCommand(args)) return await Cli.RunAsync(app, args);

await app.PrepareDatabaseAsync();
if (await app.RefusalAsync() is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

app.UseAssistanceApi();
await app.RunAsync();
return 0;

public partial class Program;
