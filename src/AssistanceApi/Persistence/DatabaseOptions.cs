namespace AssistanceApi.Persistence;

public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";

    /// <summary>Resolved at startup: <c>ConnectionStrings:Assistance</c>, else <c>data/assistance.db</c> under the content root.</summary>
    public string ConnectionString { get; set; } = "";
}
