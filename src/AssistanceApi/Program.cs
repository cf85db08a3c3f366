using AssistanceApi.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddAssistanceApi();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseAssistanceApi();
await app.RunAsync();

public partial class Program;
