using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Parts of request bodies (lists, electronic data, offences) and the bodies of the preservation actions.</summary>
public static class BodyParts
{
    public static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Categories and identifiers of electronic data (Arts. 44–46), and a period only if asked.</summary>
    public static JsonObject ElectronicData(string? from = null, string? to = null, int? durationDays = null)
    {
        var data = new JsonObject
        {
            ["categories"] = Array("traffic"),
            ["identifiers"] = Array("203.0.113.7"),
        };
        if (from is not null) data["from"] = from;
        if (to is not null) data["to"] = to;
        if (durationDays is not null) data["durationDays"] = durationDays;
        return data;
    }

    public static JsonObject Period() => ElectronicData(from: "2026-12-01", to: "2026-12-31");

    /// <summary>The data a stored-data-access measure names (Art. 44), so that only the rule under test can object.</summary>
    public static JsonObject StoredData() => new()
    {
        ["categories"] = Array("subscriber", "traffic"),
        ["identifiers"] = Array("user@mail.example.org"),
        ["from"] = "2026-03-01",
        ["to"] = "2026-03-31",
    };

    /// <summary>A serious crime (Art. 2(h)) outside Arts. 7–17, with its maximum penalty.</summary>
    public static JsonObject SeriousCrime(decimal maxPenaltyYears) =>
        new() { ["description"] = "Aggravated fraud", ["maxPenaltyYears"] = maxPenaltyYears };

    /// <summary>The body of preserve and extend.</summary>
    public static JsonObject Until(string day) => new() { ["preservedUntil"] = day };

    /// <summary>The body of release.</summary>
    public static JsonObject Reason(string reason) => new() { ["reason"] = reason };
}
