using AssistanceApi.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddAssistanceApi();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (Cli.IsCommand(args)) return await Cli.RunAsync(app, args);

app.UseAssistanceApi();
await app.RunAsync();
return 0;

public partial class Program;
