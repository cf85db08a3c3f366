using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Request bodies that pass every treaty rule; tests break one thing at a time.</summary>
public static class Bodies
{
    /// <summary>A complete mutual legal assistance request from FRA (caller) to the given State.</summary>
    public static JsonObject CompleteMla(string requestedState = "DEU", string language = "en") => new()
    {
        ["kind"] = "mutual-legal-assistance",
        ["requestedState"] = requestedState,
        ["legalBasis"] = "convention",
        ["language"] = language,
        ["requestingAuthority"] = new JsonObject { ["name"] = "Parquet national cyber", ["functions"] = "Prosecutor", ["email"] = "cyber@parquet.example.org" },
        ["proceeding"] = new JsonObject
        {
            ["nature"] = "investigation",
            ["subject"] = "Ransomware attack on a hospital",
            ["reference"] = "PNC-2026-42",
            ["conductingAuthority"] = new JsonObject { ["name"] = "Investigating judge, Paris", ["functions"] = "Investigating judge" },
        },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
        ["facts"] = "The hospital's systems were encrypted on 2 March 2026.",
        ["measures"] = new JsonArray("taking-evidence"),
        ["assistanceSought"] = "Hear the system administrator as a witness.",
        ["purpose"] = "To establish how access was gained.",
        ["persons"] = new JsonArray(new JsonObject { ["name"] = "A. Witness", ["role"] = "witness", ["location"] = "Berlin", ["nationality"] = "DEU" }),
    };

    /// <summary>A draft with only the two required fields.</summary>
    public static JsonObject MinimalDraft(string requestedState = "DEU", string kind = "mutual-legal-assistance") => new()
    {
        ["kind"] = kind,
        ["requestedState"] = requestedState,
    };

    /// <summary>A complete expedited preservation request from FRA (Art. 42(2)(a)–(f), 60 days).</summary>
    public static JsonObject CompletePreservation(string requestedState = "DEU", string language = "en") => new()
    {
        ["kind"] = "expedited-preservation",
        ["requestedState"] = requestedState,
        ["language"] = language,
        ["requestingAuthority"] = new JsonObject { ["name"] = "OFAC cybercrime unit", ["functions"] = "Police" },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
        ["facts"] = "An intrusion into a hospital network on 2 March 2026 from a server hosted in the requested State.",
        ["preservation"] = new JsonObject
        {
            ["custodian"] = "Example Hosting GmbH",
            ["systemLocation"] = "Frankfurt data centre",
            ["data"] = "Connection logs of server 203.0.113.7 from 1 to 3 March 2026",
            ["relationshipToOffence"] = "The intrusion came from this server.",
            ["necessity"] = "The host keeps logs for 14 days only.",
            ["followUpIntended"] = true,
            ["periodDays"] = 90,
        },
    };

    /// <summary>A follow-up request for the preserved data, naming the preservation (Art. 42).</summary>
    public static JsonObject FollowUpMla(string preservationId, string requestedState = "DEU")
    {
        var body = CompleteMla(requestedState);
        body["measures"] = new JsonArray("stored-data-access");
        body["electronicData"] = new JsonObject { ["categories"] = new JsonArray("traffic"), ["identifiers"] = new JsonArray("203.0.113.7") };
        body["relatedRequestId"] = preservationId;
        return body;
    }
}
