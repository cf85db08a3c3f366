namespace AssistanceApi.Persistence.Seeding;

public sealed class SeedOptions
{
    /// <summary>The folder holding states.json, provisions.json, offences.json and demo/.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Loads seeds/demo (fictional States data and demo keys). On in Development only.</summary>
    public bool Demo { get; set; }
}
